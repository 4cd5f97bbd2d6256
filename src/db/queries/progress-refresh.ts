// The progress refresh's SQL: thin calls of the set-based functions in src/db/sql/
// (progress_rebuild.sql, progress_refresh_marked.sql, progress_users.sql; docs/progress.md). The
// batching, the sweep and the counts are the job's (src/jobs/progress-refresh/refresh.ts).
import type pg from "pg";

/** What progress_rebuild and progress_refresh_marked return: one row of counts. */
export interface CountsRow {
  users: number;
  marks: number;
  exercise_weeks: number;
  muscle_weeks: number;
  records: number;
}

const REBUILD = `SELECT users, marks, exercise_weeks, muscle_weeks, records FROM public.progress_rebuild($1::uuid[])`;
const REFRESH_MARKED = `SELECT users, marks, exercise_weeks, muscle_weeks, records
  FROM public.progress_refresh_marked($1::uuid[])`;
// The oldest marks first, so a user marked long ago is never starved by busy ones. A user set aside
// after a failed refresh waits for its retry_at (progress-failures.ts): their marks, oldest of all,
// would otherwise head every batch and fail it again.
const DIRTY_USERS = `SELECT d.user_id FROM public.progress_dirty d
  WHERE NOT EXISTS (SELECT 1 FROM public.progress_refresh_failure f
                    WHERE f.user_id = d.user_id AND f.retry_at > now())
  GROUP BY d.user_id ORDER BY min(d.marked_at) LIMIT $1`;
// Every user the progress tables know of or could know of, in id order (src/db/sql/progress_users.sql).
const PROGRESS_USERS = `SELECT u AS user_id FROM public.progress_users() u`;

/** Rebuilds these users' progress rows from their sets (progress_rebuild). */
export async function rebuildProgress(
  pool: pg.Pool,
  userIds: readonly string[],
): Promise<CountsRow | undefined> {
  return (await pool.query<CountsRow>(REBUILD, [userIds])).rows[0];
}

/** Recomputes these users' marked keys and drains their marks (progress_refresh_marked). */
export async function refreshMarkedProgress(
  pool: pg.Pool,
  userIds: readonly string[],
): Promise<CountsRow | undefined> {
  return (await pool.query<CountsRow>(REFRESH_MARKED, [userIds])).rows[0];
}

/** Up to `limit` users with marks, the oldest marks first. */
export async function usersWithOldestMarks(pool: pg.Pool, limit: number): Promise<string[]> {
  return (await pool.query<{ user_id: string }>(DIRTY_USERS, [limit])).rows.map((r) => r.user_id);
}

/** The users a rebuild of everyone covers, in id order. */
export async function listProgressUsers(pool: pg.Pool): Promise<string[]> {
  return (await pool.query<{ user_id: string }>(PROGRESS_USERS)).rows.map((r) => r.user_id);
}
