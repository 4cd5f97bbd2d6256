// How many accumulation weeks a mesocycle runs before its deload (docs/mesocycles.md). A plan's
// deload_every_weeks, where set, fixes it (that many weeks including the deload); null lets the
// worker choose by goal and experience. RP's accumulations run 4-8 weeks (COACHING section 2);
// athletes deload every 5.6 +/- 2.3 weeks (Rogerson et al. 2024). Beginners recover faster and
// progress longer between deloads; advanced lifters, training closer to their limits, sooner.
import type { ExperienceLevel, Goal } from "../vocabulary.ts";

export const ACCUMULATION_WEEKS: Readonly<Record<Goal, Readonly<Record<ExperienceLevel, number>>>> = {
  hypertrophy: { beginner: 6, intermediate: 5, advanced: 4 },
  // Heavier work at RPE 8-9 accumulates joint and neural fatigue faster (Helms et al. 2016). A
  // novice on linear progression runs longest, the top of RP's range: the novice programmes reset
  // a lift on a stall rather than deload on a calendar (a coach read a progressing novice cut from
  // 87.5 to 77.5 kg by a week-6 deload); a stall is the two-miss cut, and the fatigue deload.
  strength: { beginner: 8, intermediate: 4, advanced: 3 },
  general_fitness: { beginner: 6, intermediate: 5, advanced: 4 },
  endurance: { beginner: 6, intermediate: 5, advanced: 4 },
};

/** Used for a goal or level outside the vocabulary (a plan from before a check existed). */
export const DEFAULT_ACCUMULATION_WEEKS = 5;

/** Accumulation weeks of a plan: deloadEveryWeeks - 1 where fixed (2..12), else the table. */
export function accumulationWeeks(deloadEveryWeeks: number | null, goal: string, level: string): number {
  if (deloadEveryWeeks !== null && Number.isInteger(deloadEveryWeeks) && deloadEveryWeeks >= 2) {
    return deloadEveryWeeks - 1;
  }
  const byLevel = (ACCUMULATION_WEEKS as Record<string, Record<string, number> | undefined>)[goal];
  return byLevel?.[level] ?? DEFAULT_ACCUMULATION_WEEKS;
}
