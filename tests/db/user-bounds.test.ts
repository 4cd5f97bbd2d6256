// Bounds per user and per input (issue 18; docs/bounds.md), enforced in the database so that no
// client can pass them: past a bound, a named error (the constraint or the bound's name) and
// nothing written. The bounds are the row of public.user_bounds; an UPDATE changes them.
import type pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { asUser, createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { samplePlanJson } from "../helpers/plan-json.ts";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.drop());
// Every test starts from the defaults.
afterEach(async () => {
  await tdb.pool.query(
    `UPDATE user_bounds SET max_active_plans = DEFAULT, max_plan_requests_per_hour = DEFAULT,
       max_sessions_per_plan = DEFAULT, max_slots_per_session = DEFAULT,
       max_sets_per_exercise_row = DEFAULT, max_sets_per_week = DEFAULT`,
  );
});

const insertPlan = (user: string, plan: unknown = samplePlanJson({ sessions: 1, slotsPerSession: 1 })) =>
  tdb.pool.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [
    user,
    JSON.stringify(plan),
  ]);

const count = async (sql: string, params: unknown[]) =>
  (await tdb.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]?.n;

/** A user with one plan of one session and one exercise row; returns the row's id. */
async function exerciseRow(): Promise<{ user: string; rowId: string }> {
  const user = await createUser(tdb.pool);
  const { rows } = await insertPlan(user);
  const ids = await tdb.pool.query<{ id: string }>(
    `SELECT e.id FROM modular_training_exercise e JOIN modular_training_session s ON s.id = e.session_id
     JOIN modular_training_week w ON w.id = s.week_id WHERE w.plan_id = $1`,
    [rows[0]?.id],
  );
  return { user, rowId: ids.rows[0]?.id as string };
}

const logSets = (c: pg.Pool | pg.PoolClient, rowId: string, n: number, reps: unknown = 5, kg: unknown = 60) =>
  c.query(
    `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg)
     SELECT $1, 1 + (g - 1) % 100, $3::smallint, $4::real FROM generate_series(1, $2::int) g`,
    [rowId, n, reps, kg],
  );

describe("what a lifter can do, on every set and exercise row", () => {
  it.each([
    ["a NaN load", 5, "NaN", "training_set_weight_kg_range_check"],
    ["an infinite load", 5, "Infinity", "training_set_weight_kg_range_check"],
    ["a load over 2000 kg", 5, 2000.5, "training_set_weight_kg_range_check"],
    ["a negative load", 5, -1, "training_set_weight_kg_check"],
    ["32,767 reps", 32767, 60, "training_set_reps_done_range_check"],
  ])("refuses %s in training_set, naming the column", async (_what, reps, kg, constraint) => {
    const { user, rowId } = await exerciseRow();
    // As the user themselves, as a Supabase client would write it.
    await expect(asUser(tdb.pool, user, (c) => logSets(c, rowId, 1, reps, kg))).rejects.toMatchObject({
      code: "23514",
      constraint,
    });
    expect(await count("training_set WHERE exercise_row_id = $1", [rowId])).toBe(0);
  });

  it("refuses a set number over 100", async () => {
    const { user, rowId } = await exerciseRow();
    await expect(
      asUser(tdb.pool, user, (c) =>
        c.query(
          "INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg) VALUES ($1, 101, 5, 60)",
          [rowId],
        ),
      ),
    ).rejects.toMatchObject({ code: "23514", constraint: "training_set_set_no_range_check" });
  });

  it("accepts the edges: 1000 reps, 0 and 2000 kg", async () => {
    const { rowId } = await exerciseRow();
    await logSets(tdb.pool, rowId, 1, 1000, 0);
    await logSets(tdb.pool, rowId, 1, 1, 2000);
    expect(await count("training_set WHERE exercise_row_id = $1", [rowId])).toBe(2);
  });

  it.each([
    ["NaN", "NaN", "modular_training_exercise_weight_range_check"],
    ["Infinity", "Infinity", "modular_training_exercise_weight_range_check"],
    ["2001 kg", 2001, "modular_training_exercise_weight_range_check"],
  ])(
    "refuses a target weight of %s on an exercise row, naming the column",
    async (_what, weight, constraint) => {
      const { user, rowId } = await exerciseRow();
      await expect(
        asUser(tdb.pool, user, (c) =>
          c.query("UPDATE modular_training_exercise SET weight = $2::real WHERE id = $1", [rowId, weight]),
        ),
      ).rejects.toMatchObject({ code: "23514", constraint });
    },
  );

  it("refuses more than 100 prescribed sets on an exercise row", async () => {
    const { rowId } = await exerciseRow();
    await expect(
      tdb.pool.query("UPDATE modular_training_exercise SET sets = 101 WHERE id = $1", [rowId]),
    ).rejects.toMatchObject({ code: "23514", constraint: "modular_training_exercise_sets_range_check" });
  });
});

