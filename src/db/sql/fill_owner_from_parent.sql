-- The owner column of child rows, filled from the parent when a client leaves it out (old
-- clients and the seed's function know nothing of user_id). SECURITY INVOKER on purpose: under
-- RLS a user sees only their own parents, so naming someone else's parent finds nothing and fails.
CREATE OR REPLACE FUNCTION public.fill_owner_from_parent() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
DECLARE
  v_parent_id uuid;
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'modular_training_week' THEN
      v_parent_id := NEW.plan_id;
      SELECT p.user_id INTO NEW.user_id FROM public.modular_training_plan p WHERE p.id = v_parent_id;
    WHEN 'modular_training_session' THEN
      v_parent_id := NEW.week_id;
      SELECT w.user_id INTO NEW.user_id FROM public.modular_training_week w WHERE w.id = v_parent_id;
    WHEN 'modular_training_exercise' THEN
      v_parent_id := NEW.session_id;
      SELECT s.user_id INTO NEW.user_id FROM public.modular_training_session s WHERE s.id = v_parent_id;
    WHEN 'training_set' THEN
      v_parent_id := NEW.exercise_row_id;
      SELECT e.user_id INTO NEW.user_id FROM public.modular_training_exercise e WHERE e.id = v_parent_id;
  END CASE;
  IF NEW.user_id IS NULL THEN
    RAISE EXCEPTION '%: parent row % does not exist or is not yours', TG_TABLE_NAME, v_parent_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;

REVOKE ALL ON FUNCTION public.fill_owner_from_parent() FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.fill_owner_from_parent() TO PUBLIC;
