// The SQL path: a signed-in user inserts plan_request(params); the trigger enqueues plan.generate
// in that transaction; a worker fills status, plan_id or error.

import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { PG_ERROR } from "../../src/db/pg-errors.ts";
import { PLAN_GENERATE_QUEUE } from "../../src/jobs/plan-generate/index.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { asUser, createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { waitFor } from "../helpers/wait.ts";

// This week's Wednesday, from the clock (the database keeps plan dates within a year of today).
const NOW = new Date(`${plusDays(monday(0), 2)}T15:00:00Z`);
const config = loadConfig({ LOG_LEVEL: "silent" });
const logger = createLogger("silent");

interface RequestRow {
  id: string;
  user_id: string;
  status: string;
  plan_id: string | null;
  error: string | null;
}

async function requestAs(pool: pg.Pool, userId: string, params: unknown): Promise<string> {
  return asUser(pool, userId, async (c) => {
    const { rows } = await c.query<{ id: string }>(
      "INSERT INTO plan_request (params) VALUES ($1) RETURNING id",
      [JSON.stringify(params)],
    );
    return rows[0]?.id as string;
  });
}

async function finished(pool: pg.Pool, id: string): Promise<RequestRow> {
  return waitFor(
    async () => {
      const { rows } = await pool.query<RequestRow>(
        "SELECT id, user_id, status, plan_id, error FROM plan_request WHERE id = $1",
        [id],
      );
      const row = rows[0];
      return row && (row.status === "succeeded" || row.status === "failed") ? row : undefined;
    },
    { what: `plan_request ${id} to finish` },
  );
}

