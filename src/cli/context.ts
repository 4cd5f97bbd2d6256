import type pg from "pg";
import type { PgBoss } from "pg-boss";
import { startBoss } from "../boss.ts";
import { type Config, loadConfig } from "../config.ts";
import { createDb, createPool, type Db } from "../db/client.ts";
import { openDatabase } from "../db/database.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { assertSchemaCurrent } from "../db/schema-status.ts";
import { createLogger, type Logger } from "../logger.ts";

/** What a command gets: the database (current schema), a pool and Drizzle, pg-boss on demand, stdout. */
export interface CliContext {
  config: Config;
  logger: Logger;
  pool: pg.Pool;
  db: Db;
  /** Starts pg-boss on first use (commands that only read tables never pay for it). */
  boss(): Promise<PgBoss>;
  out(line?: string): void;
  now: () => Date;
}

export async function openCliContext(): Promise<{ ctx: CliContext; close(): Promise<void> }> {
  const config = loadConfig();
  // Logs go to stderr at warn unless LOG_LEVEL says otherwise: stdout is the command's output.
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn");
  const database = await openDatabase(config, logger);
  try {
    // On DATABASE_URL the CLI never migrates: it may run as the worker's role, which has no DDL
    // rights, and migrations belong to `npm run db:migrate`. It only checks the schema is current.
    // The private embedded database has no such question, so the CLI brings it up to date.
    if (config.DATABASE_URL) await assertSchemaCurrent(database.url);
    else await migrateDatabase(database.url, logger);
  } catch (error) {
    await database.stop();
    throw error;
  }
  const pool = createPool(database.url, 4, logger);
  let boss: PgBoss | undefined;
  const ctx: CliContext = {
    config,
    logger,
    pool,
    db: createDb(pool),
    async boss() {
      if (!boss) {
        boss = await startBoss(database.url, logger, { max: 3 });
      }
      return boss;
    },
    out: (line = "") => process.stdout.write(`${line}\n`),
    now: () => new Date(),
  };
  return {
    ctx,
    async close() {
      await boss?.stop({ graceful: false, close: true });
      await pool.end();
      await database.stop();
    },
  };
}
