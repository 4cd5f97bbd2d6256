-- Hand-written: functions, triggers, the back-compat view, its index and the grants. Drizzle
-- models tables, indexes and policies; it cannot express any of these.

-- updated_at, kept current for every writer (Drizzle's $onUpdate covers only Drizzle's own
-- updates; SQL functions and psql need a trigger).
CREATE OR REPLACE FUNCTION public.set_updated_at() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER modular_training_plan_updated_at BEFORE UPDATE ON public.modular_training_plan
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER modular_training_week_updated_at BEFORE UPDATE ON public.modular_training_week
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER modular_training_session_updated_at BEFORE UPDATE ON public.modular_training_session
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER exrcwiki_updated_at BEFORE UPDATE ON public.exrcwiki
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER plan_request_updated_at BEFORE UPDATE ON public.plan_request
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER progress_exercise_weekly_updated_at BEFORE UPDATE ON public.progress_exercise_weekly
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER progress_muscle_weekly_updated_at BEFORE UPDATE ON public.progress_muscle_weekly
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
--> statement-breakpoint
CREATE TRIGGER personal_record_updated_at BEFORE UPDATE ON public.personal_record
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
--> statement-breakpoint

-- The owner column of child rows, filled from the parent when a client leaves it out (old
-- clients and the seed's function know nothing of user_id). SECURITY INVOKER on purpose: under
-- RLS a user sees only their own parents, so naming someone else's parent finds nothing and fails.
CREATE OR REPLACE FUNCTION public.fill_owner_from_parent() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
DECLARE
  v_parent_id uuid;
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'modular_training_week' THEN
      v_parent_id := NEW.plan_id;
      SELECT p.user_id INTO NEW.user_id FROM public.modular_training_plan p WHERE p.id = v_parent_id;
    WHEN 'modular_training_session' THEN
      v_parent_id := NEW.week_id;
      SELECT w.user_id INTO NEW.user_id FROM public.modular_training_week w WHERE w.id = v_parent_id;
    WHEN 'modular_training_exercise' THEN
      v_parent_id := NEW.session_id;
      SELECT s.user_id INTO NEW.user_id FROM public.modular_training_session s WHERE s.id = v_parent_id;
    WHEN 'training_set' THEN
      v_parent_id := NEW.exercise_row_id;
      SELECT e.user_id INTO NEW.user_id FROM public.modular_training_exercise e WHERE e.id = v_parent_id;
  END CASE;
  IF NEW.user_id IS NULL THEN
    RAISE EXCEPTION '%: parent row % does not exist or is not yours', TG_TABLE_NAME, v_parent_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER modular_training_week_fill_owner BEFORE INSERT ON public.modular_training_week
  FOR EACH ROW WHEN (NEW.user_id IS NULL) EXECUTE FUNCTION public.fill_owner_from_parent();
--> statement-breakpoint
CREATE TRIGGER modular_training_session_fill_owner BEFORE INSERT ON public.modular_training_session
  FOR EACH ROW WHEN (NEW.user_id IS NULL) EXECUTE FUNCTION public.fill_owner_from_parent();
--> statement-breakpoint
CREATE TRIGGER modular_training_exercise_fill_owner BEFORE INSERT ON public.modular_training_exercise
  FOR EACH ROW WHEN (NEW.user_id IS NULL) EXECUTE FUNCTION public.fill_owner_from_parent();
--> statement-breakpoint
CREATE TRIGGER training_set_fill_owner BEFORE INSERT ON public.training_set
  FOR EACH ROW WHEN (NEW.user_id IS NULL) EXECUTE FUNCTION public.fill_owner_from_parent();
--> statement-breakpoint

-- Small validators for plan JSON, pure expressions so validation needs no exception blocks.
-- No SET search_path on these two: it would stop PostgreSQL inlining them, and they are called
-- for every value of every slot. They use only pg_catalog, which is always searched first.
CREATE OR REPLACE FUNCTION public.jsonb_as_int(v jsonb) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN jsonb_typeof(v) = 'number' AND v::text ~ '^-?\d{1,9}$' THEN v::text::integer
    WHEN jsonb_typeof(v) = 'string' AND (v #>> '{}') ~ '^-?\d{1,9}$' THEN (v #>> '{}')::integer
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.is_iso_date(v text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN v IS NULL OR v !~ '^\d{4}-\d{2}-\d{2}$' THEN false
    WHEN substr(v, 1, 4)::int < 1 OR substr(v, 6, 2)::int NOT BETWEEN 1 AND 12 THEN false
    ELSE substr(v, 9, 2)::int BETWEEN 1 AND extract(day FROM (
      make_date(substr(v, 1, 4)::int, substr(v, 6, 2)::int, 1) + interval '1 month - 1 day'))::int
  END
$$;
--> statement-breakpoint

-- The first problem in a plan JSON, or NULL when it is valid. Messages name the JSON path
-- (0-based, as in the JSON) and the session's day_name / the slot's name, so a client can find
-- the fault. Order: plan fields, then each session in order, each slot in order.
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
            'medicine_ball','exercise_ball','foam_roll','other'] AS equipment,
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
            THEN format('week_start: must be a date YYYY-MM-DD (got %s)', coalesce((p -> 'week_start')::text, 'nothing'))
            WHEN extract(isodow FROM (p ->> 'week_start')::date) <> 1
            THEN format('week_start: must be a Monday (got %s)', p ->> 'week_start') END),
      (CASE WHEN jsonb_typeof(p -> 'goal_type') NOT IN ('null', 'string')
              OR (p ->> 'goal_type') NOT IN ('hypertrophy', 'strength', 'general_fitness', 'endurance')
            THEN format('goal_type: must be one of hypertrophy, strength, general_fitness, endurance (got %s)',
                        (p -> 'goal_type')::text) END),
      (CASE WHEN jsonb_typeof(p -> 'experience_level') NOT IN ('null', 'string')
              OR (p ->> 'experience_level') NOT IN ('beginner', 'intermediate', 'advanced')
            THEN format('experience_level: must be one of beginner, intermediate, advanced (got %s)',
                        (p -> 'experience_level')::text) END),
      (CASE WHEN p ? 'request_id' AND jsonb_typeof(p -> 'request_id') <> 'null'
              AND coalesce(p ->> 'request_id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            THEN 'request_id: must be a uuid' END),
      (CASE WHEN p ? 'deload_every_weeks' AND jsonb_typeof(p -> 'deload_every_weeks') <> 'null'
              AND coalesce(jsonb_as_int(p -> 'deload_every_weeks') NOT BETWEEN 2 AND 12, true)
            THEN 'deload_every_weeks: must be null or an integer from 2 to 12' END),
      (CASE WHEN jsonb_typeof(p -> 'sessions') IS DISTINCT FROM 'array' THEN 'sessions: must be a non-empty array'
            WHEN jsonb_array_length(p -> 'sessions') = 0 THEN 'sessions: must be a non-empty array'
            WHEN jsonb_array_length(p -> 'sessions') > 14 THEN 'sessions: at most 14 sessions in a week' END)
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
             CASE WHEN jsonb_typeof(s -> 'day_name') = 'string' THEN format(' (%s)', s ->> 'day_name') ELSE '' END,
             msg) AS msg
    FROM sessions, LATERAL (VALUES
      (1, CASE WHEN jsonb_typeof(s) <> 'object' THEN 'must be a JSON object' END),
      (2, CASE WHEN jsonb_typeof(s -> 'day_name') IS DISTINCT FROM 'string' OR btrim(s ->> 'day_name') = ''
            THEN 'day_name must be a non-empty string' END),
      (3, CASE WHEN NOT is_iso_date(CASE WHEN jsonb_typeof(s -> 'date') = 'string' THEN s ->> 'date' END)
            THEN format('date must be a date YYYY-MM-DD (got %s)', coalesce((s -> 'date')::text, 'nothing')) END),
      (4, CASE WHEN coalesce(jsonb_as_int(s -> 'day_of_week') NOT BETWEEN 1 AND 7, true)
            THEN format('day_of_week must be an integer from 1 to 7 (got %s)',
                        coalesce((s -> 'day_of_week')::text, 'nothing')) END),
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
            THEN 'duration_minutes must be an integer from 1 to 600' END),
      (9, CASE WHEN s ? 'session_number' AND coalesce(jsonb_as_int(s -> 'session_number') < 1, true)
            THEN 'session_number must be a positive integer' END),
      (10, CASE WHEN jsonb_typeof(s -> 'slots') IS DISTINCT FROM 'array' THEN 'slots must be a non-empty array'
            WHEN jsonb_array_length(s -> 'slots') = 0 THEN 'slots must be a non-empty array' END)
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
             CASE WHEN jsonb_typeof(s -> 'day_name') = 'string' THEN format(' (%s)', s ->> 'day_name') ELSE '' END,
             ti - 1,
             CASE WHEN jsonb_typeof(x -> 'name') = 'string' THEN format(' (%s)', x ->> 'name') ELSE '' END,
             msg) AS msg
    FROM slots, vocab, LATERAL (VALUES
      (1, CASE WHEN jsonb_typeof(x) <> 'object' THEN 'must be a JSON object' END),
      (2, CASE WHEN jsonb_typeof(x -> 'name') IS DISTINCT FROM 'string' OR btrim(x ->> 'name') = ''
            THEN 'name must be a non-empty string' END),
      (3, CASE WHEN jsonb_typeof(x -> 'exercise_id') NOT IN ('null', 'string') OR btrim(x ->> 'exercise_id') = ''
            THEN 'exercise_id must be null or a non-empty string' END),
      (4, CASE WHEN coalesce(jsonb_as_int(x -> 'sets') NOT BETWEEN 1 AND 20, true)
            THEN format('sets must be an integer from 1 to 20 (got %s)', coalesce((x -> 'sets')::text, 'nothing')) END),
      (5, CASE WHEN jsonb_typeof(x -> 'reps') NOT IN ('string', 'number') OR btrim(x ->> 'reps') = ''
              OR length(x ->> 'reps') > 40
            THEN format('reps must be text such as "8-12" or "5" (got %s)', coalesce((x -> 'reps')::text, 'nothing')) END),
      (6, CASE WHEN jsonb_typeof(x -> 'muscle_group') NOT IN ('null', 'string')
              OR (x ->> 'muscle_group') <> ALL (vocab.muscles)
            THEN format('muscle_group %s is not in the muscle vocabulary', (x -> 'muscle_group')::text) END),
      (7, CASE WHEN jsonb_typeof(x -> 'equipment') NOT IN ('null', 'string')
              OR (x ->> 'equipment') <> ALL (vocab.equipment)
            THEN format('equipment %s is not in the equipment vocabulary', (x -> 'equipment')::text) END),
      (8, CASE WHEN jsonb_typeof(x -> 'tier') NOT IN ('null', 'string') OR (x ->> 'tier') NOT IN ('T1', 'T2', 'T3')
            THEN format('tier must be T1, T2 or T3 (got %s)', (x -> 'tier')::text) END),
      (9, CASE WHEN x ? 'order_in_session' AND jsonb_typeof(x -> 'order_in_session') <> 'null'
              AND coalesce(jsonb_as_int(x -> 'order_in_session') < 1, true)
            THEN 'order_in_session must be a positive integer' END),
      (10, CASE WHEN x ? 'rir' AND jsonb_typeof(x -> 'rir') <> 'null'
              AND coalesce(jsonb_as_int(x -> 'rir') NOT BETWEEN 0 AND 10, true)
            THEN 'rir must be an integer from 0 to 10' END),
      (11, CASE WHEN x ? 'weight' AND jsonb_typeof(x -> 'weight') <> 'null'
              AND (jsonb_typeof(x -> 'weight') <> 'number' OR (x ->> 'weight')::numeric NOT BETWEEN 0 AND 2000)
            THEN 'weight must be null or a number of kilograms from 0 to 2000' END),
      (12, CASE WHEN x ? 'secondary_muscles' AND jsonb_typeof(x -> 'secondary_muscles') <> 'null'
              AND (jsonb_typeof(x -> 'secondary_muscles') <> 'array'
                   OR EXISTS (SELECT 1 FROM jsonb_array_elements(x -> 'secondary_muscles') m
                              WHERE jsonb_typeof(m) <> 'string' OR (m #>> '{}') <> ALL (vocab.muscles)))
            THEN 'secondary_muscles must be an array of muscle vocabulary values' END)
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
--> statement-breakpoint

-- The seed's insert_full_plan, rewritten: same signature and JSON, every value checked first
-- (plan_json_problem), column defaults where the JSON leaves a value out, four set-based
-- statements instead of a statement per session and slot, and all or nothing (a function runs
-- inside its caller's statement). SECURITY INVOKER: the caller's RLS applies, so a signed-in
-- user can write only their own plans; the explicit check gives that a clear message.
-- The seed's original is kept in bench/seed-insert-full-plan.sql as the benchmark baseline.
CREATE OR REPLACE FUNCTION public.insert_full_plan(p_user_id uuid, p_plan_json jsonb) RETURNS uuid
  LANGUAGE plpgsql
  SECURITY INVOKER
  SET search_path = pg_catalog, public
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
  v_problem := public.plan_json_problem(p_plan_json);
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
--> statement-breakpoint

-- The seed's back-compat view, as security_invoker so the reader's RLS applies (a plain view
-- runs as its owner and would show every user's sessions). The owner column on the session
-- makes the seed's joins to week and plan unnecessary.
CREATE OR REPLACE VIEW public.workout_sessions WITH (security_invoker = true) AS
SELECT
  s.id,
  s.user_id,
  CASE WHEN s.completed THEN 'completed' ELSE 'active' END AS status,
  s.focus_area,
  s.day_of_week,
  s.session_date AS created_at,
  s.updated_at
FROM public.modular_training_session s;
--> statement-breakpoint
-- What the seed's impossible index on the view meant: the same expression on the base table, so
-- `WHERE user_id = $1 AND status = 'active'` on the view is an index scan.
CREATE INDEX IF NOT EXISTS workout_sessions_user_status_idx ON public.modular_training_session
  (user_id, (CASE WHEN completed THEN 'completed' ELSE 'active' END)) INCLUDE (session_date);
--> statement-breakpoint

-- Grants: least privilege per role. On Supabase new tables are granted to anon and
-- authenticated by default, so revoke first and grant back only what each role needs.
REVOKE ALL ON public.modular_training_plan, public.modular_training_week, public.modular_training_session,
  public.modular_training_exercise, public.training_set, public.exrcwiki, public.plan_request,
  public.progress_exercise_weekly, public.progress_muscle_weekly, public.personal_record,
  public.progress_dirty, public.workout_sessions FROM anon, authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.modular_training_plan, public.modular_training_week,
  public.modular_training_session, public.modular_training_exercise, public.training_set TO authenticated;
--> statement-breakpoint
GRANT SELECT ON public.exrcwiki, public.plan_request, public.progress_exercise_weekly,
  public.progress_muscle_weekly, public.personal_record, public.workout_sessions TO authenticated;
--> statement-breakpoint
-- Only params is the user's to set; user_id defaults to auth.uid() and the rest is the worker's.
GRANT INSERT (params) ON public.plan_request TO authenticated;
--> statement-breakpoint
GRANT ALL ON public.modular_training_plan, public.modular_training_week, public.modular_training_session,
  public.modular_training_exercise, public.training_set, public.exrcwiki, public.plan_request,
  public.progress_exercise_weekly, public.progress_muscle_weekly, public.personal_record,
  public.progress_dirty, public.workout_sessions TO service_role;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.insert_full_plan(uuid, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.insert_full_plan(uuid, jsonb) TO authenticated, service_role;
