// src/db/sql/: one file per function and view, applied by the migrator after the versioned
// migrations, again only when a file's text changed, and with every SET option it declares.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../src/db/migrate.ts";
import { readJournal } from "../../src/db/migration-journal.ts";
import { readSqlSources } from "../../src/db/sql-sources.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

const logger = createLogger("silent");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("src/db/sql", () => {
  it("holds exactly the public schema's own functions and views, one file each, named after them", async () => {
    // Functions of extensions (uuid-ossp lives in public) are not ours.
    const { rows } = await t.pool.query<{ name: string }>(`
      SELECT p.proname AS name FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      UNION ALL
      SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('v', 'm')
    `);
    const inDatabase = rows.map((r) => r.name).sort();
    expect(
      readSqlSources()
        .map((s) => s.name)
        .sort(),
    ).toEqual(inDatabase);
  });

  it("defines in each file only the object it is named after", () => {
    for (const source of readSqlSources()) {
      const created = [...source.sql.matchAll(/CREATE OR REPLACE (?:FUNCTION|VIEW) public\.(\w+)/g)].map(
        (m) => m[1],
      );
      expect(created, source.name).toEqual([source.name]);
    }
  });

  it("is the only place a migration after 0010 defines, alters or grants a function or view", () => {
    // A later migration that replaced a function would win over its file on databases where the
    // file did not change, and the two would drift apart unnoticed. Drops stay in migrations.
    const defining =
      /\b(CREATE\s+(OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE|VIEW)|ALTER\s+(FUNCTION|PROCEDURE|VIEW)|COMMENT\s+ON\s+(FUNCTION|VIEW)|(GRANT|REVOKE)\b[^;]*\bON\s+(FUNCTION|ALL\s+FUNCTIONS|PROCEDURE))/i;
    const offending = readJournal(MIGRATIONS_FOLDER)
      .filter((e) => e.idx > 10)
      .filter((e) => defining.test(readFileSync(`${MIGRATIONS_FOLDER}/${e.tag}.sql`, "utf8")))
      .map((e) => `drizzle/${e.tag}.sql: move the function or view to src/db/sql/ (see its README)`);
    expect(offending).toEqual([]);
  });

  it("records every file's hash, and a second run applies nothing", async () => {
    const { rows } = await t.pool.query<{ name: string; sha256: string }>(
      "SELECT name, sha256 FROM drizzle.sql_sources",
    );
    expect(new Map(rows.map((r) => [r.name, r.sha256]))).toEqual(
      new Map(readSqlSources().map((s) => [s.name, s.sha256])),
    );
    const before = await t.pool.query("SELECT name, applied_at FROM drizzle.sql_sources ORDER BY name");
    await migrateDatabase(t.url, logger);
    const after = await t.pool.query("SELECT name, applied_at FROM drizzle.sql_sources ORDER BY name");
    expect(after.rows).toEqual(before.rows);
  });

  it("applies a file again when its hash differs, and only that file", async () => {
    await t.pool.query(
      "UPDATE drizzle.sql_sources SET sha256 = 'changed' WHERE name = 'progress_refresh_marked'",
    );
    // What 0009 did by ALTER FUNCTION and any CREATE OR REPLACE without it would lose.
    await t.pool.query("ALTER FUNCTION public.progress_refresh_marked(uuid[]) RESET plan_cache_mode");
    const before = await t.pool.query(
      "SELECT name, applied_at FROM drizzle.sql_sources WHERE name <> 'progress_refresh_marked' ORDER BY name",
    );
    await migrateDatabase(t.url, logger);
    const after = await t.pool.query(
      "SELECT name, applied_at FROM drizzle.sql_sources WHERE name <> 'progress_refresh_marked' ORDER BY name",
    );
    expect(after.rows).toEqual(before.rows);
    const { rows } = await t.pool.query<{ proconfig: string[] }>(
      "SELECT proconfig FROM pg_proc WHERE oid = 'public.progress_refresh_marked(uuid[])'::regprocedure",
    );
    expect(rows[0]?.proconfig).toEqual([
      "search_path=pg_catalog, pg_temp",
      "plan_cache_mode=force_generic_plan",
    ]);
  });

  it("fails naming a versioned migration a database never applied, instead of skipping it", async () => {
    const other = await createTestDatabase();
    try {
      // A database migrated by code from before 0006 existed: later migrations applied, 0006 not.
      await other.pool.query(
        "DELETE FROM drizzle.__drizzle_migrations WHERE created_at IN (1795495423093, 1795495415719)",
      );
      await expect(migrateDatabase(other.url, logger)).rejects.toThrow(
        /0006_insert_full_plans_batch not applied/,
      );
    } finally {
      await other.drop();
    }
  });
});
