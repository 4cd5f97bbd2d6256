-- The first problem in a plan JSON, or NULL when it is valid. Messages name the JSON path
-- (0-based, as in the JSON) and the session's day_name / the slot's name, so a client can find
-- the fault. Order: plan fields, then each session in order, each slot in order. Every value a
-- message quotes goes through json_shown, and names in the path are cut to 40 characters, so a
-- message stays short whatever the input (at most about 300 characters). Every key a column needs
-- is checked present, and every number against its column's range (a weight of 1e-50 would not
-- fit a real), so the writes after this check cannot fail on a value.
-- PL/pgSQL around one query with a forced generic plan, so it is planned once per session: a
-- LANGUAGE sql function is planned anew on every call, and a custom plan for this query (3.6 ms
-- here) costs more than running it (about 1.3 ms for a 30-slot plan).
CREATE OR REPLACE FUNCTION public.plan_json_problem(p jsonb) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
  RETURN (
  WITH
  vocab AS (
    SELECT
      ARRAY['barbell','dumbbell','kettlebell','cable','machine','bands','bodyweight','ez_bar',
            'medicine_ball','exercise_ball','foam_roll','other','pullup_bar','bench'] AS equipment,
      ARRAY['abdominals','abductors','adductors','biceps','calves','chest','forearms','glutes',
            'hamstrings','lats','lower_back','middle_back','neck','quadriceps','shoulders','traps',
            'triceps'] AS muscles
  ),
  plan_problems AS (
    SELECT 0 AS si, 0 AS ti, 0 AS n, msg FROM (VALUES
      (CASE WHEN jsonb_typeof(p) IS DISTINCT FROM 'object' THEN 'plan: must be a JSON object' END),
      (CASE WHEN jsonb_typeof(p -> 'split_type') IS DISTINCT FROM 'string' OR btrim(p ->> 'split_type') = ''
            THEN 'split_type: must be a non-empty string' END),
      (CASE WHEN NOT is_iso_date(CASE WHEN jsonb_typeof(p -> 'week_start') = 'string' THEN p ->> 'week_start' END)
            THEN format('week_start: must be a date YYYY-MM-DD (got %s)', json_shown(p -> 'week_start'))
            WHEN extract(isodow FROM (p ->> 'week_start')::date) <> 1
            THEN format('week_start: must be a Monday (got %s)', p ->> 'week_start')
            WHEN (p ->> 'week_start')::date NOT BETWEEN plan_date_window_from() AND plan_date_window_to()
            THEN format('week_start: must lie from %s to %s, a year either side of today (got %s)',
                        plan_date_window_from(), plan_date_window_to(), p ->> 'week_start') END),
      (CASE WHEN pg_column_size(p) > 262144
            THEN format('plan: must be at most 262144 bytes of JSON (got %s)', pg_column_size(p)) END),
      (CASE WHEN p ? 'notes' AND jsonb_typeof(p -> 'notes') <> 'null'
              AND (jsonb_typeof(p -> 'notes') <> 'string' OR length(p ->> 'notes') > 2000)
            THEN format('notes: must be null or text of at most 2000 characters (got %s)', json_shown(p -> 'notes')) END),
      (CASE WHEN jsonb_typeof(p -> 'goal_type') NOT IN ('null', 'string')
              OR (p ->> 'goal_type') NOT IN ('hypertrophy', 'strength', 'general_fitness', 'endurance')
            THEN format('goal_type: must be one of hypertrophy, strength, general_fitness, endurance (got %s)',
                        json_shown(p -> 'goal_type')) END),
      (CASE WHEN jsonb_typeof(p -> 'experience_level') NOT IN ('null', 'string')
              OR (p ->> 'experience_level') NOT IN ('beginner', 'intermediate', 'advanced')
            THEN format('experience_level: must be one of beginner, intermediate, advanced (got %s)',
                        json_shown(p -> 'experience_level')) END),
      (CASE WHEN p ? 'request_id' AND jsonb_typeof(p -> 'request_id') <> 'null'
              AND coalesce(p ->> 'request_id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            THEN format('request_id: must be a uuid (got %s)', json_shown(p -> 'request_id')) END),
      (CASE WHEN p ? 'deload_every_weeks' AND jsonb_typeof(p -> 'deload_every_weeks') <> 'null'
              AND coalesce(jsonb_as_int(p -> 'deload_every_weeks') NOT BETWEEN 2 AND 12, true)
            THEN format('deload_every_weeks: must be null or an integer from 2 to 12 (got %s)',
                        json_shown(p -> 'deload_every_weeks')) END),
      (CASE WHEN jsonb_typeof(p -> 'sessions') IS DISTINCT FROM 'array' THEN 'sessions: must be a non-empty array'
            WHEN jsonb_array_length(p -> 'sessions') = 0 THEN 'sessions: must be a non-empty array'
            WHEN jsonb_array_length(p -> 'sessions') > 14 THEN 'sessions: at most 14 sessions in a week'
            -- The bound per user (docs/bounds.md): what one plan may write, and so what the
            -- rollover copies of it each week.
            WHEN jsonb_array_length(p -> 'sessions') > (public.user_bounds_current()).max_sessions_per_plan
            THEN format('sessions: at most %s sessions in a plan (user_bounds.max_sessions_per_plan; got %s)',
                        (public.user_bounds_current()).max_sessions_per_plan, jsonb_array_length(p -> 'sessions')) END)
    ) AS v(msg)
    WHERE msg IS NOT NULL
  ),
  sessions AS (
    SELECT e.value AS s, e.ordinality::int AS si
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p -> 'sessions') = 'array' THEN p -> 'sessions' END)
      WITH ORDINALITY AS e
  ),
  session_problems AS (
    SELECT si, 0 AS ti, n,
      format('sessions[%s]%s: %s', si - 1,
             CASE WHEN jsonb_typeof(s -> 'day_name') = 'string' THEN format(' (%s)', left(s ->> 'day_name', 40)) ELSE '' END,
             msg) AS msg
    FROM sessions, LATERAL (VALUES
      (1, CASE WHEN jsonb_typeof(s) <> 'object' THEN 'must be a JSON object' END),
      (2, CASE WHEN jsonb_typeof(s -> 'day_name') IS DISTINCT FROM 'string' OR btrim(s ->> 'day_name') = ''
            THEN 'day_name must be a non-empty string' END),
      (3, CASE WHEN NOT is_iso_date(CASE WHEN jsonb_typeof(s -> 'date') = 'string' THEN s ->> 'date' END)
            THEN format('date must be a date YYYY-MM-DD (got %s)', json_shown(s -> 'date')) END),
      (4, CASE WHEN coalesce(jsonb_as_int(s -> 'day_of_week') NOT BETWEEN 1 AND 7, true)
            THEN format('day_of_week must be an integer from 1 to 7 (got %s)',
                        json_shown(s -> 'day_of_week')) END),
      (5, CASE WHEN is_iso_date(s ->> 'date') AND is_iso_date(p ->> 'week_start')
              AND (s ->> 'date')::date NOT BETWEEN (p ->> 'week_start')::date AND (p ->> 'week_start')::date + 6
            THEN format('date %s is not in the week starting %s', s ->> 'date', p ->> 'week_start') END),
      (6, CASE WHEN is_iso_date(s ->> 'date') AND jsonb_as_int(s -> 'day_of_week') BETWEEN 1 AND 7
              AND extract(isodow FROM (s ->> 'date')::date) <> jsonb_as_int(s -> 'day_of_week')
            THEN format('date %s is not day_of_week %s', s ->> 'date', s ->> 'day_of_week') END),
      (7, CASE WHEN jsonb_typeof(s -> 'focus_area') IS DISTINCT FROM 'string' OR btrim(s ->> 'focus_area') = ''
            THEN 'focus_area must be a non-empty string' END),
      (8, CASE WHEN s ? 'duration_minutes' AND jsonb_typeof(s -> 'duration_minutes') <> 'null'
              AND coalesce(jsonb_as_int(s -> 'duration_minutes') NOT BETWEEN 1 AND 600, true)
            THEN format('duration_minutes must be an integer from 1 to 600 (got %s)', json_shown(s -> 'duration_minutes')) END),
      (9, CASE WHEN s ? 'session_number' AND coalesce(jsonb_as_int(s -> 'session_number') < 1, true)
            THEN format('session_number must be a positive integer (got %s)', json_shown(s -> 'session_number')) END),
      (10, CASE WHEN jsonb_typeof(s -> 'slots') IS DISTINCT FROM 'array' THEN 'slots must be a non-empty array'
            WHEN jsonb_array_length(s -> 'slots') = 0 THEN 'slots must be a non-empty array'
            WHEN jsonb_array_length(s -> 'slots') > (public.user_bounds_current()).max_slots_per_session
            THEN format('slots: at most %s slots in a session (user_bounds.max_slots_per_session; got %s)',
                        (public.user_bounds_current()).max_slots_per_session, jsonb_array_length(s -> 'slots')) END)
    ) AS v(n, msg)
    WHERE msg IS NOT NULL AND (n = 1 OR jsonb_typeof(s) = 'object')
  ),
  slots AS (
    SELECT sessions.si, sessions.s, t.value AS x, t.ordinality::int AS ti
    FROM sessions
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(s -> 'slots') = 'array' THEN s -> 'slots' END)
      WITH ORDINALITY AS t
  ),
  slot_problems AS (
    SELECT si, ti, n,
      format('sessions[%s]%s.slots[%s]%s: %s', si - 1,
             CASE WHEN jsonb_typeof(s -> 'day_name') = 'string' THEN format(' (%s)', left(s ->> 'day_name', 40)) ELSE '' END,
             ti - 1,
             CASE WHEN jsonb_typeof(x -> 'name') = 'string' THEN format(' (%s)', left(x ->> 'name', 40)) ELSE '' END,
             msg) AS msg
    FROM slots, vocab, LATERAL (VALUES
      (1, CASE WHEN jsonb_typeof(x) <> 'object' THEN 'must be a JSON object' END),
      (2, CASE WHEN jsonb_typeof(x -> 'name') IS DISTINCT FROM 'string' OR btrim(x ->> 'name') = ''
            THEN 'name must be a non-empty string' END),
      (3, CASE WHEN jsonb_typeof(x -> 'exercise_id') NOT IN ('null', 'string') OR btrim(x ->> 'exercise_id') = ''
            THEN 'exercise_id must be null or a non-empty string' END),
      (4, CASE WHEN coalesce(jsonb_as_int(x -> 'sets') NOT BETWEEN 1 AND 20, true)
            THEN format('sets must be an integer from 1 to 20 (got %s)', json_shown(x -> 'sets')) END),
      -- coalesce: a slot without reps made this NULL (no problem), and the write then broke NOT NULL (23502).
      (5, CASE WHEN coalesce(jsonb_typeof(x -> 'reps') NOT IN ('string', 'number') OR btrim(x ->> 'reps') = ''
                             OR length(x ->> 'reps') > 40, true)
            THEN format('reps must be text such as "8-12" or "5" (got %s)', json_shown(x -> 'reps')) END),
      (6, CASE WHEN jsonb_typeof(x -> 'muscle_group') NOT IN ('null', 'string')
              OR (x ->> 'muscle_group') <> ALL (vocab.muscles)
            THEN format('muscle_group %s is not in the muscle vocabulary', json_shown(x -> 'muscle_group')) END),
      (7, CASE WHEN jsonb_typeof(x -> 'equipment') NOT IN ('null', 'string')
              OR (x ->> 'equipment') <> ALL (vocab.equipment)
            THEN format('equipment %s is not in the equipment vocabulary', json_shown(x -> 'equipment')) END),
      (8, CASE WHEN jsonb_typeof(x -> 'tier') NOT IN ('null', 'string') OR (x ->> 'tier') NOT IN ('T1', 'T2', 'T3')
            THEN format('tier must be T1, T2 or T3 (got %s)', json_shown(x -> 'tier')) END),
      (9, CASE WHEN x ? 'order_in_session' AND jsonb_typeof(x -> 'order_in_session') <> 'null'
              AND coalesce(jsonb_as_int(x -> 'order_in_session') < 1, true)
            THEN format('order_in_session must be a positive integer (got %s)', json_shown(x -> 'order_in_session')) END),
      (10, CASE WHEN x ? 'rir' AND jsonb_typeof(x -> 'rir') <> 'null'
              AND coalesce(jsonb_as_int(x -> 'rir') NOT BETWEEN 0 AND 10, true)
            THEN format('rir must be an integer from 0 to 10 (got %s)', json_shown(x -> 'rir')) END),
      -- 0, or 0.001 to 2000: the column is a real, and a tiny positive weight (1e-50) is out of its
      -- range (22003). CASE, not OR, so the cast only ever sees a number.
      (11, CASE WHEN x ? 'weight' AND jsonb_typeof(x -> 'weight') <> 'null'
              AND NOT CASE WHEN jsonb_typeof(x -> 'weight') = 'number'
                           THEN (x ->> 'weight')::numeric = 0 OR (x ->> 'weight')::numeric BETWEEN 0.001 AND 2000
                           ELSE false END
            THEN format('weight must be null, 0, or a number of kilograms from 0.001 to 2000 (got %s)',
                        json_shown(x -> 'weight')) END),
      (12, CASE WHEN x ? 'secondary_muscles' AND jsonb_typeof(x -> 'secondary_muscles') <> 'null'
              AND (jsonb_typeof(x -> 'secondary_muscles') <> 'array'
                   OR EXISTS (SELECT 1 FROM jsonb_array_elements(x -> 'secondary_muscles') m
                              WHERE jsonb_typeof(m) <> 'string' OR (m #>> '{}') <> ALL (vocab.muscles)))
            THEN format('secondary_muscles must be an array of muscle vocabulary values (got %s)',
                        json_shown(x -> 'secondary_muscles')) END),
      -- A slot's notes (the generator marks supersets with them: "superset A").
      (13, CASE WHEN x ? 'notes' AND jsonb_typeof(x -> 'notes') <> 'null'
              AND (jsonb_typeof(x -> 'notes') <> 'string' OR length(x ->> 'notes') > 200)
            THEN format('notes must be null or text of at most 200 characters (got %s)', json_shown(x -> 'notes')) END)
    ) AS v(n, msg)
    WHERE msg IS NOT NULL AND (n = 1 OR jsonb_typeof(x) = 'object')
  )
  SELECT msg FROM (
    SELECT 0 AS phase, si, ti, n, msg FROM plan_problems
    UNION ALL SELECT 1, si, ti, n, msg FROM session_problems
    UNION ALL SELECT 2, si, ti, n, msg FROM slot_problems
  ) problems
  ORDER BY phase = 0 DESC, si, phase, ti, n
  LIMIT 1
  );
END
$$;

REVOKE ALL ON FUNCTION public.plan_json_problem(jsonb) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.plan_json_problem(jsonb) TO PUBLIC;
