-- The seed's insert_full_plan, rewritten: same signature and JSON, every value checked first,
-- column defaults where the JSON leaves a value out, four set-based statements instead of a
-- statement per session and slot, and all or nothing (a function runs inside its caller's
-- statement). SECURITY INVOKER: the caller's RLS applies, so a signed-in user can write only their
-- own plans; the explicit check gives that a clear message. The seed's original is kept in
-- bench/seed-insert-full-plan.sql as the benchmark baseline.
-- Validation: plans_json_suspects, one cheap set-based query, clears a valid plan, and only a plan
-- it flags goes through the exact plan_json_problem, which words the message. The write
-- statements get a forced generic plan: planned once per session instead of on every call.
-- As in insert_full_plans, integers are read with ->> and a cast (once the plan passed validation,
-- that equals jsonb_as_int, without its regular expression: about a tenth of the call), and ids
-- come from gen_random_uuid(), cheaper than the columns' uuid_generate_v4() default.
CREATE OR REPLACE FUNCTION public.insert_full_plan(p_user_id uuid, p_plan_json jsonb) RETURNS uuid
  LANGUAGE plpgsql
  SECURITY INVOKER
  SET search_path = pg_catalog, public
  SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_problem    text;
  v_plan_id    uuid;
  v_week_id    uuid;
  v_week_start date;
BEGIN
  IF p_user_id IS NULL THEN
    RAISE EXCEPTION 'insert_full_plan: p_user_id is required' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF auth.uid() IS NOT NULL AND auth.uid() <> p_user_id THEN
    RAISE EXCEPTION 'insert_full_plan: a signed-in user may create plans only for themselves'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Over the size limit: refused before any check reads it (plan_json_problem words the same).
  IF pg_column_size(p_plan_json) > 262144 THEN
    RAISE EXCEPTION 'insert_full_plan: plan: must be at most 262144 bytes of JSON (got %)', pg_column_size(p_plan_json)
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- The cheap set-based filter first; only a plan it flags pays for the exact check, which also
  -- words the message (so the wording is plan_json_problem's, as before).
  IF coalesce(cardinality(public.plans_json_suspects(ARRAY[p_plan_json])), 1) <> 0 THEN
    v_problem := public.plan_json_problem(p_plan_json);
  END IF;
  IF v_problem IS NOT NULL THEN
    RAISE EXCEPTION 'insert_full_plan: %', v_problem USING ERRCODE = 'invalid_parameter_value';
  END IF;

  v_week_start := (p_plan_json ->> 'week_start')::date;

  -- Column defaults (goal_type, experience_level) apply where the JSON omits the key or sends
  -- null: the seed's explicit NULL broke NOT NULL (23502). deload_every_weeks is null there: the
  -- worker picks the mesocycle length (docs/mesocycles.md).
  INSERT INTO public.modular_training_plan
    (id, user_id, split_type, week_start, goal_type, experience_level, status, request_id, deload_every_weeks, notes)
  VALUES (
    gen_random_uuid(), p_user_id,
    p_plan_json ->> 'split_type',
    v_week_start,
    coalesce(p_plan_json ->> 'goal_type', 'general_fitness'),
    coalesce(p_plan_json ->> 'experience_level', 'intermediate'),
    'active',
    (p_plan_json ->> 'request_id')::uuid,
    CASE WHEN p_plan_json ? 'deload_every_weeks' THEN (p_plan_json ->> 'deload_every_weeks')::int ELSE NULL END,
    p_plan_json ->> 'notes'
  )
  RETURNING id INTO v_plan_id;

  INSERT INTO public.modular_training_week (id, plan_id, user_id, week_number, week_start)
  VALUES (gen_random_uuid(), v_plan_id, p_user_id, 1, v_week_start)
  RETURNING id INTO v_week_id;

  -- Session ids are drawn first so the exercise rows can name them in the same statement.
  WITH s AS MATERIALIZED (
    SELECT gen_random_uuid() AS id, e.value AS sess, e.ordinality AS si
    FROM jsonb_array_elements(p_plan_json -> 'sessions') WITH ORDINALITY AS e
  ),
  new_sessions AS (
    INSERT INTO public.modular_training_session
      (id, week_id, user_id, day_label, session_date, day_of_week, focus_area, session_number, duration_minutes)
    SELECT
      s.id, v_week_id, p_user_id,
      s.sess ->> 'day_name',
      (s.sess ->> 'date')::date,
      (s.sess ->> 'day_of_week')::int,
      s.sess ->> 'focus_area',
      coalesce((s.sess ->> 'session_number')::int, 1),
      (s.sess ->> 'duration_minutes')::int
    FROM s
  )
  INSERT INTO public.modular_training_exercise
    (id, session_id, user_id, exercise_id, exercise_name, muscle_group, secondary_muscles, sets, reps, rir,
     weight, equipment, tier, order_in_session, notes)
  SELECT
    gen_random_uuid(), s.id, p_user_id,
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
  FROM s
  CROSS JOIN LATERAL jsonb_array_elements(s.sess -> 'slots') WITH ORDINALITY AS t(slot, ti);

  RETURN v_plan_id;
END
$$;

REVOKE ALL ON FUNCTION public.insert_full_plan(uuid, jsonb) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.insert_full_plan(uuid, jsonb) TO authenticated, service_role;
