-- Hand-written: replaces two functions of 0005 (CREATE OR REPLACE), which Drizzle cannot express.
-- Measured at 260k sets, 0005's rebuild joined every set to its row, session and week three
-- times and rewrote every row (13 s; 10M would take minutes), and its records read every set of
-- a touched key (30 ms for a year of history). Now (docs/progress.md):
--  - the rebuild aggregates training_set per exercise row once (one pass, no join per set), joins
--    those rows to their sessions and weeks, derives all three tables from them (hard sets through
--    the few distinct muscle combinations, records from the rows holding a best), and writes only
--    what differs from the tables (FULL JOIN diff): a nightly rebuild of current tables writes
--    nothing;
--  - records, in both paths, come from the weekly maxima (e1rm_kg, top_set_kg and the new
--    best_set_volume_kg), reading sets only where a best is held.

-- Rebuilds the progress rows of the given users (NULL: everyone) from their sets, draining their
-- marks. The definition the incremental refresh must equal. force_custom_plan so `v_all OR ...`
-- folds away; work_mem for the hash aggregates of everyone's rebuild.
CREATE OR REPLACE FUNCTION public.progress_rebuild(p_user_ids uuid[] DEFAULT NULL)
  RETURNS TABLE (users integer, marks integer, exercise_weeks integer, muscle_weeks integer, records integer)
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  SET plan_cache_mode = force_custom_plan
  SET work_mem = '128MB'
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

  DROP TABLE IF EXISTS pg_temp.progress_rows, pg_temp.progress_fresh_exercise, pg_temp.progress_fresh_muscle,
    pg_temp.progress_fresh_record;

  -- Every exercise row with sets, aggregated from training_set alone, then placed.
  CREATE TEMP TABLE progress_rows ON COMMIT DROP AS
  SELECT a.exercise_row_id, w.user_id, coalesce(e.exercise_id, e.exercise_name) AS exercise_key, w.week_start,
    coalesce(e.muscle_group, '') AS muscle_group, coalesce(e.secondary_muscles, 'null'::jsonb) AS secondary_muscles,
    coalesce(e.exercise_id, '') AS exercise_id,
    a.sets, a.reps, a.volume_kg, a.top_set_kg, a.e1rm_kg, a.best_set_volume_kg, a.rpe_sum, a.rpe_n
  FROM (
    SELECT t.exercise_row_id, count(*) AS sets, sum(t.reps_done) AS reps,
      sum(t.reps_done * t.weight_kg::double precision) AS volume_kg,
      max(t.weight_kg::double precision) FILTER (WHERE t.reps_done >= 1) AS top_set_kg,
      max(public.e1rm_kg(t.weight_kg, t.reps_done, t.rpe)) AS e1rm_kg,
      max(t.reps_done * t.weight_kg::double precision) AS best_set_volume_kg,
      sum(t.rpe) AS rpe_sum, count(t.rpe) AS rpe_n
    FROM public.training_set t
    WHERE v_all OR t.user_id = ANY (p_user_ids)
    GROUP BY t.exercise_row_id
  ) a
  JOIN public.modular_training_exercise e ON e.id = a.exercise_row_id
  JOIN public.modular_training_session s ON s.id = e.session_id
  JOIN public.modular_training_week w ON w.id = s.week_id;
  ANALYZE pg_temp.progress_rows;

  CREATE TEMP TABLE progress_fresh_exercise ON COMMIT DROP AS
  SELECT r.user_id, r.exercise_key, r.week_start, sum(r.sets)::integer AS sets, sum(r.reps)::integer AS reps,
    sum(r.volume_kg) AS volume_kg, coalesce(max(r.top_set_kg), 0) AS top_set_kg, max(r.e1rm_kg) AS e1rm_kg,
    sum(r.rpe_sum)::double precision / nullif(sum(r.rpe_n), 0) AS avg_rpe,
    max(r.best_set_volume_kg) AS best_set_volume_kg
  FROM pg_temp.progress_rows r
  GROUP BY r.user_id, r.exercise_key, r.week_start;

  -- Hard sets: the muscles of each distinct (muscle group, row secondaries, catalogue entry) once.
  CREATE TEMP TABLE progress_fresh_muscle ON COMMIT DROP AS
  -- MATERIALIZED: evaluated once per combination, not pulled into the join and run per row.
  WITH combos AS MATERIALIZED (
    SELECT DISTINCT r.muscle_group, r.secondary_muscles, r.exercise_id FROM pg_temp.progress_rows r
  ),
  combo_muscles AS MATERIALIZED (
    SELECT c.muscle_group, c.secondary_muscles, c.exercise_id, m.muscle, m.hard_sets
    FROM combos c
    LEFT JOIN public.exrcwiki x ON x.exercise_id = c.exercise_id
    CROSS JOIN LATERAL public.progress_row_muscles(
      coalesce(nullif(c.muscle_group, ''), x.muscle_group), c.secondary_muscles, x.secondary_muscles) m
  )
  SELECT r.user_id, cm.muscle AS muscle_group, r.week_start, sum(r.sets * cm.hard_sets) AS hard_sets
  FROM pg_temp.progress_rows r
  JOIN combo_muscles cm
    ON cm.muscle_group = r.muscle_group AND cm.secondary_muscles = r.secondary_muscles
   AND cm.exercise_id = r.exercise_id
  GROUP BY r.user_id, cm.muscle, r.week_start;

  -- Records: the best per key from the rows, then the sets of the rows holding one.
  CREATE TEMP TABLE progress_fresh_record ON COMMIT DROP AS
  WITH best AS (
    SELECT r.user_id, r.exercise_key, max(r.e1rm_kg) AS e1rm, max(r.top_set_kg) AS heaviest,
      max(r.best_set_volume_kg) AS volume
    FROM pg_temp.progress_rows r
    GROUP BY r.user_id, r.exercise_key
  )
  SELECT DISTINCT ON (r.user_id, r.exercise_key, v.record_type)
    r.user_id, r.exercise_key, v.record_type, v.value, t.id AS set_id, t.recorded_at AS achieved_at
  FROM pg_temp.progress_rows r
  JOIN best b ON b.user_id = r.user_id AND b.exercise_key = r.exercise_key
  JOIN public.training_set t ON t.exercise_row_id = r.exercise_row_id
  CROSS JOIN LATERAL (VALUES
    ('e1rm', public.e1rm_kg(t.weight_kg, t.reps_done, t.rpe), b.e1rm),
    ('heaviest_weight', t.weight_kg::double precision, b.heaviest),
    ('best_set_volume', t.reps_done * t.weight_kg::double precision, b.volume)
  ) AS v(record_type, value, best)
  WHERE (r.e1rm_kg = b.e1rm OR r.top_set_kg = b.heaviest OR r.best_set_volume_kg = b.volume)
    AND v.value > 0 AND v.value = v.best
  ORDER BY r.user_id, r.exercise_key, v.record_type, t.recorded_at, t.id;

  -- Write only the differences. FULL JOIN of fresh and current rows: missing on the left = delete.
  WITH diff AS MATERIALIZED (
    SELECT n, p.user_id AS old_user_id, p.exercise_key AS old_key, p.week_start AS old_week
    FROM pg_temp.progress_fresh_exercise n
    FULL JOIN (SELECT * FROM public.progress_exercise_weekly q WHERE v_all OR q.user_id = ANY (p_user_ids)) p
      ON p.user_id = n.user_id AND p.exercise_key = n.exercise_key AND p.week_start = n.week_start
    WHERE n.user_id IS NULL OR p.user_id IS NULL
       OR (n.sets, n.reps, n.volume_kg, n.top_set_kg, n.e1rm_kg, n.avg_rpe, n.best_set_volume_kg)
          IS DISTINCT FROM (p.sets, p.reps, p.volume_kg, p.top_set_kg, p.e1rm_kg, p.avg_rpe, p.best_set_volume_kg)
  ),
  gone AS (
    DELETE FROM public.progress_exercise_weekly p USING diff d
    WHERE (d.n).user_id IS NULL
      AND p.user_id = d.old_user_id AND p.exercise_key = d.old_key AND p.week_start = d.old_week
  ),
  upserted AS (
    INSERT INTO public.progress_exercise_weekly AS p
      (user_id, exercise_key, week_start, sets, reps, volume_kg, top_set_kg, e1rm_kg, avg_rpe, best_set_volume_kg)
    SELECT (d.n).user_id, (d.n).exercise_key, (d.n).week_start, (d.n).sets, (d.n).reps, (d.n).volume_kg,
      (d.n).top_set_kg, (d.n).e1rm_kg, (d.n).avg_rpe, (d.n).best_set_volume_kg
    FROM diff d WHERE (d.n).user_id IS NOT NULL
    ON CONFLICT (user_id, exercise_key, week_start) DO UPDATE
      SET sets = excluded.sets, reps = excluded.reps, volume_kg = excluded.volume_kg,
          top_set_kg = excluded.top_set_kg, e1rm_kg = excluded.e1rm_kg, avg_rpe = excluded.avg_rpe,
          best_set_volume_kg = excluded.best_set_volume_kg
  )
  SELECT count(*) INTO exercise_weeks FROM diff;

  WITH diff AS MATERIALIZED (
    SELECT n, p.user_id AS old_user_id, p.muscle_group AS old_muscle, p.week_start AS old_week
    FROM pg_temp.progress_fresh_muscle n
    FULL JOIN (SELECT * FROM public.progress_muscle_weekly q WHERE v_all OR q.user_id = ANY (p_user_ids)) p
      ON p.user_id = n.user_id AND p.muscle_group = n.muscle_group AND p.week_start = n.week_start
    WHERE n.user_id IS NULL OR p.user_id IS NULL OR n.hard_sets IS DISTINCT FROM p.hard_sets
  ),
  gone AS (
    DELETE FROM public.progress_muscle_weekly p USING diff d
    WHERE (d.n).user_id IS NULL
      AND p.user_id = d.old_user_id AND p.muscle_group = d.old_muscle AND p.week_start = d.old_week
  ),
  upserted AS (
    INSERT INTO public.progress_muscle_weekly AS p (user_id, muscle_group, week_start, hard_sets)
    SELECT (d.n).user_id, (d.n).muscle_group, (d.n).week_start, (d.n).hard_sets
    FROM diff d WHERE (d.n).user_id IS NOT NULL
    ON CONFLICT (user_id, muscle_group, week_start) DO UPDATE SET hard_sets = excluded.hard_sets
  )
  SELECT count(*) INTO muscle_weeks FROM diff;

  WITH diff AS MATERIALIZED (
    SELECT n, p.user_id AS old_user_id, p.exercise_key AS old_key, p.record_type AS old_type
    FROM pg_temp.progress_fresh_record n
    FULL JOIN (SELECT * FROM public.personal_record q WHERE v_all OR q.user_id = ANY (p_user_ids)) p
      ON p.user_id = n.user_id AND p.exercise_key = n.exercise_key AND p.record_type = n.record_type
    WHERE n.user_id IS NULL OR p.user_id IS NULL
       OR (n.value, n.set_id, n.achieved_at) IS DISTINCT FROM (p.value, p.set_id, p.achieved_at)
  ),
  gone AS (
    DELETE FROM public.personal_record p USING diff d
    WHERE (d.n).user_id IS NULL
      AND p.user_id = d.old_user_id AND p.exercise_key = d.old_key AND p.record_type = d.old_type
  ),
  upserted AS (
    INSERT INTO public.personal_record AS p (user_id, exercise_key, record_type, value, set_id, achieved_at)
    SELECT (d.n).user_id, (d.n).exercise_key, (d.n).record_type, (d.n).value, (d.n).set_id, (d.n).achieved_at
    FROM diff d WHERE (d.n).user_id IS NOT NULL
    ON CONFLICT (user_id, exercise_key, record_type) DO UPDATE
      SET value = excluded.value, set_id = excluded.set_id, achieved_at = excluded.achieved_at
  )
  SELECT count(*) INTO records FROM diff;

  users := CASE WHEN v_all THEN (SELECT count(DISTINCT r.user_id) FROM pg_temp.progress_rows r)
                ELSE cardinality(p_user_ids) END;
  DROP TABLE pg_temp.progress_rows, pg_temp.progress_fresh_exercise, pg_temp.progress_fresh_muscle,
    pg_temp.progress_fresh_record;
  RETURN NEXT;
