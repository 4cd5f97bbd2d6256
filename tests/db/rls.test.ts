// Row-level security signed in the way Supabase signs in (JWT claims + SET LOCAL ROLE), as two
// users and as anon, on every user table of the seed and the back-compat view.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PG_ERROR } from "../../src/db/pg-errors.ts";
import { as, asUser, createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { samplePlanJson } from "../helpers/plan-json.ts";

interface Owned {
  planId: string;
  weekId: string;
  sessionId: string;
  exerciseId: string;
  setId: string;
  feedbackId: string;
}

/** Each user table, how to find one of a user's rows, and a harmless update of it. */
const TABLES = [
  { table: "modular_training_plan", id: (o: Owned) => o.planId, update: "notes = 'x'" },
  { table: "modular_training_week", id: (o: Owned) => o.weekId, update: "notes = 'x'" },
  { table: "modular_training_session", id: (o: Owned) => o.sessionId, update: "completed = true" },
  { table: "modular_training_exercise", id: (o: Owned) => o.exerciseId, update: "notes = 'x'" },
  { table: "training_set", id: (o: Owned) => o.setId, update: "reps_done = 9" },
  { table: "muscle_feedback", id: (o: Owned) => o.feedbackId, update: "soreness = 3" },
] as const;

describe("row-level security", () => {
  let tdb: TestDatabase;
  let alice: string;
  let bob: string;
  let a: Owned;
  let b: Owned;

  async function seed(user: string): Promise<Owned> {
    const { rows } = await tdb.pool.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [
      user,
      JSON.stringify(samplePlanJson({ sessions: 2, slotsPerSession: 2 })),
    ]);
    const planId = rows[0]?.id as string;
    const { rows: ids } = await tdb.pool.query(
      `SELECT w.id AS week_id, s.id AS session_id, e.id AS exercise_id
       FROM modular_training_week w JOIN modular_training_session s ON s.week_id = w.id
       JOIN modular_training_exercise e ON e.session_id = s.id WHERE w.plan_id = $1 LIMIT 1`,
      [planId],
    );
    const { rows: sets } = await tdb.pool.query<{ id: string }>(
      "INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe) VALUES ($1, 1, 8, 60, 8) RETURNING id",
      [ids[0].exercise_id],
    );
    const { rows: feedback } = await tdb.pool.query<{ id: string }>(
      `INSERT INTO muscle_feedback (user_id, session_id, muscle_group, soreness, pump, joint_pain)
       VALUES ($1, $2, 'chest', 1, 2, false) RETURNING id`,
      [user, ids[0].session_id],
    );
    return {
      planId,
      weekId: ids[0].week_id,
      sessionId: ids[0].session_id,
      exerciseId: ids[0].exercise_id,
      setId: sets[0]?.id as string,
      feedbackId: feedback[0]?.id as string,
    };
  }

  beforeAll(async () => {
    tdb = await createTestDatabase();
    alice = await createUser(tdb.pool);
    bob = await createUser(tdb.pool);
    a = await seed(alice);
    b = await seed(bob);
  });
  afterAll(() => tdb.drop());

  describe.each(TABLES)("$table", ({ table, id, update }) => {
    it("a user reads only their own rows", async () => {
      const seen = await asUser(tdb.pool, alice, (c) =>
        c.query<{ user_id: string }>(`SELECT DISTINCT user_id FROM ${table}`),
      );
      expect(seen.rows).toEqual([{ user_id: alice }]);
      const other = await asUser(tdb.pool, alice, (c) =>
        c.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id(b)]),
      );
      expect(other.rowCount).toBe(0);
    });

    it("a user can neither update nor delete another user's rows", async () => {
      const updated = await asUser(tdb.pool, alice, (c) =>
        c.query(`UPDATE ${table} SET ${update} WHERE id = $1`, [id(b)]),
      );
      const deleted = await asUser(tdb.pool, alice, (c) =>
        c.query(`DELETE FROM ${table} WHERE id = $1`, [id(b)]),
      );
      expect([updated.rowCount, deleted.rowCount]).toEqual([0, 0]);
      const still = await tdb.pool.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id(b)]);
      expect(still.rowCount).toBe(1);
    });

    it("a user cannot hand their own row to another user", async () => {
      await expect(
        asUser(tdb.pool, alice, (c) =>
          c.query(`UPDATE ${table} SET user_id = $1 WHERE id = $2`, [bob, id(a)]),
        ),
      ).rejects.toMatchObject({ code: PG_ERROR.insufficientPrivilege });
    });

    it("a user can update their own rows", async () => {
      const updated = await asUser(tdb.pool, alice, (c) =>
        c.query(`UPDATE ${table} SET ${update} WHERE id = $1`, [id(a)]),
      );
      expect(updated.rowCount).toBe(1);
    });

    it("anon reads nothing and writes nothing", async () => {
      await expect(
        as(tdb.pool, { role: "anon" }, (c) => c.query(`SELECT 1 FROM ${table}`)),
      ).rejects.toMatchObject({
        code: PG_ERROR.insufficientPrivilege,
      });
      await expect(
        as(tdb.pool, { role: "anon" }, (c) => c.query(`DELETE FROM ${table} WHERE id = $1`, [id(a)])),
      ).rejects.toMatchObject({ code: PG_ERROR.insufficientPrivilege });
    });
  });

  describe("inserts for another user", () => {
    it("refuses a plan with another user's id", async () => {
      await expect(
        asUser(tdb.pool, alice, (c) =>
          c.query(
            "INSERT INTO modular_training_plan (user_id, split_type, week_start) VALUES ($1, 'full_body', current_date)",
            [bob],
          ),
        ),
      ).rejects.toMatchObject({ code: PG_ERROR.insufficientPrivilege });
    });

    it.each([
      [
        "modular_training_week",
        "INSERT INTO modular_training_week (plan_id, week_number, week_start) VALUES ($1, 7, current_date)",
        (o: Owned) => o.planId,
      ],
      [
        "modular_training_session",
        "INSERT INTO modular_training_session (week_id, day_label, session_date, day_of_week, focus_area) VALUES ($1, 'X', current_date, 2, 'chest')",
        (o: Owned) => o.weekId,
      ],
      [
        "modular_training_exercise",
        "INSERT INTO modular_training_exercise (session_id, exercise_name, sets, reps) VALUES ($1, 'X', 3, '8-12')",
        (o: Owned) => o.sessionId,
      ],
      [
        "training_set",
        "INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg) VALUES ($1, 2, 5, 50)",
        (o: Owned) => o.exerciseId,
      ],
      [
        "muscle_feedback",
        "INSERT INTO muscle_feedback (session_id, muscle_group, soreness) VALUES ($1, 'quadriceps', 2)",
        (o: Owned) => o.sessionId,
      ],
    ])(
      "refuses a %s row under another user's parent, with or without naming the owner",
      async (table, sql, parent) => {
        // Without user_id the owner comes from the parent, which alice cannot see.
        await expect(asUser(tdb.pool, alice, (c) => c.query(sql, [parent(b)]))).rejects.toMatchObject({
          code: PG_ERROR.foreignKeyViolation,
        });
        // Naming bob as owner breaks her policy's WITH CHECK.
        const withOwner = sql
          .replace(/\(([a-z_]+),/, "(user_id, $1,")
          .replace("VALUES ($1,", "VALUES ($2, $1,");
        await expect(
          asUser(tdb.pool, alice, (c) => c.query(withOwner, [parent(b), bob])),
        ).rejects.toMatchObject({
          code: PG_ERROR.insufficientPrivilege,
        });
        const { rows } = await tdb.pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [
          bob,
        ]);
        expect(rows[0].n).toBeGreaterThan(0); // bob's rows are untouched; none were added for him
      },
    );

    it("lets a user add rows under their own parents", async () => {
      const { rows } = await asUser(tdb.pool, alice, (c) =>
        c.query<{ user_id: string }>(
          "INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg) VALUES ($1, 2, 5, 50) RETURNING user_id",
          [a.exerciseId],
        ),
      );
      expect(rows).toEqual([{ user_id: alice }]);
    });
  });

  describe("workout_sessions view", () => {
    it("shows a user only their own sessions, and anon nothing", async () => {
      const seen = await asUser(tdb.pool, alice, (c) =>
        c.query<{ user_id: string }>("SELECT DISTINCT user_id FROM workout_sessions"),
      );
      expect(seen.rows).toEqual([{ user_id: alice }]);
      await expect(
        as(tdb.pool, { role: "anon" }, (c) => c.query("SELECT 1 FROM workout_sessions")),
      ).rejects.toMatchObject({ code: PG_ERROR.insufficientPrivilege });
    });
  });

  describe("exrcwiki", () => {
    it("is readable by signed-in users and written by the service only", async () => {
      await tdb.pool.query(
        `INSERT INTO exrcwiki (exercise_id, name, equipment, muscle_group, level, category)
         VALUES ('rls_test_ex', 'RLS Test Press', 'barbell', 'chest', 'beginner', 'strength') ON CONFLICT DO NOTHING`,
      );
      const read = await asUser(tdb.pool, alice, (c) =>
        c.query("SELECT name FROM exrcwiki WHERE exercise_id = 'rls_test_ex'"),
      );
      expect(read.rows).toEqual([{ name: "RLS Test Press" }]);
      for (const sql of [
        "INSERT INTO exrcwiki (exercise_id, name, equipment, muscle_group, level, category) VALUES ('x', 'x', 'barbell', 'chest', 'beginner', 'strength')",
        "UPDATE exrcwiki SET name = 'hacked' WHERE exercise_id = 'rls_test_ex'",
        "DELETE FROM exrcwiki WHERE exercise_id = 'rls_test_ex'",
      ]) {
        await expect(asUser(tdb.pool, alice, (c) => c.query(sql))).rejects.toMatchObject({
          code: PG_ERROR.insufficientPrivilege,
        });
      }
      await expect(
        as(tdb.pool, { role: "anon" }, (c) => c.query("SELECT 1 FROM exrcwiki")),
      ).rejects.toMatchObject({
        code: PG_ERROR.insufficientPrivilege,
      });
      const service = await as(tdb.pool, { role: "service_role" }, (c) =>
        c.query("UPDATE exrcwiki SET name = 'RLS Test Press (service)' WHERE exercise_id = 'rls_test_ex'"),
      );
      expect(service.rowCount).toBe(1);
    });
  });

  it("every table in public has row-level security on", async () => {
    const { rows } = await tdb.pool.query(
      `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity ORDER BY relname`,
    );
    expect(rows).toEqual([]);
  });
});
