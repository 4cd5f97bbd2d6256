// The one way a load goes down: after repeated misses (decrease) and in a deload week. Both use
// the same 10% cut so the SQL needs a single expression:
//   least(w, greatest(step, floor(w * 90 / (step * 100)) * step))
// where w is the row's weight and step its equipment's LOAD_STEP_KG.
// Reference model: production runs this as SQL in the rollover (src/db/queries/rollover.ts), with
// LOAD_REDUCTION_PERCENT bound; the parity test holds the two together.

import { loadStepKg } from "./load-increment.ts";

/** The reduced load is this percentage of the current one, before rounding down. */
export const LOAD_REDUCTION_PERCENT = 90;

/**
 * `weightKg` cut to 90%, rounded DOWN to the equipment's practical step, but never below one
 * step (a 2 kg dumbbell would otherwise become 0 kg, which reads as "no load") and never above
 * the current load (a load already under one step stays as it is). null and loads <= 0 are
 * returned unchanged: an unloaded row has nothing to reduce.
 */
export function reducedLoadKg(weightKg: number | null, equipment: string): number | null {
  if (weightKg === null || weightKg <= 0) return weightKg;
  const step = loadStepKg(equipment);
  // w * 90 / (step * 100) rather than w * 0.9 / step: for the weights that land exactly on a
  // step (multiples of 5, 20, 25 or 40 kg) both products are exact integers, so floor() is exact.
  const floored = Math.floor((weightKg * LOAD_REDUCTION_PERCENT) / (step * 100)) * step;
  return Math.min(weightKg, Math.max(step, floored));
}
