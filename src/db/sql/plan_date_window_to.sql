-- The last date a plan or week may start on: 365 days after today (UTC); see
-- plan_date_window_from.sql.
CREATE OR REPLACE FUNCTION public.plan_date_window_to() RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT (now() AT TIME ZONE 'UTC')::date + 365
$$;

REVOKE ALL ON FUNCTION public.plan_date_window_to() FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.plan_date_window_to() TO PUBLIC;
