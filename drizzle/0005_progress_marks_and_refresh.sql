-- Hand-written: functions, a view, statement-level triggers with transition tables and grants,
-- none of which Drizzle can express. Progress aggregation (docs/progress.md): the e1RM rule and
-- the RTS chart in SQL, the marks a write to training_set leaves in progress_dirty, and the
-- set-based refresh (incremental from the marks, or a rebuild) of progress_exercise_weekly,
-- progress_muscle_weekly and personal_record.

-- The RTS chart (CONTRACT.md section 5) as data: rows RPE 10, 9.5, ... 6, columns 1..10 reps.
-- NULL off the chart. No SET clause on purpose, here and in e1rm_kg: a SQL function with one is
-- never inlined, and these run once per set in a rebuild (10M calls). The body names nothing
-- but pg_catalog operators, which are found first whatever the search_path.
CREATE OR REPLACE FUNCTION public.rts_percent(p_reps integer, p_rpe double precision)
  RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_reps BETWEEN 1 AND 10 AND p_rpe BETWEEN 6 AND 10 AND p_rpe * 2 = trunc(p_rpe * 2)
    THEN ('{{100,95.5,92.2,89.2,86.3,83.7,81.1,78.6,76.2,73.9},
            {97.8,93.9,90.7,87.8,85.0,82.4,79.9,77.4,75.1,72.3},
            {95.5,92.2,89.2,86.3,83.7,81.1,78.6,76.2,73.9,70.7},
            {93.9,90.7,87.8,85.0,82.4,79.9,77.4,75.1,72.3,69.4},
            {92.2,89.2,86.3,83.7,81.1,78.6,76.2,73.9,70.7,68.0},
            {90.7,87.8,85.0,82.4,79.9,77.4,75.1,72.3,69.4,66.7},
            {89.2,86.3,83.7,81.1,78.6,76.2,73.9,70.7,68.0,65.3},
            {87.8,85.0,82.4,79.9,77.4,75.1,72.3,69.4,66.7,64.0},
            {86.3,83.7,81.1,78.6,76.2,73.9,70.7,68.0,65.3,62.6}}'::double precision[])
         [(21 - p_rpe * 2)::integer][p_reps]
  END
$$;
--> statement-breakpoint

-- estimateOneRepMax (src/domain/progress/e1rm.ts), in the same double-precision operations:
-- 0 when nothing was lifted, the weight for a single, the chart with an RPE on it and 2..10
-- reps, Epley otherwise.
CREATE OR REPLACE FUNCTION public.e1rm_kg(p_weight_kg double precision, p_reps integer, p_rpe double precision)
  RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_reps <= 0 OR p_weight_kg <= 0 THEN 0::double precision
    WHEN p_reps = 1 THEN p_weight_kg
    ELSE coalesce(p_weight_kg / (public.rts_percent(p_reps, p_rpe) / 100),
                  p_weight_kg * (1 + p_reps::double precision / 30))
  END
$$;
--> statement-breakpoint

-- The muscles one performed set of an exercise row counts for (hardSetsForSet and
-- secondaryMusclesFor in src/domain/progress/hard-sets.ts): 1 for the primary muscle, 0.5 for
-- each distinct secondary muscle other than the primary. Secondaries: the row's jsonb list when
-- it is a non-empty array, else the catalogue entry's. Inlined into the refresh (SQL, no SET).
CREATE OR REPLACE FUNCTION public.progress_row_muscles(
  p_primary text, p_row_secondaries jsonb, p_catalogue_secondaries text[]
) RETURNS TABLE (muscle text, hard_sets double precision)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT p_primary, 1::double precision WHERE p_primary IS NOT NULL
  UNION ALL
  SELECT DISTINCT s.m, 0.5::double precision
  FROM unnest(CASE
    WHEN jsonb_typeof(p_row_secondaries) = 'array' AND jsonb_array_length(p_row_secondaries) > 0
    THEN ARRAY(SELECT jsonb_array_elements_text(p_row_secondaries))
    ELSE p_catalogue_secondaries
  END) AS s(m)
  WHERE s.m IS NOT NULL AND s.m IS DISTINCT FROM p_primary
$$;
--> statement-breakpoint