describe("sets per exercise row and per week", () => {
  it("refuses the set past max_sets_per_exercise_row (50), writing nothing of the statement", async () => {
    const { user, rowId } = await exerciseRow();
    await logSets(tdb.pool, rowId, 48);
    await expect(asUser(tdb.pool, user, (c) => logSets(c, rowId, 3))).rejects.toMatchObject({
      code: "23514",
      constraint: "user_bounds_max_sets_per_exercise_row",
      message: expect.stringMatching(/^user_bounds\.max_sets_per_exercise_row: .*at most 50 \(would be 51\)/),
    });
    expect(await count("training_set WHERE exercise_row_id = $1", [rowId])).toBe(48);
    await logSets(tdb.pool, rowId, 2);
    expect(await count("training_set WHERE exercise_row_id = $1", [rowId])).toBe(50);
  });

  it("refuses the 66,000 sets of one statement that overflowed the weekly sums", async () => {
    const { rowId } = await exerciseRow();
    await expect(logSets(tdb.pool, rowId, 66_000, 1000, 60)).rejects.toMatchObject({ code: "23514" });
    expect(await count("training_set WHERE exercise_row_id = $1", [rowId])).toBe(0);
  });

  it("refuses the set past max_sets_per_week, over all of a user's rows, with the bound set by an UPDATE", async () => {
    await tdb.pool.query("UPDATE user_bounds SET max_sets_per_week = 30");
    const a = await exerciseRow();
    const { rows } = await insertPlan(a.user);
    const other = await tdb.pool.query<{ id: string }>(
      `SELECT e.id FROM modular_training_exercise e JOIN modular_training_session s ON s.id = e.session_id
       JOIN modular_training_week w ON w.id = s.week_id WHERE w.plan_id = $1`,
      [rows[0]?.id],
    );
    await logSets(tdb.pool, a.rowId, 20);
    await expect(logSets(tdb.pool, other.rows[0]?.id as string, 11)).rejects.toMatchObject({
      code: "23514",
      constraint: "user_bounds_max_sets_per_week",
    });
    await logSets(tdb.pool, other.rows[0]?.id as string, 10);
    expect(await count("training_set WHERE user_id = $1", [a.user])).toBe(30);
    // Another user's week is their own.
    const b = await exerciseRow();
    await logSets(tdb.pool, b.rowId, 30);
  });
});

