-- Every performed set with what the progress tables group it by: its user, exercise key (the
-- catalogue exercise_id, or the exercise name where the row has none) and plan week. The owner
-- column comes from the week so a user's weeks (user_id, week_start) index drives the lookups.
-- Runs as its owner: for the service only (grants below).
CREATE OR REPLACE VIEW public.progress_set_fact AS
SELECT
  t.id AS set_id,
  w.user_id,
  coalesce(e.exercise_id, e.exercise_name) AS exercise_key,
  w.week_start,
  t.exercise_row_id,
  t.reps_done,
  t.weight_kg::double precision AS weight_kg,
  t.rpe,
  t.recorded_at,
  public.e1rm_kg(t.weight_kg, t.reps_done, t.rpe) AS e1rm_kg
FROM public.training_set t
JOIN public.modular_training_exercise e ON e.id = t.exercise_row_id
JOIN public.modular_training_session s ON s.id = e.session_id
JOIN public.modular_training_week w ON w.id = s.week_id;

REVOKE ALL ON public.progress_set_fact FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON public.progress_set_fact TO service_role;
