-- The worker's catch-up at start (after it created the queue): every queued request gets its job,
-- idempotently (job id = request id). Returns how many jobs it created.
CREATE OR REPLACE FUNCTION public.enqueue_queued_plan_requests() RETURNS integer
  LANGUAGE sql
  VOLATILE
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT count(*)::int
  FROM public.plan_request r
  CROSS JOIN LATERAL public.enqueue_job('plan.generate',
    public.plan_request_job_data(r.id, r.user_id, r.params), NULL, r.id) AS j(job_id)
  WHERE r.status = 'queued' AND jsonb_typeof(r.params) = 'object' AND j.job_id IS NOT NULL
$$;

REVOKE ALL ON FUNCTION public.enqueue_queued_plan_requests() FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.enqueue_queued_plan_requests() TO service_role;