describe("plan_request with a running worker", () => {
  let tdb: TestDatabase;
  let worker: RunningWorker;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
    worker = await startWorker({ url: tdb.url, directUrl: tdb.directUrl, config, logger, now: () => NOW });
    alice = await createUser(tdb.pool);
    bob = await createUser(tdb.pool);
  });
  afterAll(async () => {
    await worker?.stop(5_000);
    await tdb?.drop();
  });

  it("turns a signed-in user's row into their plan", async () => {
    const id = await requestAs(tdb.pool, alice, {
      daysPerWeek: 3,
      equipment: ["dumbbell"],
      goal: "strength",
    });
    const row = await finished(tdb.pool, id);
    expect(row).toMatchObject({ user_id: alice, status: "succeeded", error: null });
    const { rows } = await tdb.pool.query(
      "SELECT user_id, goal_type, request_id FROM modular_training_plan WHERE id = $1",
      [row.plan_id],
    );
    expect(rows).toEqual([{ user_id: alice, goal_type: "strength", request_id: id }]);
    // The job's id is the row's id, and the user reads the result under RLS.
    // (The row turns succeeded in the statement that writes the plan; pg-boss completes the job
    // just after.)
    const job = await waitFor(
      async () => {
        const [found] = await worker.deps.boss.findJobs(PLAN_GENERATE_QUEUE, { id });
        return found?.state === "completed" ? found : undefined;
      },
      { what: "the job to complete" },
    );
    expect(job.output).toEqual({ planId: row.plan_id });
    const seen = await asUser(tdb.pool, alice, (c) =>
      c.query("SELECT status, plan_id FROM plan_request WHERE id = $1", [id]),
    );
    expect(seen.rows).toEqual([{ status: "succeeded", plan_id: row.plan_id }]);
  });

  it("lets users set params only, and shows each user only their own rows", async () => {
    await expect(
      asUser(tdb.pool, alice, (c) =>
        c.query("INSERT INTO plan_request (params, status) VALUES ('{\"daysPerWeek\": 3}', 'succeeded')"),
      ),
    ).rejects.toMatchObject({ code: PG_ERROR.insufficientPrivilege });
    await expect(
      asUser(tdb.pool, alice, (c) =>
        c.query("INSERT INTO plan_request (params, user_id) VALUES ('{\"daysPerWeek\": 3}', $1)", [bob]),
      ),
    ).rejects.toMatchObject({ code: PG_ERROR.insufficientPrivilege });
    await expect(
      asUser(tdb.pool, alice, (c) => c.query("UPDATE plan_request SET status = 'failed'")),
    ).rejects.toMatchObject({ code: PG_ERROR.insufficientPrivilege });
    const bobs = await requestAs(tdb.pool, bob, { daysPerWeek: 2 });
    const seenByAlice = await asUser(tdb.pool, alice, (c) =>
      c.query<{ user_id: string }>("SELECT user_id FROM plan_request"),
    );
    expect(seenByAlice.rows.length).toBeGreaterThan(0);
    expect(seenByAlice.rows.every((r) => r.user_id === alice)).toBe(true);
    await finished(tdb.pool, bobs);
  });

  it("takes equipment [] as bodyweight only: the plan holds no exercise that needs anything", async () => {
    const id = await requestAs(tdb.pool, alice, { daysPerWeek: 3, equipment: [], experience: "beginner" });
    const row = await finished(tdb.pool, id);
    expect(row).toMatchObject({ status: "succeeded", error: null });
    const { rows } = await tdb.pool.query<{ equipment: string; requires: string[] }>(
      `SELECT e.equipment, x.requires FROM modular_training_exercise e
       JOIN modular_training_session s ON s.id = e.session_id
       JOIN modular_training_week w ON w.id = s.week_id
       JOIN exrcwiki x ON x.exercise_id = e.exercise_id
       WHERE w.plan_id = $1`,
      [row.plan_id],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toEqual({ equipment: "bodyweight", requires: [] });
  });

  it("never trusts userId or planRequestId inside params", async () => {
    const id = await requestAs(tdb.pool, alice, { daysPerWeek: 2, userId: bob, planRequestId: randomUUID() });
    const row = await finished(tdb.pool, id);
    expect(row.status).toBe("succeeded");
    const { rows } = await tdb.pool.query("SELECT user_id FROM modular_training_plan WHERE id = $1", [
      row.plan_id,
    ]);
    expect(rows).toEqual([{ user_id: alice }]);
  });

  it.each([
    [{ daysPerWeek: 9 }, /^daysPerWeek: must be an integer from 2 to 6/],
    [{ daysPerWeek: 3, weekStart: "2026-12-08" }, /^weekStart: must be a Monday/],
    [{ daysPerWeek: 3, equipment: ["trampoline"] }, /^equipment\[0\]: must be one of/],
    [{ daysPerWeek: 3, colour: "red" }, /^colour: unknown field/],
    [{}, /^daysPerWeek: is required/],
    [[3], /^params: must be a JSON object/],
    [{ daysPerWeek: 3, weekStart: "0001-01-01" }, /^weekStart: must lie from .* a year either side of today/],
    // A long value: the stored error quotes it cut short.
    [
      { daysPerWeek: 3, goal: "z".repeat(3_000) },
      /^goal: must be one of .*\(got "z{79}\.\.\. \(3002 characters\)\)$/,
    ],
  ])("fails a bad row %j naming the field, with no plan", async (params, expected) => {
    const id = await requestAs(tdb.pool, alice, params);
    const row = await finished(tdb.pool, id);
    expect(row.status).toBe("failed");
    expect(row.plan_id).toBeNull();
    expect(row.error).toMatch(expected);
  });

  it("refuses params over 4 KiB at insert, and enqueues nothing", async () => {
    await expect(
      requestAs(tdb.pool, alice, { daysPerWeek: 3, goal: "x".repeat(8 * 1024 * 1024) }),
    ).rejects.toMatchObject({
      code: PG_ERROR.checkViolation,
      constraint: "plan_request_params_size_check",
    });
    const { rows } = await tdb.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND octet_length(data::text) > 4096",
      [PLAN_GENERATE_QUEUE],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("enqueues in the inserting transaction: a rolled-back row leaves no job", async () => {
    const client = await tdb.pool.connect();
    let id: string | undefined;
    try {
      await client.query("BEGIN");
      await client.query("SELECT set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: alice }),
      ]);
      await client.query("SET LOCAL ROLE authenticated");
      const { rows } = await client.query(
        "INSERT INTO plan_request (params) VALUES ('{\"daysPerWeek\": 3}') RETURNING id",
      );
      id = rows[0].id;
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
    const { rows } = await tdb.pool.query("SELECT count(*)::int AS n FROM pgboss.job WHERE id = $1", [id]);
    expect(rows[0].n).toBe(0);
  });

  it("keeps enqueue_job away from users", async () => {
    await expect(
      asUser(tdb.pool, alice, (c) => c.query("SELECT public.enqueue_job('plan.generate', '{}'::jsonb)")),
    ).rejects.toMatchObject({ code: PG_ERROR.insufficientPrivilege });
  });
});

describe("plan_request while no worker runs", () => {
  let tdb: TestDatabase;
  let worker: RunningWorker | undefined;
  afterEach(async () => {
    await worker?.stop(5_000);
    worker = undefined;
  });
  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
  });
  afterAll(() => tdb?.drop());

  it("keeps the row queued, and the worker catches up when it starts", async () => {
    const user = await createUser(tdb.pool);
    // A fresh database: pg-boss's schema exists, the queue does not, so the trigger cannot enqueue.
    const early = await requestAs(tdb.pool, user, { daysPerWeek: 3 });
    const { rows: queued } = await tdb.pool.query("SELECT status FROM plan_request WHERE id = $1", [early]);
    expect(queued).toEqual([{ status: "queued" }]);

    worker = await startWorker({ url: tdb.url, directUrl: tdb.directUrl, config, logger, now: () => NOW });
    expect((await finished(tdb.pool, early)).status).toBe("succeeded");
    await worker.stop(5_000);
    worker = undefined;

    // The queue exists now: a row inserted while the worker is down gets its job at once...
    const later = await requestAs(tdb.pool, user, { daysPerWeek: 4 });
    const { rows: jobs } = await tdb.pool.query("SELECT name, state FROM pgboss.job WHERE id = $1", [later]);
    expect(jobs).toEqual([{ name: PLAN_GENERATE_QUEUE, state: "created" }]);
    // ...which the next worker runs, enqueueing nothing twice.
    worker = await startWorker({ url: tdb.url, directUrl: tdb.directUrl, config, logger, now: () => NOW });
    expect((await finished(tdb.pool, later)).status).toBe("succeeded");
    const { rows } = await tdb.pool.query(
      "SELECT count(*)::int AS plans FROM modular_training_plan WHERE user_id = $1",
      [user],
    );
    expect(rows).toEqual([{ plans: 2 }]);
  });
});