END
$$;
--> statement-breakpoint

-- The incremental refresh of the given users (as in 0005; now with best_set_volume_kg, and the
-- records found from the weekly maxima instead of every set of the key): drains their marks (DELETE ... RETURNING, in this
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
      sum(f.rpe)::double precision / nullif(count(f.rpe), 0) AS avg_rpe,
      max(f.reps_done * f.weight_kg) AS best_set_volume_kg
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
      (user_id, exercise_key, week_start, sets, reps, volume_kg, top_set_kg, e1rm_kg, avg_rpe, best_set_volume_kg)
    SELECT n.user_id, n.exercise_key, n.week_start, n.sets, n.reps, n.volume_kg, n.top_set_kg, n.e1rm_kg, n.avg_rpe,
      n.best_set_volume_kg
    FROM fresh n
    ON CONFLICT (user_id, exercise_key, week_start) DO UPDATE
      SET sets = excluded.sets, reps = excluded.reps, volume_kg = excluded.volume_kg,
          top_set_kg = excluded.top_set_kg, e1rm_kg = excluded.e1rm_kg, avg_rpe = excluded.avg_rpe,
          best_set_volume_kg = excluded.best_set_volume_kg
      WHERE (p.sets, p.reps, p.volume_kg, p.top_set_kg, p.e1rm_kg, p.avg_rpe, p.best_set_volume_kg)
        IS DISTINCT FROM (excluded.sets, excluded.reps, excluded.volume_kg, excluded.top_set_kg,
                          excluded.e1rm_kg, excluded.avg_rpe, excluded.best_set_volume_kg)
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

  -- personal_record: each touched (user, exercise). The best values come from the key's weekly
  -- rows (current: refreshed above), and only the weeks holding a best are read set by set, to
  -- find the holder: the earliest set with that value, then the smallest id.
  WITH touched AS (
    SELECT DISTINCT m.user_id, m.exercise_key FROM unnest(v_users, v_keys) AS m(user_id, exercise_key)
  ),
  best AS (
    SELECT p.user_id, p.exercise_key, max(p.e1rm_kg) AS e1rm, max(p.top_set_kg) AS heaviest,
      max(p.best_set_volume_kg) AS volume
    FROM touched t
    JOIN public.progress_exercise_weekly p ON p.user_id = t.user_id AND p.exercise_key = t.exercise_key
    GROUP BY p.user_id, p.exercise_key
  ),
  holding AS (
    SELECT p.user_id, p.exercise_key, p.week_start, b.e1rm, b.heaviest, b.volume
    FROM best b
    JOIN public.progress_exercise_weekly p ON p.user_id = b.user_id AND p.exercise_key = b.exercise_key
    WHERE p.e1rm_kg = b.e1rm OR p.top_set_kg = b.heaviest OR p.best_set_volume_kg = b.volume
  ),
  fresh AS (
    SELECT DISTINCT ON (f.user_id, f.exercise_key, v.record_type)
      f.user_id, f.exercise_key, v.record_type, v.value, f.set_id, f.recorded_at
    FROM holding h
    JOIN public.progress_set_fact f
      ON f.user_id = h.user_id AND f.exercise_key = h.exercise_key AND f.week_start = h.week_start
    CROSS JOIN LATERAL (VALUES
      ('e1rm', f.e1rm_kg, h.e1rm), ('heaviest_weight', f.weight_kg, h.heaviest),
      ('best_set_volume', f.reps_done * f.weight_kg, h.volume)
    ) AS v(record_type, value, best)
    WHERE v.value > 0 AND v.value = v.best
    ORDER BY f.user_id, f.exercise_key, v.record_type, f.recorded_at, f.set_id
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
