// The mesocycle's pure pieces (src/domain/mesocycle): the rollover's SQL binds their constants and
// tests/rollover/mesocycle-simulation.test.ts checks the SQL against them through the real rollover.
import { describe, expect, it } from "vitest";
import { groupOf, MAX_SETS_PER_ROW, mrv, mrvTable } from "../../src/domain/mesocycle/caps.ts";
import { distributeSets } from "../../src/domain/mesocycle/distribute.ts";
import { deloadCause } from "../../src/domain/mesocycle/fatigue.ts";
import { accumulationWeeks } from "../../src/domain/mesocycle/length.ts";
import { performanceScore } from "../../src/domain/mesocycle/performance.ts";
import { restartLoadKg } from "../../src/domain/mesocycle/restart.ts";
import { rampRir } from "../../src/domain/mesocycle/rir-ramp.ts";
import { halfSets, RECOVERY, SET_CHANGE_TABLE, setChange } from "../../src/domain/mesocycle/set-change.ts";
import { deloadReason, withVolumeReason } from "../../src/domain/mesocycle/volume-reason.ts";

const ramp = (goal: string, level: string, weeks: number, equipment: string | null = "machine") =>
  Array.from({ length: weeks }, (_, i) => rampRir(goal, level, i + 1, weeks, { equipment }));

describe("mesocycle length", () => {
  it("a fixed deload_every_weeks is that many weeks with the deload; null is the goal x level table", () => {
    expect(accumulationWeeks(5, "hypertrophy", "advanced")).toBe(4);
    expect(accumulationWeeks(2, "strength", "beginner")).toBe(1);
    expect(accumulationWeeks(null, "hypertrophy", "beginner")).toBe(6);
    expect(accumulationWeeks(null, "hypertrophy", "intermediate")).toBe(5);
    expect(accumulationWeeks(null, "hypertrophy", "advanced")).toBe(4);
    expect(accumulationWeeks(null, "strength", "advanced")).toBe(3);
    expect(accumulationWeeks(null, "endurance", "intermediate")).toBe(5);
    expect(accumulationWeeks(null, "unknown", "unknown")).toBe(5);
  });
});

describe("RIR ramp", () => {
  it("hypertrophy falls from 3 to 0 (RP's 3, 2, 1, 0 over four weeks)", () => {
    expect(ramp("hypertrophy", "intermediate", 4)).toEqual([3, 2, 1, 0]);
    expect(ramp("hypertrophy", "intermediate", 5)).toEqual([3, 2, 1, 1, 0]);
    expect(ramp("hypertrophy", "intermediate", 6)).toEqual([3, 2, 2, 1, 1, 0]);
  });
  it("barbell lifts stop at 1, beginners at 2; strength runs RPE 7 to 9", () => {
    expect(ramp("hypertrophy", "intermediate", 4, "barbell")).toEqual([3, 2, 1, 1]);
    expect(ramp("hypertrophy", "beginner", 6)).toEqual([3, 2, 2, 2, 2, 2]);
    expect(ramp("strength", "advanced", 3)).toEqual([3, 2, 1]);
    expect(ramp("strength", "intermediate", 4)).toEqual([3, 2, 2, 1]);
    expect(ramp("general_fitness", "intermediate", 1)).toEqual([3]);
  });
  it("never rises within a mesocycle, whatever its length", () => {
    for (const goal of ["hypertrophy", "strength", "general_fitness", "endurance"])
      for (const level of ["beginner", "intermediate", "advanced"])
        for (let weeks = 1; weeks <= 11; weeks += 1) {
          const r = ramp(goal, level, weeks, "barbell");
          for (let i = 1; i < r.length; i += 1) expect(r[i]).toBeLessThanOrEqual(r[i - 1] as number);
          expect(r[0]).toBe(3);
        }
  });
});

