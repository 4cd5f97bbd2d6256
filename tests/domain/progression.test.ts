import { describe, expect, it } from "vitest";
import {
  DEFAULT_DELOAD_EVERY_WEEKS,
  deloadPrescription,
  isDeloadWeek,
  rolloverKind,
} from "../../src/domain/load-progression/deload.ts";
import { loadIncrementKg, loadStepKg } from "../../src/domain/load-progression/load-increment.ts";
import { reducedLoadKg } from "../../src/domain/load-progression/load-reduction.ts";
import {
  type LoggedSet,
  MISSES_BEFORE_DECREASE,
  type ProgressionInput,
  progressRow,
} from "../../src/domain/load-progression/progress-row.ts";
import { parseRepTarget } from "../../src/domain/load-progression/rep-target.ts";

// Sets of `reps` at `weightKg`, numbered from 1.
function sets(reps: readonly number[], weightKg: number, rpe: number | null = 8): LoggedSet[] {
  return reps.map((repsDone, i) => ({ setNo: i + 1, repsDone, weightKg, rpe }));
}

// A barbell bench press (upper body): 3 x 8-12 at 60 kg, no misses yet.
function bench(overrides: Partial<ProgressionInput>): ProgressionInput {
  return {
    weight: 60,
    reps: "8-12",
    sets: 3,
    equipment: "barbell",
    muscleGroup: "chest",
    missStreak: 0,
    logged: [],
    ...overrides,
  };
}

describe("parseRepTarget", () => {
  it("reads ranges and fixed targets", () => {
    expect(parseRepTarget("8-12")).toEqual({ min: 8, max: 12 });
    expect(parseRepTarget(" 8 - 12 ")).toEqual({ min: 8, max: 12 });
    expect(parseRepTarget("8–12")).toEqual({ min: 8, max: 12 }); // en dash
    expect(parseRepTarget("8 – 12")).toEqual({ min: 8, max: 12 });
    expect(parseRepTarget("5")).toEqual({ min: 5, max: 5 });
    expect(parseRepTarget("5-5")).toEqual({ min: 5, max: 5 });
  });

  it("rejects everything else", () => {
    for (const text of ["AMRAP", "30s", "12-8", "0", "0-5", "", " ", "8-", "-8", "8--12", "1000", "8/12"]) {
      expect(parseRepTarget(text), text).toBeNull();
    }
    expect(parseRepTarget("8\t-12")).toBeNull(); // tabs are not accepted spaces
    expect(parseRepTarget("8—12")).toBeNull(); // em dash is not accepted
  });
});

describe("loadIncrementKg and loadStepKg", () => {
  it("follows the equipment table", () => {
    expect(loadIncrementKg("barbell", "chest")).toBe(2.5);
    expect(loadIncrementKg("barbell", "quadriceps")).toBe(5);
    expect(loadIncrementKg("barbell", "lower_back")).toBe(5);
    expect(loadIncrementKg("ez_bar", "biceps")).toBe(2.5);
    expect(loadIncrementKg("ez_bar", "hamstrings")).toBe(5);
    expect(loadIncrementKg("dumbbell", "shoulders")).toBe(2);
    expect(loadIncrementKg("dumbbell", "glutes")).toBe(2);
    expect(loadIncrementKg("kettlebell", "glutes")).toBe(4);
    expect(loadIncrementKg("machine", "quadriceps")).toBe(2.5);
    expect(loadIncrementKg("cable", "triceps")).toBe(2.5);
    expect(loadIncrementKg("bodyweight", "chest")).toBe(0);
    expect(loadIncrementKg("bands", "glutes")).toBe(0);
    expect(loadIncrementKg("other", "chest")).toBe(0);
    expect(loadIncrementKg("medicine_ball", "abdominals")).toBe(0);
    expect(loadIncrementKg("sled", "quadriceps")).toBe(0);
  });

  it("knows each equipment's practical step", () => {
    expect(loadStepKg("barbell")).toBe(2.5);
    expect(loadStepKg("dumbbell")).toBe(2);
    expect(loadStepKg("kettlebell")).toBe(4);
    expect(loadStepKg("cable")).toBe(2.5);
    expect(loadStepKg("bodyweight")).toBe(0.5);
    expect(loadStepKg("other")).toBe(0.5);
  });
});

