-- The load a swap prescribes on p_exercise_id for a row of p_reps at p_rir (docs/swap.md), in order
-- of evidence: the lifter's own latest weekly e1RM on that exercise (progress_exercise_weekly);
-- else their latest e1RM on the same movement (same pattern and primary muscle group, muscle_family)
-- on another implement times implement_load_factor, prescribed one RIR easier for the uncertainty;
-- else null.
-- The rep target is the bottom of the row's range (double progression climbs from there); the load
-- is rounded down to the implement's step. SECURITY INVOKER: a user reads only their own progress.
CREATE OR REPLACE FUNCTION public.swap_load_kg(p_user_id uuid, p_exercise_id text, p_reps text, p_rir integer)
  RETURNS real
  LANGUAGE sql STABLE SECURITY INVOKER
  SET search_path = pg_catalog, public
AS $$
  WITH target AS (
    SELECT
      w.exercise_id, w.equipment, w.muscle_group,
      public.exercise_pattern(w.movement_pattern, w.category, w.muscle_group, w.mechanic, w.force) AS pattern,
      least(greatest(coalesce(substring(p_reps FROM '^\s*(\d{1,3})')::integer, 8), 1), 30) AS reps,
      least(greatest(coalesce(p_rir, 2), 0), 10) AS rir,
      CASE w.equipment WHEN 'dumbbell' THEN 2.0 WHEN 'kettlebell' THEN 4.0 ELSE 2.5 END AS step
    FROM public.exrcwiki w
    WHERE w.exercise_id = p_exercise_id
  ),
  own AS (
    SELECT pw.e1rm_kg AS e1rm, 0 AS extra_rir
    FROM target t
    JOIN public.progress_exercise_weekly pw ON pw.user_id = p_user_id AND pw.exercise_key = t.exercise_id
    ORDER BY pw.week_start DESC
    LIMIT 1
  ),
  related AS (
    SELECT pw.e1rm_kg * public.implement_load_factor(o.equipment, t.equipment) AS e1rm, 1 AS extra_rir
    FROM target t
    JOIN public.exrcwiki o
      ON public.muscle_family(o.muscle_group) = public.muscle_family(t.muscle_group)
     AND o.exercise_id <> t.exercise_id
     AND public.exercise_pattern(o.movement_pattern, o.category, o.muscle_group, o.mechanic, o.force) = t.pattern
    JOIN public.progress_exercise_weekly pw ON pw.user_id = p_user_id AND pw.exercise_key = o.exercise_id
    WHERE public.implement_load_factor(o.equipment, t.equipment) IS NOT NULL
    ORDER BY pw.week_start DESC, pw.e1rm_kg * public.implement_load_factor(o.equipment, t.equipment) DESC
    LIMIT 1
  ),
  best AS (
    SELECT * FROM own
    UNION ALL
    SELECT * FROM related WHERE NOT EXISTS (SELECT 1 FROM own)
  )
  SELECT least(
    floor(b.e1rm * public.load_percent_of_e1rm(t.reps, (10 - t.rir - b.extra_rir)::double precision) / t.step)
      * t.step,
    2000)::real
  FROM best b CROSS JOIN target t
$$;

REVOKE ALL ON FUNCTION public.swap_load_kg(uuid, text, text, integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.swap_load_kg(uuid, text, text, integer) TO authenticated, service_role;
