import { PgBoss } from "pg-boss";
import type { Logger } from "./logger.ts";

export const BOSS_SCHEMA = "pgboss";

/**
 * How often pg-boss's supervisor looks for jobs whose heartbeat stopped (a killed worker, a lost
 * connection) and fails them into their retry. A job's worker refreshes its heartbeat every
 * heartbeatSeconds / 2 (QUEUE_HEARTBEAT_SECONDS, 10 s); the supervisor fails it once the
 * heartbeat is heartbeatSeconds old, on its next pass. So a dead worker's job is retried within
 * about 10 + 5 s plus the queue's retry delay (README, "Recovery"). Both intervals default to
 * 60 s, which with pg-boss's expiry made recovery take about 150 s. One pass is a few indexed
 * statements; the per-queue claim (monitor_claim_on) keeps several workers from doubling it.
 */
export const SUPERVISE_INTERVAL_SECONDS = 5;

/** Every queue's heartbeat (pg-boss's minimum is 10 s). */
export const QUEUE_HEARTBEAT_SECONDS = 10;

/**
 * The pg-boss instance on the application's database, with LISTEN/NOTIFY so notify-enabled
 * queues wake their workers at once (pickup in milliseconds instead of a polling interval,
 * queue-anchors.md), and a supervisor that finds a dead worker's jobs in seconds. Its `error` and
 * `warning` events go to the logger.
 */
export function createBoss(connectionString: string, logger: Logger, opts: { max?: number } = {}): PgBoss {
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    application_name: "training-engine-boss",
    max: opts.max ?? 10,
    useListenNotify: true,
    superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
    monitorIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
  });
  const log = logger.child({ component: "pg-boss" });
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error"));
  boss.on("warning", (warning) => log.warn({ warning }, "pg-boss warning"));
  return boss;
}
