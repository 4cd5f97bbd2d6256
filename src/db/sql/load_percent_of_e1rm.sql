-- The fraction of an e1RM a lifter can lift for p_reps at p_rpe: the RTS chart (contract section 5)
-- where it has the cell, else its closed form (Liftosaur's Weight_rpeMultiplier, within 0.6 points
-- of the chart; docs/swap.md), which also covers more than 10 reps and RPE below 6.
CREATE OR REPLACE FUNCTION public.load_percent_of_e1rm(p_reps integer, p_rpe double precision)
  RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(
    public.rts_percent(p_reps, p_rpe) / 100,
    CASE
      WHEN (10 - p_rpe) + (p_reps - 1) <= 2.92
        THEN (0.347619 * ((10 - p_rpe) + (p_reps - 1)) ^ 2 - 4.60714 * ((10 - p_rpe) + (p_reps - 1)) + 99.9667) / 100
      ELSE greatest((-2.64249 * ((10 - p_rpe) + (p_reps - 1)) + 97.0955) / 100, 0.5)
    END)
$$;

REVOKE ALL ON FUNCTION public.load_percent_of_e1rm(integer, double precision) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.load_percent_of_e1rm(integer, double precision) TO PUBLIC;