describe("RP's set change (soreness x performance)", () => {
  it("reads the table, the pump choosing the end of RP's range", () => {
    const grid = (pump: number | null) =>
      [0, 1, 2, 3].map((s) => [0, 1, 2, 3].map((p) => setChange(p, s, pump)));
    const R = RECOVERY;
    expect(grid(null)).toEqual([
      [2, 1, 0, R],
      [1, 0, 0, R],
      [0, 0, 0, R],
      [0, 0, 0, R],
    ]);
    expect(grid(0)).toEqual([
      [3, 2, 0, R],
      [2, 1, 0, R],
      [0, 0, 0, R],
      [0, 0, 0, R],
    ]);
    expect(grid(3)).toEqual([
      [1, 0, 0, R],
      [1, 0, 0, R],
      [0, 0, 0, R],
      [0, 0, 0, R],
    ]);
    expect(setChange(null, 0, 0)).toBe(0);
    expect(setChange(0, null, null)).toBe(2);
    expect(SET_CHANGE_TABLE).toHaveLength(48);
  });
  it("halves sets rounding up, at least 1", () => {
    expect([1, 2, 3, 4, 5, 6].map(halfSets)).toEqual([1, 1, 2, 2, 3, 3]);
  });
});

describe("performance score", () => {
  const set = (repsDone: number, rpe: number | null, setNo = 1) => ({ setNo, repsDone, weightKg: 50, rpe });
  it("0 beat by 2+, 1 met (mean over the sets), 2 past the target RIR, a set skipped or a fall, 3 a miss at RPE 10", () => {
    const t = { min: 8 };
    expect(performanceScore("hold", t, 8, 2, [set(10, 8), set(10, 8, 2)])).toBe(0);
    expect(performanceScore("hold", t, 8, 2, [set(8, 6), set(8, 6, 2)])).toBe(0);
    expect(performanceScore("hold", t, 8, 2, [set(9, 8), set(8, null, 2)])).toBe(1);
    expect(performanceScore("hold", t, 8, 2, [set(8, 9), set(8, 8, 2)])).toBe(2);
    expect(performanceScore("hold", t, 8, 2, [set(12, 8)])).toBe(2);
    expect(performanceScore("hold_fell", t, 8, 2, [set(8, 8), set(8, 8, 2)])).toBe(2);
    // The usual drop-off at the right load: 9, 8, 7 reps at the target RPE met the target.
    expect(performanceScore("hold", t, 8, 3, [set(9, 8), set(8, 8, 2), set(7, 8, 3)])).toBe(1);
    expect(performanceScore("hold", t, 8, 3, [set(8, 8), set(7, 8, 2), set(7, 8, 3)])).toBe(2);
    // Below the prescription two weeks running: the cut answers it, not a recovery session.
    expect(performanceScore("decrease", t, 8, 2, [set(6, 9)])).toBe(2);
    expect(performanceScore("decrease_rpe10", t, 8, 2, [set(5, 10)])).toBe(3);
    expect(performanceScore("no_log", t, 8, 2, [])).toBeNull();
    expect(performanceScore("unparsed_reps", null, 8, 2, [set(5, 10)])).toBeNull();
  });
});

describe("caps", () => {
  it("MRV by level from RP's intermediate landmarks; the back is lats and middle back", () => {
    expect(mrv("chest", "intermediate")).toBe(22);
    expect(mrv("chest", "beginner")).toBe(16);
    expect(mrv("back", "advanced")).toBe(27);
    expect(mrv("forearms", "intermediate")).toBe(12);
    expect(mrvTable().beginner?.other).toBe(9);
    expect(groupOf("lats")).toBe("back");
    expect(groupOf("middle_back")).toBe("back");
    expect(groupOf(null)).toBeNull();
    expect(MAX_SETS_PER_ROW).toBe(5);
  });
});

describe("fatigue deloads", () => {
  const base = {
    lastWeek: 3,
    weeks: 5,
    lastWasDeload: false,
    trainedGroups: 6,
    recoveringGroups: 3,
    mainLifts: 4,
    mainLiftsFalling: 2,
  };
  it("planned at the end, early on more than half, never right after a deload or before week 3 was trained", () => {
    expect(deloadCause(base)).toBeNull();
    expect(deloadCause({ ...base, lastWeek: 5 })).toBe("planned");
    expect(deloadCause({ ...base, recoveringGroups: 4 })).toBe("fatigue");
    expect(deloadCause({ ...base, mainLiftsFalling: 3 })).toBe("fatigue");
    expect(deloadCause({ ...base, lastWeek: 2, recoveringGroups: 6 })).toBeNull();
    expect(deloadCause({ ...base, lastWasDeload: true, lastWeek: 9 })).toBeNull();
  });
});

