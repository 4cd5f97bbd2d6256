// The worker's entry point: config -> database (embedded when DATABASE_URL is unset) -> migrate
// (MIGRATE_ON_START; otherwise check the schema is current and refuse to start when it is not)
// -> pg-boss and every queue -> wait for a signal. The first SIGTERM/SIGINT drains: no new work,
// running jobs get SHUTDOWN_TIMEOUT_MS to finish, then pools close and the embedded database
// stops last. A signal during start-up lets start-up finish and then shuts down the same way. The
// same signal again within a second is the same request (a terminal's Ctrl-C reaches npm and this
// process at once, and npm forwards it again a few ms later; a supervisor's SIGTERM to the process
// group does the same); a later second signal forces the exit. The embedded server runs in a
// process group of its own (src/db/embedded-server-process.ts), so no terminal signal stops it
// before the drain. A setting that cannot work (a bad value, the embedded port held by another
// program) exits 2 with one line on stderr. The ops HTTP server (src/http/) listens from the
// start, reports not ready from the first signal on, before the drain, and closes just before the
// database stops.
import { ConfigError, loadConfigOrExit } from "./config.ts";
import { expectConnectionLoss } from "./db/connection-outage.ts";
import { type DatabaseHandle, openDatabase } from "./db/database.ts";
import { migrateDatabase } from "./db/migrate.ts";
import { assertSchemaCurrent, SchemaNotCurrentError } from "./db/schema-status.ts";
import { HttpBindError } from "./http/listen.ts";
import { type OpsService, startOpsService } from "./http/ops-server.ts";
import { Readiness } from "./http/readiness.ts";
import { createLogger } from "./logger.ts";
import { type RunningWorker, startWorker } from "./worker.ts";

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL);

// Installed before anything starts, so no signal ever finds the default handler (which would
// kill the process and leave an embedded server running).
let database: DatabaseHandle | undefined;
const readiness = new Readiness();
/** A repeat of the first signal within this long is the same request, not a second one. */
const SAME_REQUEST_MS = 1_000;
let firstSignal: { signal: string; at: number } | undefined;
const signalled = new Promise<string>((resolve) => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (firstSignal) {
        if (signal === firstSignal.signal && Date.now() - firstSignal.at < SAME_REQUEST_MS) {
          logger.debug({ signal }, "same signal again within a second: already shutting down");
          return;
        }
        logger.warn({ signal }, "second signal: forcing exit");
        expectConnectionLoss();
        void Promise.race([database?.stop(), new Promise((r) => setTimeout(r, 2_000))]).then(() =>
          process.exit(1),
        );
        return;
      }
      firstSignal = { signal, at: Date.now() };
      readiness.markDraining(); // /readyz answers 503 from here, before the drain starts
      resolve(signal);
    });
  }
});

let ops: OpsService;
try {
  ops = await startOpsService({ config, logger, readiness });
} catch (error) {
  if (!(error instanceof HttpBindError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

let worker: RunningWorker | undefined;
try {
  database = await openDatabase(config, logger);
  // The migrator's advisory lock needs a session: the direct URL (src/db/database.ts).
  if (config.MIGRATE_ON_START) await migrateDatabase(database.directUrl, logger);
  else await assertSchemaCurrent(database.url);
  worker = await startWorker({ url: database.url, directUrl: database.directUrl, config, logger });
  ops.attach({ pool: worker.deps.pool, databaseUrl: database.url });
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  const oneLine = error instanceof SchemaNotCurrentError || error instanceof ConfigError;
  if (oneLine) process.stderr.write(`${(error as Error).message}\n`);
  await worker?.stop(0).catch(() => {});
  await ops.close();
  await database?.stop();
  process.exit(error instanceof ConfigError ? 2 : 1);
}

const signal = await signalled;
logger.info({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, "shutting down: draining running jobs");
try {
  await worker.stop(config.SHUTDOWN_TIMEOUT_MS);
} catch (error) {
  logger.error({ err: error }, "error while stopping the worker");
  process.exitCode = 1;
}
await ops.close();
expectConnectionLoss();
await database.stop();
logger.info("bye");
