-- Which plans of a batch may have a problem (1-based positions, ascending), in one set-based query
-- over the whole batch. It is a fast, conservative filter: a plan it does not name is valid by
-- every check of plan_json_problem; a plan it names is then checked by plan_json_problem itself,
-- which words the message (so the two can never disagree on wording, and a false alarm costs one
-- exact check). Each session and slot costs one boolean expression over values read with ->> and
-- compared with constant lists (hashed), no regular expressions, no date arithmetic and no format():
-- sets, rir, day_of_week and session_number are compared as text with their allowed values (so 3
-- and "3" pass, 3.0 goes to the exact check), a session's date must be its week_start plus
-- day_of_week - 1 written as YYYY-MM-DD, and secondary_muscles must be contained in the vocabulary.
-- Plan-level checks are plan_json_problem's own (one row per plan). Every check plan_json_problem
-- makes has its counterpart here (the date window, the size, a weight a real can hold...): a plan
-- this filter passes is written without the exact check. PL/pgSQL with a forced generic
-- plan: planned once per session, not once per call.
CREATE OR REPLACE FUNCTION public.plans_json_suspects(p_plans jsonb[]) RETURNS integer[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  SET plan_cache_mode = force_generic_plan
  SET jit = off
AS $$
BEGIN
  RETURN (
  WITH
  -- The bounds per user (docs/bounds.md), read once per call.
  bounds AS MATERIALIZED (SELECT * FROM public.user_bounds_current()),
  plans AS MATERIALIZED (
    SELECT t.p, t.ord::int AS ord,
      (
        jsonb_typeof(t.p) IS DISTINCT FROM 'object'
        OR jsonb_typeof(t.p -> 'split_type') IS DISTINCT FROM 'string' OR btrim(t.p ->> 'split_type') = ''
        OR CASE WHEN NOT is_iso_date(CASE WHEN jsonb_typeof(t.p -> 'week_start') = 'string' THEN t.p ->> 'week_start' END)
                THEN true
                ELSE extract(isodow FROM (t.p ->> 'week_start')::date) <> 1
                  OR (t.p ->> 'week_start')::date NOT BETWEEN plan_date_window_from() AND plan_date_window_to() END
        OR pg_column_size(t.p) > 262144
        OR (t.p ? 'notes' AND jsonb_typeof(t.p -> 'notes') <> 'null'
            AND (jsonb_typeof(t.p -> 'notes') <> 'string' OR length(t.p ->> 'notes') > 2000))
        OR jsonb_typeof(t.p -> 'goal_type') NOT IN ('null', 'string')
        OR (t.p ->> 'goal_type') NOT IN ('hypertrophy', 'strength', 'general_fitness', 'endurance')
        OR jsonb_typeof(t.p -> 'experience_level') NOT IN ('null', 'string')
        OR (t.p ->> 'experience_level') NOT IN ('beginner', 'intermediate', 'advanced')
        OR (t.p ? 'request_id' AND jsonb_typeof(t.p -> 'request_id') <> 'null'
            AND coalesce(t.p ->> 'request_id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
        OR (t.p ? 'deload_every_weeks' AND jsonb_typeof(t.p -> 'deload_every_weeks') <> 'null'
            AND coalesce(jsonb_as_int(t.p -> 'deload_every_weeks') NOT BETWEEN 2 AND 12, true))
        OR CASE WHEN jsonb_typeof(t.p -> 'sessions') IS DISTINCT FROM 'array' THEN true
                ELSE jsonb_array_length(t.p -> 'sessions') NOT BETWEEN 1 AND least(14, b.max_sessions_per_plan) END
      ) IS TRUE AS bad
    FROM unnest(p_plans) WITH ORDINALITY AS t(p, ord), bounds b
  ),
  -- Sessions of plans whose plan-level checks passed: week_start is a valid Monday there.
  sessions AS MATERIALIZED (
    SELECT plans.ord, e.s, (plans.p ->> 'week_start')::date AS week_start
    FROM plans
    CROSS JOIN LATERAL jsonb_array_elements(plans.p -> 'sessions') AS e(s)
    WHERE NOT plans.bad
  ),
  bad_sessions AS (
    SELECT ord FROM sessions
    WHERE NOT coalesce(
      jsonb_typeof(s) = 'object'
      AND jsonb_typeof(s -> 'day_name') = 'string' AND btrim(s ->> 'day_name') <> ''
      AND (s ->> 'day_of_week') = ANY ('{1,2,3,4,5,6,7}'::text[])
      AND (s ->> 'date') = CASE WHEN (s ->> 'day_of_week') = ANY ('{1,2,3,4,5,6,7}'::text[])
                                THEN to_char(week_start + ((s ->> 'day_of_week')::int - 1), 'YYYY-MM-DD') END
      AND jsonb_typeof(s -> 'focus_area') = 'string' AND btrim(s ->> 'focus_area') <> ''
      AND ((s ->> 'duration_minutes') IS NULL
           OR CASE WHEN (s ->> 'duration_minutes') ~ '^[1-9][0-9]{0,2}$' THEN (s ->> 'duration_minutes')::int <= 600 END)
      AND (NOT s ? 'session_number' OR (s ->> 'session_number') = ANY ('{1,2,3,4,5,6,7,8,9,10,11,12,13,14}'::text[]))
      AND jsonb_typeof(s -> 'slots') = 'array'
      AND jsonb_array_length(s -> 'slots') BETWEEN 1 AND (SELECT b.max_slots_per_session FROM bounds b),
      false)
  ),
  bad_slots AS (
    SELECT sessions.ord
    FROM sessions
    CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN jsonb_typeof(sessions.s -> 'slots') = 'array' THEN sessions.s -> 'slots' END) AS t(x)
    WHERE NOT coalesce(
      jsonb_typeof(x) = 'object'
      AND jsonb_typeof(x -> 'name') = 'string' AND btrim(x ->> 'name') <> ''
      AND ((x ->> 'exercise_id') IS NULL OR jsonb_typeof(x -> 'exercise_id') = 'string' AND btrim(x ->> 'exercise_id') <> '')
      AND (x ->> 'sets') = ANY ('{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20}'::text[])
      AND jsonb_typeof(x -> 'reps') IN ('string', 'number') AND btrim(x ->> 'reps') <> '' AND length(x ->> 'reps') <= 40
      AND ((x ->> 'muscle_group') IS NULL
           OR (x ->> 'muscle_group') = ANY ('{abdominals,abductors,adductors,biceps,calves,chest,forearms,glutes,hamstrings,lats,lower_back,middle_back,neck,quadriceps,shoulders,traps,triceps}'::text[]))
      AND ((x ->> 'equipment') IS NULL
           OR (x ->> 'equipment') = ANY ('{barbell,dumbbell,kettlebell,cable,machine,bands,bodyweight,ez_bar,medicine_ball,exercise_ball,foam_roll,other,pullup_bar,bench}'::text[]))
      AND ((x ->> 'tier') IS NULL OR (x ->> 'tier') IN ('T1', 'T2', 'T3'))
      AND ((x ->> 'order_in_session') IS NULL
           OR (x ->> 'order_in_session') = ANY ('{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30}'::text[]))
      AND ((x ->> 'rir') IS NULL OR (x ->> 'rir') = ANY ('{0,1,2,3,4,5,6,7,8,9,10}'::text[]))
      AND ((x ->> 'weight') IS NULL
           OR CASE WHEN jsonb_typeof(x -> 'weight') = 'number'
                   THEN (x ->> 'weight')::numeric = 0 OR (x ->> 'weight')::numeric BETWEEN 0.001 AND 2000 END)
      AND ((x ->> 'secondary_muscles') IS NULL
           OR jsonb_typeof(x -> 'secondary_muscles') = 'array'
              AND (x -> 'secondary_muscles') <@ '["abdominals","abductors","adductors","biceps","calves","chest","forearms","glutes","hamstrings","lats","lower_back","middle_back","neck","quadriceps","shoulders","traps","triceps"]'::jsonb)
      AND ((x ->> 'notes') IS NULL OR jsonb_typeof(x -> 'notes') = 'string' AND length(x ->> 'notes') <= 200),
      false)
  )
  SELECT coalesce(array_agg(DISTINCT ord ORDER BY ord), '{}')
  FROM (
    SELECT ord FROM plans WHERE bad
    UNION ALL SELECT ord FROM bad_sessions
    UNION ALL SELECT ord FROM bad_slots
  ) bad
  );
END
$$;

REVOKE ALL ON FUNCTION public.plans_json_suspects(jsonb[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.plans_json_suspects(jsonb[]) TO authenticated, service_role;