-- Every performed set with what the progress tables group it by: its user, exercise key (the
-- catalogue exercise_id, or the exercise name where the row has none) and plan week. The owner
-- column comes from the week so a user's weeks (user_id, week_start) index drives the lookups.
-- Runs as its owner: for the service only (grants below).
CREATE OR REPLACE VIEW public.progress_set_fact AS
SELECT
  t.id AS set_id,
  w.user_id,
  coalesce(e.exercise_id, e.exercise_name) AS exercise_key,
  w.week_start,
  t.exercise_row_id,
  t.reps_done,
  t.weight_kg::double precision AS weight_kg,
  t.rpe,
  t.recorded_at,
  public.e1rm_kg(t.weight_kg, t.reps_done, t.rpe) AS e1rm_kg
FROM public.training_set t
JOIN public.modular_training_exercise e ON e.id = t.exercise_row_id
JOIN public.modular_training_session s ON s.id = e.session_id
JOIN public.modular_training_week w ON w.id = s.week_id;
--> statement-breakpoint

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
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.progress_mark_changed_sets(uuid[], uuid[]) FROM PUBLIC, anon, authenticated;
--> statement-breakpoint

-- One trigger function for the three statement-level triggers below (a trigger with transition
-- tables takes one event). Cheap: one aggregate over the transition table, one INSERT ... SELECT.
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
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.training_set_mark_progress() FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
CREATE TRIGGER training_set_mark_progress_insert AFTER INSERT ON public.training_set
  REFERENCING NEW TABLE AS new_sets
  FOR EACH STATEMENT EXECUTE FUNCTION public.training_set_mark_progress();
--> statement-breakpoint
CREATE TRIGGER training_set_mark_progress_update AFTER UPDATE ON public.training_set
  REFERENCING OLD TABLE AS old_sets NEW TABLE AS new_sets
  FOR EACH STATEMENT EXECUTE FUNCTION public.training_set_mark_progress();
--> statement-breakpoint
CREATE TRIGGER training_set_mark_progress_delete AFTER DELETE ON public.training_set
  REFERENCING OLD TABLE AS old_sets
  FOR EACH STATEMENT EXECUTE FUNCTION public.training_set_mark_progress();
--> statement-breakpoint

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
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.exercise_row_mark_progress() FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
CREATE TRIGGER modular_training_exercise_mark_progress AFTER UPDATE ON public.modular_training_exercise
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.exercise_row_mark_progress();
--> statement-breakpoint

-- Refreshes of one user never overlap (one could commit older figures over newer ones after the
-- other drained the marks): each takes a transaction-level advisory lock per user, in hash order
-- so two multi-user refreshes cannot deadlock, after a shared lock that a rebuild of everyone
-- takes exclusively. 1886547815 is 'prog' in ASCII.
CREATE OR REPLACE FUNCTION public.progress_lock_users(p_user_ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1886547815::bigint);
  PERFORM pg_advisory_xact_lock(1886547815, x.h)
  FROM (SELECT DISTINCT hashtext(u::text) AS h FROM unnest(p_user_ids) AS u ORDER BY 1) x;
END
$$;
--> statement-breakpoint

