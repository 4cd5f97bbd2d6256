// The caps on added sets (docs/mesocycles.md, "Caps"): 5 sets a row, a muscle group's weekly
// maximum recoverable volume (MRV) for the lifter's level, and the session's time.
import type { ExperienceLevel } from "../vocabulary.ts";

/** More than 5 sets of one exercise in a session is junk volume; another exercise takes it. */
export const MAX_SETS_PER_ROW = 5;

/**
 * MRV in direct sets a week, intermediate (RP's widely reproduced landmarks; COACHING section 2).
 * Shoulders take RP's side and rear delt figure; abdominals RP's published 25. Groups RP gives
 * no figure for (forearms, traps, lower back, adductors, abductors, neck) get OTHER_MRV.
 */
export const MRV_INTERMEDIATE: Readonly<Record<string, number>> = {
  chest: 22,
  back: 25,
  shoulders: 26,
  quadriceps: 20,
  hamstrings: 20,
  glutes: 16,
  biceps: 26,
  triceps: 18,
  calves: 20,
  abdominals: 25,
};
export const OTHER_MRV = 12;

/** Beginners recover from less; advanced lifters tolerate a little more (RP: MRV rises with training age). */
export const MRV_LEVEL_PERCENT: Readonly<Record<ExperienceLevel, number>> = {
  beginner: 75,
  intermediate: 100,
  advanced: 110,
};

/** A group's MRV for a level (rounded down). */
export function mrv(group: string, level: string): number {
  const base = MRV_INTERMEDIATE[group] ?? OTHER_MRV;
  const percent = (MRV_LEVEL_PERCENT as Record<string, number | undefined>)[level] ?? 100;
  return Math.floor((base * percent) / 100);
}

/** MRV by level and group, bound to the rollover's SQL as jsonb ("other" for the rest). */
export function mrvTable(): Record<string, Record<string, number>> {
  return Object.fromEntries(
    Object.keys(MRV_LEVEL_PERCENT).map((level) => [
      level,
      Object.fromEntries([...Object.keys(MRV_INTERMEDIATE), "other"].map((g) => [g, mrv(g, level)])),
    ]),
  );
}

/**
 * A session may run this much past its duration_minutes (the generator's estimate of week 1,
 * the only budget a plan keeps) as the accumulation adds sets: RP's volume ramp lengthens
 * sessions, and the lifter's request was at least week 1's estimate.
 */
export const SESSION_OVERRUN_PERCENT = 20;

/** The muscle group a row counts for: lats and middle_back are one group, the back. */
export function groupOf(muscle: string | null): string | null {
  if (muscle === null) return null;
  return muscle === "lats" || muscle === "middle_back" ? "back" : muscle;
}
