// How long a session takes, in whole seconds (integers keep the budget check exact). A set costs
// its work (10 s to set up plus 4 s per rep at the top of the range, a 2-0-2 tempo) plus the rest
// after it, which also covers walking to the next exercise. Rests by goal and tier follow the
// NSCA Essentials and ACSM (2009): long for heavy compounds and strength, short for isolation and
// endurance. Each session opens with a 5-minute general warm-up, and the T1 lift gets ramp-up sets
// on top (longer where the T1 load is heavier).

import { parseRepTarget } from "../load-progression/rep-target.ts";
import {
  EXPERIENCE_LEVELS,
  type ExperienceLevel,
  GOALS,
  type Goal,
  TIERS,
  type Tier,
} from "../vocabulary.ts";
import { prescription } from "./prescription.ts";

export const GENERAL_WARM_UP_SECONDS = 300;

export const T1_WARM_UP_SECONDS: Readonly<Record<Goal, number>> = {
  strength: 300,
  hypertrophy: 180,
  general_fitness: 180,
  endurance: 120,
};

export const REST_SECONDS: Readonly<Record<Goal, Readonly<Record<Tier, number>>>> = {
  strength: { T1: 180, T2: 150, T3: 90 },
  hypertrophy: { T1: 120, T2: 90, T3: 60 },
  general_fitness: { T1: 120, T2: 90, T3: 60 },
  endurance: { T1: 60, T2: 60, T3: 45 },
};

const SET_UP_SECONDS = 10;
const SECONDS_PER_REP = 4;

/** One set of a slot of this tier: work plus rest. */
export function setSeconds(goal: Goal, experience: ExperienceLevel, tier: Tier): number {
  return SET_SECONDS[goal][experience][tier];
}

/** The working part of a set of this tier: set-up plus the reps at the top of the range. */
export function workSeconds(goal: Goal, experience: ExperienceLevel, tier: Tier): number {
  return WORK_SECONDS[goal][experience][tier];
}

function computeWorkSeconds(goal: Goal, experience: ExperienceLevel, tier: Tier): number {
  const reps = prescription(goal, experience, tier).reps;
  const topReps = parseRepTarget(reps)?.max ?? 12;
  return SET_UP_SECONDS + SECONDS_PER_REP * topReps;
}

function computeSetSeconds(goal: Goal, experience: ExperienceLevel, tier: Tier): number {
  return computeWorkSeconds(goal, experience, tier) + REST_SECONDS[goal][tier];
}

/**
 * A superset of two slots (supersets.ts): the two alternate, resting once after each round, so a
 * round costs both sets' work and one rest, the longer of the two tiers' (a short session's main
 * lift paired with a T2 keeps its own rest); sets beyond the shorter slot's are plain.
 */
export function supersetSeconds(
  goal: Goal,
  experience: ExperienceLevel,
  tierA: Tier,
  tierB: Tier,
  setsA: number,
  setsB: number,
): number {
  const rounds = Math.min(setsA, setsB);
  const restA = REST_SECONDS[goal][tierA];
  const restB = REST_SECONDS[goal][tierB];
  return (
    setsA * workSeconds(goal, experience, tierA) +
    setsB * workSeconds(goal, experience, tierB) +
    rounds * Math.max(restA, restB) +
    (setsA - rounds) * restA +
    (setsB - rounds) * restB
  );
}

type ByLevelAndTier = Record<Goal, Record<ExperienceLevel, Record<Tier, number>>>;

function table(compute: (goal: Goal, experience: ExperienceLevel, tier: Tier) => number): ByLevelAndTier {
  return Object.fromEntries(
    GOALS.map((goal) => [
      goal,
      Object.fromEntries(
        EXPERIENCE_LEVELS.map((experience) => [
          experience,
          Object.fromEntries(TIERS.map((tier) => [tier, compute(goal, experience, tier)])),
        ]),
      ),
    ]),
  ) as ByLevelAndTier;
}

// Worked out once: the generator asks for them thousands of times a plan.
const WORK_SECONDS = table(computeWorkSeconds);
const SET_SECONDS = table(computeSetSeconds);

/** The fixed part of a session: the general warm-up, plus ramp-up sets when it has a T1 lift. */
export function warmUpSeconds(goal: Goal, hasT1: boolean): number {
  return GENERAL_WARM_UP_SECONDS + (hasT1 ? T1_WARM_UP_SECONDS[goal] : 0);
}

/** The session's `duration_minutes`: estimated seconds rounded up to whole minutes. */
export function durationMinutes(seconds: number): number {
  return Math.ceil(seconds / 60);
}
