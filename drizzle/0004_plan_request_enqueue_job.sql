-- Hand-written: functions, a trigger and grants, which Drizzle cannot express. A plan_request row
-- enqueues its plan.generate job in the transaction that inserts it (docs/plan-pipeline.md).
--
-- public.enqueue_job writes a pg-boss job with plain SQL, the way pg-boss 12's own insert does
-- (node_modules/pg-boss/dist/plans.js, insertJobs): the queue's policy columns are copied from
-- pgboss.queue onto the job, and a notify-enabled queue gets a NOTIFY on pg-boss's channel so
-- workers listening there fetch at once. Nothing here runs until a row arrives, so the pgboss
-- schema need not exist when this migration runs: without it, or without the queue, the function
-- returns NULL and the worker enqueues the row when it starts (enqueue_queued_plan_requests).
CREATE OR REPLACE FUNCTION public.enqueue_job(
  queue text,
  data jsonb,
  singleton_key text DEFAULT NULL,
  id uuid DEFAULT NULL
) RETURNS uuid
  LANGUAGE plpgsql
  VOLATILE
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_queue  record;
  v_now    timestamptz;
  v_job_id uuid;
BEGIN
  IF to_regclass('pgboss.queue') IS NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE 'SELECT q.table_name, q.policy, q.retry_limit, q.retry_delay, q.retry_backoff, q.retry_delay_max,
                  q.expire_seconds, q.retention_seconds, q.deletion_seconds, q.dead_letter,
                  q.heartbeat_seconds, q.notify
           FROM pgboss.queue q WHERE q.name = $1'
    INTO v_queue USING queue;
  IF v_queue.table_name IS NULL THEN
    RETURN NULL;
  END IF;
  v_now := pgboss.job_now();
  -- ON CONFLICT DO NOTHING, as pg-boss does: an existing job with this id (the same request sent
  -- twice) or a singleton policy's unique index makes this a no-op that returns NULL.
  EXECUTE format(
    'INSERT INTO pgboss.%I (id, name, data, priority, start_after, created_on, singleton_key,
       expire_seconds, deletion_seconds, keep_until, retry_limit, retry_delay, retry_backoff,
       retry_delay_max, policy, dead_letter, heartbeat_seconds)
     VALUES (coalesce($1, gen_random_uuid()), $2, $3, 0, $4, $4, $5, $6, $7,
       $4 + $8 * interval ''1 second'', $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT DO NOTHING
     RETURNING id', v_queue.table_name)
    INTO v_job_id
    USING id, queue, data, v_now, singleton_key, v_queue.expire_seconds, v_queue.deletion_seconds,
      v_queue.retention_seconds, v_queue.retry_limit, v_queue.retry_delay, v_queue.retry_backoff,
      v_queue.retry_delay_max, v_queue.policy, v_queue.dead_letter, v_queue.heartbeat_seconds;
  IF v_job_id IS NOT NULL AND v_queue.notify THEN
    -- pg-boss's channel for schema 'pgboss' (plans.js notifyChannelSql); delivered at commit.
    PERFORM pg_notify('pgboss_' || left(encode(sha224('pgboss'::bytea), 'hex'), 24), queue);
  END IF;
  RETURN v_job_id;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.enqueue_job(text, jsonb, text, uuid) FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.enqueue_job(text, jsonb, text, uuid) TO service_role;
--> statement-breakpoint

-- The job payload of a request row: its params (a plan request without userId) with the row's id
-- and owner on top, so a params key of the same name can never override them.
CREATE OR REPLACE FUNCTION public.plan_request_job_data(p_id uuid, p_user_id uuid, p_params jsonb)
  RETURNS jsonb
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog
AS $$
  SELECT p_params || jsonb_build_object('planRequestId', p_id, 'userId', p_user_id)
$$;
--> statement-breakpoint

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
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.plan_request_enqueue() FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
CREATE TRIGGER plan_request_enqueue AFTER INSERT ON public.plan_request
  FOR EACH ROW WHEN (NEW.status = 'queued') EXECUTE FUNCTION public.plan_request_enqueue();
--> statement-breakpoint

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
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.enqueue_queued_plan_requests() FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.enqueue_queued_plan_requests() TO service_role;
