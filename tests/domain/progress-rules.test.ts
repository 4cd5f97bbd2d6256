import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateOneRepMax, RTS_CHART, rtsPercent } from "../../src/domain/progress-aggregates/e1rm.ts";
import { hardSetsForSet, secondaryMusclesFor } from "../../src/domain/progress-aggregates/hard-sets.ts";
import { summariseWeek } from "../../src/domain/progress-aggregates/weekly-summary.ts";

describe("RTS chart", () => {
  it("has the contract's shape: RPE 10 down to 6 in 0.5 steps, 10 reps each", () => {
    expect(RTS_CHART.map((r) => r.rpe)).toEqual([10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6]);
    for (const row of RTS_CHART) expect(row.percentByReps).toHaveLength(10);
  });

  it("reads cells of docs/contract.md section 5", () => {
    expect(rtsPercent(1, 10)).toBe(100);
    expect(rtsPercent(5, 8)).toBe(81.1);
    expect(rtsPercent(10, 10)).toBe(73.9);
    expect(rtsPercent(3, 9.5)).toBe(90.7);
    expect(rtsPercent(10, 6)).toBe(62.6);
    expect(rtsPercent(8, 7)).toBe(70.7);
  });

  it("is null off the chart", () => {
    expect(rtsPercent(11, 8)).toBeNull();
    expect(rtsPercent(0, 8)).toBeNull();
    expect(rtsPercent(2.5, 8)).toBeNull();
    expect(rtsPercent(5, 5)).toBeNull();
    expect(rtsPercent(5, 8.2)).toBeNull();
  });
});

describe("estimateOneRepMax", () => {
  it("uses the chart when an RPE is given", () => {
    expect(estimateOneRepMax(100, 5, 8)).toBeCloseTo(123.3046, 4); // 100 / 0.811 = 123.30456...
    expect(estimateOneRepMax(80, 8, 9)).toBeCloseTo(104.9869, 4); // 80 / 0.762 = 104.98687...
    expect(estimateOneRepMax(100, 2, 10)).toBeCloseTo(104.712, 4); // 100 / 0.955 = 104.71204...
  });

  it("uses Epley without an RPE, beyond 10 reps, or with an RPE off the chart", () => {
    expect(estimateOneRepMax(100, 10, null)).toBeCloseTo(133.3333, 4); // 100 * (1 + 10/30)
    expect(estimateOneRepMax(60, 12, 8)).toBeCloseTo(84, 10); // 60 * (1 + 12/30) = 60 * 1.4
    expect(estimateOneRepMax(90, 3, 5)).toBeCloseTo(99, 10); // 90 * (1 + 3/30) = 90 * 1.1
  });

  it("returns the weight for a single and 0 for nothing lifted", () => {
    expect(estimateOneRepMax(140, 1, 9)).toBe(140);
    expect(estimateOneRepMax(140, 1, null)).toBe(140);
    expect(estimateOneRepMax(100, 0, 8)).toBe(0);
    expect(estimateOneRepMax(0, 5, null)).toBe(0);
    expect(estimateOneRepMax(-10, 5, null)).toBe(0);
  });

  it("grows with the weight, and Epley never estimates below the weight", () => {
    const rpe = fc.option(fc.constantFrom(6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10), { nil: null });
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        rpe,
        (w, extra, reps, r) => estimateOneRepMax(w + extra, reps, r) >= estimateOneRepMax(w, reps, r),
      ),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (w, reps) => {
          return estimateOneRepMax(w, reps, null) >= w;
        },
      ),
    );
  });
});

describe("hardSetsForSet", () => {
  it("counts 1 for the primary and 0.5 for each distinct secondary", () => {
    const result = hardSetsForSet("chest", ["triceps", "shoulders", "triceps", "chest"]);
    // triceps listed twice counts once; chest as a secondary adds nothing to the primary's 1
    expect(Object.fromEntries(result)).toEqual({ chest: 1, triceps: 0.5, shoulders: 0.5 });
  });

  it("counts each set once per muscle group: lats and middle_back are one group, the back", () => {
    // A row naming middle back and lats is 1 back set, not 1.5 (issue 22, item 1).
    expect(Object.fromEntries(hardSetsForSet("middle_back", ["lats", "biceps"]))).toEqual({
      middle_back: 1,
      biceps: 0.5,
    });
    // Two secondaries of one group: only the first listed counts.
    expect(Object.fromEntries(hardSetsForSet("biceps", ["middle_back", "lats", "shoulders"]))).toEqual({
      biceps: 1,
      middle_back: 0.5,
      shoulders: 0.5,
    });
  });

  it("counts the primary alone without secondaries", () => {
    expect(Object.fromEntries(hardSetsForSet("biceps", null))).toEqual({ biceps: 1 });
    expect(Object.fromEntries(hardSetsForSet("biceps", []))).toEqual({ biceps: 1 });
  });

  it("takes the row's secondaries, or the catalogue's where the row has none", () => {
    expect(secondaryMusclesFor(["triceps"], ["shoulders"])).toEqual(["triceps"]);
    expect(secondaryMusclesFor([], ["shoulders"])).toEqual(["shoulders"]);
    expect(secondaryMusclesFor(null, ["shoulders"])).toEqual(["shoulders"]);
    expect(secondaryMusclesFor(null, null)).toEqual([]);
  });
});

describe("summariseWeek", () => {
  it("sums, maxes and averages as the contract defines", () => {
    const summary = summariseWeek([
      { repsDone: 5, weightKg: 100, rpe: 8 }, // volume 500, e1RM 100 / 0.811 = 123.30
      { repsDone: 5, weightKg: 100, rpe: null }, // volume 500, Epley 100 * (1 + 5/30) = 116.67
      { repsDone: 3, weightKg: 105, rpe: 9 }, // volume 315, e1RM 105 / 0.892 = 117.71
      { repsDone: 0, weightKg: 120, rpe: 10 }, // a failed attempt: volume 0, e1RM 0, not a top set
    ]);
    expect(summary.sets).toBe(4);
    expect(summary.reps).toBe(13); // 5 + 5 + 3 + 0
    expect(summary.volumeKg).toBe(1315); // 500 + 500 + 315 + 0
    expect(summary.topSetKg).toBe(105); // 120 kg x 0 was not lifted
    expect(summary.e1rmKg).toBeCloseTo(123.3046, 4);
    expect(summary.avgRpe).toBe(9); // (8 + 9 + 10) / 3
  });

  it("is empty without sets, and has no average RPE when none was recorded", () => {
    expect(summariseWeek([])).toEqual({
      sets: 0,
      reps: 0,
      volumeKg: 0,
      topSetKg: 0,
      e1rmKg: 0,
      avgRpe: null,
    });
    expect(summariseWeek([{ repsDone: 10, weightKg: 20, rpe: null }]).avgRpe).toBeNull();
  });
});
