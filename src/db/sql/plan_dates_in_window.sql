-- Plan and week dates inside the window, for every client (a signed-in user's plain INSERT, the
-- SQL functions, the worker): BEFORE INSERT OR UPDATE OF week_start, 22023 naming the table, the
-- column, the window and the value. A CHECK constraint must be immutable and "today" is not,
-- hence a trigger; rows already stored are never judged again as the calendar moves, and the
-- rollover leaves alone a plan whose next week would fall before the window
-- (src/db/queries/rollover.ts).
CREATE OR REPLACE FUNCTION public.plan_dates_in_window() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
BEGIN
  IF NEW.week_start NOT BETWEEN plan_date_window_from() AND plan_date_window_to() THEN
    RAISE EXCEPTION '%: week_start must lie from % to %, a year either side of today (got %)',
      TG_TABLE_NAME, plan_date_window_from(), plan_date_window_to(), NEW.week_start
      USING ERRCODE = 'invalid_parameter_value', COLUMN = 'week_start', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;

REVOKE ALL ON FUNCTION public.plan_dates_in_window() FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.plan_dates_in_window() TO PUBLIC;

-- The wiring lives here, not in a versioned migration: the migrator applies this folder after the
-- migrations, so a migration's CREATE TRIGGER would run before this function exists on a new
-- database. CREATE OR REPLACE TRIGGER (PostgreSQL 14+) is safe to run again.
CREATE OR REPLACE TRIGGER modular_training_plan_dates_in_window
  BEFORE INSERT OR UPDATE OF week_start ON public.modular_training_plan
  FOR EACH ROW EXECUTE FUNCTION public.plan_dates_in_window();

CREATE OR REPLACE TRIGGER modular_training_week_dates_in_window
  BEFORE INSERT OR UPDATE OF week_start ON public.modular_training_week
  FOR EACH ROW EXECUTE FUNCTION public.plan_dates_in_window();
