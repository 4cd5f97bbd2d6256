-- Skills never offered to a beginner, as the generator's isAdvancedSkill names them
-- (src/domain/plan/eligibility.ts); tests/swap/sql-parity.test.ts holds the two equal.
CREATE OR REPLACE FUNCTION public.exercise_is_advanced_skill(p_name text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT p_name ~* ('\ynordic\y|\yadvanced\y|\y(hang |power |squat )?(clean|snatch|jerk)\y|\yglute[- ]?ham\y'
                    '|\yhandstand\y|\ypistol\y|\yshrimp squat|\ymuscle[- ]?ups?\y|\ydragon flag|\yl[- ]sit\y'
                    '|\yplanche\y|\yfront lever|\yback lever|\yone[- ]arm (push|pull|chin)|\ysissy squat'
                    '|\ynatural glute')
$$;

REVOKE ALL ON FUNCTION public.exercise_is_advanced_skill(text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.exercise_is_advanced_skill(text) TO authenticated, service_role;
