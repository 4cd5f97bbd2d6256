-- Refreshes of one user never overlap (one could commit older figures over newer ones after the
-- other drained the marks): each takes a transaction-level advisory lock per user, in hash order
-- so two multi-user refreshes cannot deadlock, after a shared lock that a rebuild of everyone
-- takes exclusively. 1886547815 is 'prog' in ASCII.
CREATE OR REPLACE FUNCTION public.progress_lock_users(p_user_ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1886547815::bigint);
  PERFORM pg_advisory_xact_lock(1886547815, x.h)
  FROM (SELECT DISTINCT hashtext(u::text) AS h FROM unnest(p_user_ids) AS u ORDER BY 1) x;
END
$$;

REVOKE ALL ON FUNCTION public.progress_lock_users(uuid[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.progress_lock_users(uuid[]) TO service_role;
