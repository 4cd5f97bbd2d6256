// Planned deload weeks: every `deloadEveryWeeks`-th week of a plan trains lighter and shorter,
// and the week after picks up where the week before the deload left off. Reasons and sources are
// in docs/progression.md ("Deload weeks").
// Reference model: production runs the deload as SQL in the rollover (src/db/queries/rollover.ts,
// DELOAD_SETS_PERCENT bound); tests/rollover/progression-parity.test.ts holds the two together.

import { reducedLoadKg } from "./load-reduction.ts";

/**
 * Four loading weeks, then one deload week. Athletes surveyed by Rogerson, ..., Bell (2024)
 * deloaded every 5.6 +/- 2.3 weeks for about a week; 5 is the whole number nearest that mean.
 */
export const DEFAULT_DELOAD_EVERY_WEEKS = 5;

/**
 * A deload week keeps this percentage of the sets (at least 1), rounded half up: RP halves sets
 * (COACHING section 2; docs/mesocycles.md). A recovery session halves a muscle group's sets the same way.
 */
export const DELOAD_SETS_PERCENT = 50;

/**
 * True for weeks deloadEveryWeeks, 2 * deloadEveryWeeks, ... (week numbers start at 1).
 * null disables deloads; so does an interval that is not a whole number >= 2, because an
 * interval of 1 would make every week a deload and leave no week to restore from.
 */
export function isDeloadWeek(weekNumber: number, deloadEveryWeeks: number | null): boolean {
  if (deloadEveryWeeks === null || !Number.isInteger(deloadEveryWeeks) || deloadEveryWeeks < 2) {
    return false;
  }
  return Number.isInteger(weekNumber) && weekNumber >= 1 && weekNumber % deloadEveryWeeks === 0;
}

/**
 * How the rollover builds week `weekNumber` of a plan from the weeks before it:
 * - "deload":  week n-1's weight and sets through deloadPrescription; week n-1's logs are not
 *              evaluated and the row's miss streak is copied unchanged.
 * - "restore": week n-2's weight, sets and miss streak (the week before the deload), copied
 *              unchanged; the deload week's logs are not evaluated.
 * - "progress": progressRow over week n-1's row and its logged sets.
 */
export type RolloverKind = "deload" | "restore" | "progress";

export function rolloverKind(weekNumber: number, deloadEveryWeeks: number | null): RolloverKind {
  if (isDeloadWeek(weekNumber, deloadEveryWeeks)) return "deload";
  if (isDeloadWeek(weekNumber - 1, deloadEveryWeeks)) return "restore";
  return "progress";
}

export interface Prescription {
  weight: number | null;
  sets: number;
}

/**
 * A deload week's prescription: the load through reducedLoadKg (90%, rounded down to the
 * equipment's step; 0.5 kg steps when no equipment is given) and round(sets * 50%) sets, at
 * least 1. Reps and the rest of the row are unchanged.
 */
export function deloadPrescription(prescription: Prescription & { equipment?: string }): Prescription {
  // Half of an odd number of sets rounds up (3 -> 2), as PostgreSQL's round(numeric) does.
  const sets = Math.max(1, Math.round((prescription.sets * DELOAD_SETS_PERCENT) / 100));
  return { weight: reducedLoadKg(prescription.weight, prescription.equipment ?? "other"), sets };
}
