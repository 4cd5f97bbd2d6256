// drizzle/0016_exercise_exclusion.sql on a database with plans from before it: a plan made from a
// plan_request row gets its request's equipment as allowed_equipment (a request without equipment
// asked for a full gym, the contract's default); a plan without a request stays null, and then
// plan_allowed_equipment falls back on what its rows use (docs/swap.md).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../src/db/migrate.ts";
import { EQUIPMENT } from "../../src/domain/vocabulary.ts";
import { createLogger } from "../../src/logger.ts";
import { createEmptyDatabase } from "../helpers/database.ts";

const MIGRATION = "0016_exercise_exclusion";

describe("migration 0016 on plans from before it", () => {
  let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let pool: pg.Pool;
  let folder: string;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    // Every migration before 0016 alone: a copy of the folder whose journal stops before it.
    folder = mkdtempSync(path.join(tmpdir(), "te-0016-"));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag === MIGRATION);
    expect(at).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, at);
    writeFileSync(journalPath, JSON.stringify(journal));
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await migrate(drizzle(client), { migrationsFolder: folder });
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("fills allowed_equipment from each plan's request; leaves plans without one null", async () => {
    const user = (
      await pool.query<{ id: string }>("INSERT INTO auth.users (id) VALUES (gen_random_uuid()) RETURNING id")
    ).rows[0]?.id as string;
    const monday = (await pool.query<{ d: string }>("SELECT date_trunc('week', now())::date::text AS d"))
      .rows[0]?.d;
    const plan = async () =>
      (
        await pool.query<{ id: string }>(
          "INSERT INTO modular_training_plan (user_id, split_type, week_start) VALUES ($1, 'full_body', $2) RETURNING id",
          [user, monday],
        )
      ).rows[0]?.id as string;
    const [home, gym, byHand] = [await plan(), await plan(), await plan()];
    await pool.query(
      `INSERT INTO plan_request (user_id, params, status, plan_id) VALUES
         ($1, '{"daysPerWeek": 3, "equipment": ["dumbbell", "bench"]}', 'succeeded', $2),
         ($1, '{"daysPerWeek": 3}', 'succeeded', $3)`,
      [user, home, gym],
    );

    await migrateDatabase(db.url, createLogger("silent"));

    const { rows } = await pool.query<{ id: string; allowed_equipment: string[] | null }>(
      "SELECT id, allowed_equipment FROM modular_training_plan WHERE user_id = $1",
      [user],
    );
    const allowed = new Map(rows.map((r) => [r.id, r.allowed_equipment]));
    expect(allowed.get(home)).toEqual(["dumbbell", "bench"]);
    expect(allowed.get(gym)).toEqual([...EQUIPMENT]);
    expect(allowed.get(byHand)).toBeNull();
  });
});
