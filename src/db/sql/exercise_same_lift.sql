-- Whether a candidate is the same lift as a row's exercise by another name: a "full" squat for a
-- squat, the bench "medium grip" for the bench, free-exercise-db's "Triceps Overhead Extension with
-- Rope" for its "Cable Rope Overhead Triceps Extension". No swap for a busy rack or a sore joint,
-- so exercise_alternatives gives it no same-movement bonus (docs/swap.md).
-- The names' words must be equal, a plural as its singular, leaving out filler words and the
-- implement both share; for a machine or cable isolation row on the same implement, its one-arm or
-- one-leg version is the same station and movement ("Single-Leg Leg Extension" for "Leg
-- Extensions", a coach's read), so those words are left out too. The TypeScript twin, which the
-- tests' whole-matrix check uses, is src/domain/swap/same-lift.ts (tests/swap/sql-parity.test.ts).
CREATE OR REPLACE FUNCTION public.exercise_same_lift(
  p_name text, p_equipment text, p_mechanic text, p_other_name text, p_other_equipment text)
  RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
AS $$
  WITH setting AS (
    SELECT coalesce(p_equipment = p_other_equipment, false) AS same_implement,
           coalesce(p_equipment = p_other_equipment AND p_mechanic = 'isolation'
                    AND p_other_equipment IN ('machine', 'cable'), false) AS same_station
  ),
  words AS (
    SELECT n.which,
           ARRAY(SELECT DISTINCT regexp_replace(t, 's$', '')
                 FROM regexp_split_to_table(lower(n.name), '[^a-z0-9]+') t
                 WHERE t <> ''
                   AND t NOT IN ('full', 'medium', 'grip', 'with', 'the', 'a', 'on')
                   AND NOT (s.same_implement AND t = p_other_equipment)
                   AND NOT (s.same_station AND t IN ('single', 'one', 'arm', 'leg', 'legged', 'unilateral'))
                 ORDER BY 1) AS key
    FROM setting s
    CROSS JOIN (VALUES (1, p_name), (2, p_other_name)) n (which, name)
  )
  SELECT (SELECT key FROM words WHERE which = 1) = (SELECT key FROM words WHERE which = 2)
$$;

REVOKE ALL ON FUNCTION public.exercise_same_lift(text, text, text, text, text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.exercise_same_lift(text, text, text, text, text) TO authenticated, service_role;
