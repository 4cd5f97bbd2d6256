-- The seed's back-compat view, as security_invoker so the reader's RLS applies (a plain view
-- runs as its owner and would show every user's sessions). The owner column on the session
-- makes the seed's joins to week and plan unnecessary.
CREATE OR REPLACE VIEW public.workout_sessions WITH (security_invoker = true) AS
SELECT
  s.id,
  s.user_id,
  CASE WHEN s.completed THEN 'completed' ELSE 'active' END AS status,
  s.focus_area,
  s.day_of_week,
  s.session_date AS created_at,
  s.updated_at
FROM public.modular_training_session s;

REVOKE ALL ON public.workout_sessions FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON public.workout_sessions TO authenticated;
GRANT ALL ON public.workout_sessions TO service_role;
