// The progress refresh: the set-based SQL functions of src/db/queries/progress-refresh.ts called
// for one user, for the marked users in batches (the sweep), or for every user in batches of users
// (the rebuild; docs/progress.md). The job and the CLI both use refreshProgress, so
// `progress refresh` does exactly what `progress.refresh` does.
import type pg from "pg";
import { isDataFailure } from "../../db/data-failure.ts";
import { clearRefreshFailures, type SetAside } from "../../db/queries/progress-failures.ts";
import {
  type CountsRow,
  listProgressUsers,
  rebuildProgress,
  refreshMarkedProgress,
  usersWithOldestMarks,
} from "../../db/queries/progress-refresh.ts";
import { JobStoppedError } from "../runtime.ts";
import { runIsolatingUsers, setUserAside } from "./isolate-users.ts";

export interface RefreshOptions {
  /** Only this user's marks (or, with `full`, only this user's rows). */
  userId?: string;
  /** Rebuild from the sets instead of recomputing the marked keys. */
  full?: boolean;
  /** Told of each user whose refresh failed and who was set aside (the job logs them). */
  onSetAside?: (failure: SetAside) => void;
  /** Once aborted (the worker stops), no new batch starts (rebuildProgressByUser, the sweep). */
  signal?: AbortSignal;
}

export interface RefreshCounts {
  /** full: every row rebuilt; user-full: one user rebuilt; user: one user's marks; sweep: every user's marks. */
  mode: "full" | "user-full" | "user" | "sweep";
  users: number;
  /** Marks drained from progress_dirty. */
  marks: number;
  /** (user, exercise, week) keys recomputed (full: rows that differed and were written or deleted). */
  exerciseWeeks: number;
  /** (user, week) pairs of the muscle table recomputed (full: rows written or deleted). */
  muscleWeeks: number;
  /** (user, exercise) pairs whose records were recomputed (full: rows written or deleted). */
  records: number;
  /** Users whose refresh failed and who were set aside, to be retried later (progress-failures.ts). */
  setAside: number;
  ms: number;
}

/** Users per sweep transaction: bounds one transaction's locks and rows. */
export const SWEEP_BATCH_USERS = 500;
/** A sweep stops after this many batches; marks still left wait for the next job or sweep. */
const SWEEP_MAX_BATCHES = 100;

