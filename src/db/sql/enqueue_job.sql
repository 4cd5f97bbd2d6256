-- Writes a pg-boss job with plain SQL, the way pg-boss 12's own insert does
-- (node_modules/pg-boss/dist/plans.js, insertJobs): the queue's policy columns are copied from
-- pgboss.queue onto the job, and a notify-enabled queue gets a NOTIFY on pg-boss's channel so
-- workers listening there fetch at once. tests/db/pgboss-coupling.test.ts fails when the installed
-- pg-boss writes its jobs differently. Nothing here runs until a row arrives, so the pgboss schema
-- need not exist when this is applied: without it, or without the queue, the function returns
-- NULL and the worker enqueues the row when it starts (enqueue_queued_plan_requests).
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

REVOKE ALL ON FUNCTION public.enqueue_job(text, jsonb, text, uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.enqueue_job(text, jsonb, text, uuid) TO service_role;
