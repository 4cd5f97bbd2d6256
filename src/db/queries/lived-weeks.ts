// The SQL of a lived plan (`demo --weeks N`, scripts/mesocycle-tables.ts): a week's rows as a
// modelled lifter reads them, the lifter's week written as the app would (loads picked, sets
// logged, one feedback line per muscle, sessions done) in one transaction, and every week of the
// plan with its rows and their best logged set, for the tables side by side.
import type pg from "pg";
import { withTransaction } from "../transaction.ts";

export interface LivedRow {
  id: string;
  exerciseKey: string;
  exerciseName: string;
  sessionId: string;
  sessionDate: string;
  muscleGroup: string | null;
  sets: number;
  reps: string;
  rir: number | null;
  weight: number | null;
  equipment: string | null;
  tier: string | null;
}

const WEEK_ROWS = `
  SELECT e.id, coalesce(e.exercise_id, e.exercise_name) AS "exerciseKey", e.exercise_name AS "exerciseName",
         s.id AS "sessionId", s.session_date::text AS "sessionDate", e.muscle_group AS "muscleGroup",
         e.sets, e.reps, e.rir, e.weight, e.equipment, e.tier
  FROM public.modular_training_week w
  JOIN public.modular_training_session s ON s.week_id = w.id
  JOIN public.modular_training_exercise e ON e.session_id = s.id
  WHERE w.plan_id = $1 AND w.week_number = $2
  ORDER BY s.session_date, s.session_number, e.order_in_session, e.display_order, e.id`;

/** The rows of week `weekNumber` of the plan, in session and row order. */
export async function livedWeekRows(pool: pg.Pool, planId: string, weekNumber: number): Promise<LivedRow[]> {
  const { rows } = await pool.query<LivedRow>(WEEK_ROWS, [planId, weekNumber]);
  return rows;
}

const SET_LOADS = `
  UPDATE public.modular_training_exercise e SET weight = v.weight
  FROM unnest($1::uuid[], $2::real[]) AS v(id, weight)
  WHERE e.id = v.id`;

const INSERT_SETS = `
  INSERT INTO public.training_set (exercise_row_id, user_id, set_no, reps_done, weight_kg, rpe, recorded_at)
  SELECT v.row_id, e.user_id, v.set_no, v.reps, v.kg, v.rpe, v.at
  FROM unnest($1::uuid[], $2::smallint[], $3::smallint[], $4::real[], $5::smallint[], $6::timestamptz[])
    AS v(row_id, set_no, reps, kg, rpe, at)
  JOIN public.modular_training_exercise e ON e.id = v.row_id`;

// The owner column is the session's owner: the worker writes as the service, not as the user.
const INSERT_FEEDBACK = `
  INSERT INTO public.muscle_feedback (session_id, user_id, muscle_group, soreness, pump, joint_pain)
  SELECT v.session_id, s.user_id, v.muscle, v.soreness, v.pump, v.joint_pain
  FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::smallint[], $5::boolean[])
    AS v(session_id, muscle, soreness, pump, joint_pain)
  JOIN public.modular_training_session s ON s.id = v.session_id
  ON CONFLICT (session_id, muscle_group) DO NOTHING`;

const COMPLETE_SESSIONS = `
  UPDATE public.modular_training_session s SET completed = true
  FROM public.modular_training_week w
  WHERE s.week_id = w.id AND w.plan_id = $1 AND w.week_number = $2`;

/** A set as the lifter logs it (a `training_set` row). */
export interface LivedSet {
  exerciseRowId: string;
  setNo: number;
  repsDone: number;
  weightKg: number;
  rpe: number;
  recordedAt: Date;
}

/** A `muscle_feedback` row as the app writes it. */
export interface LivedFeedback {
  sessionId: string;
  muscleGroup: string;
  soreness: number;
  pump: number;
  jointPain: boolean;
}

export interface LivedWeekLog {
  loads: readonly { rowId: string; weightKg: number }[];
  sets: readonly LivedSet[];
  feedback: readonly LivedFeedback[];
}

