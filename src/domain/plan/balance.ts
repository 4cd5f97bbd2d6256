// Pushing and pulling sets (docs/programming-rules.md, section 5): for hypertrophy and general
// fitness, a week has at least as many pulling sets as pushing sets, the usual coaching rule for
// shoulder health and posture when most daily life and most plans favour pressing. Counted as
// direct sets of the exercises' movement patterns: presses and flyes push; rows, pulldowns,
// pull-ups and face pulls pull; lateral raises, curls and leg work are neither.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { Goal, MovementPattern } from "../vocabulary.ts";
import { patternOf } from "./movement.ts";

/** What balance needs of a week: whether it keeps balance, and its running counts (week-draft.ts). */
interface Counts {
  balanced: boolean;
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

/** `sets` more sets of the entry would leave more pushing than pulling sets in a balanced goal. */
export function breaksBalance(week: Counts, entry: CatalogueEntry, sets: number): boolean {
  if (!week.balanced || !isPush(entry)) return false;
  return week.pushSets + sets > week.pullSets;
}
