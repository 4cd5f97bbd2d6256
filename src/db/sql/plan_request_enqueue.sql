-- AFTER INSERT on plan_request: enqueue plan.generate with job id = request id (so enqueueing it
-- again, by the worker's catch-up, is a no-op). Only id, user_id and params are read: user_id is
-- auth.uid() (column grants and the insert policy see to it), params is the user's and is
-- validated by the job, which fails the row naming the field. A params that is not even a JSON
-- object fails the row here. SECURITY DEFINER because signed-in users have no rights on pgboss.
CREATE OR REPLACE FUNCTION public.plan_request_enqueue() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF jsonb_typeof(NEW.params) IS DISTINCT FROM 'object' THEN
    UPDATE public.plan_request
      SET status = 'failed',
          error = format('params: must be a JSON object (got %s)', coalesce(jsonb_typeof(NEW.params), 'null')),
          finished_at = now()
      WHERE plan_request.id = NEW.id;
    RETURN NULL;
  END IF;
  PERFORM public.enqueue_job('plan.generate',
    public.plan_request_job_data(NEW.id, NEW.user_id, NEW.params), NULL, NEW.id);
  RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION public.plan_request_enqueue() FROM PUBLIC, anon, authenticated, service_role;
