// The load a new mesocycle starts from (docs/mesocycles.md, "The next mesocycle"). The week after
// a deload judges the last accumulation week's logs again, for the new mesocycle's first-week RIR
// (3, where the accumulation ended at 0-1): a load the logs would merely "hold" is then too heavy
// for that RIR, so it comes down to the load for the bottom of the range at the new RIR, by at
// most a load cut (MIN_CUT_PERCENT). Loads only rise or hold otherwise; this is the one planned
// step down, as RP starts each mesocycle below the last one's peak.
// Reference model: the rollover's SQL (judged.restart_w); the parity test compares them.
import { ceilLoadKg, floorLoadKg } from "../load-progression/load-rounding.ts";
import {
  MIN_CUT_PERCENT,
  type ProgressionInput,
  type ProgressionResult,
  targetRpe,
} from "../load-progression/progress-row.ts";
import { parseRepTarget } from "../load-progression/rep-target.ts";
import { rpePercent } from "../load-progression/rpe-percent.ts";

/** The restart load, or null when the judged result stands (not a hold, or no lower load). */
export function restartLoadKg(input: ProgressionInput, result: ProgressionResult): number | null {
  const w = input.weight;
  const target = parseRepTarget(input.reps);
  if (result.rule !== "hold" || w === null || w <= 0 || result.e1rmKg === null || target === null)
    return null;
  const rir = input.nextRir === undefined ? input.rir : input.nextRir;
  const candidate = result.e1rmKg * rpePercent(target.min, targetRpe(rir));
  const floor = ceilLoadKg((w * MIN_CUT_PERCENT) / 100, input.equipment);
  const restart = Math.min(w, Math.max(floor, floorLoadKg(candidate, input.equipment)));
  return restart < w ? restart : null;
}

/** The reason line of a restart. */
export function restartLine(from: number, to: number, e1rmKg: number, rir: number): string {
  return `-${from - to} kg: e1RM ${Math.floor(e1rmKg + 0.5)} kg, the load for RIR ${rir} as a new mesocycle starts`;
}
