import type pg from "pg";
import type { PgBoss } from "pg-boss";
import { type Config, loadConfig } from "../config.ts";
import { createDb, createPool, type Db } from "../db/client.ts";
import { openDatabase } from "../db/database.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { assertSchemaCurrent } from "../db/schema-status.ts";
import { createLogger, type Logger } from "../logger.ts";
import type { CliIo } from "./io.ts";
import { createProgress, type Progress, type ProgressOptions } from "./progress-bar.ts";

/** What a command gets: the database (current schema), a pool and Drizzle, pg-boss on demand, stdout. */
export interface CliContext {
  config: Config;
  logger: Logger;
  /** The database the command works on: DATABASE_URL, or the embedded server's URL. */
  databaseUrl: string;
  pool: pg.Pool;
  db: Db;
  /** Loads and starts pg-boss on first use (commands that only read tables never pay for it). */
  boss(): Promise<PgBoss>;
  out(line?: string): void;
  /** Progress of a long command on stderr: a bar on a terminal, plain lines otherwise. */
  progress(opts: ProgressOptions): Progress;
  now: () => Date;
}

export async function openCliContext(io: CliIo): Promise<{ ctx: CliContext; close(): Promise<void> }> {
  const config = loadConfig(io.env);
  // Logs go to stderr at warn unless LOG_LEVEL says otherwise: stdout is the command's output.
  const logger = createLogger(io.env.LOG_LEVEL ? config.LOG_LEVEL : "warn", { write: io.stderr });
  const database = await openDatabase(config, logger);
  try {
    // On DATABASE_URL the CLI never migrates: it may run as the worker's role, which has no DDL
    // rights, and migrations belong to `npm run db:migrate`. It only checks the schema is current.
    // The private embedded database has no such question, so the CLI brings it up to date.
    if (config.DATABASE_URL) await assertSchemaCurrent(database.url);
    else await migrateDatabase(database.directUrl, logger);
  } catch (error) {
    await database.stop();
    throw error;
  }
  const pool = createPool(database.url, 4, logger);
  let boss: PgBoss | undefined;
  const ctx: CliContext = {
    config,
    logger,
    databaseUrl: database.url,
    pool,
    db: createDb(pool),
    async boss() {
      if (!boss) {
        // Loaded here, not at the top: the commands that only read tables never load pg-boss.
        const { INSTANCE_NAMES, startBoss } = await import("../boss.ts");
        boss = await startBoss(database.url, logger, {
          max: 3,
          instanceName: INSTANCE_NAMES.cli,
          listenNotify: !database.pooled,
        });
      }
      return boss;
    },
    out: (line = "") => io.stdout(`${line}\n`),
    progress: (opts) => createProgress(opts, { write: io.stderr, terminal: io.terminal }),
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