describe("reasons and the restart load", () => {
  it("say what changed", () => {
    expect(deloadReason("planned, end of mesocycle 1", { from: 4, to: 2 }, { from: 100, to: 90 }, 4)).toBe(
      "deload (planned, end of mesocycle 1): sets 4 -> 2, load 100 -> 90 kg, RIR 4",
    );
    expect(deloadReason("planned, end of mesocycle 1", { from: 3, to: 2 }, { from: null, to: null }, 4)).toBe(
      "deload (planned, end of mesocycle 1): sets 3 -> 2, no load, RIR 4",
    );
    expect(
      withVolumeReason("held", {
        kind: "added",
        group: "chest",
        add: 2,
        performance: 0,
        soreness: 1,
        pump: null,
      }),
    ).toBe("held; +2 sets (chest: performance 0, soreness 1)");
  });
  it("a new mesocycle's load: the one for its RIR, at most a 10% cut", () => {
    const input = {
      weight: 100,
      reps: "5",
      sets: 3,
      rir: 0,
      nextRir: 3,
      equipment: "barbell",
      muscleGroup: "chest",
      missStreak: 0,
      logged: [],
    };
    // e1RM 116: 5 at RPE 7 is 78.6% = 91.2, down to 90 (the 10% floor).
    expect(restartLoadKg(input, { weight: 100, missStreak: 0, rule: "hold", e1rmKg: 116 })).toBe(90);
    expect(restartLoadKg(input, { weight: 105, missStreak: 0, rule: "increase", e1rmKg: 140 })).toBeNull();
    expect(
      restartLoadKg({ ...input, nextRir: 0 }, { weight: 100, missStreak: 0, rule: "hold", e1rmKg: 116 }),
    ).toBeNull();
  });
});

describe("where added sets go", () => {
  const row = (id: string, sets: number, tier: string | null, order: number, session = "a") => ({
    id,
    sets,
    tier,
    sessionDate: "2026-01-05",
    order,
    session,
    setSeconds: 100,
  });
  it("fewest sets first, then T3 before T2 before T1; one each in turn; never past 5 or the MRV", () => {
    const rows = [
      row("t1", 3, "T1", 1),
      row("t2", 3, "T2", 2),
      row("t3", 3, "T3", 3),
      row("few", 2, "T1", 4),
    ];
    expect(distributeSets(rows, 3, 22, new Map())).toEqual(
      new Map([
        ["few", 1],
        ["t3", 1],
        ["t2", 1],
      ]),
    );
    // Two rows, +3: round-robin gives the first two and the second one.
    expect(distributeSets([row("a", 3, "T3", 1), row("b", 3, "T3", 2)], 3, 22, new Map())).toEqual(
      new Map([
        ["a", 2],
        ["b", 1],
      ]),
    );
    expect(distributeSets([row("a", 4, "T3", 1)], 3, 22, new Map())).toEqual(new Map([["a", 1]]));
    expect(distributeSets([row("a", 5, "T3", 1)], 3, 22, new Map())).toEqual(new Map());
    // The MRV left: 21 sets in the group, MRV 22, +3 asks for one.
    expect(distributeSets([row("a", 3, "T3", 1), row("b", 18, null, 2)], 3, 22, new Map())).toEqual(
      new Map([["a", 1]]),
    );
  });
  it("a row keeps its sets only while its session has the time", () => {
    const rows = [row("a", 2, "T3", 1), row("b", 2, "T3", 2, "b"), row("c", 3, "T3", 3)];
    expect(distributeSets(rows, 3, 22, new Map([["a", 150]]))).toEqual(
      new Map([
        ["a", 1],
        ["b", 1],
      ]),
    );
  });
});
