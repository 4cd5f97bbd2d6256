-- The muscle group an exercise's primary muscle counts in when alternatives and first loads ask for
-- "the same primary muscle group" (docs/swap.md): lats and middle back are one group, the back, so
-- a row and a pulldown, or a one-arm row filed under lats and a bent-over row filed under middle
-- back, are the same movement of the same group. Every other muscle is its own group.
CREATE OR REPLACE FUNCTION public.muscle_family(p_muscle text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN p_muscle IN ('lats', 'middle_back') THEN 'back' ELSE p_muscle END
$$;

REVOKE ALL ON FUNCTION public.muscle_family(text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.muscle_family(text) TO PUBLIC;