describe("reducedLoadKg", () => {
  it("takes 90% rounded down to the step, never below one step nor above the load", () => {
    expect(reducedLoadKg(100, "barbell")).toBe(90); // 100 * 0.9 = 90, on the 2.5 grid
    expect(reducedLoadKg(62.5, "barbell")).toBe(55); // 56.25 -> floor(56.25 / 2.5) = 22 -> 55
    expect(reducedLoadKg(25, "barbell")).toBe(22.5); // 22.5 exactly: 25 * 90 / 250 = 9 -> 22.5
    expect(reducedLoadKg(20, "dumbbell")).toBe(18); // 18 / 2 = 9 -> 18
    expect(reducedLoadKg(22, "dumbbell")).toBe(18); // 19.8 / 2 = 9.9 -> 9 -> 18
    expect(reducedLoadKg(16, "kettlebell")).toBe(12); // 14.4 / 4 = 3.6 -> 3 -> 12
    expect(reducedLoadKg(2, "dumbbell")).toBe(2); // 1.8 -> 0, raised to one step (2)
    expect(reducedLoadKg(1, "dumbbell")).toBe(1); // one step (2) would be more than 1: stays 1
    expect(reducedLoadKg(7, "other")).toBe(6); // 6.3 / 0.5 = 12.6 -> 12 -> 6
    expect(reducedLoadKg(null, "barbell")).toBeNull();
    expect(reducedLoadKg(0, "barbell")).toBe(0);
  });
});

