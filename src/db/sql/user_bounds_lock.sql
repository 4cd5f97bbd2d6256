-- Two writers of one user's plans or requests at once could each count under a bound and both
-- write: every bound check first takes a transaction-level advisory lock per user (in hash
-- order, so two multi-user statements cannot deadlock), then counts in a new statement, which
-- sees what the other committed. 1970168173 is 'ubnd' in ASCII.
CREATE OR REPLACE FUNCTION public.user_bounds_lock(p_user_ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1970168173, x.h)
  FROM (SELECT DISTINCT hashtext(u::text) AS h FROM unnest(p_user_ids) AS u ORDER BY 1) x;
END
$$;

REVOKE ALL ON FUNCTION public.user_bounds_lock(uuid[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.user_bounds_lock(uuid[]) TO authenticated, service_role;
