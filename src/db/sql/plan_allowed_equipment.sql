-- The equipment a plan's request allowed, bodyweight always included (the generator's
-- allowedEquipment). Plans written before drizzle/0016, or by hand, have none recorded: then what
-- the plan's own rows use (their implements and what they require) is taken as allowed, a subset
-- of what the request allowed, so an alternative never needs more than the lifter showed they have.
-- SECURITY INVOKER: a signed-in user reads only their own plan.
CREATE OR REPLACE FUNCTION public.plan_allowed_equipment(p_plan_id uuid) RETURNS text[]
  LANGUAGE sql STABLE SECURITY INVOKER
  SET search_path = pg_catalog, public
AS $$
  SELECT ARRAY(
    SELECT DISTINCT e FROM unnest(
      coalesce(
        p.allowed_equipment,
        ARRAY(
          SELECT u
          FROM public.modular_training_week w
          JOIN public.modular_training_session s ON s.week_id = w.id
          JOIN public.modular_training_exercise x ON x.session_id = s.id
          LEFT JOIN public.exrcwiki c ON c.exercise_id = x.exercise_id
          CROSS JOIN LATERAL unnest(ARRAY[coalesce(c.equipment, x.equipment)] || coalesce(c.requires, '{}')) AS u
          WHERE w.plan_id = p.id AND u IS NOT NULL
        )
      ) || ARRAY['bodyweight']
    ) AS e ORDER BY e
  )
  FROM public.modular_training_plan p
  WHERE p.id = p_plan_id
$$;

REVOKE ALL ON FUNCTION public.plan_allowed_equipment(uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.plan_allowed_equipment(uuid) TO authenticated, service_role;
