-- BEFORE INSERT on plan_request (wired in drizzle/0014): a request is refused, and nothing
-- written, when its user made user_bounds.max_plan_requests_per_hour requests in the last hour,
-- or when their active plans plus their requests still queued or running would pass
-- user_bounds.max_active_plans (each such request ends as one more active plan). Counted after a
-- per-user lock, so a burst of concurrent inserts cannot slip past. SECURITY DEFINER: a
-- signed-in user may not read their plans through RLS-bypassing counts otherwise.
CREATE OR REPLACE FUNCTION public.plan_request_enforce_bounds() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_bounds record;
  v_n      bigint;
BEGIN
  IF NEW.user_id IS NULL THEN
    RETURN NEW; -- the NOT NULL constraint words this one
  END IF;
  PERFORM public.user_bounds_lock(ARRAY[NEW.user_id]);
  v_bounds := public.user_bounds_current();
  SELECT count(*) INTO v_n FROM public.plan_request r
  WHERE r.user_id = NEW.user_id AND r.created_at > now() - interval '1 hour';
  IF v_n + 1 > v_bounds.max_plan_requests_per_hour THEN
    PERFORM public.user_bound_exceeded('max_plan_requests_per_hour', v_bounds.max_plan_requests_per_hour,
      v_n + 1, 'plan requests in the last hour');
  END IF;
  SELECT (SELECT count(*) FROM public.modular_training_plan p WHERE p.user_id = NEW.user_id AND p.status = 'active')
       + (SELECT count(*) FROM public.plan_request r
          WHERE r.user_id = NEW.user_id AND r.status IN ('queued', 'running'))
  INTO v_n;
  IF v_n + 1 > v_bounds.max_active_plans THEN
    PERFORM public.user_bound_exceeded('max_active_plans', v_bounds.max_active_plans, v_n + 1,
      'active plans and plan requests still queued or running');
  END IF;
  RETURN NEW;
END
$$;

REVOKE ALL ON FUNCTION public.plan_request_enforce_bounds() FROM PUBLIC, anon, authenticated, service_role;

-- The wiring lives here, as in plan_dates_in_window.sql. BEFORE, and named to sort before
-- plan_request_enqueue's AFTER trigger anyway: a refused request enqueues nothing.
CREATE OR REPLACE TRIGGER plan_request_bounds
  BEFORE INSERT ON public.plan_request
  FOR EACH ROW EXECUTE FUNCTION public.plan_request_enforce_bounds();
