// insert_full_plans: the batch form of insert_full_plan. Same rows, same checks and messages (with
// the plan's 1-based batch position), all or nothing for the whole batch.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PG_ERROR } from "../../src/db/pg-errors.ts";
import { asUser, createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { samplePlanJson } from "../helpers/plan-json.ts";

type Plan = ReturnType<typeof samplePlanJson>;

/** Sets (or with undefined, removes) a key of a session (slot null) or of a slot. */
function set(plan: Plan, session: number, slot: number | null, key: string, value: unknown) {
  const copy = structuredClone(plan) as unknown as { sessions: Array<Record<string, unknown>> };
  const s = copy.sessions[session] as Record<string, unknown>;
  const target =
    slot === null ? s : ((s.slots as Array<Record<string, unknown>>)[slot] as Record<string, unknown>);
  if (value === undefined) delete target[key];
  else target[key] = value;
  return copy;
}

/** This week's Monday: samplePlanJson's default week_start (dates come from the clock). */
const W0 = monday(0);

describe("insert_full_plans", () => {
  let tdb: TestDatabase;
  const insertBatch = (users: string[], plans: unknown[]) =>
    tdb.pool.query<{ ids: string[] }>("SELECT insert_full_plans($1::uuid[], $2::jsonb[]) AS ids", [
      users,
      plans.map((p) => JSON.stringify(p)),
    ]);
  const insertOne = (user: string, plan: unknown) =>
    tdb.pool.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [
      user,
      JSON.stringify(plan),
    ]);
  const countRows = async (user: string) => {
    const { rows } = await tdb.pool.query(
      `SELECT (SELECT count(*) FROM modular_training_plan WHERE user_id = $1)::int AS plans,
              (SELECT count(*) FROM modular_training_week WHERE user_id = $1)::int AS weeks,
              (SELECT count(*) FROM modular_training_session WHERE user_id = $1)::int AS sessions,
              (SELECT count(*) FROM modular_training_exercise WHERE user_id = $1)::int AS exercises`,
      [user],
    );
    return rows[0];
  };
  const none = { plans: 0, weeks: 0, sessions: 0, exercises: 0 };
  /** Every column of a plan's rows that is not an id or a timestamp, in a stable order. */
  const snapshot = async (planId: string) => {
    const { rows } = await tdb.pool.query(
      `SELECT to_jsonb(p) - '{id,created_at,updated_at,request_id}'::text[] AS plan,
              to_jsonb(w) - '{id,plan_id,created_at,updated_at}'::text[] AS week,
              (SELECT jsonb_agg(to_jsonb(s) - '{id,week_id,created_at,updated_at}'::text[] || jsonb_build_object(
                        'exercises', (SELECT jsonb_agg(to_jsonb(e) - '{id,session_id,created_at}'::text[]
                                                       ORDER BY e.order_in_session, e.exercise_name)
                                      FROM modular_training_exercise e WHERE e.session_id = s.id))
                      ORDER BY s.session_date, s.day_label)
               FROM modular_training_session s WHERE s.week_id = w.id) AS sessions
       FROM modular_training_plan p JOIN modular_training_week w ON w.plan_id = p.id
       WHERE p.id = $1`,
      [planId],
    );
    return rows;
  };

  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb.drop());

  it("writes a batch of 3 plans for 2 users exactly as insert_full_plan writes each", async () => {
    const [alice, bob] = [await createUser(tdb.pool), await createUser(tdb.pool)];
    const third = samplePlanJson({
      sessions: 2,
      slotsPerSession: 4,
      weekStart: plusDays(W0, 7),
    }) as unknown as Record<string, unknown>;
    delete third.goal_type; // defaults apply in the batch too
    third.experience_level = null;
    const plans = [samplePlanJson(), samplePlanJson({ sessions: 3, slotsPerSession: 2 }), third];
    const users = [alice as string, bob as string, alice as string];
    const { rows } = await insertBatch(users, plans);
    const ids = rows[0]?.ids as string[];
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    for (const [i, plan] of plans.entries()) {
      const user = await createUser(tdb.pool);
      const single = await insertOne(user, plan);
      const [batchRow] = await snapshot(ids[i] as string);
      const [singleRow] = await snapshot(single.rows[0]?.id as string);
      expect(batchRow.plan.user_id).toBe(users[i]);
      // Same rows but for the owner: compare with the owner column swapped in.
      const swap = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll(user, users[i] as string));
      expect(batchRow).toEqual(swap(singleRow));
    }
    expect(await countRows(alice as string)).toEqual({ plans: 2, weeks: 2, sessions: 6, exercises: 20 });
    expect(await countRows(bob as string)).toEqual({ plans: 1, weeks: 1, sessions: 3, exercises: 6 });
  });

  it("fails the whole batch with 22023 naming plans[2] and the slot when the second plan is bad", async () => {
    const user = await createUser(tdb.pool);
    const bad = set(samplePlanJson(), 3, 2, "sets", "three");
    await expect(
      insertBatch([user, user, user], [samplePlanJson(), bad, samplePlanJson()]),
    ).rejects.toMatchObject({
      code: PG_ERROR.invalidParameterValue,
      message:
        'insert_full_plans: plans[2]: sessions[3] (Lower-B).slots[2] (Exercise 3.2): sets must be an integer from 1 to 20 (got "three")',
    });
    expect(await countRows(user)).toEqual(none);
  });

  // Every rejection of plan_json_problem comes out the same through the batch, with its position.
  const bad: Array<[string, (p: Plan) => unknown]> = [
    ["a plan that is not an object", () => [1, 2]],
    ["a missing split_type", (p) => ({ ...p, split_type: undefined })],
    ["a week_start that is not a date", (p) => ({ ...p, week_start: "2026-02-30" })],
    ["a week_start that is not a Monday", (p) => ({ ...p, week_start: plusDays(W0, 1) })],
    ["an unknown goal", (p) => ({ ...p, goal_type: "bulk" })],
    ["no sessions", (p) => ({ ...p, sessions: [] })],
    ["a bad request_id", (p) => ({ ...p, request_id: "nope" })],
    ["a deload of 1", (p) => ({ ...p, deload_every_weeks: 1 })],
    ["a session that is not an object", (p) => ({ ...p, sessions: [...p.sessions, 7] })],
    ["a day_of_week of 8", (p) => set(p, 1, null, "day_of_week", 8)],
    ["a day_of_week of 1.0", (p) => set(p, 0, null, "day_of_week", 1.5)],
    ["a date outside the week", (p) => set(p, 0, null, "date", plusDays(W0, 7))],
    ["a date on another weekday", (p) => set(p, 0, null, "date", plusDays(W0, 1))],
    ["a date that is a number", (p) => set(p, 0, null, "date", 20261130)],
    ["an empty focus_area", (p) => set(p, 2, null, "focus_area", " ")],
    ["a duration of 601", (p) => set(p, 2, null, "duration_minutes", 601)],
    ["a session_number of null", (p) => set(p, 2, null, "session_number", null)],
    ["a session with no slots", (p) => set(p, 3, null, "slots", [])],
    ["a slot that is not an object", (p) => set(p, 3, null, "slots", ["x"])],
    ["sets that are text", (p) => set(p, 3, 2, "sets", "three")],
    ["sets of 3.5", (p) => set(p, 3, 2, "sets", 3.5)],
    ["zero sets", (p) => set(p, 0, 1, "sets", 0)],
    ["a missing name", (p) => set(p, 1, 0, "name", undefined)],
    ["a numeric name", (p) => set(p, 1, 0, "name", 5)],
    ["an empty exercise_id", (p) => set(p, 1, 0, "exercise_id", " ")],
    ["empty reps", (p) => set(p, 1, 1, "reps", "")],
    ["reps that are null", (p) => set(p, 1, 1, "reps", null)],
    ["an unknown muscle", (p) => set(p, 2, 0, "muscle_group", "pecs")],
    ["unknown equipment", (p) => set(p, 2, 1, "equipment", "smith")],
    ["an unknown tier", (p) => set(p, 2, 2, "tier", "T4")],
    ["a negative order", (p) => set(p, 0, 0, "order_in_session", -1)],
    ["a rir of 11", (p) => set(p, 0, 0, "rir", 11)],
    ["a negative weight", (p) => set(p, 0, 0, "weight", -5)],
    ["a weight that is text", (p) => set(p, 0, 0, "weight", "5")],
    ["secondary muscles with a stranger", (p) => set(p, 0, 0, "secondary_muscles", ["chest", "pecs"])],
    ["secondary muscles nested", (p) => set(p, 0, 0, "secondary_muscles", [["chest"]])],
    ["secondary muscles as text", (p) => set(p, 0, 0, "secondary_muscles", "chest")],
  ];

  it.each(bad)("rejects %s with plan_json_problem's message and its position", async (_label, mutate) => {
    const user = await createUser(tdb.pool);
    const plan = mutate(samplePlanJson());
    const { rows } = await tdb.pool.query<{ msg: string }>("SELECT plan_json_problem($1::jsonb) AS msg", [
      JSON.stringify(plan),
    ]);
    const problem = rows[0]?.msg;
    expect(problem).toBeTruthy();
    await expect(insertBatch([user, user], [samplePlanJson(), plan])).rejects.toMatchObject({
      code: PG_ERROR.invalidParameterValue,
      message: `insert_full_plans: plans[2]: ${problem}`,
    });
    expect(await countRows(user)).toEqual(none);
  });

  it("accepts the valid forms the exact check accepts but the fast filter does not", async () => {
    const user = await createUser(tdb.pool);
    let plan = set(samplePlanJson({ sessions: 1, slotsPerSession: 2 }), 0, 0, "sets", "3");
    plan = set(plan as unknown as Plan, 0, 0, "order_in_session", 40);
    plan = set(plan as unknown as Plan, 0, 1, "secondary_muscles", ["chest", "triceps"]);
    plan = set(plan as unknown as Plan, 0, 1, "weight", 62.5);
    plan = set(plan as unknown as Plan, 0, null, "session_number", 20);
    const { rows } = await insertBatch([user], [plan]);
    expect(rows[0]?.ids).toHaveLength(1);
    const { rows: ex } = await tdb.pool.query(
      "SELECT sets, order_in_session, weight, secondary_muscles FROM modular_training_exercise WHERE user_id = $1 ORDER BY order_in_session",
      [user],
    );
    expect(ex).toEqual([
      { sets: 3, order_in_session: 2, weight: 62.5, secondary_muscles: ["chest", "triceps"] },
      { sets: 3, order_in_session: 40, weight: null, secondary_muscles: null },
    ]);
  });

  it("lets a signed-in user write a batch of their own plans, and none with another's", async () => {
    const alice = await createUser(tdb.pool);
    const bob = await createUser(tdb.pool);
    const plan = JSON.stringify(samplePlanJson({ sessions: 2, slotsPerSession: 2 }));
    const own = await asUser(tdb.pool, alice, (c) =>
      c.query<{ ids: string[] }>("SELECT insert_full_plans($1::uuid[], $2::jsonb[]) AS ids", [
        [alice, alice],
        [plan, plan],
      ]),
    );
    expect(own.rows[0]?.ids).toHaveLength(2);
    await expect(
      asUser(tdb.pool, alice, (c) =>
        c.query("SELECT insert_full_plans($1::uuid[], $2::jsonb[])", [
          [alice, bob],
          [plan, plan],
        ]),
      ),
    ).rejects.toMatchObject({
      code: PG_ERROR.insufficientPrivilege,
      message: expect.stringMatching(/only for themselves/),
    });
    expect(await countRows(bob)).toEqual(none);
    expect(await countRows(alice)).toEqual({ plans: 2, weeks: 2, sessions: 4, exercises: 8 });
  });

  it("refuses a request_id twice in one batch (23505) and writes nothing", async () => {
    const user = await createUser(tdb.pool);
    const requestId = "7a1c2b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f";
    const plan = { ...samplePlanJson(), request_id: requestId };
    await expect(insertBatch([user, user], [plan, plan])).rejects.toMatchObject({
      code: PG_ERROR.uniqueViolation,
      constraint: "modular_training_plan_request_key",
    });
    expect(await countRows(user)).toEqual(none);
  });

  it("checks its arguments", async () => {
    const user = await createUser(tdb.pool);
    await expect(insertBatch([user], [])).rejects.toMatchObject({ code: PG_ERROR.invalidParameterValue });
    await expect(
      tdb.pool.query("SELECT insert_full_plans(ARRAY[NULL]::uuid[], ARRAY[$1::jsonb])", [
        JSON.stringify(samplePlanJson()),
      ]),
    ).rejects.toMatchObject({ code: "22004" });
    const { rows } = await insertBatch([], []);
    expect(rows[0]?.ids).toEqual([]);
  });

  it("is executable by authenticated and service_role, not by anon", async () => {
    const { rows } = await tdb.pool.query(
      `SELECT r AS role, has_function_privilege(r, 'public.insert_full_plans(uuid[], jsonb[])', 'EXECUTE') AS can
       FROM unnest(ARRAY['anon', 'authenticated', 'service_role']) r ORDER BY r`,
    );
    expect(rows).toEqual([
      { role: "anon", can: false },
      { role: "authenticated", can: true },
      { role: "service_role", can: true },
    ]);
  });
});
