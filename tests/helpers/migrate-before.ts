// A database migrated only up to (not including) one migration, as a release before it left it:
// a copy of drizzle/ whose journal stops before `tag`, applied with drizzle's own migrator. The
// migration tests then write rows of the old shape and run the real migrator over them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../src/db/migrate.ts";
import { createLogger } from "../../src/logger.ts";
import { createEmptyDatabase } from "./database.ts";

export async function migrateBefore(url: string, tag: string): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), `te-before-${tag.slice(0, 4)}-`));
  try {
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag === tag);
    if (at <= 0) throw new Error(`migrateBefore: no migration ${tag} after the first in the journal`);
    journal.entries = journal.entries.slice(0, at);
    writeFileSync(journalPath, JSON.stringify(journal));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migrate(drizzle(client), { migrationsFolder: folder });
    } finally {
      await client.end();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * For a migration test: an empty database migrated up to (not including) `tag` before the
 * describe block's tests, a pool on it, and `upgrade()` to run the real migrator over it; dropped
 * afterwards. Call inside `describe`.
 */
export function databaseBefore(tag: string): { readonly pool: pg.Pool; upgrade(): Promise<void> } {
  let db: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    db = await createEmptyDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    // pool.end() returns before the server has closed the connections: the forced DROP in afterAll
    // may end one first, and an idle client's error must not surface as an uncaught one.
    pool.on("error", () => {});
    await migrateBefore(db.url, tag);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });
  return {
    get pool() {
      if (pool === undefined) throw new Error("databaseBefore: the pool exists inside the tests only");
      return pool;
    },
    async upgrade() {
      if (db === undefined) throw new Error("databaseBefore: the database exists inside the tests only");
      await migrateDatabase(db.url, createLogger("silent"));
    },
  };
}