-- Rebuilds the progress rows of the given users (NULL: everyone) from their sets, draining their
-- marks: the rebuild is the definition the incremental refresh must equal. force_custom_plan so
-- `v_all OR ...` folds away and everyone's rebuild gets its seq-scan-and-hash plan.
CREATE OR REPLACE FUNCTION public.progress_rebuild(p_user_ids uuid[] DEFAULT NULL)
  RETURNS TABLE (users integer, marks integer, exercise_weeks integer, muscle_weeks integer, records integer)
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  v_all boolean := p_user_ids IS NULL;
BEGIN
  IF v_all THEN
    PERFORM pg_advisory_xact_lock(1886547815::bigint);
  ELSE
    PERFORM public.progress_lock_users(p_user_ids);
  END IF;

  DELETE FROM public.progress_dirty d WHERE v_all OR d.user_id = ANY (p_user_ids);
  GET DIAGNOSTICS marks = ROW_COUNT;
  DELETE FROM public.progress_exercise_weekly p WHERE v_all OR p.user_id = ANY (p_user_ids);
  DELETE FROM public.progress_muscle_weekly p WHERE v_all OR p.user_id = ANY (p_user_ids);
  DELETE FROM public.personal_record p WHERE v_all OR p.user_id = ANY (p_user_ids);

  INSERT INTO public.progress_exercise_weekly
    (user_id, exercise_key, week_start, sets, reps, volume_kg, top_set_kg, e1rm_kg, avg_rpe)
  SELECT f.user_id, f.exercise_key, f.week_start,
    count(*), sum(f.reps_done), sum(f.reps_done * f.weight_kg),
    coalesce(max(f.weight_kg) FILTER (WHERE f.reps_done >= 1), 0), max(f.e1rm_kg),
    sum(f.rpe)::double precision / nullif(count(f.rpe), 0)
  FROM public.progress_set_fact f
  WHERE v_all OR f.user_id = ANY (p_user_ids)
  GROUP BY f.user_id, f.exercise_key, f.week_start;
  GET DIAGNOSTICS exercise_weeks = ROW_COUNT;

  INSERT INTO public.progress_muscle_weekly (user_id, muscle_group, week_start, hard_sets)
  SELECT r.user_id, m.muscle, r.week_start, sum(r.sets * m.hard_sets)
  FROM (
    SELECT f.user_id, f.week_start, f.exercise_row_id, count(*) AS sets
    FROM public.progress_set_fact f
    WHERE v_all OR f.user_id = ANY (p_user_ids)
    GROUP BY f.user_id, f.week_start, f.exercise_row_id
  ) r
  JOIN public.modular_training_exercise e ON e.id = r.exercise_row_id
  LEFT JOIN public.exrcwiki x ON x.exercise_id = e.exercise_id
  CROSS JOIN LATERAL public.progress_row_muscles(
    coalesce(e.muscle_group, x.muscle_group), e.secondary_muscles, x.secondary_muscles) m
  GROUP BY r.user_id, m.muscle, r.week_start;
  GET DIAGNOSTICS muscle_weeks = ROW_COUNT;

  -- Ties: the earliest set holds the record, then the smallest id. Zero values are no records.
  INSERT INTO public.personal_record (user_id, exercise_key, record_type, value, set_id, achieved_at)
  SELECT DISTINCT ON (f.user_id, f.exercise_key, v.record_type)
    f.user_id, f.exercise_key, v.record_type, v.value, f.set_id, f.recorded_at
  FROM public.progress_set_fact f
  CROSS JOIN LATERAL (VALUES
    ('e1rm', f.e1rm_kg), ('heaviest_weight', f.weight_kg), ('best_set_volume', f.reps_done * f.weight_kg)
  ) AS v(record_type, value)
  WHERE (v_all OR f.user_id = ANY (p_user_ids)) AND v.value > 0
  ORDER BY f.user_id, f.exercise_key, v.record_type, v.value DESC, f.recorded_at, f.set_id;
  GET DIAGNOSTICS records = ROW_COUNT;

  users := CASE WHEN v_all THEN (SELECT count(DISTINCT p.user_id) FROM public.progress_exercise_weekly p)
                ELSE cardinality(p_user_ids) END;
  RETURN NEXT;
END
$$;
--> statement-breakpoint

-- The incremental refresh of the given users: drains their marks (DELETE ... RETURNING, in this
-- transaction, so a mark made meanwhile is either drained with its set visible or left for the
-- next refresh), then recomputes from the sets, set-based: each marked (user, exercise, week)
-- row, each touched (user, week) of the muscle table, and the records of each touched (user,
-- exercise). A mark of the whole user ('*', 'infinity') rebuilds that user. Rows whose figures
-- did not change are not rewritten. Returns how many keys it recomputed.
CREATE OR REPLACE FUNCTION public.progress_refresh_marked(p_user_ids uuid[])
  RETURNS TABLE (users integer, marks integer, exercise_weeks integer, muscle_weeks integer, records integer)
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_users uuid[];
  v_keys  text[];
  v_weeks date[];
  v_whole uuid[];
  v_rebuilt record;
