// The SQL of setting aside a user whose progress refresh fails (docs/progress.md, "A user whose
// refresh fails"): progress_refresh_failure records the failure with a retry time that backs off;
// the sweep skips the user until then (progress-refresh.ts). Splitting a failed batch until the
// failing users stand alone is the job's (src/jobs/progress-refresh/isolate-users.ts).
import type pg from "pg";

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

/** Records one user's failed refresh; returns what was recorded. */
export async function recordRefreshFailure(pool: pg.Pool, userId: string, error: unknown): Promise<SetAside> {
  const text = describe(error);
  const { rows } = await pool.query<{ failures: number; retry_at: Date }>(RECORD_FAILURE, [
    userId,
    text,
    RETRY_FIRST_SECONDS,
    RETRY_MAX_SECONDS,
  ]);
  return { userId, failures: rows[0]?.failures ?? 1, retryAt: rows[0]?.retry_at ?? new Date(), error: text };
}

/** Forgets the failures of users whose refresh has now succeeded. */
export async function clearRefreshFailures(pool: pg.Pool, userIds: readonly string[]): Promise<void> {
  if (userIds.length > 0) await pool.query(CLEAR_FAILURES, [userIds]);
}
