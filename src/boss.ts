import pg from "pg";
import { PgBoss } from "pg-boss";
import { isConnectionError, reportConnectionError } from "./db/connection-outage.ts";
import type { Logger } from "./logger.ts";

export const BOSS_SCHEMA = "pgboss";

/**
 * The name each kind of process registers in pg-boss's instance table (`pgboss.instance`, read
 * with boss.getInstances()), so a process can tell a running worker from a CLI beside it.
 */
export const INSTANCE_NAMES = { worker: "training-engine-worker", cli: "training-engine-cli" } as const;

/**
 * How often pg-boss's supervisor looks for jobs whose heartbeat stopped (a killed worker, a lost
 * connection) and fails them into their retry. A job's worker refreshes its heartbeat every
 * heartbeatSeconds / 2 (QUEUE_HEARTBEAT_SECONDS, 10 s); the supervisor fails it once the
 * heartbeat is heartbeatSeconds old, on its next pass. So a dead worker's job is retried within
 * about 10 + 5 s plus the queue's retry delay (docs/jobs.md, "Recovery"). Both intervals default to
 * 60 s, which with pg-boss's expiry made recovery take about 150 s. One pass is a few indexed
 * statements; the per-queue claim (monitor_claim_on) keeps several workers from doubling it.
 */
export const SUPERVISE_INTERVAL_SECONDS = 5;

/** Every queue's heartbeat (pg-boss's minimum is 10 s). */
export const QUEUE_HEARTBEAT_SECONDS = 10;

/**
 * The pgboss schema version this code was written for (pg-boss 12.38's `pgboss.schema` in its
 * package.json). enqueue_job (src/db/sql/enqueue_job.sql) writes pg-boss's job rows and NOTIFY
 * itself, because pg-boss has no SQL function that creates a job; a pg-boss whose schema differs
 * may store jobs differently. To upgrade pg-boss: run tests/db/pgboss-coupling.test.ts, bring
 * enqueue_job in line with what it reports, then change this number.
 */
export const PGBOSS_SCHEMA_VERSION = 46;

export class BossSchemaVersionError extends Error {}

/**
 * The pg-boss instance on the application's database, with LISTEN/NOTIFY so notify-enabled
 * queues wake their workers at once (pickup in milliseconds instead of a polling interval,
 * docs/queue-anchors.md), and a supervisor that finds a dead worker's jobs in seconds. Its `error`
 * and `warning` events go to the logger.
 */
export function createBoss(
  connectionString: string,
  logger: Logger,
  opts: { max?: number; createSchema?: boolean; instanceName?: string; listenNotify?: boolean } = {},
): PgBoss {
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    createSchema: opts.createSchema ?? true,
    application_name: "training-engine-boss",
    max: opts.max ?? 10,
    // Off behind a transaction-mode pooler (listenNotify: false), where LISTEN does not hold:
    // notify-enabled queues then poll at their pollingIntervalSeconds (docs/pooler.md).
    useListenNotify: opts.listenNotify ?? true,
    ...(opts.instanceName ? { instanceName: opts.instanceName } : {}),
    superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
    monitorIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
  });
  const log = logger.child({ component: "pg-boss" });
  boss.on("error", (error) => {
    // A lost server makes every pg-boss loop report it: one line per outage (connection-outage.ts).
    if (isConnectionError(error)) reportConnectionError(log, error);
    else log.error({ err: error }, "pg-boss error");
  });
  boss.on("warning", (warning) => log.warn({ warning }, "pg-boss warning"));
  return boss;
}

/** Throws BossSchemaVersionError, one line, unless the pgboss schema is PGBOSS_SCHEMA_VERSION. */
export async function assertBossSchemaVersion(boss: PgBoss): Promise<void> {
  const version = await boss.schemaVersion();
  if (version !== PGBOSS_SCHEMA_VERSION) {
    throw new BossSchemaVersionError(
      `pgboss schema version is ${version ?? "missing"}, this code was written for ${PGBOSS_SCHEMA_VERSION}: ` +
        "enqueue_job writes pg-boss's jobs itself; check it with tests/db/pgboss-coupling.test.ts before changing PGBOSS_SCHEMA_VERSION",
    );
  }
}

/** Whether the pgboss schema exists (pg-boss's own tables in it or not). */
async function bossSchemaExists(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString, application_name: "training-engine-boss" });
  client.on("error", () => {}); // a server that ends the connection fails the query below instead
  await client.connect();
  try {
    const { rows } = await client.query<{ s: string | null }>("SELECT to_regnamespace($1)::text AS s", [
      BOSS_SCHEMA,
    ]);
    return rows[0]?.s != null;
  } finally {
    await client.end();
  }
}

/**
 * createBoss, started (pg-boss creates or migrates its tables), then checked; stopped if the check
 * fails. pg-boss issues CREATE SCHEMA only where the schema is missing: PostgreSQL checks CREATE on
 * the database even for IF NOT EXISTS, and the worker's role (docs/worker-role.sql) owns an
 * existing pgboss schema but may not create schemas.
 */
export async function startBoss(
  connectionString: string,
  logger: Logger,
  opts: { max?: number; instanceName?: string; listenNotify?: boolean } = {},
) {
  const createSchema = !(await bossSchemaExists(connectionString));
  const boss = createBoss(connectionString, logger, { ...opts, createSchema });
  await boss.start();
  try {
    await assertBossSchemaVersion(boss);
  } catch (error) {
    await boss.stop({ graceful: false, close: true });
    throw error;
  }
  return boss;
}
