// Hard sets per muscle for one performed set (progress_muscle_weekly.hard_sets, docs/contract.md
// section 3): 1 for the row's muscle group, 0.5 for each secondary muscle. Counting indirect work
// as half a set is the "fractional" method of Pelland et al. (2024), which fitted hypertrophy and
// strength gains at least as well as counting direct sets only. Muscles are compared as exact
// strings (the vocabulary's spelling).
// Runs in Node for planned sets (plan generation's week-draft.ts); for logged sets it is the
// reference model of the SQL production runs (src/db/sql/progress_row_muscles.sql).

export const PRIMARY_SET_WEIGHT = 1;
export const SECONDARY_SET_WEIGHT = 0.5;

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
 * muscle -> hard sets for one performed set. A secondary listed twice counts once, and a
 * secondary equal to the primary adds nothing (the primary already counts 1).
 */
export function hardSetsForSet(
  muscleGroup: string,
  secondaryMuscles: readonly string[] | null,
): Map<string, number> {
  const result = new Map<string, number>([[muscleGroup, PRIMARY_SET_WEIGHT]]);
  for (const muscle of secondaryMuscles ?? []) {
    if (!result.has(muscle)) result.set(muscle, SECONDARY_SET_WEIGHT);
  }
  return result;
}
