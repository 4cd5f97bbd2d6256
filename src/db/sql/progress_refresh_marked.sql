-- The incremental refresh of the given users: drains their marks (DELETE ... RETURNING, in this
-- transaction, so a mark made meanwhile is either drained with its set visible or left for the
-- next refresh), then recomputes from the sets, set-based: each marked (user, exercise, week)
-- row, each touched (user, week) of the muscle table, and the records of each touched (user,
-- exercise), from its standing records and the marked weeks only. A mark of the whole user ('*', 'infinity')
-- rebuilds that user. Rows whose figures did not change are not rewritten. Returns how many keys
-- it recomputed.
-- force_generic_plan: the statements take arrays of a few marks; with the default plan_cache_mode
-- each of the first five calls on a connection re-plans them (custom plans, ~20 ms of planning per
-- call against ~10 ms of work). Their generic plans are the same index-driven nested loops.
CREATE OR REPLACE FUNCTION public.progress_refresh_marked(p_user_ids uuid[])
  RETURNS TABLE (users integer, marks integer, exercise_weeks integer, muscle_weeks integer, records integer)
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  SET plan_cache_mode = force_generic_plan
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
      count(*) AS sets, sum(f.reps_done) AS reps, sum(f.reps_done * f.weight_kg) AS volume_kg,
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

  -- personal_record: each touched (user, exercise). Only the marked weeks changed since the last
  -- refresh, so a key's current records, when each still points at its set unchanged, are the
  -- bests of its other weeks: the new best is the better of the record and the marked weeks'
  -- maxima (weekly rows, current: refreshed above), and the holder the earliest of the record's
  -- set and the marked weeks' sets with that value. Reading stays within the marked weeks, however
  -- long the history. A key missing a record or whose record set went or changed (deleted: the
  -- foreign key dropped the record; edited or moved) takes its bests from all its weekly rows, and
  -- only the weeks holding a best are read set by set.
  WITH touched AS (
    SELECT DISTINCT m.user_id, m.exercise_key FROM unnest(v_users, v_keys) AS m(user_id, exercise_key)
  ),
  marked AS (
    SELECT DISTINCT m.user_id, m.exercise_key, m.week_start
    FROM unnest(v_users, v_keys, v_weeks) AS m(user_id, exercise_key, week_start)
  ),
  -- The current records whose set is still there with the same key, value and time.
  standing AS (
    SELECT r.user_id, r.exercise_key, r.record_type, r.value, r.set_id, r.achieved_at
    FROM touched t
    JOIN public.personal_record r ON r.user_id = t.user_id AND r.exercise_key = t.exercise_key
    WHERE EXISTS (
      SELECT 1 FROM public.progress_set_fact f
      WHERE f.set_id = r.set_id AND f.user_id = r.user_id AND f.exercise_key = r.exercise_key
        AND f.recorded_at = r.achieved_at
        AND CASE r.record_type WHEN 'e1rm' THEN f.e1rm_kg WHEN 'heaviest_weight' THEN f.weight_kg
                               ELSE f.reps_done * f.weight_kg END = r.value)
  ),
  -- A record exists for all three types or for none (each needs a set with reps and load).
  kept AS (
    SELECT s.user_id, s.exercise_key, max(s.value) FILTER (WHERE s.record_type = 'e1rm') AS e1rm,
      max(s.value) FILTER (WHERE s.record_type = 'heaviest_weight') AS heaviest,
      max(s.value) FILTER (WHERE s.record_type = 'best_set_volume') AS volume
    FROM standing s GROUP BY s.user_id, s.exercise_key HAVING count(*) = 3
  ),
  -- The weeks to read: a kept key's marked weeks, every week of the other keys.
  weeks AS (
    SELECT p.user_id, p.exercise_key, p.week_start, p.e1rm_kg, p.top_set_kg, p.best_set_volume_kg
    FROM marked m
    JOIN kept k ON k.user_id = m.user_id AND k.exercise_key = m.exercise_key
    JOIN public.progress_exercise_weekly p
      ON p.user_id = m.user_id AND p.exercise_key = m.exercise_key AND p.week_start = m.week_start
    UNION ALL
    SELECT p.user_id, p.exercise_key, p.week_start, p.e1rm_kg, p.top_set_kg, p.best_set_volume_kg
    FROM touched t
    JOIN public.progress_exercise_weekly p ON p.user_id = t.user_id AND p.exercise_key = t.exercise_key
    WHERE NOT EXISTS (SELECT 1 FROM kept k WHERE k.user_id = t.user_id AND k.exercise_key = t.exercise_key)
  ),
  best AS (
    SELECT t.user_id, t.exercise_key,
      greatest(k.e1rm, max(w.e1rm_kg)) AS e1rm, greatest(k.heaviest, max(w.top_set_kg)) AS heaviest,
      greatest(k.volume, max(w.best_set_volume_kg)) AS volume
    FROM touched t
    LEFT JOIN kept k ON k.user_id = t.user_id AND k.exercise_key = t.exercise_key
    LEFT JOIN weeks w ON w.user_id = t.user_id AND w.exercise_key = t.exercise_key
    GROUP BY t.user_id, t.exercise_key, k.e1rm, k.heaviest, k.volume
  ),
  holding AS (
    SELECT w.user_id, w.exercise_key, w.week_start, b.e1rm, b.heaviest, b.volume
    FROM best b
    JOIN weeks w ON w.user_id = b.user_id AND w.exercise_key = b.exercise_key
    WHERE w.e1rm_kg = b.e1rm OR w.top_set_kg = b.heaviest OR w.best_set_volume_kg = b.volume
  ),
  candidates AS (
    SELECT f.user_id, f.exercise_key, v.record_type, v.value, f.set_id, f.recorded_at
    FROM holding h
    JOIN public.progress_set_fact f
      ON f.user_id = h.user_id AND f.exercise_key = h.exercise_key AND f.week_start = h.week_start
    CROSS JOIN LATERAL (VALUES
      ('e1rm', f.e1rm_kg, h.e1rm), ('heaviest_weight', f.weight_kg, h.heaviest),
      ('best_set_volume', f.reps_done * f.weight_kg, h.volume)
    ) AS v(record_type, value, best)
    WHERE v.value > 0 AND v.value = v.best
    UNION ALL
    -- A kept record still holding the best: its set is the earliest of the unmarked weeks'.
    SELECT s.user_id, s.exercise_key, s.record_type, s.value, s.set_id, s.achieved_at
    FROM standing s
    JOIN kept k ON k.user_id = s.user_id AND k.exercise_key = s.exercise_key
    JOIN best b ON b.user_id = s.user_id AND b.exercise_key = s.exercise_key
    WHERE s.value = CASE s.record_type WHEN 'e1rm' THEN b.e1rm WHEN 'heaviest_weight' THEN b.heaviest
                                       ELSE b.volume END
  ),
  fresh AS (
    SELECT DISTINCT ON (c.user_id, c.exercise_key, c.record_type) c.*
    FROM candidates c
    ORDER BY c.user_id, c.exercise_key, c.record_type, c.recorded_at, c.set_id
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

REVOKE ALL ON FUNCTION public.progress_refresh_marked(uuid[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.progress_refresh_marked(uuid[]) TO service_role;
