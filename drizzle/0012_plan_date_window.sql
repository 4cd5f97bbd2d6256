-- Hand-written: functions and triggers, which Drizzle cannot express. Plan and week dates must lie
-- in a window around today, for every client: a plan or week dated 0001-01-01 made the next
-- rollover try to catch up some 105,000 weeks. The window is 365 days either side of today (UTC),
-- the rule of src/domain/date-window.ts (PLAN_DATE_WINDOW_DAYS), which the payload checks apply
-- with the worker's clock. A CHECK constraint must be immutable and "today" is not, hence a
-- trigger; it fires on INSERT and on an UPDATE that sets week_start, so rows already stored are
-- never re-judged as the calendar moves.

-- The window's bounds. LANGUAGE sql without SET clauses, so they inline into the rollover's
-- queries; they use only pg_catalog, which is always searched first.
CREATE OR REPLACE FUNCTION public.plan_date_window_from() RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT (now() AT TIME ZONE 'UTC')::date - 365
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.plan_date_window_to() RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT (now() AT TIME ZONE 'UTC')::date + 365
$$;
--> statement-breakpoint
-- BEFORE INSERT OR UPDATE OF week_start on the plan and week tables: 22023 naming the table, the
-- column, the window and the value.
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
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.plan_dates_in_window() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER modular_training_plan_dates_in_window
  BEFORE INSERT OR UPDATE OF week_start ON public.modular_training_plan
  FOR EACH ROW EXECUTE FUNCTION public.plan_dates_in_window();
--> statement-breakpoint
CREATE TRIGGER modular_training_week_dates_in_window
  BEFORE INSERT OR UPDATE OF week_start ON public.modular_training_week
  FOR EACH ROW EXECUTE FUNCTION public.plan_dates_in_window();
