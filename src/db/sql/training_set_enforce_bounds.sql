-- AFTER INSERT and AFTER UPDATE (statement-level, wired in drizzle/0014) on training_set: at most
-- user_bounds.max_sets_per_exercise_row sets on one exercise row, and at most
-- user_bounds.max_sets_per_week sets per user in one ISO week of recorded_at (UTC). The per-row
-- values (reps, load, set number, finite numbers) are CHECK constraints; these two need counts.
-- One count per exercise row and per (user, week) the statement touched, each an index probe.
-- SECURITY DEFINER: counts the user's sets whatever the writer's RLS.
CREATE OR REPLACE FUNCTION public.training_set_enforce_bounds() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_bounds record;
  v_over   record;
BEGIN
  v_bounds := public.user_bounds_current();
  SELECT r.exercise_row_id, c.n INTO v_over
  FROM (SELECT DISTINCT n.exercise_row_id FROM new_sets n) r
  CROSS JOIN LATERAL (
    SELECT count(*) AS n FROM public.training_set t WHERE t.exercise_row_id = r.exercise_row_id
  ) c
  WHERE c.n > v_bounds.max_sets_per_exercise_row
  LIMIT 1;
  IF FOUND THEN
    PERFORM public.user_bound_exceeded('max_sets_per_exercise_row', v_bounds.max_sets_per_exercise_row, v_over.n,
      format('sets logged on exercise row %s', v_over.exercise_row_id));
  END IF;
  SELECT w.user_id, w.week, c.n INTO v_over
  FROM (SELECT DISTINCT n.user_id, date_trunc('week', n.recorded_at AT TIME ZONE 'UTC') AS week FROM new_sets n) w
  CROSS JOIN LATERAL (
    SELECT count(*) AS n FROM public.training_set t
    WHERE t.user_id = w.user_id
      AND t.recorded_at >= w.week AT TIME ZONE 'UTC'
      AND t.recorded_at < (w.week + interval '7 days') AT TIME ZONE 'UTC'
  ) c
  WHERE c.n > v_bounds.max_sets_per_week
  LIMIT 1;
  IF FOUND THEN
    PERFORM public.user_bound_exceeded('max_sets_per_week', v_bounds.max_sets_per_week, v_over.n,
      format('sets logged in the week of %s', to_char(v_over.week, 'YYYY-MM-DD')));
  END IF;
  RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION public.training_set_enforce_bounds() FROM PUBLIC, anon, authenticated, service_role;

-- The wiring lives here, as in plan_dates_in_window.sql. Statement-level with a transition table:
-- one count per exercise row and per (user, week) a statement touched.
CREATE OR REPLACE TRIGGER training_set_bounds_insert
  AFTER INSERT ON public.training_set
  REFERENCING NEW TABLE AS new_sets
  FOR EACH STATEMENT EXECUTE FUNCTION public.training_set_enforce_bounds();

CREATE OR REPLACE TRIGGER training_set_bounds_update
  AFTER UPDATE ON public.training_set
  REFERENCING NEW TABLE AS new_sets
  FOR EACH STATEMENT EXECUTE FUNCTION public.training_set_enforce_bounds();
