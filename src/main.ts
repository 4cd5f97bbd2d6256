// The worker's entry point: config -> database (embedded when DATABASE_URL is unset) -> migrate
// -> pg-boss and every queue -> wait for signals. The first SIGTERM/SIGINT drains: no new work,
// running jobs get SHUTDOWN_TIMEOUT_MS to finish, then pools close and the embedded database
// stops last. A second signal forces the exit.
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { migrateDatabase } from "./db/migrate.ts";
import { createLogger } from "./logger.ts";
import { startWorker } from "./worker.ts";

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
})();
const logger = createLogger(config.LOG_LEVEL);
const database = await openDatabase(config, logger);

let shuttingDown = false;
async function shutdown(signal: string, stopWorker?: (timeoutMs: number) => Promise<void>) {
  if (shuttingDown) {
    logger.warn({ signal }, "second signal: forcing exit");
    await Promise.race([database.stop(), new Promise((r) => setTimeout(r, 2_000))]);
    process.exit(1);
  }
  shuttingDown = true;
  logger.info({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, "shutting down: draining running jobs");
  try {
    await stopWorker?.(config.SHUTDOWN_TIMEOUT_MS);
  } catch (error) {
    logger.error({ err: error }, "error while stopping the worker");
    process.exitCode = 1;
  }
  await database.stop();
  logger.info("bye");
}

try {
  if (config.MIGRATE_ON_START) await migrateDatabase(database.url, logger);
  const worker = await startWorker({ url: database.url, config, logger });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => void shutdown(signal, worker.stop));
  }
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  await database.stop();
  process.exit(1);
}
