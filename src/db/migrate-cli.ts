// `npm run db:migrate`: applies every migration to DATABASE_URL (or the embedded database) and
// exits non-zero, saying what failed, when one does not apply.
import { ConfigError, loadConfigOrExit } from "../config.ts";
import { createLogger } from "../logger.ts";
import { openDatabase } from "./database.ts";
import { migrateDatabase } from "./migrate.ts";

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL);
let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase(config, logger);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(2);
}
try {
  // The advisory lock held across the run needs a session: DATABASE_DIRECT_URL when set.
  await migrateDatabase(database.directUrl, logger);
} catch (error) {
  logger.error({ err: error }, (error as Error).message);
  process.stderr.write(`db:migrate: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
