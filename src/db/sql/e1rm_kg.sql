-- estimateOneRepMax (src/domain/progress-aggregates/e1rm.ts), in the same double-precision operations:
-- 0 when nothing was lifted, the weight for a single, the chart with an RPE on it and 2..10
-- reps, Epley otherwise.
CREATE OR REPLACE FUNCTION public.e1rm_kg(p_weight_kg double precision, p_reps integer, p_rpe double precision)
  RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_reps <= 0 OR p_weight_kg <= 0 THEN 0::double precision
    WHEN p_reps = 1 THEN p_weight_kg
    ELSE coalesce(p_weight_kg / (public.rts_percent(p_reps, p_rpe) / 100),
                  p_weight_kg * (1 + p_reps::double precision / 30))
  END
$$;

REVOKE ALL ON FUNCTION public.e1rm_kg(double precision, integer, double precision) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.e1rm_kg(double precision, integer, double precision) TO PUBLIC;
