-- A catalogue row's movement pattern: its own, else inferred from its primary muscle, mechanic and
-- force exactly as the generator's patternOf does (src/domain/plan/movement.ts); imported rows may
-- have none. tests/swap/sql-parity.test.ts holds the two equal on both catalogues. IMMUTABLE and
-- without SET so it is inlined where alternatives scan the catalogue.
CREATE OR REPLACE FUNCTION public.exercise_pattern(
  p_pattern text, p_category text, p_muscle text, p_mechanic text, p_force text
) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(p_pattern, CASE
    WHEN p_category = 'stretching' THEN 'mobility'
    WHEN p_category = 'cardio' THEN 'conditioning'
    WHEN p_muscle = 'quadriceps' THEN
      CASE WHEN p_mechanic IS DISTINCT FROM 'isolation' THEN 'squat' ELSE 'knee_extension' END
    WHEN p_muscle = 'hamstrings' THEN
      CASE WHEN p_mechanic IS DISTINCT FROM 'isolation' THEN 'hinge' ELSE 'knee_flexion' END
    WHEN p_muscle IN ('glutes', 'lower_back') THEN
      CASE WHEN p_mechanic IS DISTINCT FROM 'isolation' THEN 'hinge' ELSE 'hip_isolation' END
    WHEN p_muscle IN ('adductors', 'abductors') THEN 'hip_isolation'
    WHEN p_muscle = 'calves' THEN 'calf_raise'
    WHEN p_muscle = 'chest' THEN
      CASE WHEN p_mechanic IS DISTINCT FROM 'isolation' THEN 'horizontal_push' ELSE 'chest_isolation' END
    WHEN p_muscle = 'shoulders' THEN
      CASE WHEN p_mechanic = 'isolation' THEN 'shoulder_isolation'
           WHEN p_force = 'pull' THEN 'horizontal_pull' ELSE 'vertical_push' END
    WHEN p_muscle = 'lats' THEN 'vertical_pull'
    WHEN p_muscle = 'middle_back' THEN 'horizontal_pull'
    WHEN p_muscle = 'traps' THEN 'shrug'
    WHEN p_muscle = 'biceps' THEN 'elbow_flexion'
    WHEN p_muscle = 'triceps' THEN
      CASE WHEN p_mechanic = 'compound' THEN 'horizontal_push' ELSE 'elbow_extension' END
    WHEN p_muscle = 'forearms' THEN 'forearm'
    WHEN p_muscle = 'neck' THEN 'neck'
    WHEN p_muscle = 'abdominals' THEN 'core'
  END)
$$;

REVOKE ALL ON FUNCTION public.exercise_pattern(text, text, text, text, text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.exercise_pattern(text, text, text, text, text) TO authenticated, service_role;
