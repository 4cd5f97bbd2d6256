// Setting aside a user whose progress refresh fails, so one tenant's failure never stops the
// sweep or the nightly rebuild for the others (docs/progress.md, "A user whose refresh fails").
// A failed batch of users is split in halves until the failing users stand alone; each one is
// recorded in progress_refresh_failure (the sweep skips them until retry_at, which backs off),
// logged, and counted in /metrics; the rest of the batch is refreshed as usual.
import type pg from "pg";
import { progressRefreshUserFailures } from "../../metrics/process-metrics.ts";
import { isDataFailure } from "../data-failure.ts";

/** First retry five minutes after a failure, doubling with each further one, at most a day. */
const RETRY_FIRST_SECONDS = 300;
const RETRY_MAX_SECONDS = 86_400;

const RECORD_FAILURE = `
  INSERT INTO public.progress_refresh_failure AS f (user_id, failures, last_error, failed_at, retry_at)
  VALUES ($1, 1, $2, now(), now() + make_interval(secs => $3))
  ON CONFLICT (user_id) DO UPDATE
    SET failures = f.failures + 1, last_error = excluded.last_error, failed_at = now(),
        retry_at = now() + make_interval(secs => least($4::float8, $3::float8 * power(2, f.failures)))
  RETURNING failures, retry_at`;

const CLEAR_FAILURES = `DELETE FROM public.progress_refresh_failure WHERE user_id = ANY ($1::uuid[])`;

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return `${e.code ?? "?"}: ${String(e.message ?? error)}`.slice(0, 500);
}

export interface SetAside {
  userId: string;
  failures: number;
  retryAt: Date;
  error: string;
}

/** Records one user's failed refresh and counts it; returns what was recorded. */
export async function recordRefreshFailure(
  pool: pg.Pool,
  userId: string,
  error: unknown,
  mode: string,
): Promise<SetAside> {
  const text = describe(error);
  const { rows } = await pool.query<{ failures: number; retry_at: Date }>(RECORD_FAILURE, [
    userId,
    text,
    RETRY_FIRST_SECONDS,
    RETRY_MAX_SECONDS,
  ]);
  progressRefreshUserFailures.inc({ mode });
  return { userId, failures: rows[0]?.failures ?? 1, retryAt: rows[0]?.retry_at ?? new Date(), error: text };
}

/** Forgets the failures of users whose refresh has now succeeded. */
export async function clearRefreshFailures(pool: pg.Pool, userIds: readonly string[]): Promise<void> {
  if (userIds.length > 0) await pool.query(CLEAR_FAILURES, [userIds]);
}

/**
 * Runs `run` on `users`; when it fails on the data, runs it on each half, and so on down to single
 * users, who are then set aside (recorded, counted, passed to `onSetAside`) while everyone else is
 * done. A failure that is not the data's (isDataFailure) is thrown at once. Returns the users
 * that were done.
 */
export async function runIsolatingUsers(
  pool: pg.Pool,
  users: readonly string[],
  mode: string,
  run: (batch: string[]) => Promise<void>,
  onSetAside: (failure: SetAside) => void,
): Promise<string[]> {
  if (users.length === 0) return [];
  try {
    await run([...users]);
    await clearRefreshFailures(pool, users);
    return [...users];
  } catch (error) {
    if (!isDataFailure(error)) throw error;
    if (users.length === 1) {
      onSetAside(await recordRefreshFailure(pool, users[0] as string, error, mode));
      return [];
    }
    const half = Math.ceil(users.length / 2);
    const left = await runIsolatingUsers(pool, users.slice(0, half), mode, run, onSetAside);
    const right = await runIsolatingUsers(pool, users.slice(half), mode, run, onSetAside);
    return [...left, ...right];
  }
}
