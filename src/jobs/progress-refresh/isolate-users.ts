// One tenant's failure never stops the sweep or the nightly rebuild for the others (docs/progress.md,
// "A user whose refresh fails"): a failed batch of users is split in halves until the failing users
// stand alone; each one is set aside (recorded in progress_refresh_failure with a retry time,
// counted in /metrics, told to the caller, who logs it) and the rest of the batch is refreshed.
import type pg from "pg";
import { isDataFailure } from "../../db/data-failure.ts";
import {
  clearRefreshFailures,
  recordRefreshFailure,
  type SetAside,
} from "../../db/queries/progress-failures.ts";
import { progressRefreshUserFailures } from "../../metrics/process-metrics.ts";

/** Records one user's failed refresh and counts it in /metrics by `mode`. */
export async function setUserAside(
  pool: pg.Pool,
  userId: string,
  error: unknown,
  mode: string,
): Promise<SetAside> {
  const failure = await recordRefreshFailure(pool, userId, error);
  progressRefreshUserFailures.inc({ mode });
  return failure;
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
      onSetAside(await setUserAside(pool, users[0] as string, error, mode));
      return [];
    }
    const half = Math.ceil(users.length / 2);
    const left = await runIsolatingUsers(pool, users.slice(0, half), mode, run, onSetAside);
    const right = await runIsolatingUsers(pool, users.slice(half), mode, run, onSetAside);
    return [...left, ...right];
  }
}
