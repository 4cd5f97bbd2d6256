// The worker's least-privilege role (docs/worker-role.sql) for real: the owner migrates and runs
// that file, then `npm start` (MIGRATE_ON_START=false) and every CLI command run as the role, which
// can create, alter and drop nothing. Also: the CLI and `npm start` never migrate a DATABASE_URL;
// on a schema that is not current they exit 1 with one line saying to run `npm run db:migrate`.

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { PG_ERROR } from "../../src/db/pg-errors.ts";
import { addDays } from "../../src/domain/calendar.ts";
import { createLogger } from "../../src/logger.ts";
import { createUser } from "../helpers/auth.ts";
import { runCli } from "../helpers/cli.ts";
import { createEmptyDatabase } from "../helpers/database.ts";
import { startMain } from "../helpers/main-process.ts";
import { waitFor } from "../helpers/wait.ts";

// Roles belong to the whole server, which other test runs share: a name of this run's own.
const ROLE = `te_worker_${randomUUID().slice(0, 8)}`;
const PASSWORD = "worker-test";

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let owner: pg.Pool;
let roleUrl: string;

beforeAll(async () => {
  database = await createEmptyDatabase();
  await migrateDatabase(database.url, createLogger("silent"));
  owner = new pg.Pool({ connectionString: database.url, max: 3 });
  owner.on("error", () => {}); // the forced DROP in afterAll may end an idle client pool.end() let go
  const recipe = readFileSync("docs/worker-role.sql", "utf8").replaceAll("training_worker", ROLE);
  await owner.query(recipe);
  await owner.query(`ALTER ROLE ${ROLE} PASSWORD '${PASSWORD}'`);
  const url = new URL(database.url);
  url.username = ROLE;
  url.password = PASSWORD;
  roleUrl = url.toString();
}, 60_000);

afterAll(async () => {
  await owner?.end();
  await database?.drop();
  const admin = new pg.Client({ connectionString: database.url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${ROLE}`);
  await admin.end();
});

const asRole = (...args: string[]) => runCli(args, { databaseUrl: roleUrl });

describe("the worker's role", () => {
  it("can create, alter and drop nothing in the application's schemas", async () => {
    const role = new pg.Client({ connectionString: roleUrl });
    await role.connect();
    try {
      const { rows } = await role.query(
        `SELECT has_database_privilege(current_user, current_database(), 'CREATE') AS db,
                has_schema_privilege(current_user, 'public', 'CREATE') AS public,
                has_schema_privilege(current_user, 'drizzle', 'CREATE') AS drizzle,
                has_schema_privilege(current_user, 'auth', 'CREATE') AS auth`,
      );
      expect(rows[0]).toEqual({ db: false, public: false, drizzle: false, auth: false });
      await expect(role.query("CREATE TABLE public.te_not_allowed (id int)")).rejects.toMatchObject({
        code: PG_ERROR.insufficientPrivilege,
      });
      await expect(
        role.query("ALTER TABLE public.exrcwiki ADD COLUMN te_not_allowed int"),
      ).rejects.toMatchObject({
        code: PG_ERROR.insufficientPrivilege,
      });
      await expect(role.query("DROP FUNCTION public.insert_full_plan(uuid, jsonb)")).rejects.toMatchObject({
        code: PG_ERROR.insufficientPrivilege,
      });
    } finally {
      await role.end();
    }
  });

  it("runs npm start and every CLI command", async () => {
    const userId = await createUser(owner);
    const worker = startMain({
      DATABASE_URL: roleUrl,
      MIGRATE_ON_START: "false",
      PROGRESS_DEBOUNCE_SECONDS: "0",
    });
    try {
      await worker.waitFor("worker started", 60_000);

      const imported = await asRole("catalogue", "import", "tests/fixtures/free-exercise-db.cli.json");
      expect(imported.code, imported.stderr).toBe(0);

      const requested = await asRole("plan", "request", "--user", userId, "--days", "3", "--wait");
      expect(requested.code, requested.stderr).toBe(0);
      const { rows: plans } = await owner.query<{ id: string; week_start: string }>(
        "SELECT p.id, p.week_start::text FROM modular_training_plan p WHERE p.user_id = $1",
        [userId],
      );
      const plan = plans[0];
      if (!plan) throw new Error("plan request --wait printed a plan but none was written");

      const shown = await asRole("plan", "show", plan.id);
      expect(shown.code, shown.stderr).toBe(0);

      // A logged set: the worker (as the role) refreshes progress by itself.
      await owner.query(
        `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg)
         SELECT e.id, 1, 8, 60 FROM modular_training_exercise e WHERE e.user_id = $1 LIMIT 1`,
        [userId],
      );
      await waitFor(
        async () => {
          const { rowCount } = await owner.query(
            "SELECT 1 FROM progress_exercise_weekly WHERE user_id = $1",
            [userId],
          );
          return rowCount ? true : undefined;
        },
        { what: "the worker's progress.refresh", timeoutMs: 20_000 },
      );

      const weekAfter = addDays(plan.week_start, 7);
      for (const args of [
        ["rollover", "--as-of", weekAfter],
        ["progress", "refresh", "--user", userId],
        ["progress", "refresh", "--full"],
        ["progress", "show", "--user", userId],
        ["status"],
      ]) {
        const run = await asRole(...args);
        expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(0);
      }
      // Creating users is sign-up's work (Supabase's auth service), not the worker's: `user create`
      // and the `demo` that starts with one are development commands for the owner or the
      // embedded database. As the role they stop at once with one line, having written nothing.
      const before = await owner.query("SELECT count(*)::int AS n FROM auth.users");
      for (const args of [["user", "create"], ["demo"]]) {
        const run = await asRole(...args);
        expect({ code: run.code, stderr: run.stderr }, args.join(" ")).toEqual({
          code: 1,
          stderr: "error: permission denied for table users\n",
        });
      }
      const after = await owner.query("SELECT count(*)::int AS n FROM auth.users");
      expect(after.rows[0].n).toBe(before.rows[0].n);
      const { rows: weeks } = await owner.query(
        "SELECT week_number FROM modular_training_week WHERE plan_id = $1",
        [plan.id],
      );
      expect(weeks.map((w) => w.week_number).sort()).toEqual([1, 2]);
    } finally {
      worker.child.kill("SIGTERM");
      const exit = await worker.exitCode();
      expect(exit.code, exit.log).toBe(0);
    }
  }, 120_000);
});

describe("on a DATABASE_URL whose schema is not current", () => {
  it("the CLI and npm start exit 1 with one line saying to run db:migrate, and migrate nothing", async () => {
    await owner.query("UPDATE drizzle.sql_sources SET sha256 = 'older' WHERE name = 'e1rm_kg'");
    try {
      for (const url of [database.url, roleUrl]) {
        const run = await runCli(["status"], { databaseUrl: url });
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(
          /^error: the database schema is not current \(1 pending, first src\/db\/sql\/e1rm_kg\.sql\): run `npm run db:migrate`\n$/,
        );
      }
      const start = startMain({ DATABASE_URL: roleUrl, MIGRATE_ON_START: "false" });
      const exit = await start.exitCode();
      expect(exit.code, exit.log).toBe(1);
      expect(exit.log).toContain("the database schema is not current");
      const { rows } = await owner.query("SELECT sha256 FROM drizzle.sql_sources WHERE name = 'e1rm_kg'");
      expect(rows[0].sha256).toBe("older");
    } finally {
      await migrateDatabase(database.url, createLogger("silent"));
    }
  }, 60_000);
});
