import { PgBoss } from "pg-boss";
import type { Logger } from "./logger.ts";

export const BOSS_SCHEMA = "pgboss";

/**
 * The name each kind of process registers in pg-boss's instance table (`pgboss.instance`, read
 * with boss.getInstances()), so a process can tell a running worker from a CLI beside it.
 */
export const INSTANCE_NAMES = { worker: "training-engine-worker", cli: "training-engine-cli" } as const;

/**
 * The pg-boss instance on the application's database, with LISTEN/NOTIFY so notify-enabled
 * queues wake their workers at once (pickup in milliseconds instead of a polling interval,
 * docs/queue-anchors.md). Its `error` and `warning` events go to the logger.
 */
export function createBoss(
  connectionString: string,
  logger: Logger,
  opts: { max?: number; instanceName?: string } = {},
): PgBoss {
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    application_name: "training-engine-boss",
    max: opts.max ?? 10,
    useListenNotify: true,
    ...(opts.instanceName ? { instanceName: opts.instanceName } : {}),
  });
  const log = logger.child({ component: "pg-boss" });
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error"));
  boss.on("warning", (warning) => log.warn({ warning }, "pg-boss warning"));
  return boss;
}
