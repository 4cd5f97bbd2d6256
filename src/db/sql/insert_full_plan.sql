-- The seed's insert_full_plan, rewritten: same signature and JSON, every value checked first,
-- column defaults where the JSON leaves a value out, four set-based statements instead of a
-- statement per session and slot, and all or nothing (a function runs inside its caller's
-- statement). SECURITY INVOKER: the caller's RLS applies, so a signed-in user can write only their
-- own plans; the explicit check gives that a clear message. The seed's original is kept in
-- bench/seed-insert-full-plan.sql as the benchmark baseline.
-- Validation: plans_json_suspects, one cheap set-based query, clears a valid plan, and only a plan
-- it flags goes through the exact plan_json_problem, which words the message. The write
-- statements get a forced generic plan: planned once per session instead of on every call.
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

  -- Column defaults (goal_type, experience_level, deload_every_weeks) apply where the JSON
  -- omits the key or sends null: the seed's explicit NULL broke NOT NULL (23502).
  INSERT INTO public.modular_training_plan
    (user_id, split_type, week_start, goal_type, experience_level, status, request_id, deload_every_weeks, notes)
  VALUES (
    p_user_id,
    p_plan_json ->> 'split_type',
    v_week_start,
    coalesce(p_plan_json ->> 'goal_type', 'general_fitness'),
    coalesce(p_plan_json ->> 'experience_level', 'intermediate'),
    'active',
    (p_plan_json ->> 'request_id')::uuid,
    CASE WHEN p_plan_json ? 'deload_every_weeks' THEN public.jsonb_as_int(p_plan_json -> 'deload_every_weeks') ELSE 5 END,
    p_plan_json ->> 'notes'
  )
  RETURNING id INTO v_plan_id;

  INSERT INTO public.modular_training_week (plan_id, user_id, week_number, week_start)
  VALUES (v_plan_id, p_user_id, 1, v_week_start)
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
      public.jsonb_as_int(s.sess -> 'day_of_week'),
      s.sess ->> 'focus_area',
      coalesce(public.jsonb_as_int(s.sess -> 'session_number'), 1),
      public.jsonb_as_int(s.sess -> 'duration_minutes')
    FROM s
  )
  INSERT INTO public.modular_training_exercise
    (session_id, user_id, exercise_id, exercise_name, muscle_group, secondary_muscles, sets, reps, rir,
     weight, equipment, tier, order_in_session)
  SELECT
    s.id, p_user_id,
    t.slot ->> 'exercise_id',
    t.slot ->> 'name',
    t.slot ->> 'muscle_group',
    CASE WHEN jsonb_typeof(t.slot -> 'secondary_muscles') = 'array' THEN t.slot -> 'secondary_muscles' END,
    public.jsonb_as_int(t.slot -> 'sets'),
    t.slot ->> 'reps',
    public.jsonb_as_int(t.slot -> 'rir'),
    (t.slot ->> 'weight')::real,
    t.slot ->> 'equipment',
    t.slot ->> 'tier',
    coalesce(public.jsonb_as_int(t.slot -> 'order_in_session'), 1)
  FROM s
  CROSS JOIN LATERAL jsonb_array_elements(s.sess -> 'slots') WITH ORDINALITY AS t(slot, ti);

  RETURN v_plan_id;
END
$$;

REVOKE ALL ON FUNCTION public.insert_full_plan(uuid, jsonb) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.insert_full_plan(uuid, jsonb) TO authenticated, service_role;
