-- Hand-written: a data backfill, which drizzle-kit cannot generate. Rows of the built-in catalogue
-- loaded before exrcwiki.requires existed get the requirements BUILTIN_CATALOGUE now records (a
-- pull-up needs a pull-up bar, a bench press a bench), so plans for lifters without them stop
-- offering those exercises at once. Only rows still marked 'builtin' and still at the default '{}'
-- change. Imported rows get theirs when the file is imported again (`catalogue import`).
UPDATE public.exrcwiki SET requires = '{bench}'::text[]
WHERE source = 'builtin' AND requires = '{}'::text[]
  AND exercise_id IN ('te_barbell_bench_press', 'te_barbell_incline_bench_press', 'te_barbell_decline_bench_press', 'te_close_grip_bench_press', 'te_dumbbell_bench_press', 'te_dumbbell_incline_press', 'te_dumbbell_fly', 'te_dumbbell_pullover', 'te_one_arm_dumbbell_row', 'te_chest_supported_dumbbell_row', 'te_bulgarian_split_squat', 'te_dumbbell_step_up', 'te_barbell_hip_thrust', 'te_dumbbell_hip_thrust', 'te_ez_bar_preacher_curl', 'te_incline_dumbbell_curl', 'te_ez_bar_skull_crusher', 'te_dumbbell_close_grip_press', 'te_bench_dip', 'te_dragon_flag', 'te_copenhagen_plank');
UPDATE public.exrcwiki SET requires = '{other}'::text[]
WHERE source = 'builtin' AND requires = '{}'::text[]
  AND exercise_id IN ('te_chest_dip', 'te_parallel_bar_triceps_dip');
UPDATE public.exrcwiki SET requires = '{pullup_bar}'::text[]
WHERE source = 'builtin' AND requires = '{}'::text[]
  AND exercise_id IN ('te_pull_up', 'te_chin_up', 'te_negative_pull_up', 'te_weighted_pull_up', 'te_muscle_up', 'te_inverted_row', 'te_hanging_leg_raise', 'te_dead_hang', 'te_band_assisted_pull_up');
