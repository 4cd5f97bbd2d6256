// A database migrated only up to (not including) one migration, as a release before it left it:
// a copy of drizzle/ whose journal stops before `tag`, applied with drizzle's own migrator. The
// migration tests then write rows of the old shape and run the real migrator over them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { MIGRATIONS_FOLDER } from "../../src/db/migrate.ts";

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