describe("progressRow", () => {
  it("carries over when nothing was logged (streak untouched)", () => {
    expect(progressRow(bench({ missStreak: 1 }))).toEqual({ weight: 60, missStreak: 1, rule: "no_log" });
  });

  it("carries over reps it cannot parse", () => {
    const input = bench({ reps: "AMRAP", missStreak: 1, logged: sets([20, 15, 12], 60) });
    expect(progressRow(input)).toEqual({ weight: 60, missStreak: 1, rule: "unparsed_reps" });
  });

  it("increases an upper-body barbell lift by 2.5 kg when every set reaches the top", () => {
    // 12, 12, 13 >= 12 on all 3 sets at 60 kg, RPE 8 -> 60 + 2.5
    const input = bench({ missStreak: 1, logged: sets([12, 12, 13], 60) });
    expect(progressRow(input)).toEqual({ weight: 62.5, missStreak: 0, rule: "increase" });
  });

  it("increases a lower-body barbell lift by 5 kg", () => {
    const input = bench({ weight: 100, muscleGroup: "quadriceps", logged: sets([12, 12, 12], 100) });
    expect(progressRow(input)).toEqual({ weight: 105, missStreak: 0, rule: "increase" }); // 100 + 5
  });

  it("increases a dumbbell by 2 kg and a machine by 2.5 kg", () => {
    const db = bench({
      weight: 20,
      equipment: "dumbbell",
      muscleGroup: "shoulders",
      logged: sets([12, 12, 12], 20),
    });
    expect(progressRow(db).weight).toBe(22); // 20 + 2
    const machine = bench({
      weight: 45,
      equipment: "machine",
      muscleGroup: "quadriceps",
      logged: sets([12, 12, 12], 45),
    });
    expect(progressRow(machine).weight).toBe(47.5); // 45 + 2.5, no upper/lower split
  });

  it("treats a fixed target '5' as both bottom and top", () => {
    const five = { reps: "5", weight: 100, muscleGroup: "quadriceps" };
    expect(progressRow(bench({ ...five, logged: sets([5, 5, 5], 100) }))).toMatchObject({
      weight: 105,
      rule: "increase",
    });
    expect(progressRow(bench({ ...five, logged: sets([5, 5, 4], 100) }))).toEqual({
      weight: 100,
      missStreak: 1,
      rule: "hold_missed",
    });
  });

  it("holds at RPE 10 even when every set reached the top", () => {
    const logged = [...sets([12, 12], 60, 9), ...sets([12], 60, 10)];
    expect(progressRow(bench({ logged }))).toEqual({ weight: 60, missStreak: 0, rule: "hold_rpe10" });
  });

  it("counts the best k sets: an extra set at RPE 10 does not block the increase", () => {
    // 4 sets logged for 3 prescribed: three at the top below RPE 10, so n_top_easy = 3 >= 3
    const logged = [...sets([12, 12, 12], 60, 8), ...sets([12], 60, 10)];
    expect(progressRow(bench({ logged })).rule).toBe("increase");
  });

  it("counts extra sets, and a fourth set short of the range does not hurt", () => {
    expect(progressRow(bench({ logged: sets([12, 12, 12, 6], 60) })).rule).toBe("increase");
  });

  it("treats a missing RPE as not RPE 10", () => {
    expect(progressRow(bench({ logged: sets([12, 12, 12], 60, null) })).rule).toBe("increase");
  });

  it("holds within the range and resets the streak", () => {
    const input = bench({ missStreak: 1, logged: sets([12, 10, 8], 60) });
    expect(progressRow(input)).toEqual({ weight: 60, missStreak: 0, rule: "hold" });
  });

  it("holds on a miss, then decreases on the second consecutive miss", () => {
    const miss = sets([10, 8, 7], 100); // 7 < 8: short of the range
    const first = progressRow(bench({ weight: 100, logged: miss }));
    expect(first).toEqual({ weight: 100, missStreak: 1, rule: "hold_missed" });
    expect(MISSES_BEFORE_DECREASE).toBe(2);
    const second = progressRow(bench({ weight: 100, missStreak: first.missStreak, logged: miss }));
    expect(second).toEqual({ weight: 90, missStreak: 0, rule: "decrease" }); // 100 * 0.9 = 90
  });

  it("rounds a decrease down to the equipment's step", () => {
    // 62.5 * 0.9 = 56.25 -> 55 on a barbell; 22 * 0.9 = 19.8 -> 18 on dumbbells
    expect(progressRow(bench({ weight: 62.5, missStreak: 1, logged: sets([5, 5, 5], 62.5) })).weight).toBe(
      55,
    );
    const db = bench({ weight: 22, equipment: "dumbbell", missStreak: 1, logged: sets([5, 5, 5], 22) });
    expect(progressRow(db).weight).toBe(18);
  });

  it("counts fewer logged sets than prescribed as a miss", () => {
    const input = bench({ logged: sets([12, 12], 60) }); // 2 logged < 3 prescribed
    expect(progressRow(input)).toEqual({ weight: 60, missStreak: 1, rule: "hold_missed" });
  });

  it("does not count sets lighter than the prescription", () => {
    // 12 reps at 55 kg do not show 60 kg for 12: two sets at load reach 12, k = 3 -> miss
    const logged = [...sets([12, 12], 60), ...sets([12], 55)];
    expect(progressRow(bench({ logged })).rule).toBe("hold_missed");
    // heavier than prescribed counts: 12 at 65 kg >= 60 kg
    const heavier = [...sets([12, 12], 60), ...sets([12], 65)];
    expect(progressRow(bench({ logged: heavier }))).toMatchObject({ weight: 62.5, rule: "increase" });
  });

  it("seeds an unloaded row from the heaviest set that reached the bottom of the range", () => {
    // 40 kg x 10 and 45 kg x 8 reach 8; 50 kg x 5 does not -> 45
    const logged = [...sets([10], 40), ...sets([8], 45), ...sets([5], 50)];
    expect(progressRow(bench({ weight: null, missStreak: 1, logged }))).toEqual({
      weight: 45,
      missStreak: 0,
      rule: "seed_from_log",
    });
  });

  it("seeds from the heaviest logged set when none reached the range, and from weight 0 too", () => {
    const logged = [...sets([6], 40), ...sets([5], 50)];
    expect(progressRow(bench({ weight: null, logged }))).toMatchObject({ weight: 50, rule: "seed_from_log" });
    expect(progressRow(bench({ weight: 0, logged }))).toMatchObject({ weight: 50, rule: "seed_from_log" });
  });

  it("never loads an unloaded bodyweight row, but still tracks the week", () => {
    const pushUp = { weight: null, equipment: "bodyweight" };
    expect(progressRow(bench({ ...pushUp, logged: sets([12, 12, 12], 0) }))).toEqual({
      weight: null,
      missStreak: 0,
      rule: "increase",
    });
    expect(progressRow(bench({ ...pushUp, missStreak: 1, logged: sets([6, 6, 6], 0) }))).toEqual({
      weight: null,
      missStreak: 0,
      rule: "decrease",
    });
  });

  it("checks the RPE rule before the range rule", () => {
    // all at the top, RPE 10 on one: hold_rpe10 (not increase, not hold), streak reset
    const logged = [...sets([12, 12], 60, 10), ...sets([12], 60, 9)];
    expect(progressRow(bench({ missStreak: 1, logged }))).toEqual({
      weight: 60,
      missStreak: 0,
      rule: "hold_rpe10",
    });
  });
});

