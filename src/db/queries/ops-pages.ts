// What the product's own ops pages read. Values are always bound; limits are small and fixed.
import type pg from "pg";
import type { PlanRequestRow as PlanRequestTableRow } from "../schema/plan-request.ts";

/** A plan_request row as the pages show it: typed from the schema (docs/schema.md, "Drizzle at run time"). */
export type PlanRequestRow = Pick<
  PlanRequestTableRow,
  "id" | "userId" | "status" | "planId" | "error" | "params" | "createdAt" | "finishedAt"
>;

const PLAN_REQUESTS = `
  SELECT r.id, r.user_id, r.status, r.plan_id, r.error, r.params, r.created_at, r.finished_at
  FROM public.plan_request r
  WHERE ($1::text IS NULL OR r.status = $1)
  ORDER BY r.created_at DESC, r.id DESC
  LIMIT $2`;

/** The newest plan requests, all of them or only those with the given status. */
export async function recentPlanRequests(
  pool: pg.Pool,
  opts: { status?: string; limit: number },
): Promise<PlanRequestRow[]> {
  const { rows } = await pool.query<{
    id: string;
    user_id: string;
    status: string;
    plan_id: string | null;
    error: string | null;
    params: unknown;
    created_at: Date;
    finished_at: Date | null;
  }>(PLAN_REQUESTS, [opts.status ?? null, opts.limit]);
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    status: r.status,
    planId: r.plan_id,
    error: r.error,
    params: r.params,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }));
}

