-- The RTS chart (CONTRACT.md section 5) as data: rows RPE 10, 9.5, ... 6, columns 1..10 reps.
-- NULL off the chart. No SET clause on purpose, here and in e1rm_kg: a SQL function with one is
-- never inlined, and these run once per set in a rebuild (10M calls). The body names nothing
-- but pg_catalog operators, which are found first whatever the search_path.
CREATE OR REPLACE FUNCTION public.rts_percent(p_reps integer, p_rpe double precision)
  RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_reps BETWEEN 1 AND 10 AND p_rpe BETWEEN 6 AND 10 AND p_rpe * 2 = trunc(p_rpe * 2)
    THEN ('{{100,95.5,92.2,89.2,86.3,83.7,81.1,78.6,76.2,73.9},
            {97.8,93.9,90.7,87.8,85.0,82.4,79.9,77.4,75.1,72.3},
            {95.5,92.2,89.2,86.3,83.7,81.1,78.6,76.2,73.9,70.7},
            {93.9,90.7,87.8,85.0,82.4,79.9,77.4,75.1,72.3,69.4},
            {92.2,89.2,86.3,83.7,81.1,78.6,76.2,73.9,70.7,68.0},
            {90.7,87.8,85.0,82.4,79.9,77.4,75.1,72.3,69.4,66.7},
            {89.2,86.3,83.7,81.1,78.6,76.2,73.9,70.7,68.0,65.3},
            {87.8,85.0,82.4,79.9,77.4,75.1,72.3,69.4,66.7,64.0},
            {86.3,83.7,81.1,78.6,76.2,73.9,70.7,68.0,65.3,62.6}}'::double precision[])
         [(21 - p_rpe * 2)::integer][p_reps]
  END
$$;

REVOKE ALL ON FUNCTION public.rts_percent(integer, double precision) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.rts_percent(integer, double precision) TO PUBLIC;
