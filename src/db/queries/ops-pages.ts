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
