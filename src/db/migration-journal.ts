// drizzle/meta/_journal.json against what a database recorded in drizzle.__drizzle_migrations.
// Drizzle's migrator applies only entries stamped after the last applied one (docs/pitfalls.md),
// so an entry stamped out of order would be skipped without a word; this names every entry a
// database lacks, so the migrator can fail instead and the start-up check can refuse to run.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";

export interface JournalEntry {
  idx: number;
  tag: string;
  /** The stamp Drizzle records as created_at. */
  when: number;
  /** SHA-256 of the file, as Drizzle records it. */
  hash: string;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: Array<{ idx: number; tag: string; when: number }>;
  };
  return journal.entries.map(({ idx, tag, when }) => {
    const sql = readFileSync(path.join(migrationsFolder, `${tag}.sql`), "utf8");
    return { idx, tag, when, hash: createHash("sha256").update(sql).digest("hex") };
  });
}

/**
 * Journal entries the database has not applied, in journal order. An entry counts as applied when
 * a row has its hash or its stamp: a stamp corrected in the journal (0006's) keeps its hash, and
 * a file's hash is the same as long as landed migrations are never edited.
 */
export async function unappliedMigrations(
  client: pg.ClientBase,
  migrationsFolder: string,
): Promise<JournalEntry[]> {
  const entries = readJournal(migrationsFolder);
  const exists = await client.query<{ t: string | null }>(
    "SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t",
  );
  if (!exists.rows[0]?.t) return entries;
  const { rows } = await client.query<{ hash: string; created_at: string }>(
    "SELECT hash, created_at::text FROM drizzle.__drizzle_migrations",
  );
  const hashes = new Set(rows.map((r) => r.hash));
  const stamps = new Set(rows.map((r) => r.created_at));
  return entries.filter((e) => !hashes.has(e.hash) && !stamps.has(String(e.when)));
}
