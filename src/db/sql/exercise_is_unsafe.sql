-- True for an exercise no plan or swap offers, whoever the lifter: the name rules of the exclusion
-- list that hold for every request (ALWAYS_EXCLUDED_RULES in src/domain/plan/excluded-exercises.ts:
-- balancing on a dumbbell, standing on a bench to row, passing the bar behind the neck, resisted or held down by a
-- partner or a bar a partner places, lowering the bar to the neck). The SQL twin of isAlwaysExcluded; tests/swap/sql-parity.test.ts holds the two equal on
-- every entry of both catalogues. exercise_alternatives leaves these out.
CREATE OR REPLACE FUNCTION public.exercise_is_unsafe(p_name text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT p_name ~* '\yon an? dumbbells?\y|\ybench mid rows?\y|\ystanding on (a|the) bench\y|\ybehind[- ]the[- ]neck\y|\ybradford\y|\yrocky pull|\yrear pull-?ups?\y|\ytowel triceps extensions?\y|\ymanual\y|\yhyperextensions? with no hyperextension bench\y|\ybarbell seated calf raises?\y|\ycable preacher curls?\y|\yguillotine\y'
$$;

REVOKE ALL ON FUNCTION public.exercise_is_unsafe(text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.exercise_is_unsafe(text) TO PUBLIC;
