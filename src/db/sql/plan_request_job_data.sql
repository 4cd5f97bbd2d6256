-- The job payload of a request row: its params (a plan request without userId) with the row's id
-- and owner on top, so a params key of the same name can never override them.
CREATE OR REPLACE FUNCTION public.plan_request_job_data(p_id uuid, p_user_id uuid, p_params jsonb)
  RETURNS jsonb
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog
AS $$
  SELECT p_params || jsonb_build_object('planRequestId', p_id, 'userId', p_user_id)
$$;

REVOKE ALL ON FUNCTION public.plan_request_job_data(uuid, uuid, jsonb) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.plan_request_job_data(uuid, uuid, jsonb) TO PUBLIC;
