// A poisoned tenant for the isolation tests: the table owner's trigger refuses the progress rows of
// every user listed in poisoned_user with 22003, as an aggregate overflowing its column once did.
// The poison is a real database failure, not a bound, so what is tested is that the others go on.
import type pg from "pg";

export async function installProgressPoison(pool: pg.Pool): Promise<void> {
  await pool.query("CREATE TABLE public.poisoned_user (user_id uuid PRIMARY KEY)");
  await pool.query(`CREATE FUNCTION public.poison_progress() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM public.poisoned_user p WHERE p.user_id = NEW.user_id) THEN
        RAISE EXCEPTION 'integer out of range (injected)' USING ERRCODE = 'numeric_value_out_of_range';
      END IF;
      RETURN NEW;
    END $$`);
  await pool.query(`CREATE TRIGGER poison_progress BEFORE INSERT OR UPDATE ON public.progress_exercise_weekly
    FOR EACH ROW EXECUTE FUNCTION public.poison_progress()`);
}
