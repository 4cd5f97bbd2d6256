-- Raises the one error every bound per user raises (docs/bounds.md): SQLSTATE 23514
-- (check_violation) with the bound's name as the constraint name, so a client can tell the
-- bounds apart without parsing text, and a message that names the bound, its value and the count.
CREATE OR REPLACE FUNCTION public.user_bound_exceeded(p_bound text, p_limit integer, p_got bigint, p_what text)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'user_bounds.%: %: at most % (would be %)', p_bound, p_what, p_limit, p_got
    USING ERRCODE = 'check_violation', CONSTRAINT = 'user_bounds_' || p_bound,
          HINT = 'The bounds per user are the row of public.user_bounds (docs/bounds.md).';
END
$$;

REVOKE ALL ON FUNCTION public.user_bound_exceeded(text, integer, bigint, text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.user_bound_exceeded(text, integer, bigint, text) TO authenticated, service_role;
