// The target RIR of a row in week k of an accumulation of L weeks (docs/mesocycles.md, "Effort").
// RP-style ramps fall from 3 RIR to 0 over the accumulation (3, 2, 1, 0 in four weeks; COACHING
// section 2); strength work runs from RPE 7 to RPE 9 (Helms et al. 2016, RIR-based RPE). The
// fall is linear and rounded half up to whole RIR, as the schema stores integers.
// Reference model: the rollover's SQL computes the same (src/db/queries/rollover.ts, constants
// bound from here); tests/mesocycle/rir-ramp.test.ts and the mesocycle simulation hold them.

/** [start, end] RIR of the ramp by goal. */
export const RIR_RAMP: Readonly<Record<string, readonly [number, number]>> = {
  hypertrophy: [3, 0],
  strength: [3, 1],
  general_fitness: [3, 1],
  endurance: [3, 1],
};

/** A goal outside the table ramps like strength. */
export const DEFAULT_RIR_RAMP: readonly [number, number] = [3, 1];

/** Beginners learn the lifts: never closer than 2 reps to failure (Helms et al. 2016). */
export const BEGINNER_MIN_RIR = 2;

/**
 * Barbell lifts (the compounds) never to failure: a missed rep under a bar is a risk, not a
 * stimulus. Nor a session's main lift (T1) on any implement: it is the lift progressed by load,
 * and a coach read week 5's main lifts at RIR 0 (a pull-down leading the pull day). Isolation
 * work may reach 0.
 */
export const BARBELL_MIN_RIR = 1;

/** A deload row's RIR is at least this (issue 21: "RIR 4 or more"). */
export const DELOAD_MIN_RIR = 4;

export function rampRir(
  goal: string,
  level: string,
  week: number,
  weeks: number,
  row: { equipment: string | null; tier?: string | null },
): number {
  const [start, end] = RIR_RAMP[goal] ?? DEFAULT_RIR_RAMP;
  const k = Math.min(Math.max(week, 1), Math.max(weeks, 1));
  // round((start - end) * (k - 1) / (L - 1)) half up, in integers (the SQL's arithmetic).
  const fall = weeks <= 1 ? 0 : Math.floor((2 * (start - end) * (k - 1) + (weeks - 1)) / (2 * (weeks - 1)));
  let floor = end;
  if (level === "beginner") floor = Math.max(floor, BEGINNER_MIN_RIR);
  if (row.equipment === "barbell" || row.tier === "T1") floor = Math.max(floor, BARBELL_MIN_RIR);
  return Math.max(start - fall, Math.min(floor, start));
}

/**
 * Week 1's RIR, which the generator writes: the ramp's start for every row (RP starts a
 * mesocycle at RIR 3; first loads and new lifters begin conservative), so that effort only falls
 * from there through the accumulation the rollover writes.
 */
export function firstWeekRir(goal: string, level: string, row: { equipment: string | null }): number {
  return rampRir(goal, level, 1, 1, row);
}