BEGIN
  PERFORM public.progress_lock_users(p_user_ids);

  WITH drained AS (
    DELETE FROM public.progress_dirty d WHERE d.user_id = ANY (p_user_ids)
    RETURNING d.user_id, d.exercise_key, d.week_start
  )
  SELECT array_agg(d.user_id), array_agg(d.exercise_key), array_agg(d.week_start)
  INTO v_users, v_keys, v_weeks
  FROM drained d;

  marks := coalesce(cardinality(v_users), 0);
  users := (SELECT count(DISTINCT u) FROM unnest(v_users) AS u);
  exercise_weeks := 0;
  muscle_weeks := 0;
  records := 0;
  IF marks = 0 THEN
    RETURN NEXT;
    RETURN;
  END IF;

  SELECT array_agg(DISTINCT m.user_id) INTO v_whole
  FROM unnest(v_users, v_keys, v_weeks) AS m(user_id, exercise_key, week_start)
  WHERE m.exercise_key = '*' AND m.week_start = 'infinity';
  IF v_whole IS NOT NULL THEN
    SELECT * INTO v_rebuilt FROM public.progress_rebuild(v_whole);
    exercise_weeks := v_rebuilt.exercise_weeks;
    muscle_weeks := v_rebuilt.muscle_weeks;
    records := v_rebuilt.records;
    SELECT array_agg(m.user_id), array_agg(m.exercise_key), array_agg(m.week_start)
    INTO v_users, v_keys, v_weeks
    FROM unnest(v_users, v_keys, v_weeks) AS m(user_id, exercise_key, week_start)
    WHERE m.user_id <> ALL (v_whole);
    IF v_users IS NULL THEN
      RETURN NEXT;
      RETURN;
    END IF;
  END IF;

  -- progress_exercise_weekly: each marked key.
  WITH marked AS (
    SELECT DISTINCT m.user_id, m.exercise_key, m.week_start
    FROM unnest(v_users, v_keys, v_weeks) AS m(user_id, exercise_key, week_start)
  ),
  fresh AS (
    SELECT f.user_id, f.exercise_key, f.week_start,
      count(*)::integer AS sets, sum(f.reps_done)::integer AS reps, sum(f.reps_done * f.weight_kg) AS volume_kg,
      coalesce(max(f.weight_kg) FILTER (WHERE f.reps_done >= 1), 0) AS top_set_kg, max(f.e1rm_kg) AS e1rm_kg,
      sum(f.rpe)::double precision / nullif(count(f.rpe), 0) AS avg_rpe
    FROM marked m
    JOIN public.progress_set_fact f
      ON f.user_id = m.user_id AND f.exercise_key = m.exercise_key AND f.week_start = m.week_start
    GROUP BY f.user_id, f.exercise_key, f.week_start
  ),
  gone AS (
    DELETE FROM public.progress_exercise_weekly p
    USING marked m
    WHERE p.user_id = m.user_id AND p.exercise_key = m.exercise_key AND p.week_start = m.week_start
      AND NOT EXISTS (SELECT 1 FROM fresh n
                      WHERE n.user_id = p.user_id AND n.exercise_key = p.exercise_key AND n.week_start = p.week_start)
  ),
  upserted AS (
    INSERT INTO public.progress_exercise_weekly AS p
      (user_id, exercise_key, week_start, sets, reps, volume_kg, top_set_kg, e1rm_kg, avg_rpe)
    SELECT n.user_id, n.exercise_key, n.week_start, n.sets, n.reps, n.volume_kg, n.top_set_kg, n.e1rm_kg, n.avg_rpe
    FROM fresh n
    ON CONFLICT (user_id, exercise_key, week_start) DO UPDATE
      SET sets = excluded.sets, reps = excluded.reps, volume_kg = excluded.volume_kg,
          top_set_kg = excluded.top_set_kg, e1rm_kg = excluded.e1rm_kg, avg_rpe = excluded.avg_rpe
      WHERE (p.sets, p.reps, p.volume_kg, p.top_set_kg, p.e1rm_kg, p.avg_rpe)
        IS DISTINCT FROM (excluded.sets, excluded.reps, excluded.volume_kg, excluded.top_set_kg,
                          excluded.e1rm_kg, excluded.avg_rpe)
  )
  SELECT exercise_weeks + count(*) INTO exercise_weeks FROM marked;

  -- progress_muscle_weekly: every muscle of each touched (user, week).
  WITH touched AS (
    SELECT DISTINCT m.user_id, m.week_start FROM unnest(v_users, v_weeks) AS m(user_id, week_start)
  ),
  fresh AS (
    SELECT r.user_id, m.muscle, r.week_start, sum(r.sets * m.hard_sets) AS hard_sets
    FROM (
      SELECT f.user_id, f.week_start, f.exercise_row_id, count(*) AS sets
      FROM touched t
      JOIN public.progress_set_fact f ON f.user_id = t.user_id AND f.week_start = t.week_start
      GROUP BY f.user_id, f.week_start, f.exercise_row_id
    ) r
    JOIN public.modular_training_exercise e ON e.id = r.exercise_row_id
    LEFT JOIN public.exrcwiki x ON x.exercise_id = e.exercise_id
    CROSS JOIN LATERAL public.progress_row_muscles(
      coalesce(e.muscle_group, x.muscle_group), e.secondary_muscles, x.secondary_muscles) m
    GROUP BY r.user_id, m.muscle, r.week_start
  ),
  gone AS (
    DELETE FROM public.progress_muscle_weekly p
    USING touched t
    WHERE p.user_id = t.user_id AND p.week_start = t.week_start
      AND NOT EXISTS (SELECT 1 FROM fresh n
                      WHERE n.user_id = p.user_id AND n.muscle = p.muscle_group AND n.week_start = p.week_start)
  ),
  upserted AS (
    INSERT INTO public.progress_muscle_weekly AS p (user_id, muscle_group, week_start, hard_sets)
    SELECT n.user_id, n.muscle, n.week_start, n.hard_sets FROM fresh n
    ON CONFLICT (user_id, muscle_group, week_start) DO UPDATE SET hard_sets = excluded.hard_sets
      WHERE p.hard_sets IS DISTINCT FROM excluded.hard_sets
  )
  SELECT muscle_weeks + count(*) INTO muscle_weeks FROM touched;

  -- personal_record: each touched (user, exercise), over all its sets.
  WITH touched AS (
    SELECT DISTINCT m.user_id, m.exercise_key FROM unnest(v_users, v_keys) AS m(user_id, exercise_key)
  ),
  fresh AS (
    SELECT DISTINCT ON (f.user_id, f.exercise_key, v.record_type)
      f.user_id, f.exercise_key, v.record_type, v.value, f.set_id, f.recorded_at
    FROM touched t
    JOIN public.progress_set_fact f ON f.user_id = t.user_id AND f.exercise_key = t.exercise_key
    CROSS JOIN LATERAL (VALUES
      ('e1rm', f.e1rm_kg), ('heaviest_weight', f.weight_kg), ('best_set_volume', f.reps_done * f.weight_kg)
    ) AS v(record_type, value)
    WHERE v.value > 0
    ORDER BY f.user_id, f.exercise_key, v.record_type, v.value DESC, f.recorded_at, f.set_id
  ),
  gone AS (
    DELETE FROM public.personal_record p
    USING touched t
    WHERE p.user_id = t.user_id AND p.exercise_key = t.exercise_key
      AND NOT EXISTS (SELECT 1 FROM fresh n
                      WHERE n.user_id = p.user_id AND n.exercise_key = p.exercise_key
                        AND n.record_type = p.record_type)
  ),
  upserted AS (
    INSERT INTO public.personal_record AS p (user_id, exercise_key, record_type, value, set_id, achieved_at)
    SELECT n.user_id, n.exercise_key, n.record_type, n.value, n.set_id, n.recorded_at FROM fresh n
    ON CONFLICT (user_id, exercise_key, record_type) DO UPDATE
      SET value = excluded.value, set_id = excluded.set_id, achieved_at = excluded.achieved_at
      WHERE (p.value, p.set_id, p.achieved_at) IS DISTINCT FROM (excluded.value, excluded.set_id, excluded.achieved_at)
  )
  SELECT records + count(*) INTO records FROM touched;

  RETURN NEXT;
END
$$;
--> statement-breakpoint

-- Only the service refreshes; signed-in users read the progress tables and nothing else here.
REVOKE ALL ON FUNCTION public.progress_lock_users(uuid[]), public.progress_rebuild(uuid[]),
  public.progress_refresh_marked(uuid[]) FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.progress_lock_users(uuid[]), public.progress_rebuild(uuid[]),
  public.progress_refresh_marked(uuid[]) TO service_role;
--> statement-breakpoint
REVOKE ALL ON public.progress_set_fact FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
GRANT SELECT ON public.progress_set_fact TO service_role;
