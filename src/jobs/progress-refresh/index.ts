// progress.refresh: brings the progress tables up to date (docs/contract.md section 2; docs/progress.md).
// Payload { userId?: uuid, full?: boolean }:
//   { userId }        recompute that user's marked (exercise, week) keys (the normal, event-driven job)
//   {}                the sweep: every user's marks (at start, on reconnect, PROGRESS_SWEEP_CRON)
//   { full: true }    rebuild every row from the sets (PROGRESS_REBUILD_CRON, nightly), in batches
//                     of users, two transactions at a time (rebuildProgressByUser)
//   { userId, full }  rebuild one user
// Result: the counts of refreshProgress, and `linearRows`: for { userId }, the rows of the user's
// novice week whose loads the new sets changed (linear-midweek.ts; 0 otherwise).
//
// How a logged set gets here: a trigger on training_set marks progress_dirty and NOTIFYs
// `progress_dirty` with the user id at commit. Each worker LISTENs; the first notification for a
// user opens a window of PROGRESS_DEBOUNCE_SECONDS, and when it closes one job is sent with
// singletonKey = userId. The queue is `stately` (one queued job per key), so a burst of sets (or
// several workers hearing the same NOTIFY) makes one refresh. The marks, not the notifications,
// are the durable record: whatever a stopped or disconnected worker missed, the sweep finds.

import type pg from "pg";
import { z } from "zod";
import { QUEUE_HEARTBEAT_SECONDS } from "../../boss.ts";
import { isConnectionError, reportConnectionError } from "../../db/connection-outage.ts";
import { isDataFailure } from "../../db/data-failure.ts";
import { adjustLinearWeek } from "../../db/queries/linear-midweek.ts";
import { PROGRESS_REFRESH_QUEUE } from "../../db/queries/queues.ts";
import { todayIn } from "../../domain/calendar.ts";
import { guidInput } from "../../domain/uuid.ts";
import { shown } from "../bounds.ts";
import type { JobModule, WorkerDeps } from "../job-module.ts";
import { ensureQueue, type QueueDefinition, workQueue } from "../runtime.ts";
import { type RefreshCounts, refreshProgress } from "./refresh.ts";

export { PROGRESS_REFRESH_QUEUE };
/** The NOTIFY channel the training_set trigger signals (src/db/sql/progress_mark_changed_sets.sql). */
export const PROGRESS_DIRTY_CHANNEL = "progress_dirty";
/** Singleton keys of the jobs that are not one user's. */
export const SWEEP_KEY = "sweep";
const RECONNECT_MS = [500, 1_000, 2_000, 5_000, 10_000] as const;

export const progressRefreshPayload = z.strictObject(
  {
    userId: guidInput({ error: (issue) => `must be a uuid (got ${shown(issue.input)})` }).optional(),
    full: z.boolean({ error: (issue) => `must be true or false (got ${shown(issue.input)})` }).optional(),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type" ? `must be a JSON object (got ${shown(issue.input)})` : undefined,
  },
);

export type ProgressRefreshPayload = z.infer<typeof progressRefreshPayload>;

/** The job's result: the refresh's counts, and the rows of a novice's week it reloaded. */
export type ProgressRefreshResult = RefreshCounts & { linearRows: number };

export function progressRefreshDefinition(
  deps: Pick<WorkerDeps, "pool"> & Partial<Pick<WorkerDeps, "now" | "config">>,
): QueueDefinition<ProgressRefreshPayload, ProgressRefreshResult> {
  return {
    name: PROGRESS_REFRESH_QUEUE,
    queue: {
      // One queued and one active job per singleton key (the user id, or the sweep's key).
      policy: "stately",
      // Idempotent: a failed refresh leaves the marks in place and simply runs again.
      retryLimit: 5,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 300,
      // A full rebuild of 10M sets takes minutes (bench/RESULTS.md); the expiry bounds a hung
      // worker, the heartbeat finds a dead one within seconds.
      expireInSeconds: 1800,
      heartbeatSeconds: QUEUE_HEARTBEAT_SECONDS,
      notify: true,
    },
    // A retry coming due sends no NOTIFY: poll for it every 5 s (pg-boss's default with notify is 30 s).
    work: { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 5 },
    payload: progressRefreshPayload,
    async handle(payload, ctx) {
      const counts = await refreshProgress(deps.pool, {
        ...payload,
        signal: ctx.signal,
        // One user's failure never stops the others' refresh: they are set aside and retried
        // later (src/db/queries/progress-failures.ts); each is logged here.
        onSetAside: (failure) =>
          ctx.logger.warn(
            { ...failure, queue: PROGRESS_REFRESH_QUEUE },
            "progress refresh failed for a user; set aside",
          ),
      });
      // A user's new sets may judge a novice's session: the lift's later sessions this week take
      // their loads from it (linear-midweek.ts). After the refresh, in its own statement: the
      // progress tables are current whether or not it changes anything.
      // Data PostgreSQL refuses (one user's rows) is logged, not retried: the tables are current,
      // and the weekly rollover still writes next week; a failing database throws and retries.
      let linearRows = 0;
      if (payload.userId !== undefined && payload.full !== true) {
        const today = todayIn(deps.config?.ROLLOVER_TZ ?? "UTC", (deps.now ?? (() => new Date()))());
        try {
          linearRows = await adjustLinearWeek(deps.pool, payload.userId, today);
        } catch (error) {
          if (!isDataFailure(error)) throw error;
          ctx.logger.warn(
            { err: error, userId: payload.userId, queue: PROGRESS_REFRESH_QUEUE },
            "a novice's week could not be reloaded from the new sets",
          );
        }
      }
      ctx.logger.info({ ...counts, linearRows }, "progress refreshed");
      return { ...counts, linearRows };
    },
  };
}

