// Double progression for one exercise row at the weekly rollover: the next week's load from the
// sets logged against this row in the week that just ended. The decision table, its sources and
// the SQL form are in docs/progression.md; keep the three in step.
//
// Rules are written as counts over the logged sets (no per-set ranking), so the set-based SQL
// can compute them with count(*) FILTER (...) in one GROUP BY.
// Reference model: production runs these rules as SQL in the rollover (src/db/queries/rollover.ts);
// tests/rollover/progression-parity.test.ts compares the two on random rows and logs.

import { loadIncrementKg } from "./load-increment.ts";
import { reducedLoadKg } from "./load-reduction.ts";
import { parseRepTarget } from "./rep-target.ts";

/** Consecutive missed weeks that trigger a decrease; the week reaching it is the decrease. */
export const MISSES_BEFORE_DECREASE = 2;

/** An RPE at or above this (no reps in reserve) blocks an increase. */
export const RPE_BLOCKS_INCREASE = 10;

export interface LoggedSet {
  setNo: number;
  repsDone: number;
  weightKg: number;
  rpe: number | null;
}

export interface ProgressionInput {
  /** The row's prescribed load; null or <= 0 means "unloaded" (not prescribed yet). */
  weight: number | null;
  reps: string;
  sets: number;
  equipment: string;
  muscleGroup: string;
  /** Consecutive missed weeks before this one, as stored on the row. */
  missStreak: number;
  /** Every `training_set` of this row (`exercise_row_id` = the row), i.e. of the week just ended. */
  logged: readonly LoggedSet[];
}

export type ProgressionRule =
  | "no_log"
  | "unparsed_reps"
  | "increase"
  | "hold_rpe10"
  | "hold"
  | "hold_missed"
  | "decrease"
  | "seed_from_log";

export interface ProgressionResult {
  weight: number | null;
  missStreak: number;
  rule: ProgressionRule;
}

export function progressRow(input: ProgressionInput): ProgressionResult {
  const { weight, logged } = input;
  if (logged.length === 0) return { weight, missStreak: input.missStreak, rule: "no_log" };

  const target = parseRepTarget(input.reps);
  if (target === null) return { weight, missStreak: input.missStreak, rule: "unparsed_reps" };

  const unloaded = weight === null || weight <= 0;
  const heaviest = Math.max(...logged.map((s) => s.weightKg));
  if (unloaded && heaviest > 0) {
    // Take the load the lifter showed they can use in the range; failing that, what they lifted.
    const inRange = logged.filter((s) => s.repsDone >= target.min).map((s) => s.weightKg);
    const seed = inRange.length > 0 ? Math.max(...inRange) : heaviest;
    return { weight: seed, missStreak: 0, rule: "seed_from_log" };
  }

  // A set counts at the prescribed load only when it was lifted with at least that load; a
  // lighter set shows nothing about the prescription and counts as short of the range.
  const atLoad = logged.filter((s) => unloaded || s.weightKg >= (weight ?? 0));
  const top = atLoad.filter((s) => s.repsDone >= target.max);
  const topEasy = top.filter((s) => s.rpe === null || s.rpe < RPE_BLOCKS_INCREASE);
  const inRange = atLoad.filter((s) => s.repsDone >= target.min);
  // Fewer logged sets than prescribed cannot reach any count, so they fall through to a miss.
  const prescribed = Math.max(1, input.sets);

  if (topEasy.length >= prescribed) {
    const next = unloaded ? weight : (weight ?? 0) + loadIncrementKg(input.equipment, input.muscleGroup);
    return { weight: next, missStreak: 0, rule: "increase" };
  }
  if (top.length >= prescribed) return { weight, missStreak: 0, rule: "hold_rpe10" };
  if (inRange.length >= prescribed) return { weight, missStreak: 0, rule: "hold" };

  const streak = input.missStreak + 1;
  if (streak < MISSES_BEFORE_DECREASE) return { weight, missStreak: streak, rule: "hold_missed" };
  return { weight: reducedLoadKg(weight, input.equipment), missStreak: 0, rule: "decrease" };
}
