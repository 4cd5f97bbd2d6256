-- Which head of the deltoid a shoulder exercise trains most, read from its name: 'side', 'rear',
-- 'front', or NULL (not a shoulder exercise, or the name does not say). The SQL twin of deltHeadOf
-- (src/domain/plan/delt-head.ts, where the generator uses it); tests/swap/sql-parity.test.ts holds
-- the two equal on every entry of both catalogues. exercise_alternatives ranks a raise of another
-- head below one of the same head: a rear-delt fly is no swap for a lateral raise.
CREATE OR REPLACE FUNCTION public.exercise_delt_head(p_name text, p_muscle text, p_pattern text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_muscle IS DISTINCT FROM 'shoulders' THEN NULL
    WHEN p_name ~* '\yfront\y.*\yraises?\y|\ystraight raises on incline bench\y|\ydeltoid raises?\y|\ylaterals? to front\y' THEN 'front'
    WHEN p_name ~* '\yrear\y|\ysnow angels?\y|\yreverse (machine |cable |dumbbell )?(fly|flys|flye|flyes|flies|pec deck)\y|\yface pulls?\y|\ybent[- ]over\y.*\y(lateral|laterals|raise)\y|\yprone (y-t-w|y|t|w) raises?\y|\ycable seated lateral raise\y|\ylying one-arm lateral raise\y'
      THEN 'rear'
    WHEN p_name ~* '\ylateral raises?\y|\yside laterals?\y|\yside raises?\y|\ylaterals?\y'
         AND p_pattern = 'shoulder_isolation' THEN 'side'
  END
$$;

REVOKE ALL ON FUNCTION public.exercise_delt_head(text, text, text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.exercise_delt_head(text, text, text) TO PUBLIC;
