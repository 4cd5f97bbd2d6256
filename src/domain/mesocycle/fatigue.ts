// When a deload comes before the end of the accumulation (docs/mesocycles.md, "Fatigue"): RP
// deloads when more than half of the trained muscles needed a recovery session in the last two
// weeks (COACHING section 2); and when the main lifts' estimated strength fell two exposures
// running (issue 21), since a falling e1RM under a rising RIR target is fatigue, not weakness.

/** An early deload never comes before this week of the mesocycle has been trained. */
export const EARLY_DELOAD_MIN_WEEK = 2;

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
