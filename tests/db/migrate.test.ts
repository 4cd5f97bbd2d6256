import { spawn } from "node:child_process";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "../helpers/database.ts";

function runMigrateCli(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "src/db/migrate-cli.ts"],
      {
        env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "info" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function appliedMigrations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations");
    return rows[0].n;
  } finally {
    await client.end();
  }
}

describe("npm run db:migrate", () => {
  const drops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
  });

  it("is safe from four processes at once on an empty database, and again after", async () => {
    const empty = await createEmptyDatabase();
    drops.push(empty.drop);
    const runs = await Promise.all([1, 2, 3, 4].map(() => runMigrateCli(empty.url)));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const journal = await import("../../drizzle/meta/_journal.json", { with: { type: "json" } });
    expect(await appliedMigrations(empty.url)).toBe(journal.default.entries.length);
    const again = await runMigrateCli(empty.url);
    expect(again.code).toBe(0);
    expect(await appliedMigrations(empty.url)).toBe(journal.default.entries.length);
  });

  it("exits non-zero and says what failed when a migration cannot apply", async () => {
    const empty = await createEmptyDatabase();
    drops.push(empty.drop);
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    await client.query("CREATE TABLE exrcwiki (something_else int)");
    await client.end();
    const run = await runMigrateCli(empty.url);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(
      /db:migrate: migration failed: relation "exrcwiki" already exists \(in: CREATE TABLE "exrcwiki"/,
    );
  });
});
