-- AFTER INSERT and AFTER UPDATE (statement-level, wired in drizzle/0014) on modular_training_plan:
-- no user may hold more than user_bounds.max_active_plans active plans, however the plans were
-- written (insert_full_plan, insert_full_plans, plan.generate, a direct INSERT or an UPDATE of
-- status). Past it the statement fails with user_bounds_max_active_plans and nothing is written.
-- Only users with an active plan in the statement are counted (an index probe each).
-- The probe must be modular_training_plan_user_status_idx (user_id, status): the partial index on
-- active plans' ids matches `status = 'active'` too, and a plan that picked it (a generic plan,
-- e.g. under insert_full_plans' force_generic_plan, on a table whose statistics lag its growth)
-- read every active plan of every user once per user of the statement: up to 355 ms a call for a
-- batch of 100 plans with 3,000 in the table, and more as active plans grow. So the status is a
-- variable and the plan generic: a partial index cannot serve a parameter, and the two-column
-- index is the only one left.
-- SECURITY DEFINER: a signed-in writer's RLS would hide nothing of their own, but the bound must
-- hold for the service too, and the count reads one index either way.
CREATE OR REPLACE FUNCTION public.plan_enforce_active_bound() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_active text := 'active';
  v_users uuid[];
  v_limit integer;
  v_over  record;
BEGIN
  SELECT array_agg(DISTINCT n.user_id) INTO v_users FROM new_plans n WHERE n.status = 'active';
  IF v_users IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM public.user_bounds_lock(v_users);
  v_limit := (public.user_bounds_current()).max_active_plans;
  SELECT u.user_id, c.n INTO v_over
  FROM unnest(v_users) AS u(user_id)
  CROSS JOIN LATERAL (
    SELECT count(*) AS n FROM public.modular_training_plan p
    WHERE p.user_id = u.user_id AND p.status = v_active
  ) c
  WHERE c.n > v_limit
  LIMIT 1;
  IF FOUND THEN
    PERFORM public.user_bound_exceeded('max_active_plans', v_limit, v_over.n,
      format('active plans of user %s', v_over.user_id));
  END IF;
  RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION public.plan_enforce_active_bound() FROM PUBLIC, anon, authenticated, service_role;

-- The wiring lives here, as in plan_dates_in_window.sql: a migration's CREATE TRIGGER would run
-- before this function exists on a new database. Statement-level with a transition table: one
-- count per user a statement touched, however many plans it wrote (insert_full_plans).
CREATE OR REPLACE TRIGGER modular_training_plan_active_bound_insert
  AFTER INSERT ON public.modular_training_plan
  REFERENCING NEW TABLE AS new_plans
  FOR EACH STATEMENT EXECUTE FUNCTION public.plan_enforce_active_bound();

CREATE OR REPLACE TRIGGER modular_training_plan_active_bound_update
  AFTER UPDATE ON public.modular_training_plan
  REFERENCING NEW TABLE AS new_plans
  FOR EACH STATEMENT EXECUTE FUNCTION public.plan_enforce_active_bound();
