import type { QueueOptions, WorkOptions } from "pg-boss";
import { QUEUE_HEARTBEAT_SECONDS } from "../../boss.ts";
import type { Config } from "../../config.ts";
import { PLAN_GENERATE_QUEUE } from "../../db/queries/queues.ts";
import { deadLetterQueueOf } from "../runtime.ts";

export { PLAN_GENERATE_QUEUE };
/** Where pg-boss moves a plan.generate job that failed for good (retries spent, expired, deadletter). */
export const PLAN_DEAD_LETTER_QUEUE = deadLetterQueueOf(PLAN_GENERATE_QUEUE);

/**
 * Generation takes milliseconds. A worker that dies (SIGKILL, lost connection) stops its jobs'
 * heartbeat, and pg-boss retries them within about 15 s (src/boss.ts); the one-minute expiry
 * bounds a job whose worker lives but hangs. Transient failures (database gone) back off 2, 4,
 * 8 s... up to a minute; bad requests never retry (dead letter). `notify` wakes idle workers at
 * once. A job run twice writes one plan: its request key is unique (handler.ts).
 */
export const PLAN_QUEUE_OPTIONS: QueueOptions & { notify: boolean } = {
  retryLimit: 4,
  retryDelay: 2,
  retryBackoff: true,
  retryDelayMax: 60,
  expireInSeconds: 60,
  heartbeatSeconds: QUEUE_HEARTBEAT_SECONDS,
  retentionSeconds: 7 * 86_400,
  deleteAfterSeconds: 7 * 86_400,
  notify: true,
};

/**
 * Throughput: full batches fetch again at once (burst); an idle worker waits for NOTIFY, and
 * polls every 2 s for retries that come due.
 */
export function planWorkOptions(config: Pick<Config, "PLAN_BATCH_SIZE" | "PLAN_LOCAL_CONCURRENCY">) {
  return {
    batchSize: config.PLAN_BATCH_SIZE,
    localConcurrency: config.PLAN_LOCAL_CONCURRENCY,
    pollingIntervalSeconds: 0.5,
    // NOTIFY wakes a worker for new jobs, but not for a retry coming due (a dead worker's job after
    // its heartbeat timed out): with notify on, pg-boss polls only every 30 s unless told, which made
    // recovery take 30 s. 2 s keeps a retry's pickup short (docs/jobs.md, "Recovery").
    notifyPollingIntervalSeconds: 2,
    burstWhenBatchFull: true,
  } satisfies WorkOptions;
}
