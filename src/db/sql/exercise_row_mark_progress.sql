-- An exercise row that already has sets and changes what the progress tables group or count
-- them by (its key, muscles or session) marks its user whole: rare, and the user's rebuild is
-- cheap. Changes to sessions, weeks and the catalogue are left to the nightly rebuild.
CREATE OR REPLACE FUNCTION public.exercise_row_mark_progress() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_ignored bigint;
BEGIN
  WITH users AS (
    SELECT DISTINCT n.user_id
    FROM new_rows n
    JOIN old_rows o ON o.id = n.id
    WHERE (n.exercise_id, n.exercise_name, n.muscle_group, n.secondary_muscles, n.session_id)
          IS DISTINCT FROM (o.exercise_id, o.exercise_name, o.muscle_group, o.secondary_muscles, o.session_id)
      AND EXISTS (SELECT 1 FROM public.training_set t WHERE t.exercise_row_id = n.id)
  ),
  marked AS (
    INSERT INTO public.progress_dirty (user_id, exercise_key, week_start)
    SELECT user_id, '*', 'infinity'::date FROM users
    ON CONFLICT (user_id, exercise_key, week_start) DO UPDATE SET marked_at = excluded.marked_at
    RETURNING user_id
  )
  SELECT count(pg_notify('progress_dirty', m.user_id::text)) INTO STRICT v_ignored FROM marked m;
  RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION public.exercise_row_mark_progress() FROM PUBLIC, anon, authenticated, service_role;
