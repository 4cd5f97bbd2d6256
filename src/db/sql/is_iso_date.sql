CREATE OR REPLACE FUNCTION public.is_iso_date(v text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN v IS NULL OR v !~ '^\d{4}-\d{2}-\d{2}$' THEN false
    WHEN substr(v, 1, 4)::int < 1 OR substr(v, 6, 2)::int NOT BETWEEN 1 AND 12 THEN false
    ELSE substr(v, 9, 2)::int BETWEEN 1 AND extract(day FROM (
      make_date(substr(v, 1, 4)::int, substr(v, 6, 2)::int, 1) + interval '1 month - 1 day'))::int
  END
$$;

REVOKE ALL ON FUNCTION public.is_iso_date(text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.is_iso_date(text) TO PUBLIC;