/** Sums the counts rows of several statements; `result` says what was done, and how long it took. */
function countsTally() {
  const started = performance.now();
  const total: CountsRow = { users: 0, marks: 0, exercise_weeks: 0, muscle_weeks: 0, records: 0 };
  let setAside = 0;
  return {
    setAside(): void {
      setAside += 1;
    },
    add(row: CountsRow | undefined): void {
      if (!row) return;
      for (const key of Object.keys(total) as (keyof CountsRow)[]) total[key] += row[key];
    },
    result(mode: RefreshCounts["mode"]): RefreshCounts {
      return {
        mode,
        users: total.users,
        marks: total.marks,
        exerciseWeeks: total.exercise_weeks,
        muscleWeeks: total.muscle_weeks,
        records: total.records,
        setAside,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
    },
  };
}

export async function refreshProgress(pool: pg.Pool, options: RefreshOptions = {}): Promise<RefreshCounts> {
  // Everyone: in batches of users, two at a time (rebuildProgressByUser).
  if (options.full && !options.userId)
    return rebuildProgressByUser(pool, { onSetAside: options.onSetAside, signal: options.signal });
  const tally = countsTally();
  const { add, result } = tally;
  const setAside = (failure: SetAside) => {
    tally.setAside();
    options.onSetAside?.(failure);
  };
  let mode: RefreshCounts["mode"];
  if (options.userId) {
    // One user's job: a failure is recorded (so the sweep waits for retry_at too) and thrown, so
    // pg-boss retries the job with its backoff; a success forgets earlier failures.
    mode = options.full ? "user-full" : "user";
    const userId = options.userId;
    try {
      add(await (options.full ? rebuildProgress : refreshMarkedProgress)(pool, [userId]));
    } catch (error) {
      if (isDataFailure(error)) setAside(await setUserAside(pool, userId, error, "user"));
      throw error;
    }
    await clearRefreshFailures(pool, [userId]);
  } else {
    mode = "sweep";
    // A sweep stopped early leaves its marks for the next sweep: nothing to fail or retry.
    for (let batch = 0; batch < SWEEP_MAX_BATCHES && !options.signal?.aborted; batch++) {
      const dirty = await usersWithOldestMarks(pool, SWEEP_BATCH_USERS);
      if (dirty.length === 0) break;
      await runIsolatingUsers(
        pool,
        dirty,
        "sweep",
        async (users) => add(await refreshMarkedProgress(pool, users)),
        setAside,
      );
      if (dirty.length < SWEEP_BATCH_USERS) break;
    }
  }
  return result(mode);
}

/** Users per rebuild transaction in rebuildProgressByUser: bounds one transaction's locks and rows. */
export const REBUILD_BATCH_USERS = 500;
/** Rebuild transactions in flight at once: the work is per user, so each uses a core of its own. */
export const REBUILD_CONCURRENCY = 2;

/**
 * Runs `run` on `users` in batches of `batchUsers`, in order, `concurrency` batches at a time.
 * After a failure no new batch starts, and every running one settles before the first failure is
 * thrown: no batch is left running behind it. Likewise once `signal` aborts: then, with users
 * left, it throws JobStoppedError.
 */
export async function inUserBatches(
  users: readonly string[],
  opts: { batchUsers?: number; concurrency?: number; signal?: AbortSignal },
  run: (batch: string[]) => Promise<void>,
): Promise<void> {
  const batchUsers = opts.batchUsers ?? REBUILD_BATCH_USERS;
  let next = 0;
  let failed = false;
  const lane = async () => {
    try {
      while (!failed && !opts.signal?.aborted && next < users.length) {
        const batch = users.slice(next, next + batchUsers);
        next += batch.length;
        await run(batch);
      }
    } catch (error) {
      failed = true; // the other lanes start no new batch
      throw error;
    }
  };
  const lanes = Math.max(1, opts.concurrency ?? REBUILD_CONCURRENCY);
  const settled = await Promise.allSettled(Array.from({ length: lanes }, lane));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) throw failure.reason;
  if (next < users.length) {
    throw new JobStoppedError(
      `stopped between batches with ${users.length - next} of ${users.length} users left; the next run does them`,
    );
  }
}

/**
 * The rebuild of every user as the nightly job and `progress refresh --full` run it: the same
 * progress_rebuild, called for batches of users, `concurrency` batches at a time on connections
 * of their own (inUserBatches). Each batch is its own short transaction locking only its users (as
 * a `{ userId, full }` job does), so refreshes of other users go on meanwhile, and sets written
 * during the rebuild leave marks that the batch drains or that stay for the next refresh.
 * `onBatch` gets the users done so far.
 */
export async function rebuildProgressByUser(
  pool: pg.Pool,
  opts: {
    batchUsers?: number;
    concurrency?: number;
    signal?: AbortSignal;
    onStart?: (users: number) => void;
    onBatch?: (done: number) => void;
    onSetAside?: (failure: SetAside) => void;
  } = {},
): Promise<RefreshCounts> {
  const tally = countsTally();
  const { add, result } = tally;
  const users = await listProgressUsers(pool);
  opts.onStart?.(users.length);
  let done = 0;
  await inUserBatches(users, opts, async (batch) => {
    // A batch that fails on one user's data is split until that user stands alone and is set
    // aside; the rest of the batch, and every later batch, is rebuilt (progress-failures.ts).
    await runIsolatingUsers(
      pool,
      batch,
      "full",
      async (part) => add(await rebuildProgress(pool, part)),
      (failure) => {
        tally.setAside();
        opts.onSetAside?.(failure);
      },
    );
    done += batch.length;
    opts.onBatch?.(done);
  });
  return result("full");
}
