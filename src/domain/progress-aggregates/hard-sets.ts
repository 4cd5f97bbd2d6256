// Hard sets per muscle for one performed set (progress_muscle_weekly.hard_sets, docs/contract.md
// section 3): 1 for the row's muscle group, 0.5 for each other *counting group* it trains. Counting
// indirect work as half a set is the "fractional" method of Pelland et al. (2024), which fitted
// hypertrophy and strength gains at least as well as counting direct sets only.
// A counting group is a muscle, except that lats and middle_back are one group, the back:
// catalogues disagree on which of the two a row or a pull-down names, and a row listing both must
// not count 1.5 back sets (issue 22: the back hit its cap early and froze pressing). So a
// secondary of the primary's group, or of a group an earlier secondary already counted, adds nothing.
// Runs in Node for planned sets (plan generation's week-draft.ts); for logged sets it is the
// reference model of the SQL production runs (src/db/sql/progress_row_muscles.sql).

export const PRIMARY_SET_WEIGHT = 1;
export const SECONDARY_SET_WEIGHT = 0.5;

/** Muscles that share one counting group with another muscle; every other muscle is its own. */
export const SHARED_COUNTING_GROUPS: Readonly<Record<string, string>> = {
  lats: "back",
  middle_back: "back",
};

/** The group a muscle's sets count for: "back" for lats and middle_back, else the muscle itself. */
export function countingGroupOf(muscle: string): string {
  return SHARED_COUNTING_GROUPS[muscle] ?? muscle;
}

/**
 * The secondary muscles that count for a set: the exercise row's own list when it has one with
 * at least one entry, else the catalogue entry's (null and [] both mean "the row has none").
 */
export function secondaryMusclesFor(
  rowSecondaries: readonly string[] | null,
  catalogueSecondaries: readonly string[] | null,
): readonly string[] {
  if (rowSecondaries !== null && rowSecondaries.length > 0) return rowSecondaries;
  return catalogueSecondaries ?? [];
}

/**
 * muscle -> hard sets for one performed set. A secondary listed twice counts once; a secondary of
 * the primary's counting group adds nothing (the primary already counts 1), and of two secondaries
 * of one group only the first listed counts.
 */
export function hardSetsForSet(
  muscleGroup: string,
  secondaryMuscles: readonly string[] | null,
): Map<string, number> {
  const result = new Map<string, number>([[muscleGroup, PRIMARY_SET_WEIGHT]]);
  const counted = new Set<string>([countingGroupOf(muscleGroup)]);
  for (const muscle of secondaryMuscles ?? []) {
    const group = countingGroupOf(muscle);
    if (counted.has(group)) continue;
    counted.add(group);
    result.set(muscle, SECONDARY_SET_WEIGHT);
  }
  return result;
}
