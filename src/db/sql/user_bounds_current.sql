-- The bounds per user in force (docs/bounds.md): public.user_bounds' one row, each value falling
-- back to its column default should an operator have deleted the row. SECURITY DEFINER so the
-- triggers and plan checks that run as a signed-in user can read a table no client may read.
CREATE OR REPLACE FUNCTION public.user_bounds_current(
  OUT max_active_plans integer,
  OUT max_plan_requests_per_hour integer,
  OUT max_sessions_per_plan integer,
  OUT max_slots_per_session integer,
  OUT max_sets_per_exercise_row integer,
  OUT max_sets_per_week integer
)
  LANGUAGE sql STABLE PARALLEL SAFE
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(b.max_active_plans, 10), coalesce(b.max_plan_requests_per_hour, 20),
    coalesce(b.max_sessions_per_plan, 14), coalesce(b.max_slots_per_session, 20),
    coalesce(b.max_sets_per_exercise_row, 50), coalesce(b.max_sets_per_week, 1000)
  FROM (SELECT 1) one
  LEFT JOIN public.user_bounds b ON b.id
$$;

REVOKE ALL ON FUNCTION public.user_bounds_current() FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.user_bounds_current() TO authenticated, service_role;
