// RP's performance score (0-3) of one logged row, from the rollover's judgement of it
// (docs/mesocycles.md, "Performance"). The target is the bottom of the row's rep range at its
// target RIR (the load progression sets the load for exactly that, from the mean e1RM of the
// week's sets), so a set's margin is the reps it did past the bottom plus the reps it left past the
// target RIR (its logged RPE below the target RPE; a set without RPE counts as done at the target),
// and the row's margin is the mean over its sets: the usual drop-off (8, 7, 6, 5 at one load) is
// how a row at the right load looks, not a missed target.
// Reference model: the rollover's SQL scores rows the same way; the parity test compares them.
import type { LoggedSet, ProgressionRule } from "../load-progression/progress-row.ts";

/**
 * Rules that mean "could not match last week at any effort": the bottom of the range was missed
 * at RPE 10. An e1RM below the prescription (hold_fell, and the cut of a second such week,
 * decrease) scores 2: it is within the estimate's error (2-5% at up to 10 reps, COACHING section 1)
 * and the set drop-off of a long session, and a load a little too heavy from week 1 gave whole
 * plans recovery sessions in week 3 when it counted as a crash (docs/mesocycles.md); the cut itself
 * answers it.
 */
const CRASHED: ReadonlySet<ProgressionRule> = new Set(["decrease_rpe10", "bodyweight_missed", "ladder_down"]);

/** A mean margin of at least this many reps scores 0 ("beat it by 2+"). */
export const BEAT_BY_REPS = 2;

/**
 * 0 beat the target by 2+ reps (mean over the sets), 1 met it (0-1 to spare), 2 hit it only past
 * the target RIR, skipped sets, or the e1RM below the prescription, 3 could not match (the bottom
 * missed at RPE 10);
 * null when the row tells nothing (nothing logged, reps not a range).
 */
export function performanceScore(
  rule: ProgressionRule,
  target: { min: number } | null,
  rpeTarget: number,
  sets: number,
  logged: readonly LoggedSet[],
): number | null {
  if (rule === "no_log" || rule === "unparsed_reps" || target === null || logged.length === 0) return null;
  if (CRASHED.has(rule)) return 3;
  if (rule === "hold_fell" || rule === "decrease") return 2;
  const margin =
    logged.reduce((sum, s) => sum + s.repsDone - target.min + (rpeTarget - (s.rpe ?? rpeTarget)), 0) /
    logged.length;
  if (margin < 0 || logged.length < sets) return 2;
  return margin >= BEAT_BY_REPS ? 0 : 1;
}
