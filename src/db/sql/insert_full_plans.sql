-- The batch writer. p_user_ids[i] owns p_plans[i]; returns the new plan ids in the same order.
-- Same semantics as insert_full_plan: every plan checked before anything is written (the first
-- problem raises 22023, its message prefixed with the plan's position in the batch, 1-based as
-- SQL arrays are: `insert_full_plans: plans[2]: sessions[0] (Upper-A).slots[2] (Bench): ...`), column
-- defaults where the JSON leaves a value out, request_id unique (a duplicate, in the table or
-- inside the batch, raises 23505), all or nothing, SECURITY INVOKER with the auth.uid() check.
-- Ids are drawn in MATERIALIZED CTEs so children name their parents in the same statement; the
-- foreign keys are checked at the end of the statement, when every row is in. Ids come from
-- gen_random_uuid() (about 3x cheaper than the columns' uuid_generate_v4() default). Integers are
-- read with ->> and a cast: once the plans passed validation, that equals jsonb_as_int and
-- needs no regular expression.
CREATE OR REPLACE FUNCTION public.insert_full_plans(p_user_ids uuid[], p_plans jsonb[]) RETURNS uuid[]
  LANGUAGE plpgsql
  SECURITY INVOKER
  SET search_path = pg_catalog, public
  SET plan_cache_mode = force_generic_plan
  SET jit = off
AS $$
DECLARE
  v_bad     integer[];
  v_pos     integer;
  v_problem text;
  v_ids     uuid[];
BEGIN
  IF p_user_ids IS NULL OR p_plans IS NULL THEN
    RAISE EXCEPTION 'insert_full_plans: p_user_ids and p_plans are required' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF cardinality(p_user_ids) <> cardinality(p_plans) THEN
    RAISE EXCEPTION 'insert_full_plans: p_user_ids has % elements, p_plans %', cardinality(p_user_ids), cardinality(p_plans)
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF cardinality(p_plans) = 0 THEN
    RETURN '{}';
  END IF;
  -- Bounded work per call: at most 1,000 plans (the worker sends at most PLAN_BATCH_SIZE, 500),
  -- each at most 262144 bytes (checked by plan_json_problem through the filter below).
  IF cardinality(p_plans) > 1000 THEN
    RAISE EXCEPTION 'insert_full_plans: at most 1000 plans in one call (got %)', cardinality(p_plans)
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF array_position(p_user_ids, NULL) IS NOT NULL THEN
    RAISE EXCEPTION 'insert_full_plans: p_user_ids[%] is required', array_position(p_user_ids, NULL)
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF auth.uid() IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(p_user_ids) u WHERE u <> auth.uid()) THEN
    RAISE EXCEPTION 'insert_full_plans: a signed-in user may create plans only for themselves'
      USING ERRCODE = 'insufficient_privilege';
  END IF;

  v_bad := public.plans_json_suspects(p_plans);
  FOREACH v_pos IN ARRAY v_bad LOOP
    v_problem := public.plan_json_problem(p_plans[v_pos]);
    IF v_problem IS NOT NULL THEN
      RAISE EXCEPTION 'insert_full_plans: plans[%]: %', v_pos, v_problem USING ERRCODE = 'invalid_parameter_value';
    END IF;
  END LOOP;

  WITH
  input AS MATERIALIZED (
    SELECT gen_random_uuid() AS plan_id, gen_random_uuid() AS week_id, t.user_id, t.p, t.ord
    FROM unnest(p_user_ids, p_plans) WITH ORDINALITY AS t(user_id, p, ord)
  ),
  sess AS MATERIALIZED (
    SELECT gen_random_uuid() AS id, i.week_id, i.user_id, e.s
    FROM input i
    CROSS JOIN LATERAL jsonb_array_elements(i.p -> 'sessions') AS e(s)
  ),
  new_plans AS (
    -- Column defaults (goal_type, experience_level) where the JSON omits the key or sends null, as
    -- in insert_full_plan; deload_every_weeks null there (the worker picks the mesocycle length):
    -- docs/mesocycles.md.
    INSERT INTO public.modular_training_plan
      (id, user_id, split_type, week_start, goal_type, experience_level, status, request_id, deload_every_weeks, notes)
    SELECT
      i.plan_id, i.user_id,
      i.p ->> 'split_type',
      (i.p ->> 'week_start')::date,
      coalesce(i.p ->> 'goal_type', 'general_fitness'),
      coalesce(i.p ->> 'experience_level', 'intermediate'),
      'active',
      (i.p ->> 'request_id')::uuid,
      CASE WHEN i.p ? 'deload_every_weeks' THEN (i.p ->> 'deload_every_weeks')::int ELSE NULL END,
      i.p ->> 'notes'
    FROM input i
  ),
  new_weeks AS (
    INSERT INTO public.modular_training_week (id, plan_id, user_id, week_number, week_start)
    SELECT i.week_id, i.plan_id, i.user_id, 1, (i.p ->> 'week_start')::date
    FROM input i
  ),
  new_sessions AS (
    INSERT INTO public.modular_training_session
      (id, week_id, user_id, day_label, session_date, day_of_week, focus_area, session_number, duration_minutes)
    SELECT
      s.id, s.week_id, s.user_id,
      s.s ->> 'day_name',
      (s.s ->> 'date')::date,
      (s.s ->> 'day_of_week')::int,
      s.s ->> 'focus_area',
      coalesce((s.s ->> 'session_number')::int, 1),
      (s.s ->> 'duration_minutes')::int
    FROM sess s
  ),
  new_exercises AS (
    INSERT INTO public.modular_training_exercise
      (id, session_id, user_id, exercise_id, exercise_name, muscle_group, secondary_muscles, sets, reps, rir,
       weight, equipment, tier, order_in_session, notes)
    SELECT
      gen_random_uuid(), s.id, s.user_id,
      t.slot ->> 'exercise_id',
      t.slot ->> 'name',
      t.slot ->> 'muscle_group',
      CASE WHEN jsonb_typeof(t.slot -> 'secondary_muscles') = 'array' THEN t.slot -> 'secondary_muscles' END,
      (t.slot ->> 'sets')::int,
      t.slot ->> 'reps',
      (t.slot ->> 'rir')::int,
      (t.slot ->> 'weight')::real,
      t.slot ->> 'equipment',
      t.slot ->> 'tier',
      coalesce((t.slot ->> 'order_in_session')::int, 1),
      t.slot ->> 'notes'
    FROM sess s
    CROSS JOIN LATERAL jsonb_array_elements(s.s -> 'slots') AS t(slot)
  )
  SELECT array_agg(i.plan_id ORDER BY i.ord) INTO v_ids FROM input i;

  RETURN v_ids;
END
$$;

REVOKE ALL ON FUNCTION public.insert_full_plans(uuid[], jsonb[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.insert_full_plans(uuid[], jsonb[]) TO authenticated, service_role;
