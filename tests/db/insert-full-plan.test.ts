import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PG_ERROR } from "../../src/db/pg-errors.ts";
import { EQUIPMENT } from "../../src/domain/vocabulary.ts";
import { asUser, createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { samplePlanJson } from "../helpers/plan-json.ts";

/** This week's Monday: samplePlanJson's default week_start (dates come from the clock). */
const W0 = monday(0);

describe("insert_full_plan", () => {
  let tdb: TestDatabase;
  let userId: string;
  const insert = (plan: unknown, user = userId) =>
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

  beforeAll(async () => {
    tdb = await createTestDatabase();
    userId = await createUser(tdb.pool);
  });
  afterAll(() => tdb.drop());

  it("round-trips the seed's JSON into plan, week 1, sessions and exercise rows", async () => {
    const plan = samplePlanJson({ sessions: 4, slotsPerSession: 3 });
    const { rows } = await insert(plan);
    const planId = rows[0]?.id as string;

    const { rows: plans } = await tdb.pool.query(
      "SELECT user_id, split_type, week_start, goal_type, experience_level, status FROM modular_training_plan WHERE id = $1",
      [planId],
    );
    expect(plans).toEqual([
      {
        user_id: userId,
        split_type: "upper_lower",
        week_start: W0,
        goal_type: "hypertrophy",
        experience_level: "intermediate",
        status: "active",
      },
    ]);
    const { rows: weeks } = await tdb.pool.query(
      "SELECT week_number, week_start FROM modular_training_week WHERE plan_id = $1",
      [planId],
    );
    expect(weeks).toEqual([{ week_number: 1, week_start: W0 }]);

    const { rows: stored } = await tdb.pool.query(
      `SELECT s.day_label, s.session_date, s.day_of_week, s.focus_area, s.completed,
              e.exercise_id, e.exercise_name, e.muscle_group, e.sets, e.reps, e.equipment, e.tier, e.order_in_session
       FROM modular_training_session s
       JOIN modular_training_week w ON w.id = s.week_id
       JOIN modular_training_exercise e ON e.session_id = s.id
       WHERE w.plan_id = $1
       ORDER BY s.session_date, e.order_in_session`,
      [planId],
    );
    const expected = plan.sessions.flatMap((s) =>
      s.slots.map((slot) => ({
        day_label: s.day_name,
        session_date: s.date,
        day_of_week: s.day_of_week,
        focus_area: s.focus_area,
        completed: false,
        exercise_id: slot.exercise_id,
        exercise_name: slot.name,
        muscle_group: slot.muscle_group,
        sets: slot.sets,
        reps: slot.reps,
        equipment: slot.equipment,
        tier: slot.tier,
        order_in_session: slot.order_in_session,
      })),
    );
    expect(stored).toEqual(expected);
  });

  it("accepts every equipment value of the vocabulary, pullup_bar and bench included, in both forms", async () => {
    for (const equipment of EQUIPMENT) {
      // A user per value: two active plans each, under the bound of active plans per user.
      const user = await createUser(tdb.pool);
      const plan = samplePlanJson({ sessions: 1, slotsPerSession: 1 });
      (plan.sessions[0]?.slots[0] as { equipment: string }).equipment = equipment;
      await expect(insert(plan, user)).resolves.toBeDefined();
      await expect(
        tdb.pool.query("SELECT insert_full_plans($1::uuid[], $2::jsonb[])", [[user], [JSON.stringify(plan)]]),
      ).resolves.toBeDefined();
    }
  });

  it("writes a slot's notes (the generator's superset marks) into the exercise row, in both forms", async () => {
    const plan = samplePlanJson({ sessions: 1, slotsPerSession: 2 });
    for (const slot of plan.sessions[0]?.slots ?? []) (slot as { notes?: string }).notes = "superset A";
    const user = await createUser(tdb.pool);
    const { rows } = await insert(plan, user);
    const batch = await tdb.pool.query<{ ids: string[] }>(
      "SELECT insert_full_plans($1::uuid[], $2::jsonb[]) AS ids",
      [[user], [JSON.stringify(plan)]],
    );
    for (const planId of [rows[0]?.id, batch.rows[0]?.ids[0]]) {
      const stored = await tdb.pool.query(
        `SELECT e.notes FROM modular_training_exercise e
         JOIN modular_training_session s ON s.id = e.session_id
         JOIN modular_training_week w ON w.id = s.week_id WHERE w.plan_id = $1`,
        [planId],
      );
      expect(stored.rows).toEqual([{ notes: "superset A" }, { notes: "superset A" }]);
    }
  });

  it("applies the column defaults where the JSON leaves goal_type, experience_level and order out", async () => {
    const user = await createUser(tdb.pool);
    const plan = samplePlanJson({ sessions: 1, slotsPerSession: 1 }) as unknown as Record<string, unknown>;
    delete plan.goal_type;
    plan.experience_level = null; // an explicit null is "not given" too
    const sessions = plan.sessions as Array<{ slots: Array<Record<string, unknown>> }>;
    delete sessions[0]?.slots[0]?.order_in_session;
    const { rows } = await insert(plan, user);
    const { rows: stored } = await tdb.pool.query(
      `SELECT p.goal_type, p.experience_level, p.deload_every_weeks, s.session_number, e.order_in_session
       FROM modular_training_plan p
       JOIN modular_training_week w ON w.plan_id = p.id
       JOIN modular_training_session s ON s.week_id = w.id
       JOIN modular_training_exercise e ON e.session_id = s.id
       WHERE p.id = $1`,
      [rows[0]?.id],
    );
    const { rows: defaults } = await tdb.pool.query(
      `SELECT column_name, column_default FROM information_schema.columns
       WHERE table_name = 'modular_training_plan' AND column_name IN ('goal_type', 'experience_level')
       ORDER BY column_name`,
    );
    expect(defaults).toEqual([
      { column_name: "experience_level", column_default: "'intermediate'::text" },
      { column_name: "goal_type", column_default: "'general_fitness'::text" },
    ]);
    expect(stored).toEqual([
      {
        goal_type: "general_fitness",
        experience_level: "intermediate",
        // No deload_every_weeks key: null, the worker picks the mesocycle length (docs/mesocycles.md).
        deload_every_weeks: null,
        session_number: 1,
        order_in_session: 1,
      },
    ]);
  });

  const bad: Array<[string, (p: ReturnType<typeof samplePlanJson>) => unknown, RegExp]> = [
    ["a plan that is not an object", () => [1, 2], /plan: must be a JSON object/],
    [
      "a missing split_type",
      (p) => ({ ...p, split_type: undefined }),
      /split_type: must be a non-empty string/,
    ],
    [
      "a week_start that is not a date",
      (p) => ({ ...p, week_start: "2026-02-30" }),
      /week_start: must be a date/,
    ],
    [
      "a week_start that is not a Monday",
      (p) => ({ ...p, week_start: plusDays(W0, 1) }),
      /week_start: must be a Monday/,
    ],
    ["an unknown goal", (p) => ({ ...p, goal_type: "bulk" }), /goal_type: must be one of/],
    ["no sessions", (p) => ({ ...p, sessions: [] }), /sessions: must be a non-empty array/],
    [
      "a day_of_week of 8",
      (p) => set(p, 1, null, "day_of_week", 8),
      /sessions\[1\] \(Lower-A\): day_of_week must be/,
    ],
    [
      "a date outside the week",
      (p) => set(p, 0, null, "date", plusDays(W0, 7)),
      new RegExp(`sessions\\[0\\] \\(Upper-A\\): date ${plusDays(W0, 7)} is not in the week`),
    ],
    [
      "a date on another weekday",
      (p) => set(p, 0, null, "date", plusDays(W0, 1)),
      new RegExp(`sessions\\[0\\] \\(Upper-A\\): date ${plusDays(W0, 1)} is not day_of_week 1`),
    ],
    [
      "an empty focus_area",
      (p) => set(p, 2, null, "focus_area", " "),
      /sessions\[2\] \(Upper-B\): focus_area must be/,
    ],
    [
      "a session with no slots",
      (p) => set(p, 3, null, "slots", []),
      /sessions\[3\] \(Lower-B\): slots must be a non-empty array/,
    ],
    [
      "sets that are text",
      (p) => set(p, 3, 2, "sets", "three"),
      /sessions\[3\] \(Lower-B\)\.slots\[2\] \(Exercise 3\.2\): sets must be an integer from 1 to 20 \(got "three"\)/,
    ],
    [
      "zero sets",
      (p) => set(p, 0, 1, "sets", 0),
      /sessions\[0\] \(Upper-A\)\.slots\[1\] \(Exercise 0\.1\): sets must be/,
    ],
    [
      "a missing name",
      (p) => set(p, 1, 0, "name", undefined),
      /sessions\[1\] \(Lower-A\)\.slots\[0\]: name must be a non-empty string/,
    ],
    ["empty reps", (p) => set(p, 1, 1, "reps", ""), /slots\[1\] \(Exercise 1\.1\): reps must be text/],
    [
      "an unknown muscle",
      (p) => set(p, 2, 0, "muscle_group", "pecs"),
      /slots\[0\] \(Exercise 2\.0\): muscle_group "pecs" is not in the muscle vocabulary/,
    ],
    [
      "unknown equipment",
      (p) => set(p, 2, 1, "equipment", "smith"),
      /equipment "smith" is not in the equipment vocabulary/,
    ],
    ["an unknown tier", (p) => set(p, 2, 2, "tier", "T4"), /tier must be T1, T2 or T3/],
    [
      "a negative order",
      (p) => set(p, 0, 0, "order_in_session", -1),
      /order_in_session must be a positive integer/,
    ],
    ["a negative weight", (p) => set(p, 0, 0, "weight", -5), /weight must be null, 0, or a number/],
    ["notes that are not text", (p) => set(p, 0, 0, "notes", 5), /notes must be null or text of at most 200/],
  ];

  it.each(bad)(
    "rejects %s with a message naming the place, and writes nothing",
    async (_label, mutate, message) => {
      const user = await createUser(tdb.pool);
      const plan = mutate(samplePlanJson());
      await expect(insert(plan, user)).rejects.toMatchObject({
        code: PG_ERROR.invalidParameterValue,
        message: expect.stringMatching(message),
      });
      expect(await countRows(user)).toEqual({ plans: 0, weeks: 0, sessions: 0, exercises: 0 });
    },
  );

  it("is all or nothing: a failure in the last statement leaves no plan, week or session behind", async () => {
    const user = await createUser(tdb.pool);
    // Fault injection in this test's own database: exercise rows are written last, so a row that
    // fails there proves the plan, week and sessions written before it are rolled back too.
    await tdb.pool.query(`
      CREATE FUNCTION test_fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.exercise_name = 'BOOM' THEN RAISE EXCEPTION 'injected failure' USING ERRCODE = 'P0001'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_fail_on_boom BEFORE INSERT ON modular_training_exercise
        FOR EACH ROW EXECUTE FUNCTION test_fail_on_boom();`);
    try {
      await expect(insert(set(samplePlanJson(), 3, 2, "name", "BOOM"), user)).rejects.toMatchObject({
        code: PG_ERROR.raiseException,
      });
      expect(await countRows(user)).toEqual({ plans: 0, weeks: 0, sessions: 0, exercises: 0 });
    } finally {
      await tdb.pool.query("DROP TRIGGER test_fail_on_boom ON modular_training_exercise");
    }
  });

  it("writes one plan per request_id: a second call with the same id fails and adds nothing", async () => {
    const user = await createUser(tdb.pool);
    const requestId = "4f7c2b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f";
    await insert({ ...samplePlanJson(), request_id: requestId }, user);
    await expect(insert({ ...samplePlanJson(), request_id: requestId }, user)).rejects.toMatchObject({
      code: PG_ERROR.uniqueViolation,
    });
    expect(await countRows(user)).toEqual({ plans: 1, weeks: 1, sessions: 4, exercises: 12 });
  });

  it("lets a signed-in user create their own plan, and no one else's", async () => {
    const alice = await createUser(tdb.pool);
    const bob = await createUser(tdb.pool);
    const plan = JSON.stringify(samplePlanJson({ sessions: 2, slotsPerSession: 2 }));
    const own = await asUser(tdb.pool, alice, (c) =>
      c.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [alice, plan]),
    );
    expect(own.rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(
      asUser(tdb.pool, alice, (c) => c.query("SELECT insert_full_plan($1, $2::jsonb)", [bob, plan])),
    ).rejects.toMatchObject({
      code: PG_ERROR.insufficientPrivilege,
      message: expect.stringMatching(/only for themselves/),
    });
    expect(await countRows(bob)).toEqual({ plans: 0, weeks: 0, sessions: 0, exercises: 0 });
    expect(await countRows(alice)).toEqual({ plans: 1, weeks: 1, sessions: 2, exercises: 4 });
  });
});

/** Sets (or with undefined, removes) a key of a session (slot null) or of a slot. */
function set(
  plan: ReturnType<typeof samplePlanJson>,
  session: number,
  slot: number | null,
  key: string,
  value: unknown,
) {
  const copy = structuredClone(plan) as unknown as { sessions: Array<Record<string, unknown>> };
  const s = copy.sessions[session] as Record<string, unknown>;
  const target =
    slot === null ? s : ((s.slots as Array<Record<string, unknown>>)[slot] as Record<string, unknown>);
  if (value === undefined) delete target[key];
  else target[key] = value;
  return copy;
}
