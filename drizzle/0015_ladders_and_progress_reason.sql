ALTER TABLE "exrcwiki" ADD COLUMN "ladder" text;--> statement-breakpoint
ALTER TABLE "exrcwiki" ADD COLUMN "ladder_step" smallint;--> statement-breakpoint
ALTER TABLE "modular_training_exercise" ADD COLUMN "progress_reason" text;--> statement-breakpoint
CREATE INDEX "exrcwiki_ladder_idx" ON "exrcwiki" USING btree ("ladder","ladder_step");--> statement-breakpoint
ALTER TABLE "exrcwiki" ADD CONSTRAINT "exrcwiki_ladder_check" CHECK (("exrcwiki"."ladder" IS NULL) = ("exrcwiki"."ladder_step" IS NULL) AND ("exrcwiki"."ladder" IS NULL OR "exrcwiki"."ladder" IN ('push_up', 'bodyweight_row', 'single_leg_squat', 'pull_up')));--> statement-breakpoint
ALTER TABLE "exrcwiki" ADD CONSTRAINT "exrcwiki_ladder_step_check" CHECK ("exrcwiki"."ladder_step" IS NULL OR "exrcwiki"."ladder_step" >= 1);--> statement-breakpoint
-- Hand-written backfill: rows of the built-in catalogue seeded before the ladders existed get their
-- rungs (BUILTIN_LADDER_RUNGS, src/domain/catalogue/ladders.ts). The two rungs added with them
-- (feet-elevated inverted row, bodyweight Bulgarian split squat) come with a fresh seed; without
-- them the rollover moves to the nearest rung the catalogue has. Imported rows get theirs when the
-- file is imported again (`catalogue import`).
UPDATE public.exrcwiki w SET ladder = r.ladder, ladder_step = r.step
FROM (VALUES
  ('te_incline_push_up', 'push_up', 1), ('te_push_up', 'push_up', 2), ('te_decline_push_up', 'push_up', 3),
  ('te_table_inverted_row', 'bodyweight_row', 1), ('te_inverted_row', 'bodyweight_row', 2),
  ('te_bodyweight_squat', 'single_leg_squat', 1), ('te_bodyweight_split_squat', 'single_leg_squat', 2),
  ('te_band_assisted_pull_up', 'pull_up', 1), ('te_negative_pull_up', 'pull_up', 2), ('te_pull_up', 'pull_up', 3),
  ('te_weighted_pull_up', 'pull_up', 4)
) AS r(exercise_id, ladder, step)
WHERE w.source = 'builtin' AND w.exercise_id = r.exercise_id AND w.ladder IS NULL;
