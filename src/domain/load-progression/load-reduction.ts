// The deload week's load: 90% of the load, rounded down to a load the implement really has
// (load-rounding.ts). Where that rounding would cut more than 15%, rounded up instead when that
// still lightens the load; else (a 5 kg cable stack would fall to 2.5 kg, half its load) the load is
// kept: the deload's halved sets still lighten the week.
// Reference model: production runs this as SQL in the rollover (src/db/queries/rollover.ts), with
// LOAD_REDUCTION_PERCENT and DELOAD_MIN_PERCENT bound; the parity test holds the two together.

import { ceilLoadKg, floorLoadKg } from "./load-rounding.ts";

/** The reduced load is this percentage of the current one, before rounding down. */
export const LOAD_REDUCTION_PERCENT = 90;

/** A deload never cuts below this percentage of the load: a bigger step keeps the load. */
export const DELOAD_MIN_PERCENT = 85;

/**
 * `weightKg` cut to 90%, rounded down to the implement; where that would be more than a 15% cut,
 * rounded up instead (27.5 kg on a 2.5 kg stack: 25, not 22.5) if that still lightens it; else the
 * load itself. null and loads <= 0 are returned unchanged.
 */
export function reducedLoadKg(weightKg: number | null, equipment: string): number | null {
  if (weightKg === null || weightKg <= 0) return weightKg;
  const target = (weightKg * LOAD_REDUCTION_PERCENT) / 100;
  const floored = floorLoadKg(target, equipment);
  if (floored > 0 && floored * 100 >= weightKg * DELOAD_MIN_PERCENT) return Math.min(weightKg, floored);
  const ceiled = ceilLoadKg(target, equipment);
  if (ceiled < weightKg && ceiled * 100 >= weightKg * DELOAD_MIN_PERCENT) return ceiled;
  return weightKg;
}
