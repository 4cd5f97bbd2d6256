-- One trigger function for the three statement-level triggers on training_set (wired in
-- drizzle/0005; a trigger with transition tables takes one event). Cheap: one aggregate over the
-- transition table, one INSERT ... SELECT.
CREATE OR REPLACE FUNCTION public.training_set_mark_progress() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_user_ids uuid[];
  v_row_ids  uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(c.user_id), array_agg(c.exercise_row_id) INTO v_user_ids, v_row_ids
    FROM (SELECT DISTINCT n.user_id, n.exercise_row_id FROM new_sets n) c;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(c.user_id), array_agg(c.exercise_row_id) INTO v_user_ids, v_row_ids
    FROM (SELECT DISTINCT o.user_id, o.exercise_row_id FROM old_sets o) c;
  ELSE
    -- Both sides: a set moved to another row or week leaves its old key stale too.
    SELECT array_agg(c.user_id), array_agg(c.exercise_row_id) INTO v_user_ids, v_row_ids
    FROM (SELECT o.user_id, o.exercise_row_id FROM old_sets o
          UNION SELECT n.user_id, n.exercise_row_id FROM new_sets n) c;
  END IF;
  IF v_user_ids IS NOT NULL THEN
    PERFORM public.progress_mark_changed_sets(v_user_ids, v_row_ids);
  END IF;
  RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION public.training_set_mark_progress() FROM PUBLIC, anon, authenticated, service_role;
