-- The first date a plan or week may start on: 365 days before today (UTC). The rule of
-- src/domain/date-window.ts (PLAN_DATE_WINDOW_DAYS), which the payload checks apply with the
-- worker's clock. It bounds the rollover's catch-up: a plan or week dated 0001-01-01 once made the
-- next rollover try to create some 105,000 weeks. LANGUAGE sql without SET clauses, so it inlines
-- into the rollover's queries; it uses only pg_catalog, which is always searched first.
CREATE OR REPLACE FUNCTION public.plan_date_window_from() RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT (now() AT TIME ZONE 'UTC')::date - 365
$$;

REVOKE ALL ON FUNCTION public.plan_date_window_from() FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.plan_date_window_from() TO PUBLIC;
