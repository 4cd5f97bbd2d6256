// Bodyweight variation ladders: the documented order, easiest first, in which a bodyweight row moves
// when its rep range no longer judges the lifter (docs/progression.md, "Bodyweight rows"). Catalogue
// data: every entry on a ladder carries `ladder` and `ladderStep` (exrcwiki.ladder, ladder_step),
// and the rollover moves a row one step along its ladder in one place of its SQL
// (src/db/queries/rollover.ts, the `ladder` lateral).
//
// The built-in catalogue names its rungs by id below; the free-exercise-db importer maps the rungs
// its names allow (LADDER_NAMES_FREE_EXERCISE_DB, matched on the exact source name).

export const LADDERS = ["push_up", "bodyweight_row", "single_leg_squat", "pull_up"] as const;
export type Ladder = (typeof LADDERS)[number];

export interface LadderRung {
  ladder: Ladder;
  /** 1 = easiest. */
  step: number;
}

/** The built-in catalogue's rungs, by exercise id. */
export const BUILTIN_LADDER_RUNGS: Readonly<Record<string, LadderRung>> = {
  te_incline_push_up: { ladder: "push_up", step: 1 },
  te_push_up: { ladder: "push_up", step: 2 },
  te_decline_push_up: { ladder: "push_up", step: 3 },
  te_table_inverted_row: { ladder: "bodyweight_row", step: 1 },
  te_inverted_row: { ladder: "bodyweight_row", step: 2 },
  te_feet_elevated_inverted_row: { ladder: "bodyweight_row", step: 3 },
  te_bodyweight_squat: { ladder: "single_leg_squat", step: 1 },
  te_bodyweight_split_squat: { ladder: "single_leg_squat", step: 2 },
  te_bodyweight_bulgarian_split_squat: { ladder: "single_leg_squat", step: 3 },
  te_band_assisted_pull_up: { ladder: "pull_up", step: 1 },
  te_negative_pull_up: { ladder: "pull_up", step: 2 },
  te_pull_up: { ladder: "pull_up", step: 3 },
  te_weighted_pull_up: { ladder: "pull_up", step: 4 },
};

/**
 * free-exercise-db's names for rungs (exact `name` of the source file), one per rung, only what its
 * names allow: push-ups at three heights, the inverted row, the bodyweight squat and split squat,
 * and the pull-up from band-assisted to weighted. Nothing there is a table row, a feet-elevated
 * row, a bodyweight Bulgarian split squat or a negative, so those rungs stay empty and a row moves
 * past them to the next rung the catalogue has (the rollover's lateral takes the nearest step).
 */
export const LADDER_NAMES_FREE_EXERCISE_DB: Readonly<Record<string, LadderRung>> = {
  "Incline Push-Up": { ladder: "push_up", step: 1 },
  Pushups: { ladder: "push_up", step: 2 },
  "Push-Ups With Feet Elevated": { ladder: "push_up", step: 3 },
  "Inverted Row": { ladder: "bodyweight_row", step: 2 },
  "Bodyweight Squat": { ladder: "single_leg_squat", step: 1 },
  "Split Squats": { ladder: "single_leg_squat", step: 2 },
  "Band Assisted Pull-Up": { ladder: "pull_up", step: 1 },
  Pullups: { ladder: "pull_up", step: 3 },
  "Weighted Pull Ups": { ladder: "pull_up", step: 4 },
};
