-- A JSON value as an error message quotes it ("got ..."): its text, cut to 60 characters, so no
-- input can make its own error large (errors are bounded: src/jobs/bounds.ts). NULL (a missing
-- key) reads "nothing". Inlinable: no SET clauses, only pg_catalog.
CREATE OR REPLACE FUNCTION public.json_shown(v jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN v IS NULL THEN 'nothing'
    WHEN length(v::text) <= 60 THEN v::text
    ELSE left(v::text, 60) || format('... (%s characters)', length(v::text))
  END
$$;

REVOKE ALL ON FUNCTION public.json_shown(jsonb) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.json_shown(jsonb) TO PUBLIC;
