-- Whether a catalogue row can be a working set, as the generator's isWorkingSetExercise decides
-- (src/domain/plan/eligibility.ts): no stretches, cardio, plyometrics, static holds, foam rolling
-- or conditioning drills. p_pattern is the resolved pattern (exercise_pattern). Held equal to the
-- TypeScript on both catalogues by tests/swap/sql-parity.test.ts (\y is PostgreSQL's \b).
CREATE OR REPLACE FUNCTION public.exercise_is_working_set(
  p_name text, p_category text, p_force text, p_equipment text, p_pattern text
) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT p_category NOT IN ('stretching', 'cardio', 'plyometrics')
     AND p_name !~* '\y(sprints?|jumps?|jumping|hops?|burpees?|mountain climbers?|shuffles?|skips?|skipping)\y'
     AND p_force IS DISTINCT FROM 'static'
     AND p_equipment <> 'foam_roll'
     AND p_pattern NOT IN ('mobility', 'conditioning')
$$;

REVOKE ALL ON FUNCTION public.exercise_is_working_set(text, text, text, text, text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.exercise_is_working_set(text, text, text, text, text) TO authenticated, service_role;
