-- Rebuilds the progress rows of the given users (NULL: everyone) from their sets, draining their
-- marks. The definition the incremental refresh must equal. force_custom_plan so `v_all OR ...`
-- folds away; work_mem for the hash aggregates of everyone's rebuild. No parallel workers: the
-- nightly rebuild already runs one batch per core (rebuildProgressByUser), and a parallel plan
-- of a batch built its hash of the batch's aggregated sets once in every process, leader and
-- workers alike (three times the CPU for the same rows: at 10.4M sets the batched nightly run
-- took 99 s with them and 64 s without, on the same server and data).
CREATE OR REPLACE FUNCTION public.progress_rebuild(p_user_ids uuid[] DEFAULT NULL)
  RETURNS TABLE (users integer, marks integer, exercise_weeks integer, muscle_weeks integer, records integer)
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  SET plan_cache_mode = force_custom_plan
  SET work_mem = '128MB'
  SET max_parallel_workers_per_gather = 0
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

  DROP TABLE IF EXISTS pg_temp.progress_rows, pg_temp.progress_fresh_exercise, pg_temp.progress_combo_muscles,
    pg_temp.progress_fresh_muscle, pg_temp.progress_fresh_record;

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
  JOIN public.modular_training_week w ON w.id = s.week_id
  -- The same users as the sets' (the foreign keys carry user_id down the chain): for a batch the
  -- planner can then find the batch's weeks and sessions, and their rows by session, instead of
  -- hashing every plan row of the table in each batch.
  WHERE v_all OR (w.user_id = ANY (p_user_ids) AND s.user_id = ANY (p_user_ids));
  ANALYZE pg_temp.progress_rows;

  CREATE TEMP TABLE progress_fresh_exercise ON COMMIT DROP AS
  SELECT r.user_id, r.exercise_key, r.week_start, sum(r.sets)::bigint AS sets, sum(r.reps)::bigint AS reps,
    sum(r.volume_kg) AS volume_kg, coalesce(max(r.top_set_kg), 0) AS top_set_kg, max(r.e1rm_kg) AS e1rm_kg,
    sum(r.rpe_sum)::double precision / nullif(sum(r.rpe_n), 0) AS avg_rpe,
    max(r.best_set_volume_kg) AS best_set_volume_kg
  FROM pg_temp.progress_rows r
  GROUP BY r.user_id, r.exercise_key, r.week_start;

  -- Hard sets: the muscles of each distinct (muscle group, row secondaries, catalogue entry) once,
  -- in a table of its own with statistics: from a CTE the planner guessed a few dozen joined rows
  -- and merge-joined sorted jsonb (a batch of 500 users: 396 ms; this way 60 + 163 ms).
  CREATE TEMP TABLE progress_combo_muscles ON COMMIT DROP AS
  SELECT c.muscle_group, c.secondary_muscles, c.exercise_id, m.muscle, m.hard_sets
  FROM (SELECT DISTINCT r.muscle_group, r.secondary_muscles, r.exercise_id FROM pg_temp.progress_rows r) c
  LEFT JOIN public.exrcwiki x ON x.exercise_id = c.exercise_id
  CROSS JOIN LATERAL public.progress_row_muscles(
    coalesce(nullif(c.muscle_group, ''), x.muscle_group), c.secondary_muscles, x.secondary_muscles) m;
  ANALYZE pg_temp.progress_combo_muscles;

  CREATE TEMP TABLE progress_fresh_muscle ON COMMIT DROP AS
  SELECT r.user_id, cm.muscle AS muscle_group, r.week_start, sum(r.sets * cm.hard_sets) AS hard_sets
  FROM pg_temp.progress_rows r
  JOIN pg_temp.progress_combo_muscles cm
    ON cm.muscle_group = r.muscle_group AND cm.secondary_muscles = r.secondary_muscles
   AND cm.exercise_id = r.exercise_id
  GROUP BY r.user_id, cm.muscle, r.week_start;

  -- Records: the best per key from the rows, then the sets of the rows holding one, each set's
  -- three values computed once; then per record type the earliest set with the best value. (One
  -- DISTINCT ON over a VALUES row per set and type took 380 ms a batch of 500 users; this 230.)
  CREATE TEMP TABLE progress_fresh_record ON COMMIT DROP AS
  WITH best AS (
    SELECT r.user_id, r.exercise_key, max(r.e1rm_kg) AS e1rm, max(r.top_set_kg) AS heaviest,
      max(r.best_set_volume_kg) AS volume
    FROM pg_temp.progress_rows r
    GROUP BY r.user_id, r.exercise_key
  ),
  cand AS MATERIALIZED (
    SELECT r.user_id, r.exercise_key, b.e1rm AS best_e1rm, b.heaviest AS best_heaviest, b.volume AS best_volume,
      public.e1rm_kg(t.weight_kg, t.reps_done, t.rpe) AS e1rm, t.weight_kg::double precision AS heaviest,
      t.reps_done * t.weight_kg::double precision AS volume, t.id, t.recorded_at
    FROM pg_temp.progress_rows r
    JOIN best b ON b.user_id = r.user_id AND b.exercise_key = r.exercise_key
    JOIN public.training_set t ON t.exercise_row_id = r.exercise_row_id
    WHERE (r.e1rm_kg = b.e1rm OR r.top_set_kg = b.heaviest OR r.best_set_volume_kg = b.volume)
  )
  (SELECT DISTINCT ON (c.user_id, c.exercise_key) c.user_id, c.exercise_key, 'e1rm'::text AS record_type, c.e1rm AS value,
     c.id AS set_id, c.recorded_at AS achieved_at
   FROM cand c WHERE c.e1rm = c.best_e1rm AND c.e1rm > 0
   ORDER BY c.user_id, c.exercise_key, c.recorded_at, c.id)
  UNION ALL
  (SELECT DISTINCT ON (c.user_id, c.exercise_key) c.user_id, c.exercise_key, 'heaviest_weight', c.heaviest,
     c.id, c.recorded_at
   FROM cand c WHERE c.heaviest = c.best_heaviest AND c.heaviest > 0
   ORDER BY c.user_id, c.exercise_key, c.recorded_at, c.id)
  UNION ALL
  (SELECT DISTINCT ON (c.user_id, c.exercise_key) c.user_id, c.exercise_key, 'best_set_volume', c.volume,
     c.id, c.recorded_at
   FROM cand c WHERE c.volume = c.best_volume AND c.volume > 0
   ORDER BY c.user_id, c.exercise_key, c.recorded_at, c.id);

  -- Write only the differences: a FULL JOIN of fresh and current rows (missing on the left =
  -- delete), then an upsert. When these users have no rows yet (a first build, new users) there is
  -- nothing to compare: a plain INSERT, without the join and the upsert's conflict checks. The
  -- users are locked (or everyone, exclusively), so no refresh writes their rows meanwhile.
  IF NOT EXISTS (SELECT 1 FROM public.progress_exercise_weekly q WHERE v_all OR q.user_id = ANY (p_user_ids)) THEN
    INSERT INTO public.progress_exercise_weekly
      (user_id, exercise_key, week_start, sets, reps, volume_kg, top_set_kg, e1rm_kg, avg_rpe, best_set_volume_kg)
    SELECT n.user_id, n.exercise_key, n.week_start, n.sets, n.reps, n.volume_kg, n.top_set_kg, n.e1rm_kg, n.avg_rpe,
      n.best_set_volume_kg
    FROM pg_temp.progress_fresh_exercise n;
    GET DIAGNOSTICS exercise_weeks = ROW_COUNT;
  ELSE
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
  END IF;

  IF NOT EXISTS (SELECT 1 FROM public.progress_muscle_weekly q WHERE v_all OR q.user_id = ANY (p_user_ids)) THEN
    INSERT INTO public.progress_muscle_weekly (user_id, muscle_group, week_start, hard_sets)
    SELECT n.user_id, n.muscle_group, n.week_start, n.hard_sets FROM pg_temp.progress_fresh_muscle n;
    GET DIAGNOSTICS muscle_weeks = ROW_COUNT;
  ELSE
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
  END IF;

  IF NOT EXISTS (SELECT 1 FROM public.personal_record q WHERE v_all OR q.user_id = ANY (p_user_ids)) THEN
    INSERT INTO public.personal_record (user_id, exercise_key, record_type, value, set_id, achieved_at)
    SELECT n.user_id, n.exercise_key, n.record_type, n.value, n.set_id, n.achieved_at FROM pg_temp.progress_fresh_record n;
    GET DIAGNOSTICS records = ROW_COUNT;
  ELSE
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
  END IF;

  users := CASE WHEN v_all THEN (SELECT count(DISTINCT r.user_id) FROM pg_temp.progress_rows r)
                ELSE cardinality(p_user_ids) END;
  DROP TABLE pg_temp.progress_rows, pg_temp.progress_fresh_exercise, pg_temp.progress_combo_muscles,
    pg_temp.progress_fresh_muscle, pg_temp.progress_fresh_record;
  RETURN NEXT;
END
$$;

REVOKE ALL ON FUNCTION public.progress_rebuild(uuid[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.progress_rebuild(uuid[]) TO service_role;
