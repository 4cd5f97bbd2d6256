// RP's performance score (0-3) of one logged row, from the rollover's judgement of it
// (docs/mesocycles.md, "Performance"). The target is the bottom of the row's rep range at its
// target RIR (the load progression sets the load for exactly that), so a set's margin is the reps
// it did past the bottom plus the reps it left past the target RIR (its logged RPE below the
// target RPE; a set without RPE counts as done at the target).
// Reference model: the rollover's SQL scores rows the same way; the parity test compares them.
import type { LoggedSet, ProgressionRule } from "../load-progression/progress-row.ts";

/**
 * Rules that mean "could not match last week at any effort": the e1RM fell two weeks running
 * (decrease), or the bottom of the range was missed at RPE 10. A single fall (hold_fell) scores 2:
 * one week's e1RM below the prescription is within the estimate's error (2-5% at up to 10 reps,
 * COACHING section 1) and the set drop-off of a long session; taking it for a crash gave whole
 * plans recovery sessions in week 2 and fatigue deloads in week 3 (docs/mesocycles.md).
 */
const CRASHED: ReadonlySet<ProgressionRule> = new Set([
  "decrease",
  "decrease_rpe10",
  "bodyweight_missed",
  "ladder_down",
]);

/** A margin of at least this many reps on every set scores 0 ("beat it by 2+"). */
export const BEAT_BY_REPS = 2;

/**
 * 0 beat the target by 2+ reps on every set, 1 met it (0-1 to spare), 2 hit it only past the
 * target RIR, skipped sets, or the e1RM fell once, 3 could not match (the e1RM fell two weeks
 * running, or the bottom missed at RPE 10);
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
  if (rule === "hold_fell") return 2;
  const margin = Math.min(...logged.map((s) => s.repsDone - target.min + (rpeTarget - (s.rpe ?? rpeTarget))));
  if (margin < 0 || logged.length < sets) return 2;
  return margin >= BEAT_BY_REPS ? 0 : 1;
}