/** Sends the sweep job ({}): at most one is queued at a time. */
export async function sendSweep(boss: WorkerDeps["boss"]): Promise<string | null> {
  return boss.send(PROGRESS_REFRESH_QUEUE, {}, { singletonKey: SWEEP_KEY });
}

/**
 * LISTENs on progress_dirty on a connection of its own and sends one job per user per debounce
 * window. Reconnects with backoff after a lost connection, and then sends a sweep for whatever
 * was marked meanwhile. Stops with the pg-boss instance.
 */
export function listenForDirtyUsers(deps: WorkerDeps): { stop(): void } {
  const log = deps.logger.child({ component: "progress-listener" });
  const windowMs = deps.config.PROGRESS_DEBOUNCE_SECONDS * 1000;
  const pending = new Map<string, NodeJS.Timeout>();
  let client: pg.PoolClient | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  let stopped = false;

  const send = (userId: string) => {
    pending.delete(userId);
    deps.boss
      .send(PROGRESS_REFRESH_QUEUE, { userId }, { singletonKey: userId })
      .catch((error: unknown) => log.warn({ err: error, userId }, "could not send progress.refresh"));
  };
  const onNotification = (message: pg.Notification) => {
    const userId = message.payload;
    if (message.channel !== PROGRESS_DIRTY_CHANNEL || !userId || pending.has(userId)) return;
    pending.set(userId, setTimeout(send, windowMs, userId));
  };
  const drop = (c: pg.PoolClient) => {
    c.removeAllListeners("notification");
    c.removeAllListeners("error");
    c.on("error", () => {});
    c.release(true);
    if (client === c) client = undefined;
  };
  const scheduleReconnect = () => {
    if (stopped || reconnectTimer) return;
    const delay = RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)] as number;
    failures += 1;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connect(true);
    }, delay);
  };
  const connect = async (isReconnect: boolean) => {
    let c: pg.PoolClient | undefined;
    try {
      // Behind a transaction-mode pooler a LISTEN on `pool` would go quiet: the direct URL's pool.
      c = await (deps.listenPool ?? deps.pool).connect();
      c.on("notification", onNotification);
      const current = c;
      c.on("error", (error) => {
        if (isConnectionError(error)) reportConnectionError(log, error);
        else log.warn({ err: error }, "progress listener connection lost; reconnecting");
        drop(current);
        scheduleReconnect();
      });
      await c.query("LISTEN progress_dirty");
      if (stopped) {
        drop(c);
        return;
      }
      client = c;
      failures = 0;
      if (isReconnect) await sendSweep(deps.boss);
    } catch (error) {
      if (c) drop(c);
      if (stopped) return;
      if (isConnectionError(error)) reportConnectionError(log, error);
      else log.warn({ err: error }, "progress listener could not LISTEN; retrying");
      scheduleReconnect();
    }
  };

  void connect(false);
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(reconnectTimer);
    // Marks of users still in a window stay in progress_dirty: the next start's sweep takes them.
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
    if (client) drop(client);
  };
  deps.boss.once("stopped", stop);
  return { stop };
}

export const progressRefreshJob: JobModule = {
  queue: PROGRESS_REFRESH_QUEUE,
  async setup(deps) {
    const def = progressRefreshDefinition(deps);
    await ensureQueue(deps.boss, def.name, def.queue);
    // Upserts on (name, key): one row each however many workers run this.
    await deps.boss.schedule(
      PROGRESS_REFRESH_QUEUE,
      deps.config.PROGRESS_REBUILD_CRON,
      { full: true },
      {
        key: "full",
        missed: "once",
      },
    );
    await deps.boss.schedule(PROGRESS_REFRESH_QUEUE, deps.config.PROGRESS_SWEEP_CRON, {}, { key: SWEEP_KEY });
    deps.logger.info(
      {
        queue: PROGRESS_REFRESH_QUEUE,
        rebuildCron: deps.config.PROGRESS_REBUILD_CRON,
        sweepCron: deps.config.PROGRESS_SWEEP_CRON,
      },
      "progress rebuild and sweep scheduled",
    );
  },
  async start(deps) {
    await workQueue(deps.boss, progressRefreshDefinition(deps), deps.logger, deps.stopping);
    listenForDirtyUsers(deps);
    // Marks left while no worker listened (or in a window when the last one stopped).
    await sendSweep(deps.boss);
  },
};
