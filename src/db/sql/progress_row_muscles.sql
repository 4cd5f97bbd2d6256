-- The muscles one performed set of an exercise row counts for (hardSetsForSet and
-- secondaryMusclesFor in src/domain/progress-aggregates/hard-sets.ts): 1 for the primary muscle,
-- 0.5 for each secondary of another counting group. A counting group is the muscle itself, except
-- lats and middle_back, which are one group (the back): a row naming both counts 1 back set, not
-- 1.5 (issue 22), the same as the plan generator counts it. Of two secondaries of one group the
-- first listed counts. Secondaries: the row's jsonb list when it is a non-empty array, else the
-- catalogue entry's. Inlined into the refresh (SQL, no SET).
CREATE OR REPLACE FUNCTION public.progress_row_muscles(
  p_primary text, p_row_secondaries jsonb, p_catalogue_secondaries text[]
) RETURNS TABLE (muscle text, hard_sets double precision)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT p_primary, 1::double precision WHERE p_primary IS NOT NULL
  UNION ALL
  SELECT first.m, 0.5::double precision
  FROM (
    SELECT DISTINCT ON (g.grp) g.m, g.grp
    FROM (
      SELECT s.m, s.ord,
        CASE WHEN s.m IN ('lats', 'middle_back') THEN 'back' ELSE s.m END AS grp
      FROM unnest(CASE
        WHEN jsonb_typeof(p_row_secondaries) = 'array' AND jsonb_array_length(p_row_secondaries) > 0
        THEN ARRAY(SELECT jsonb_array_elements_text(p_row_secondaries))
        ELSE p_catalogue_secondaries
      END) WITH ORDINALITY AS s(m, ord)
      WHERE s.m IS NOT NULL
    ) g
    ORDER BY g.grp, g.ord
  ) first
  WHERE first.grp IS DISTINCT FROM
    CASE WHEN p_primary IN ('lats', 'middle_back') THEN 'back' ELSE p_primary END
$$;

REVOKE ALL ON FUNCTION public.progress_row_muscles(text, jsonb, text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.progress_row_muscles(text, jsonb, text[]) TO PUBLIC;
