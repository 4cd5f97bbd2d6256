// When a deload comes before the end of the accumulation (docs/mesocycles.md, "Fatigue"): RP
// deloads when more than half of the trained muscles needed a recovery session in the last two
// weeks (COACHING section 2); and when the main lifts' estimated strength fell two exposures
// running (issue 21), since a falling e1RM under a rising RIR target is fatigue, not weakness.

/**
 * An early deload needs this many weeks of the mesocycle trained. In its first two weeks the load
 * progression is still finding the lifter's loads: an e1RM below a too-heavy week-1 prescription
 * "falls" twice by week 2 and is answered by a cut, not a deload (the simulation in
 * docs/mesocycle-simulation.md deloaded whole plans in week 3 with 2).
 */
export const EARLY_DELOAD_MIN_WEEK = 3;

/** "More than half": a share strictly above this percentage triggers. */
export const FATIGUE_SHARE_PERCENT = 50;

export type DeloadCause = "planned" | "fatigue" | null;

/** Whether week k+1 is a deload, and why, given week k's state. */
export function deloadCause(s: {
  lastWeek: number;
  weeks: number;
  lastWasDeload: boolean;
  trainedGroups: number;
  recoveringGroups: number;
  mainLifts: number;
  mainLiftsFalling: number;
}): DeloadCause {
  if (s.lastWasDeload) return null;
  if (s.lastWeek >= s.weeks) return "planned";
  if (s.lastWeek < EARLY_DELOAD_MIN_WEEK) return null;
  const over = (part: number, whole: number) => whole > 0 && part * 100 > whole * FATIGUE_SHARE_PERCENT;
  return over(s.recoveringGroups, s.trainedGroups) || over(s.mainLiftsFalling, s.mainLifts)
    ? "fatigue"
    : null;
}