describe("plans per user", () => {
  it("refuses the 11th active plan (max_active_plans, default 10), writing nothing of it", async () => {
    const user = await createUser(tdb.pool);
    for (let i = 0; i < 10; i++) await insertPlan(user);
    await expect(insertPlan(user)).rejects.toMatchObject({
      code: "23514",
      constraint: "user_bounds_max_active_plans",
    });
    expect(await count("modular_training_plan WHERE user_id = $1", [user])).toBe(10);
    expect(await count("modular_training_week WHERE user_id = $1", [user])).toBe(10);
    expect(await count("modular_training_exercise WHERE user_id = $1", [user])).toBe(10);
    // Archiving one makes room; a paused plan does not count either.
    await tdb.pool.query(
      "UPDATE modular_training_plan SET status = 'archived' WHERE id = (SELECT id FROM modular_training_plan WHERE user_id = $1 LIMIT 1)",
      [user],
    );
    await insertPlan(user);
    // Setting an archived plan active again past the bound is refused too.
    await expect(
      tdb.pool.query(
        "UPDATE modular_training_plan SET status = 'active' WHERE user_id = $1 AND status = 'archived'",
        [user],
      ),
    ).rejects.toMatchObject({ constraint: "user_bounds_max_active_plans" });
  });

  it("refuses a whole insert_full_plans call that takes one user past the bound; the others' plans wait", async () => {
    await tdb.pool.query("UPDATE user_bounds SET max_active_plans = 2");
    const full = await createUser(tdb.pool);
    const fresh = await createUser(tdb.pool);
    await insertPlan(full);
    const plan = JSON.stringify(samplePlanJson({ sessions: 1, slotsPerSession: 1 }));
    await expect(
      tdb.pool.query("SELECT insert_full_plans($1::uuid[], $2::jsonb[])", [
        [fresh, full, full],
        [plan, plan, plan],
      ]),
    ).rejects.toMatchObject({ constraint: "user_bounds_max_active_plans" });
    expect(await count("modular_training_plan WHERE user_id = ANY($1)", [[full, fresh]])).toBe(1);
  });

  it("refuses a plan with more slots in a session than max_slots_per_session (20)", async () => {
    const user = await createUser(tdb.pool);
    const huge = samplePlanJson({ weekStart: monday(-20), sessions: 14, slotsPerSession: 21 });
    await expect(insertPlan(user, huge)).rejects.toMatchObject({
      code: "22023",
      message: expect.stringMatching(
        /^insert_full_plan: sessions\[0\] \(Upper-A\): slots: at most 20 slots in a session \(user_bounds\.max_slots_per_session; got 21\)/,
      ),
    });
    await expect(
      tdb.pool.query("SELECT insert_full_plans($1::uuid[], $2::jsonb[])", [[user], [JSON.stringify(huge)]]),
    ).rejects.toMatchObject({ code: "22023" });
    expect(await count("modular_training_plan WHERE user_id = $1", [user])).toBe(0);
    await insertPlan(user, samplePlanJson({ sessions: 4, slotsPerSession: 20 }));
  });

  it("refuses more sessions than max_sessions_per_plan once an operator lowers it", async () => {
    await tdb.pool.query("UPDATE user_bounds SET max_sessions_per_plan = 3");
    const user = await createUser(tdb.pool);
    await expect(insertPlan(user, samplePlanJson({ sessions: 4, slotsPerSession: 1 }))).rejects.toMatchObject(
      {
        message: expect.stringContaining(
          "sessions: at most 3 sessions in a plan (user_bounds.max_sessions_per_plan; got 4)",
        ),
      },
    );
    await insertPlan(user, samplePlanJson({ sessions: 3, slotsPerSession: 1 }));
  });

  it("keeps the bounds within their sane ranges", async () => {
    await expect(tdb.pool.query("UPDATE user_bounds SET max_active_plans = 0")).rejects.toMatchObject({
      constraint: "user_bounds_max_active_plans_check",
    });
    await expect(tdb.pool.query("INSERT INTO user_bounds (id) VALUES (false)")).rejects.toMatchObject({
      constraint: "user_bounds_single_row_check",
    });
  });
});

describe("plan requests per user", () => {
  const request = (user: string) =>
    asUser(tdb.pool, user, (c) => c.query("INSERT INTO plan_request (params) VALUES ('{}') RETURNING id"));

  // The refusal is raised BEFORE INSERT, so the row's AFTER trigger (the job) never runs.
  it("refuses a request past max_plan_requests_per_hour, writing nothing for it", async () => {
    await tdb.pool.query("UPDATE user_bounds SET max_plan_requests_per_hour = 5, max_active_plans = 1000");
    const user = await createUser(tdb.pool);
    for (let i = 0; i < 5; i++) await request(user);
    await expect(request(user)).rejects.toMatchObject({
      code: "23514",
      constraint: "user_bounds_max_plan_requests_per_hour",
      message: expect.stringMatching(/^user_bounds\.max_plan_requests_per_hour: .*at most 5 \(would be 6\)/),
    });
    expect(await count("plan_request WHERE user_id = $1", [user])).toBe(5);
    // Another user is not held back by this one.
    await request(await createUser(tdb.pool));
  });

  it("counts queued requests with active plans: the 11th while ten are pending is refused (the 1,006-plan flood)", async () => {
    await tdb.pool.query("UPDATE user_bounds SET max_plan_requests_per_hour = 10000");
    const user = await createUser(tdb.pool);
    await insertPlan(user);
    for (let i = 0; i < 9; i++) await request(user);
    await expect(request(user)).rejects.toMatchObject({ constraint: "user_bounds_max_active_plans" });
    expect(await count("plan_request WHERE user_id = $1", [user])).toBe(9);
  });
});
