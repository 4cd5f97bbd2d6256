// Sets, reps and RIR of a slot by goal, experience and tier (docs/programming-rules.md, "Tiers").
// T1 is the session's main compound, T2 the other compounds, T3 isolation work. Rep ranges follow
// ACSM (2009) and NSCA Essentials: heavy and low-rep where strength is the goal, moderate for
// hypertrophy, high for endurance. RIR (Helms et al. 2016) keeps beginners further from failure,
// because their effort estimates are least accurate, and lets isolation work go closest.

import type { ExperienceLevel, Goal, Tier } from "../vocabulary.ts";

export interface TierPrescription {
  /** Most sets one slot may hold; a muscle's volume beyond it goes to another exercise. */
  maxSets: number;
  /** "A-B" or a fixed "N" (parseRepTarget's forms), so the rollover can progress it. */
  reps: string;
  rir: number;
}

/** A new slot starts with 2 sets: one set rarely earns an exercise's set-up and warm-up cost. */
export const MIN_SLOT_SETS = 2;

type ByTier = Readonly<Record<Tier, TierPrescription>>;

function tiers(t1: TierPrescription, t2: TierPrescription, t3: TierPrescription): ByTier {
  return { T1: t1, T2: t2, T3: t3 };
}

export const PRESCRIPTIONS: Readonly<Record<Goal, Readonly<Record<ExperienceLevel, ByTier>>>> = {
  strength: {
    beginner: tiers(
      { maxSets: 3, reps: "5", rir: 3 },
      { maxSets: 3, reps: "6-8", rir: 3 },
      { maxSets: 2, reps: "8-12", rir: 2 },
    ),
    intermediate: tiers(
      { maxSets: 5, reps: "3-5", rir: 2 },
      { maxSets: 4, reps: "6-8", rir: 2 },
      { maxSets: 3, reps: "8-12", rir: 2 },
    ),
    advanced: tiers(
      { maxSets: 5, reps: "3-5", rir: 1 },
      { maxSets: 4, reps: "6-8", rir: 2 },
      { maxSets: 3, reps: "8-12", rir: 1 },
    ),
  },
  hypertrophy: {
    beginner: tiers(
      { maxSets: 3, reps: "6-8", rir: 3 },
      { maxSets: 3, reps: "8-12", rir: 3 },
      { maxSets: 3, reps: "12-15", rir: 2 },
    ),
    intermediate: tiers(
      { maxSets: 4, reps: "6-8", rir: 2 },
      { maxSets: 4, reps: "8-12", rir: 2 },
      { maxSets: 4, reps: "12-15", rir: 1 },
    ),
    advanced: tiers(
      { maxSets: 5, reps: "6-8", rir: 2 },
      { maxSets: 4, reps: "8-12", rir: 1 },
      { maxSets: 4, reps: "12-15", rir: 1 },
    ),
  },
  general_fitness: {
    beginner: tiers(
      { maxSets: 3, reps: "8-12", rir: 3 },
      { maxSets: 3, reps: "8-12", rir: 3 },
      { maxSets: 2, reps: "12-15", rir: 3 },
    ),
    intermediate: tiers(
      { maxSets: 3, reps: "8-12", rir: 3 },
      { maxSets: 3, reps: "8-12", rir: 2 },
      { maxSets: 3, reps: "12-15", rir: 2 },
    ),
    advanced: tiers(
      { maxSets: 4, reps: "8-12", rir: 2 },
      { maxSets: 3, reps: "8-12", rir: 2 },
      { maxSets: 3, reps: "12-15", rir: 2 },
    ),
  },
  endurance: {
    beginner: tiers(
      { maxSets: 3, reps: "12-15", rir: 3 },
      { maxSets: 3, reps: "15-20", rir: 3 },
      { maxSets: 2, reps: "15-20", rir: 3 },
    ),
    intermediate: tiers(
      { maxSets: 3, reps: "12-15", rir: 2 },
      { maxSets: 3, reps: "15-20", rir: 2 },
      { maxSets: 3, reps: "15-20", rir: 2 },
    ),
    advanced: tiers(
      { maxSets: 4, reps: "12-15", rir: 2 },
      { maxSets: 3, reps: "15-20", rir: 2 },
      { maxSets: 3, reps: "15-20", rir: 1 },
    ),
  },
};

export function prescription(goal: Goal, experience: ExperienceLevel, tier: Tier): TierPrescription {
  return PRESCRIPTIONS[goal][experience][tier];
}

/**
 * Rep range of a slot without an external load (bodyweight work), by tier: wide enough that a
 * rep or two of progress shows inside it, judgeable by the rollover (parseRepTarget), never
 * "AMRAP". The bodyweight ladder (docs/progression.md) moves the row to a harder variation once
 * every set reaches the top at the target RIR, so the top need not be far.
 */
export const BODYWEIGHT_REPS: Readonly<Record<Tier, string>> = { T1: "6-12", T2: "8-15", T3: "10-20" };
