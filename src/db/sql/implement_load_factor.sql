-- How an e1RM on one implement converts to another for the same movement (same pattern and primary
-- muscle): the ratio of each implement's factor relative to a barbell. Loads are as logged: a
-- dumbbell or kettlebell load is per implement (per hand). Sources and reasoning in docs/swap.md:
-- dumbbells (both) about 80% of a barbell (Saeterbakken et al. 2011, and the common 20% rule), so
-- 0.40 per dumbbell; a kettlebell 90% of a dumbbell (its offset load; a convention, rounded down).
-- Machines, cables, bands and other apparatus get no factor (a lever or pulley ratio makes their
-- loads incomparable): null, and the swap prescribes no load.
CREATE OR REPLACE FUNCTION public.implement_load_factor(p_from text, p_to text) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    -- Added load on bodyweight work (a weighted pull-up) carries over between bodyweight moves only.
    WHEN p_from = 'bodyweight' AND p_to = 'bodyweight' THEN 1.0
    ELSE (CASE p_to WHEN 'barbell' THEN 1.0 WHEN 'ez_bar' THEN 1.0 WHEN 'dumbbell' THEN 0.40 WHEN 'kettlebell' THEN 0.36 END)
       / (CASE p_from WHEN 'barbell' THEN 1.0 WHEN 'ez_bar' THEN 1.0 WHEN 'dumbbell' THEN 0.40 WHEN 'kettlebell' THEN 0.36 END)
  END::double precision
$$;

REVOKE ALL ON FUNCTION public.implement_load_factor(text, text) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.implement_load_factor(text, text) TO PUBLIC;
