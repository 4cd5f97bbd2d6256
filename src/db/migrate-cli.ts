// `npm run db:migrate`: applies every migration to DATABASE_URL (or the embedded database) and
// exits non-zero, saying what failed, when one does not apply.
import { loadConfigOrExit } from "../config.ts";
import { createLogger } from "../logger.ts";
import { openDatabase } from "./database.ts";
import { migrateDatabase } from "./migrate.ts";

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL);
const database = await openDatabase(config, logger);
try {
  await migrateDatabase(database.url, logger);
} catch (error) {
  logger.error({ err: error }, (error as Error).message);
  process.stderr.write(`db:migrate: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
