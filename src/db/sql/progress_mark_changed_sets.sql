-- Marks (user, exercise key, plan week) of the changed sets as stale, in the writer's
-- transaction, and wakes the worker (NOTIFY, delivered at commit; the worker debounces per user).
-- A set whose exercise row is already gone (a plan, week, session or row deleted, cascading)
-- cannot be placed any more: it marks the whole user ('*', 'infinity'), and the refresh rebuilds
-- that user. ON CONFLICT DO UPDATE, not DO NOTHING: the update locks an existing mark, so a
-- refresh draining it either waits for this transaction (and then reads its sets) or has drained
-- it already (and this inserts a new mark); DO NOTHING could leave a set behind no mark.
-- SECURITY DEFINER: signed-in users write sets but may not write progress_dirty.
CREATE OR REPLACE FUNCTION public.progress_mark_changed_sets(p_user_ids uuid[], p_row_ids uuid[])
  RETURNS void
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  WITH changed AS (
    SELECT c.user_id, c.exercise_row_id FROM unnest(p_user_ids, p_row_ids) AS c(user_id, exercise_row_id)
  ),
  keys AS (
    SELECT c.user_id, coalesce(e.exercise_id, e.exercise_name) AS exercise_key, w.week_start
    FROM changed c
    JOIN public.modular_training_exercise e ON e.id = c.exercise_row_id
    JOIN public.modular_training_session s ON s.id = e.session_id
    JOIN public.modular_training_week w ON w.id = s.week_id
    UNION
    SELECT c.user_id, '*', 'infinity'::date
    FROM changed c
    WHERE NOT EXISTS (SELECT 1 FROM public.modular_training_exercise e WHERE e.id = c.exercise_row_id)
  )
  INSERT INTO public.progress_dirty AS d (user_id, exercise_key, week_start)
  SELECT user_id, exercise_key, week_start FROM keys
  ON CONFLICT (user_id, exercise_key, week_start) DO UPDATE SET marked_at = excluded.marked_at;

  PERFORM pg_notify('progress_dirty', u.user_id::text)
  FROM (SELECT DISTINCT x.user_id FROM unnest(p_user_ids) AS x(user_id)) u;
END
$$;

REVOKE ALL ON FUNCTION public.progress_mark_changed_sets(uuid[], uuid[]) FROM PUBLIC, anon, authenticated, service_role;
