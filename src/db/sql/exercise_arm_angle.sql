-- The angle an arm isolation exercise trains the elbow at, read from its name: 'curl: neutral',
-- 'curl: arm in front', 'curl: arm behind', 'curl: standard', 'triceps: overhead', 'triceps: lying',
-- 'triceps: pushdown', 'triceps: kickback', 'triceps: standard', or NULL for anything but arm
-- isolation. The SQL twin of armAngleOf (src/domain/plan/arm-angle.ts, where the generator gives a
-- session's second arm exercise another angle); tests/swap/sql-parity.test.ts holds the two equal on
-- every entry of both catalogues. exercise_alternatives offers an overhead extension for an
-- overhead one before a kickback, which loses the long head's stretch.
CREATE OR REPLACE FUNCTION public.exercise_arm_angle(p_name text, p_mechanic text, p_pattern text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_mechanic IS DISTINCT FROM 'isolation' THEN NULL
    WHEN p_pattern = 'elbow_flexion' THEN 'curl: ' || CASE
      WHEN p_name ~* '\y(hammer|rope|reverse|cross[- ]body|pinwheel|zottman)\y' THEN 'neutral'
      WHEN p_name ~* '\y(preacher|spider|concentration|scott)\y' THEN 'arm in front'
      WHEN p_name ~* '\y(incline|bayesian|behind|drag)\y' THEN 'arm behind'
      ELSE 'standard' END
    WHEN p_pattern = 'elbow_extension' THEN 'triceps: ' || CASE
      WHEN p_name ~* '\y(overhead|french|behind the head)\y' THEN 'overhead'
      WHEN p_name ~* '\y(lying|skull|jm press|decline)\y' THEN 'lying'
      WHEN p_name ~* '\y(push[- ]?downs?|press[- ]?downs?)\y' THEN 'pushdown'
      WHEN p_name ~* '\ykickbacks?\y' THEN 'kickback'
      ELSE 'standard' END
  END
$$;

REVOKE ALL ON FUNCTION public.exercise_arm_angle(text, text, text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.exercise_arm_angle(text, text, text) TO PUBLIC;
