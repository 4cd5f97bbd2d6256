// The demo's SQL: the rows of a plan week, the lifter's week written in one transaction (loads
// picked, sets logged, sessions done: three set-based statements), and week 1 beside week 2 read
// through carried_from_id (the week 1 row each week 2 row was copied from by the rollover).
import type pg from "pg";
import { withTransaction } from "../../db/transaction.ts";
import type { DemoRow, DemoRowLog } from "./logged-week.ts";

const WEEK_ROWS = `
  SELECT e.id, e.sets, e.reps, e.equipment, e.muscle_group AS "muscleGroup", e.tier,
         s.session_date AS "sessionDate"
  FROM public.modular_training_week w
  JOIN public.modular_training_session s ON s.week_id = w.id
  JOIN public.modular_training_exercise e ON e.session_id = s.id
  WHERE w.plan_id = $1 AND w.week_number = $2
  ORDER BY s.session_date, s.session_number, e.order_in_session, e.display_order, e.id`;

export async function weekRows(pool: pg.Pool, planId: string, weekNumber: number): Promise<DemoRow[]> {
  const { rows } = await pool.query<DemoRow>(WEEK_ROWS, [planId, weekNumber]);
  return rows;
}

const SET_LOADS = `
  UPDATE public.modular_training_exercise e SET weight = v.weight
  FROM unnest($1::uuid[], $2::real[]) AS v(id, weight)
  WHERE e.id = v.id AND v.weight IS NOT NULL`;

const INSERT_SETS = `
  INSERT INTO public.training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe, recorded_at)
  SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::smallint[], $4::real[], $5::smallint[], $6::timestamptz[])`;

const COMPLETE_SESSIONS = `
  UPDATE public.modular_training_session s SET completed = true
  FROM public.modular_training_week w
  WHERE s.week_id = w.id AND w.plan_id = $1 AND w.week_number = $2`;

/** Writes the week as the app would: the loads picked, every set, the sessions marked done. */
export async function writeLoggedWeek(
  pool: pg.Pool,
  planId: string,
  weekNumber: number,
  logs: readonly DemoRowLog[],
): Promise<void> {
  const sets = logs.flatMap((l) => l.sets);
  await withTransaction(pool, async (client) => {
    await client.query(SET_LOADS, [logs.map((l) => l.rowId), logs.map((l) => l.startingLoadKg)]);
    await client.query(INSERT_SETS, [
      sets.map((s) => s.exerciseRowId),
      sets.map((s) => s.setNo),
      sets.map((s) => s.repsDone),
      sets.map((s) => s.weightKg),
      sets.map((s) => s.rpe),
      sets.map((s) => s.recordedAt),
    ]);
    await client.query(COMPLETE_SESSIONS, [planId, weekNumber]);
  });
}

export interface SideBySideRow {
  dayLabel: string;
  dayOfWeek: number;
  before: { date: string; sets: number; reps: string; weight: number | null };
  /** Reps of each logged set in order, and the heaviest load they were lifted with. */
  logged: { reps: number[]; weightKg: number | null };
  /** The week 2 row the rollover made from it; null when there is none (not rolled over yet). */
  after: {
    date: string;
    sets: number;
    reps: string;
    weight: number | null;
    missStreak: number;
    /** The rollover's one line (progress_reason); null on rows rolled before it was written. */
    reason?: string | null;
    /** The rollover marked the row for a swap (joint pain logged on its muscle). */
    swapSuggested?: boolean;
  } | null;
  order: number | null;
  name: string;
}

const SIDE_BY_SIDE = `
  WITH next_rows AS (
    SELECT e.carried_from_id, s.session_date, e.sets, e.reps, e.weight, e.miss_streak, e.progress_reason,
           e.swap_suggested
    FROM public.modular_training_week w
    JOIN public.modular_training_session s ON s.week_id = w.id
    JOIN public.modular_training_exercise e ON e.session_id = s.id
    WHERE w.plan_id = $1 AND w.week_number = $2 + 1
  )
  SELECT s.day_label AS "dayLabel", s.day_of_week AS "dayOfWeek", e.order_in_session AS "order",
         e.exercise_name AS name,
         s.session_date AS "date1", e.sets AS "sets1", e.reps AS "reps1", e.weight AS "weight1",
         n.session_date AS "date2", n.sets AS "sets2", n.reps AS "reps2", n.weight AS "weight2",
         n.miss_streak AS "missStreak2", n.progress_reason AS "reason2", n.swap_suggested AS "swap2",
         coalesce((SELECT array_agg(t.reps_done::int ORDER BY t.set_no) FROM public.training_set t
                   WHERE t.exercise_row_id = e.id), '{}') AS "loggedReps",
         (SELECT max(t.weight_kg) FROM public.training_set t WHERE t.exercise_row_id = e.id) AS "loggedKg"
  FROM public.modular_training_week w
  JOIN public.modular_training_session s ON s.week_id = w.id
  JOIN public.modular_training_exercise e ON e.session_id = s.id
  LEFT JOIN next_rows n ON n.carried_from_id = e.id
  WHERE w.plan_id = $1 AND w.week_number = $2
  ORDER BY s.session_date, s.session_number, e.order_in_session, e.display_order, e.id`;

/** Week `weekNumber` of the plan beside the week after it, row by row. */
export async function sideBySide(
  pool: pg.Pool,
  planId: string,
  weekNumber: number,
): Promise<SideBySideRow[]> {
  const { rows } = await pool.query(SIDE_BY_SIDE, [planId, weekNumber]);
  return rows.map((r) => ({
    dayLabel: r.dayLabel,
    dayOfWeek: r.dayOfWeek,
    order: r.order,
    name: r.name,
    before: { date: r.date1, sets: r.sets1, reps: r.reps1, weight: r.weight1 },
    logged: { reps: r.loggedReps, weightKg: r.loggedKg },
    after:
      r.sets2 === null
        ? null
        : {
            date: r.date2,
            sets: r.sets2,
            reps: r.reps2,
            weight: r.weight2,
            missStreak: r.missStreak2,
            reason: r.reason2,
            swapSuggested: r.swap2 === true,
          },
  }));
}

export interface WeekPlace {
  weekNumber: number;
  mesocycle: number;
  mesocycleWeek: number;
  isDeload: boolean;
  recoveryMuscles: string[];
}

/** Where weeks `from`..`to` of the plan stand in their mesocycles. */
export async function weekPlaces(
  pool: pg.Pool,
  planId: string,
  from: number,
  to: number,
): Promise<WeekPlace[]> {
  const { rows } = await pool.query<WeekPlace>(
    `SELECT week_number AS "weekNumber", mesocycle, mesocycle_week AS "mesocycleWeek", is_deload AS "isDeload",
            recovery_muscles AS "recoveryMuscles"
     FROM public.modular_training_week WHERE plan_id = $1 AND week_number BETWEEN $2 AND $3 ORDER BY week_number`,
    [planId, from, to],
  );
  return rows;
}
