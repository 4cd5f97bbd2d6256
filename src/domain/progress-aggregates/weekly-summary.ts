// One progress_exercise_weekly row's figures from the sets of one user, exercise and plan week
// (docs/contract.md section 3). The SQL aggregation computes the same columns with count/sum/max/avg.
// Reference model: production aggregates in SQL (src/db/sql/progress_rebuild.sql,
// progress_refresh_marked.sql); this module is what the tests hold that SQL against.

import { estimateOneRepMax } from "./e1rm.ts";

export interface PerformedSet {
  repsDone: number;
  weightKg: number;
  rpe: number | null;
}

export interface WeekSummary {
  /** Every logged set, including sets of 0 reps. */
  sets: number;
  reps: number;
  /** Sum of repsDone * weightKg. */
  volumeKg: number;
  /** Heaviest weightKg among sets of at least 1 rep (a 0-rep attempt was not lifted); 0 if none. */
  topSetKg: number;
  /** Best estimateOneRepMax of the sets; 0 if none. */
  e1rmKg: number;
  /** Mean RPE of the sets that have one; null when none has. */
  avgRpe: number | null;
}

export function summariseWeek(sets: readonly PerformedSet[]): WeekSummary {
  let reps = 0;
  let volumeKg = 0;
  let topSetKg = 0;
  let e1rmKg = 0;
  let rpeSum = 0;
  let rpeCount = 0;
  for (const set of sets) {
    reps += set.repsDone;
    volumeKg += set.repsDone * set.weightKg;
    if (set.repsDone >= 1) topSetKg = Math.max(topSetKg, set.weightKg);
    e1rmKg = Math.max(e1rmKg, estimateOneRepMax(set.weightKg, set.repsDone, set.rpe));
    if (set.rpe !== null) {
      rpeSum += set.rpe;
      rpeCount += 1;
    }
  }
  return {
    sets: sets.length,
    reps,
    volumeKg,
    topSetKg,
    e1rmKg,
    avgRpe: rpeCount > 0 ? rpeSum / rpeCount : null,
  };
}
