// Pushing and pulling sets (docs/programming-rules.md, section 5): for hypertrophy and general
// fitness, a week has at least as many pulling sets as pushing sets, for strength at least three
// quarters as many (the main lifts are presses and squats, but the back still needs its work), the usual coaching rule for
// shoulder health and posture when most daily life and most plans favour pressing. Counted as
// direct sets of the exercises' movement patterns: presses and flyes push; rows, pulldowns,
// pull-ups and face pulls pull; lateral raises, curls and leg work are neither.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { Goal, MovementPattern } from "../vocabulary.ts";
import { patternOf } from "./movement.ts";

/** What balance needs of a week: whether it keeps balance, and its running counts (week-draft.ts). */
interface Counts {
  /** Pulling sets needed per pushing set (pullShare), 0 where the week keeps no balance. */
  pullShare: number;
  pushSets: number;
  pullSets: number;
}

const PUSH_PATTERNS: ReadonlySet<MovementPattern> = new Set([
  "horizontal_push",
  "vertical_push",
  "chest_isolation",
]);
const PULL_PATTERNS: ReadonlySet<MovementPattern> = new Set(["horizontal_pull", "vertical_pull"]);

export function isPush(entry: CatalogueEntry): boolean {
  return PUSH_PATTERNS.has(patternOf(entry));
}

export function isPull(entry: CatalogueEntry): boolean {
  return PULL_PATTERNS.has(patternOf(entry));
}

/**
 * Whether a plan keeps pull >= push: for hypertrophy and general fitness, when the lifter can do
 * any back exercise at all (with none, pushing is not taken away to match a pull of zero; the notes
 * say the back is missing).
 */
export function keepsBalance(goal: Goal, canPull: boolean): boolean {
  return canPull && (goal === "hypertrophy" || goal === "general_fitness");
}

/** Strength plans pull at least this share of their pushing sets. */
export const STRENGTH_PULL_SHARE = 0.75;

/**
 * The floor of every plan whose lifter can pull at all (issue 22, item 11): pulling sets at least
 * two thirds of pushing sets, endurance and short strength weeks included.
 */
export const PULL_FLOOR = 2 / 3;

/**
 * Pulling sets a week needs per pushing set: 1 for hypertrophy and general fitness, 0.75 for
 * strength, 2/3 (the floor) for endurance, 0 (no rule) where the lifter can do no back exercise.
 */
export function pullShare(goal: Goal, canPull: boolean): number {
  if (!canPull) return 0;
  if (goal === "strength") return STRENGTH_PULL_SHARE;
  return keepsBalance(goal, canPull) ? 1 : PULL_FLOOR;
}

const EPSILON = 1e-9;

/** The week pulls less than the floor share of its pushing sets (PULL_FLOOR). */
export function belowPullFloor(week: Counts): boolean {
  return week.pullShare > 0 && week.pullSets < PULL_FLOOR * week.pushSets - EPSILON;
}

/** The week pulls less than its share of its pushing sets. */
export function lacksPull(week: Counts): boolean {
  return week.pullShare > 0 && week.pullSets < week.pullShare * week.pushSets - EPSILON;
}

/** `sets` more sets of the entry would leave the week short of its pulling share. */
export function breaksBalance(week: Counts, entry: CatalogueEntry, sets: number): boolean {
  if (week.pullShare === 0 || !isPush(entry)) return false;
  return week.pullSets < week.pullShare * (week.pushSets + sets) - EPSILON;
}
