-- Small validators for plan JSON, pure expressions so validation needs no exception blocks.
-- No SET search_path here or in is_iso_date: it would stop PostgreSQL inlining them, and they are called
-- for every value of every slot. They use only pg_catalog, which is always searched first.
CREATE OR REPLACE FUNCTION public.jsonb_as_int(v jsonb) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN jsonb_typeof(v) = 'number' AND v::text ~ '^-?\d{1,9}$' THEN v::text::integer
    WHEN jsonb_typeof(v) = 'string' AND (v #>> '{}') ~ '^-?\d{1,9}$' THEN (v #>> '{}')::integer
  END
$$;

REVOKE ALL ON FUNCTION public.jsonb_as_int(jsonb) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.jsonb_as_int(jsonb) TO PUBLIC;
