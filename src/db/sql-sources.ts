// The database's functions and views, one file each under src/db/sql/ (its README says how to
// change one). The migrator applies them after the versioned migrations, in the order of
// order.txt, and keeps each file's SHA-256 in drizzle.sql_sources so a file runs again only when
// its text changed.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { inTransaction } from "./transaction.ts";

export const SQL_SOURCES_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "sql");

/** Where the migrator keeps the hash of every applied file (beside Drizzle's own journal table). */
export const SQL_SOURCES_TABLE = "drizzle.sql_sources";

export interface SqlSource {
  name: string;
  sql: string;
  sha256: string;
}

export class SqlSourcesError extends Error {}

/** The files in their declared order; fails when order.txt and the folder disagree. */
export function readSqlSources(folder = SQL_SOURCES_FOLDER): SqlSource[] {
  const order = readFileSync(path.join(folder, "order.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const files = new Set(
    readdirSync(folder)
      .filter((f) => f.endsWith(".sql"))
      .map((f) => f.slice(0, -".sql".length)),
  );
  const duplicate = order.find((name, i) => order.indexOf(name) !== i);
  if (duplicate) throw new SqlSourcesError(`src/db/sql/order.txt: ${duplicate} is listed twice`);
  const missing = order.filter((name) => !files.has(name));
  if (missing.length > 0) throw new SqlSourcesError(`src/db/sql/order.txt: no file ${missing[0]}.sql`);
  const unlisted = [...files].filter((name) => !order.includes(name));
  if (unlisted.length > 0)
    throw new SqlSourcesError(`src/db/sql/${unlisted[0]}.sql is not listed in order.txt`);
  return order.map((name) => {
    const sql = readFileSync(path.join(folder, `${name}.sql`), "utf8");
    return { name, sql, sha256: createHash("sha256").update(sql).digest("hex") };
  });
}

/** Creates the hash table; run before the versioned migrations, so a migration may delete rows. */
export async function ensureSqlSourcesTable(client: pg.ClientBase): Promise<void> {
  await client.query("CREATE SCHEMA IF NOT EXISTS drizzle");
  await client.query(`CREATE TABLE IF NOT EXISTS ${SQL_SOURCES_TABLE} (
    name text PRIMARY KEY,
    sha256 text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/** The files whose text differs from what the database last applied (or that it never applied). */
export async function staleSqlSources(
  client: pg.ClientBase,
  sources = readSqlSources(),
): Promise<SqlSource[]> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [
    SQL_SOURCES_TABLE,
  ]);
  if (!exists.rows[0]?.t) return sources;
  const { rows } = await client.query<{ name: string; sha256: string }>(
    `SELECT name, sha256 FROM ${SQL_SOURCES_TABLE}`,
  );
  const applied = new Map(rows.map((r) => [r.name, r.sha256]));
  return sources.filter((s) => applied.get(s.name) !== s.sha256);
}

/**
 * Applies the changed files in their declared order, in one transaction (all or none), recording
 * each hash. The caller holds the migration lock. Returns the names it applied.
 */
export async function applySqlSources(client: pg.ClientBase): Promise<string[]> {
  const toApply = await staleSqlSources(client);
  if (toApply.length === 0) return [];
  await inTransaction(client, async () => {
    for (const source of toApply) {
      try {
        await client.query(source.sql);
      } catch (error) {
        throw new SqlSourcesError(`src/db/sql/${source.name}.sql: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await client.query(
        `INSERT INTO ${SQL_SOURCES_TABLE} (name, sha256) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, applied_at = now()`,
        [source.name, source.sha256],
      );
    }
  });
  return toApply.map((s) => s.name);
}