describe("deload weeks", () => {
  it("falls on every n-th week, and null or a nonsense interval disables it", () => {
    expect(DEFAULT_DELOAD_EVERY_WEEKS).toBe(5);
    const weeks = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    expect(weeks.filter((w) => isDeloadWeek(w, 5))).toEqual([5, 10]);
    expect(weeks.filter((w) => isDeloadWeek(w, 4))).toEqual([4, 8]);
    expect(weeks.filter((w) => isDeloadWeek(w, null))).toEqual([]);
    expect(weeks.filter((w) => isDeloadWeek(w, 1))).toEqual([]);
    expect(weeks.filter((w) => isDeloadWeek(w, 0))).toEqual([]);
    expect(weeks.filter((w) => isDeloadWeek(w, 2.5))).toEqual([]);
    expect(isDeloadWeek(0, 5)).toBe(false);
  });

  it("names how each new week is built: deload, then restore, then progress", () => {
    const kinds = [4, 5, 6, 7, 10, 11].map((w) => rolloverKind(w, 5));
    expect(kinds).toEqual(["progress", "deload", "restore", "progress", "deload", "restore"]);
    expect(rolloverKind(6, null)).toBe("progress");
  });

  it("cuts load by 10% (rounded down) and sets by 40% (at least 1)", () => {
    // 100 * 0.9 = 90; 5 * 0.6 = 3
    expect(deloadPrescription({ weight: 100, sets: 5, equipment: "barbell" })).toEqual({
      weight: 90,
      sets: 3,
    });
    // 62.5 * 0.9 = 56.25 -> 55 on a barbell; 3 * 0.6 = 1.8 -> 2
    expect(deloadPrescription({ weight: 62.5, sets: 3, equipment: "barbell" })).toEqual({
      weight: 55,
      sets: 2,
    });
    // without equipment: 0.5 kg steps, 56.25 -> 56; 4 * 0.6 = 2.4 -> 2
    expect(deloadPrescription({ weight: 62.5, sets: 4 })).toEqual({ weight: 56, sets: 2 });
    // 1 * 0.6 = 0.6 -> 1; 2 * 0.6 = 1.2 -> 1; null load stays null
    expect(deloadPrescription({ weight: null, sets: 1 })).toEqual({ weight: null, sets: 1 });
    expect(deloadPrescription({ weight: null, sets: 2 })).toEqual({ weight: null, sets: 1 });
  });

  it("restores the week before the deload in the week after it", () => {
    // weeks 4 -> 5 (deload) -> 6 (restore from week 4, i.e. n - 2), with d = 5
    const week4 = { weight: 100, sets: 4, equipment: "barbell" };
    expect(rolloverKind(5, 5)).toBe("deload");
    const week5 = deloadPrescription(week4);
    expect(week5).toEqual({ weight: 90, sets: 2 }); // 100 * 0.9 = 90; 4 * 0.6 = 2.4 -> 2
    expect(rolloverKind(6, 5)).toBe("restore");
    const week6 = { weight: week4.weight, sets: week4.sets }; // copied from n - 2, not from week5
    expect(week6).toEqual({ weight: 100, sets: 4 });
  });
});