/** Writes the lifter's week as the app would, in one transaction. */
export async function writeLivedWeek(
  pool: pg.Pool,
  planId: string,
  weekNumber: number,
  log: LivedWeekLog,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query(SET_LOADS, [log.loads.map((l) => l.rowId), log.loads.map((l) => l.weightKg)]);
    await client.query(INSERT_SETS, [
      log.sets.map((s) => s.exerciseRowId),
      log.sets.map((s) => s.setNo),
      log.sets.map((s) => s.repsDone),
      log.sets.map((s) => s.weightKg),
      log.sets.map((s) => s.rpe),
      log.sets.map((s) => s.recordedAt),
    ]);
    await client.query(INSERT_FEEDBACK, [
      log.feedback.map((f) => f.sessionId),
      log.feedback.map((f) => f.muscleGroup),
      log.feedback.map((f) => f.soreness),
      log.feedback.map((f) => f.pump),
      log.feedback.map((f) => f.jointPain),
    ]);
    await client.query(COMPLETE_SESSIONS, [planId, weekNumber]);
  });
}

export interface LivedWeek {
  weekNumber: number;
  weekStart: string;
  mesocycle: number;
  mesocycleWeek: number;
  isDeload: boolean;
  recoveryMuscles: string[];
  rows: {
    exerciseKey: string;
    name: string;
    muscleGroup: string | null;
    tier: string | null;
    sets: number;
    reps: string;
    rir: number | null;
    weight: number | null;
    reason: string | null;
    swapSuggested: boolean;
    /** The logged set with the most reps x load; null when nothing was logged. */
    best: { kg: number; reps: number; rpe: number | null } | null;
  }[];
}

const PLAN_WEEKS = `
  SELECT w.week_number, w.week_start::text AS week_start, w.mesocycle, w.mesocycle_week, w.is_deload,
         w.recovery_muscles, coalesce(e.exercise_id, e.exercise_name) AS exercise_key, e.exercise_name,
         e.muscle_group, e.tier, e.sets, e.reps, e.rir, e.weight, e.progress_reason, e.swap_suggested,
         b.weight_kg AS best_kg, b.reps_done AS best_reps, b.rpe AS best_rpe
  FROM public.modular_training_week w
  JOIN public.modular_training_session s ON s.week_id = w.id
  JOIN public.modular_training_exercise e ON e.session_id = s.id
  LEFT JOIN LATERAL (
    SELECT t.weight_kg, t.reps_done, t.rpe FROM public.training_set t
    WHERE t.exercise_row_id = e.id
    ORDER BY t.weight_kg * t.reps_done DESC, t.set_no LIMIT 1
  ) b ON true
  WHERE w.plan_id = $1
  ORDER BY w.week_number, s.session_date, s.session_number, e.order_in_session, e.display_order, e.id`;

/** Every week of the plan with its rows, oldest first. */
export async function livedWeeks(pool: pg.Pool, planId: string): Promise<LivedWeek[]> {
  const { rows } = await pool.query<{
    week_number: number;
    week_start: string;
    mesocycle: number;
    mesocycle_week: number;
    is_deload: boolean;
    recovery_muscles: string[];
    exercise_key: string;
    exercise_name: string;
    muscle_group: string | null;
    tier: string | null;
    sets: number;
    reps: string;
    rir: number | null;
    weight: number | null;
    progress_reason: string | null;
    swap_suggested: boolean;
    best_kg: number | null;
    best_reps: number | null;
    best_rpe: number | null;
  }>(PLAN_WEEKS, [planId]);
  const weeks: LivedWeek[] = [];
  for (const r of rows) {
    let week = weeks.at(-1);
    if (week?.weekNumber !== r.week_number) {
      week = {
        weekNumber: r.week_number,
        weekStart: r.week_start,
        mesocycle: r.mesocycle,
        mesocycleWeek: r.mesocycle_week,
        isDeload: r.is_deload,
        recoveryMuscles: r.recovery_muscles,
        rows: [],
      };
      weeks.push(week);
    }
    week.rows.push({
      exerciseKey: r.exercise_key,
      name: r.exercise_name,
      muscleGroup: r.muscle_group,
      tier: r.tier,
      sets: r.sets,
      reps: r.reps,
      rir: r.rir,
      weight: r.weight,
      reason: r.progress_reason,
      swapSuggested: r.swap_suggested,
      best:
        r.best_kg === null || r.best_reps === null
          ? null
          : { kg: r.best_kg, reps: r.best_reps, rpe: r.best_rpe },
    });
  }
  return weeks;
}