/** Counts of plan_request rows by status. */
export async function planRequestCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ status: string; n: number }>(
    "SELECT status, count(*)::int AS n FROM public.plan_request GROUP BY status",
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Users with progress rows, most recently trained first: the progress page's picker. */
export async function usersWithProgress(
  pool: pg.Pool,
  limit: number,
): Promise<{ userId: string; lastWeek: string }[]> {
  const { rows } = await pool.query<{ user_id: string; last_week: string }>(
    `SELECT user_id, max(week_start)::text AS last_week FROM public.progress_exercise_weekly
     GROUP BY user_id ORDER BY max(week_start) DESC, user_id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ userId: r.user_id, lastWeek: r.last_week }));
}

export interface PlanHeader {
  id: string;
  userId: string;
  splitType: string;
  goal: string;
  experience: string;
  status: string;
  weekStart: string;
  deloadEveryWeeks: number | null;
  createdAt: Date;
  weeks: number;
  sessions: number;
  rows: number;
}

const PLAN = `
  SELECT p.id, p.user_id, p.split_type, p.goal_type, p.experience_level, p.status, p.week_start,
         p.deload_every_weeks, p.created_at,
         (SELECT count(*)::int FROM public.modular_training_week w WHERE w.plan_id = p.id) AS weeks,
         (SELECT count(*)::int FROM public.modular_training_week w
            JOIN public.modular_training_session s ON s.week_id = w.id WHERE w.plan_id = p.id) AS sessions,
         (SELECT count(*)::int FROM public.modular_training_week w
            JOIN public.modular_training_session s ON s.week_id = w.id
            JOIN public.modular_training_exercise e ON e.session_id = s.id WHERE w.plan_id = p.id) AS rows
  FROM public.modular_training_plan p
  WHERE p.id = $1`;

/** A plan's header and its counts; null when no plan has this id. */
export async function planHeader(pool: pg.Pool, planId: string): Promise<PlanHeader | null> {
  const { rows } = await pool.query<{
    id: string;
    user_id: string;
    split_type: string;
    goal_type: string;
    experience_level: string;
    status: string;
    week_start: string;
    deload_every_weeks: number | null;
    created_at: Date;
    weeks: number;
    sessions: number;
    rows: number;
  }>(PLAN, [planId]);
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    userId: r.user_id,
    splitType: r.split_type,
    goal: r.goal_type,
    experience: r.experience_level,
    status: r.status,
    weekStart: r.week_start,
    deloadEveryWeeks: r.deload_every_weeks,
    createdAt: r.created_at,
    weeks: r.weeks,
    sessions: r.sessions,
    rows: r.rows,
  };
}

/** One exercise row of a plan as the plan page shows it, with its week and session. */
export interface PlanPageRow {
  weekNumber: number;
  weekStart: string;
  isDeload: boolean;
  /** The week's mesocycle and its week within it (docs/progression.md). */
  mesocycle: number;
  mesocycleWeek: number;
  /** Muscles the rollover gave a recovery session this week. */
  recoveryMuscles: string[];
  weekNotes: string | null;
  sessionId: string;
  sessionDate: string;
  dayLabel: string;
  focusArea: string;
  completed: boolean;
  /** Null for a session without rows. */
  rowId: string | null;
  exercise: string | null;
  tier: string | null;
  sets: number | null;
  reps: string | null;
  weight: number | null;
  /** The load of the row it was carried from (the week before), null for a first week. */
  previousWeight: number | null;
  rir: number | null;
  /** The row's notes: supersets, the warm-up ramp, the lifter's own text. */
  notes: string | null;
  /** The rollover's one-line reason for this week's prescription (progress_reason, docs/progression.md). */
  why: string | null;
  /** The rollover marked the row for a swap (joint pain logged on its muscle). */
  swapSuggested: boolean;
}

// The newest $2 weeks, each week's sessions by date and each session's rows in order. The
// previous load comes from carried_from_id (the row of the week before it was copied from).
const PLAN_ROWS = `
  WITH weeks AS (
    SELECT w.id, w.week_number, w.week_start, w.is_deload, w.mesocycle, w.mesocycle_week,
           w.recovery_muscles, w.notes
    FROM public.modular_training_week w
    WHERE w.plan_id = $1
    ORDER BY w.week_number DESC
    LIMIT $2
  )
  SELECT w.week_number, w.week_start, w.is_deload, w.mesocycle, w.mesocycle_week, w.recovery_muscles,
         w.notes AS week_notes,
         s.id AS session_id, s.session_date, s.day_label, s.focus_area, s.completed,
         e.id AS row_id, e.exercise_name, e.tier, e.sets, e.reps, e.weight, prev.weight AS previous_weight,
         e.rir, e.notes, e.progress_reason, coalesce(e.swap_suggested, false) AS swap_suggested
  FROM weeks w
  JOIN public.modular_training_session s ON s.week_id = w.id
  LEFT JOIN public.modular_training_exercise e ON e.session_id = s.id
  LEFT JOIN public.modular_training_exercise prev ON prev.id = e.carried_from_id
  ORDER BY w.week_number DESC, s.session_date, s.session_number, e.order_in_session NULLS LAST,
           e.display_order NULLS LAST, e.id`;

/** The rows of a plan's newest `weeks` weeks, newest week first. */
export async function planPageRows(pool: pg.Pool, planId: string, weeks: number): Promise<PlanPageRow[]> {
  const { rows } = await pool.query<{
    week_number: number;
    week_start: string;
    is_deload: boolean;
    mesocycle: number;
    mesocycle_week: number;
    recovery_muscles: string[];
    week_notes: string | null;
    session_id: string;
    session_date: string;
    day_label: string;
    focus_area: string;
    completed: boolean;
    row_id: string | null;
    exercise_name: string | null;
    tier: string | null;
    sets: number | null;
    reps: string | null;
    weight: number | null;
    previous_weight: number | null;
    rir: number | null;
    notes: string | null;
    progress_reason: string | null;
    swap_suggested: boolean;
  }>(PLAN_ROWS, [planId, weeks]);
  return rows.map((r) => ({
    weekNumber: r.week_number,
    weekStart: r.week_start,
    isDeload: r.is_deload,
    mesocycle: r.mesocycle,
    mesocycleWeek: r.mesocycle_week,
    recoveryMuscles: r.recovery_muscles,
    weekNotes: r.week_notes,
    sessionId: r.session_id,
    sessionDate: r.session_date,
    dayLabel: r.day_label,
    focusArea: r.focus_area,
    completed: r.completed,
    rowId: r.row_id,
    exercise: r.exercise_name,
    tier: r.tier,
    sets: r.sets,
    reps: r.reps,
    weight: r.weight,
    previousWeight: r.previous_weight,
    rir: r.rir,
    notes: r.notes,
    why: r.progress_reason,
    swapSuggested: r.swap_suggested,
  }));
}

/** A user's plans, newest first: the progress page links each to its plan page. */
export async function plansOfUser(
  pool: pg.Pool,
  userId: string,
  limit: number,
): Promise<{ id: string; status: string; weekStart: string; createdAt: Date }[]> {
  const { rows } = await pool.query<{ id: string; status: string; week_start: string; created_at: Date }>(
    `SELECT id, status, week_start, created_at FROM public.modular_training_plan
     WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [userId, limit],
  );
  return rows.map((r) => ({ id: r.id, status: r.status, weekStart: r.week_start, createdAt: r.created_at }));
}
