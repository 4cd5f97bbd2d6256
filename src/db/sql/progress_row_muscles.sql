-- The muscles one performed set of an exercise row counts for (hardSetsForSet and
-- secondaryMusclesFor in src/domain/progress-aggregates/hard-sets.ts): 1 for the primary muscle, 0.5 for
-- each distinct secondary muscle other than the primary. Secondaries: the row's jsonb list when
-- it is a non-empty array, else the catalogue entry's. Inlined into the refresh (SQL, no SET).
CREATE OR REPLACE FUNCTION public.progress_row_muscles(
  p_primary text, p_row_secondaries jsonb, p_catalogue_secondaries text[]
) RETURNS TABLE (muscle text, hard_sets double precision)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT p_primary, 1::double precision WHERE p_primary IS NOT NULL
  UNION ALL
  SELECT DISTINCT s.m, 0.5::double precision
  FROM unnest(CASE
    WHEN jsonb_typeof(p_row_secondaries) = 'array' AND jsonb_array_length(p_row_secondaries) > 0
    THEN ARRAY(SELECT jsonb_array_elements_text(p_row_secondaries))
    ELSE p_catalogue_secondaries
  END) AS s(m)
  WHERE s.m IS NOT NULL AND s.m IS DISTINCT FROM p_primary
$$;

REVOKE ALL ON FUNCTION public.progress_row_muscles(text, jsonb, text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.progress_row_muscles(text, jsonb, text[]) TO PUBLIC;
