import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { Logger } from "../logger.ts";
import { unappliedMigrations } from "./migration-journal.ts";
import { applySqlSources, ensureSqlSourcesTable, SQL_SOURCES_TABLE } from "./sql-sources.ts";

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");

// Drizzle's migrator takes no lock (drizzle-orm #874): two processes migrating one database at
// once collide. Every migrator holds this session advisory lock, on its own connection, for the
// whole run. The key is arbitrary but fixed: "training-engine migrations".
const MIGRATION_LOCK_KEY = 7_301_120_955_421;

export class MigrationError extends Error {}

/**
 * Applies every pending versioned migration (drizzle/), then every changed function and view file
 * (src/db/sql/), under one advisory lock; safe to run again and from several processes at once.
 */
export async function migrateDatabase(connectionString: string, logger: Logger): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: "training-engine-migrate" });
  client.on("error", () => {}); // a server that ends the connection fails the query below instead
  await client.connect();
  try {
    const started = performance.now();
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    let sources: string[];
    try {
      await ensureSqlSourcesTable(client);
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
      const skipped = await unappliedMigrations(client, MIGRATIONS_FOLDER);
      if (skipped.length > 0) {
        throw new MigrationError(
          `migration failed: ${skipped.map((e) => e.tag).join(", ")} not applied: Drizzle skips a migration ` +
            "stamped before the last applied one; apply it by hand and record it in drizzle.__drizzle_migrations",
        );
      }
      sources = await applySqlSources(client);
      // The start-up check (schema-status.ts) reads these as the worker's role, a member of service_role.
      await client.query("GRANT USAGE ON SCHEMA drizzle TO service_role");
      await client.query(
        `GRANT SELECT ON drizzle.__drizzle_migrations, ${SQL_SOURCES_TABLE} TO service_role`,
      );
    } catch (error) {
      if (error instanceof MigrationError) throw error;
      throw new MigrationError(describeFailure(error), { cause: error });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
    logger.info({ ms: Math.round(performance.now() - started), sqlSources: sources }, "migrations applied");
  } finally {
    await client.end();
  }
}

/** "migration failed: <PostgreSQL's reason> (in: <first line of the statement>)". */
function describeFailure(error: unknown): string {
  type Chain = { message?: string; cause?: unknown; query?: unknown };
  let root = error as Chain;
  let statement: string | undefined;
  let file: string | undefined;
  for (;;) {
    // drizzle's DrizzleQueryError carries the statement; PostgreSQL's reason is its cause.
    if (typeof root.query === "string") statement = root.query.trim().split("\n")[0];
    if (!file && root.message?.startsWith("src/db/sql/")) file = root.message.split(":")[0];
    if (!root.cause || typeof root.cause !== "object") break;
    root = root.cause as Chain;
  }
  const where = statement ? ` (in: ${statement})` : file ? ` (in: ${file})` : "";
  return `migration failed: ${root.message ?? String(error)}${where}`;
}
