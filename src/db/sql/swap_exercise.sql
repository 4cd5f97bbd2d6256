-- Replaces the exercise of one row, and of the same slot in the plan's later weeks, by
-- p_exercise_id (contract section 7; docs/swap.md). The same slot: rows carried forward from it by
-- the rollover (carried_from_id), and rows of later weeks in the same day, session and order that
-- still hold the old exercise. A main lift's back-off sets (the same exercise again in the session,
-- src/domain/plan/back-off-sets.ts) go with it, either row swapped: a pause squat's top sets
-- followed by back squats would be two lifts. Sets, reps, RIR, tier, order and notes are kept; the load is derived
-- again (swap_load_kg), the miss streak starts over and swap_suggested is cleared (the swap is the
-- answer to the joint-pain suggestion). Rows with logged sets are never changed:
-- progress is keyed by a row's exercise, so the old exercise's sets and records stay where they
-- are; a row that has them cannot be swapped (swap next week's). Swapping back is another swap.
-- The rollover copies a row's exercise_id, so weeks it creates later keep the new exercise. In an
-- alternating week (three sessions, the first and third of one label: a novice's A B A,
-- docs/rollover.md) the row's workout is on two days, set for set: the other day's rows of the old
-- exercise are swapped too, or the next B A B (which copies the third day's A) would undo it.
-- SECURITY INVOKER: a signed-in user changes only their own rows (another user's row is not found).
-- Faults raise 22023 (invalid_parameter_value), or P0002 for a row that is not there, with the
-- reason in the message.
CREATE OR REPLACE FUNCTION public.swap_exercise(p_row_id uuid, p_exercise_id text) RETURNS uuid
  LANGUAGE plpgsql
  SECURITY INVOKER
  SET search_path = pg_catalog, public
AS $$
DECLARE
  v_row      record;
  v_new      public.exrcwiki%ROWTYPE;
  v_allowed  text[];
  v_missing  text[];
  v_copies   uuid[];
BEGIN
  IF p_row_id IS NULL OR p_exercise_id IS NULL THEN
    RAISE EXCEPTION 'swap_exercise: p_row_id and p_exercise_id are required' USING ERRCODE = 'null_value_not_allowed';
  END IF;

  SELECT r.id, r.session_id, r.user_id, r.exercise_id, r.exercise_name, r.order_in_session, wk.plan_id,
         wk.id AS week_id, wk.week_number, s.day_of_week, s.session_number, s.day_label
  INTO v_row
  FROM public.modular_training_exercise r
  JOIN public.modular_training_session s ON s.id = r.session_id
  JOIN public.modular_training_week wk ON wk.id = s.week_id
  WHERE r.id = p_row_id
  FOR UPDATE OF r;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'swap_exercise: p_row_id: no exercise row % (or not yours)', p_row_id
      USING ERRCODE = 'no_data_found';
  END IF;

  SELECT * INTO v_new FROM public.exrcwiki WHERE exercise_id = p_exercise_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'swap_exercise: p_exercise_id: no exercise % in the catalogue', left(p_exercise_id, 100)
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF v_row.exercise_id IS NOT DISTINCT FROM p_exercise_id THEN
    RETURN p_row_id;
  END IF;
  IF EXISTS (SELECT 1 FROM public.exercise_exclusion x
             WHERE x.user_id = v_row.user_id AND x.exercise_id = p_exercise_id) THEN
    RAISE EXCEPTION 'swap_exercise: p_exercise_id: % is on the lifter''s exclusions', p_exercise_id
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  v_allowed := public.plan_allowed_equipment(v_row.plan_id);
  v_missing := ARRAY(SELECT e FROM unnest(v_new.equipment || v_new.requires) e WHERE e <> ALL (v_allowed));
  IF cardinality(v_missing) > 0 THEN
    RAISE EXCEPTION 'swap_exercise: p_exercise_id: % needs %, which the plan''s request did not allow',
      p_exercise_id, array_to_string(v_missing, ', ')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM public.training_set t WHERE t.exercise_row_id = p_row_id) THEN
    RAISE EXCEPTION 'swap_exercise: p_row_id: the row has logged sets of %, which keep their exercise; swap the row of a later week',
      v_row.exercise_name
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  -- The other day of the row's workout in an alternating week (none in any other week).
  SELECT coalesce(array_agg(d.id) FILTER (WHERE d.day_label = v_row.day_label AND d.id <> v_row.session_id), '{}')
  INTO v_copies
  FROM (
    SELECT ws.id, ws.day_label,
      array_agg(ws.day_label) OVER (ORDER BY ws.session_date, ws.session_number, ws.id
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS labels
    FROM public.modular_training_session ws WHERE ws.week_id = v_row.week_id
  ) d
  WHERE cardinality(d.labels) = 3 AND d.labels[1] = d.labels[3] AND d.labels[1] <> d.labels[2];

  -- The plan's later rows first (a few hundred, found by index), then the rollover's chain inside
  -- them: carried_from_id has no index, so the chain is never followed over the whole table.
  WITH RECURSIVE later AS MATERIALIZED (
    SELECT x.id, x.carried_from_id, x.exercise_id, x.order_in_session, s.day_of_week, s.session_number,
      s.day_label
    FROM public.modular_training_week wk
    JOIN public.modular_training_session s ON s.week_id = wk.id
    JOIN public.modular_training_exercise x ON x.session_id = s.id
    WHERE wk.plan_id = v_row.plan_id AND wk.week_number > v_row.week_number
  ),
  -- The row and any other row of its session (and of the workout's other day) holding the same
  -- exercise (back-off sets).
  twins AS MATERIALIZED (
    SELECT t.id, t.order_in_session FROM public.modular_training_exercise t
    WHERE t.session_id = ANY (v_copies || v_row.session_id)
      AND t.exercise_id IS NOT DISTINCT FROM v_row.exercise_id
  ),
  carried AS (
    SELECT id FROM twins
    UNION
    SELECT l.id FROM later l JOIN carried c ON l.carried_from_id = c.id
  ),
  same_slot AS (
    SELECT l.id FROM later l
    WHERE l.day_of_week = v_row.day_of_week
      AND l.session_number = v_row.session_number
      AND l.day_label IS NOT DISTINCT FROM v_row.day_label
      AND l.order_in_session IN (SELECT order_in_session FROM twins)
      AND l.exercise_id IS NOT DISTINCT FROM v_row.exercise_id
  )
  UPDATE public.modular_training_exercise x
  SET exercise_id = v_new.exercise_id,
      exercise_name = v_new.name,
      muscle_group = v_new.muscle_group,
      secondary_muscles = to_jsonb(v_new.secondary_muscles),
      equipment = v_new.equipment,
      instructions = nullif(array_to_string(v_new.instructions, E'\n'), ''),
      tips = NULL,
      miss_streak = 0,
      -- A swap answers the joint-pain suggestion (the rollover sets it): the new exercise starts clear.
      swap_suggested = false,
      weight = public.swap_load_kg(x.user_id, v_new.exercise_id, x.reps, x.rir)
  WHERE x.id IN (SELECT id FROM carried UNION SELECT id FROM same_slot)
    AND NOT EXISTS (SELECT 1 FROM public.training_set t WHERE t.exercise_row_id = x.id);

  RETURN p_row_id;
END
$$;

REVOKE ALL ON FUNCTION public.swap_exercise(uuid, text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.swap_exercise(uuid, text) TO authenticated, service_role;
