import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PG_ERROR } from "../../src/db/pg-errors.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { samplePlanJson } from "../helpers/plan-json.ts";

describe("schema rules", () => {
  let tdb: TestDatabase;
  let userId: string;
  let planId: string;
  let weekId: string;
  let sessionId: string;
  let exerciseId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    userId = await createUser(tdb.pool);
    const { rows } = await tdb.pool.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [
      userId,
      JSON.stringify(samplePlanJson({ sessions: 1, slotsPerSession: 1 })),
    ]);
    planId = rows[0]?.id as string;
    const ids = await tdb.pool.query(
      `SELECT w.id AS week_id, s.id AS session_id, e.id AS exercise_id
       FROM modular_training_week w JOIN modular_training_session s ON s.week_id = w.id
       JOIN modular_training_exercise e ON e.session_id = s.id WHERE w.plan_id = $1`,
      [planId],
    );
    ({ week_id: weekId, session_id: sessionId, exercise_id: exerciseId } = ids.rows[0]);
  });
  afterAll(() => tdb.drop());

  const violations: Array<[string, string, () => [string, unknown[]]]> = [
    [
      "day_of_week 0",
      "modular_training_session_day_of_week_check",
      () => ["UPDATE modular_training_session SET day_of_week = 0 WHERE id = $1", [sessionId]],
    ],
    [
      "day_of_week 8",
      "modular_training_session_day_of_week_check",
      () => ["UPDATE modular_training_session SET day_of_week = 8 WHERE id = $1", [sessionId]],
    ],
    [
      "overall_difficulty 0",
      "modular_training_session_difficulty_check",
      () => ["UPDATE modular_training_session SET overall_difficulty = 0 WHERE id = $1", [sessionId]],
    ],
    [
      "overall_difficulty 11",
      "modular_training_session_difficulty_check",
      () => ["UPDATE modular_training_session SET overall_difficulty = 11 WHERE id = $1", [sessionId]],
    ],
    [
      "sets 0",
      "modular_training_exercise_sets_check",
      () => ["UPDATE modular_training_exercise SET sets = 0 WHERE id = $1", [exerciseId]],
    ],
    [
      "a negative weight",
      "modular_training_exercise_weight_check",
      () => ["UPDATE modular_training_exercise SET weight = -2.5 WHERE id = $1", [exerciseId]],
    ],
    [
      "an unknown muscle",
      "modular_training_exercise_muscle_group_check",
      () => ["UPDATE modular_training_exercise SET muscle_group = 'pecs' WHERE id = $1", [exerciseId]],
    ],
    [
      "unknown equipment",
      "modular_training_exercise_equipment_check",
      () => ["UPDATE modular_training_exercise SET equipment = 'smith' WHERE id = $1", [exerciseId]],
    ],
    [
      "rpe 5",
      "training_set_rpe_check",
      () => [
        "INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe) VALUES ($1, 1, 5, 100, 5)",
        [exerciseId],
      ],
    ],
    [
      "rpe 11",
      "training_set_rpe_check",
      () => [
        "INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe) VALUES ($1, 1, 5, 100, 11)",
        [exerciseId],
      ],
    ],
    [
      "set_no 0",
      "training_set_set_no_check",
      () => [
        "INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg) VALUES ($1, 0, 5, 100)",
        [exerciseId],
      ],
    ],
    [
      "reps_done 0",
      "training_set_reps_done_check",
      () => [
        "INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg) VALUES ($1, 1, 0, 100)",
        [exerciseId],
      ],
    ],
    [
      "weight_kg -1",
      "training_set_weight_kg_check",
      () => [
        "INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg) VALUES ($1, 1, 5, -1)",
        [exerciseId],
      ],
    ],
    [
      "week_number 0",
      "modular_training_week_number_check",
      () => ["UPDATE modular_training_week SET week_number = 0 WHERE id = $1", [weekId]],
    ],
    [
      "an unknown plan status",
      "modular_training_plan_status_check",
      () => ["UPDATE modular_training_plan SET status = 'done' WHERE id = $1", [planId]],
    ],
  ];

  it.each(violations)("rejects %s (%s)", async (_label, constraint, statement) => {
    const [sql, params] = statement();
    await expect(tdb.pool.query(sql, params)).rejects.toMatchObject({
      code: PG_ERROR.checkViolation,
      constraint,
    });
  });

  it("accepts the edges of each range: day 1 and 7, difficulty 1 and 10, rpe 6 and 10, 0 kg", async () => {
    await tdb.pool.query(
      "UPDATE modular_training_session SET day_of_week = 7, overall_difficulty = 10 WHERE id = $1",
      [sessionId],
    );
    await tdb.pool.query(
      "UPDATE modular_training_session SET day_of_week = 1, overall_difficulty = 1 WHERE id = $1",
      [sessionId],
    );
    const { rowCount } = await tdb.pool.query(
      `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe)
       VALUES ($1, 1, 5, 100, 6), ($1, 2, 5, 100, 10), ($1, 3, 12, 0, NULL)`,
      [exerciseId],
    );
    expect(rowCount).toBe(3);
    const { rows } = await tdb.pool.query(
      "SELECT DISTINCT user_id FROM training_set WHERE exercise_row_id = $1",
      [exerciseId],
    );
    expect(rows).toEqual([{ user_id: userId }]); // filled from the exercise row by the trigger
  });

  it("holds one week per plan and week number", async () => {
    await tdb.pool.query(
      "INSERT INTO modular_training_week (plan_id, week_number, week_start) VALUES ($1, 2, current_date + 7)",
      [planId],
    );
    await expect(
      tdb.pool.query(
        "INSERT INTO modular_training_week (plan_id, week_number, week_start) VALUES ($1, 2, current_date + 7)",
        [planId],
      ),
    ).rejects.toMatchObject({
      code: PG_ERROR.uniqueViolation,
      constraint: "modular_training_week_plan_number_key",
    });
  });

  it("keeps a child's owner equal to its parent's: a row naming another owner is refused", async () => {
    const other = await createUser(tdb.pool);
    await expect(
      tdb.pool.query(
        "INSERT INTO modular_training_week (plan_id, user_id, week_number, week_start) VALUES ($1, $2, 9, current_date)",
        [planId, other],
      ),
    ).rejects.toMatchObject({
      code: PG_ERROR.foreignKeyViolation,
      constraint: "modular_training_week_plan_fk",
    });
  });

  it("keeps updated_at current for plain SQL writes", async () => {
    for (const table of ["modular_training_plan", "modular_training_week", "modular_training_session"]) {
      const id = {
        modular_training_plan: planId,
        modular_training_week: weekId,
        modular_training_session: sessionId,
      }[table];
      await tdb.pool.query(
        `UPDATE ${table} SET updated_at = '2000-01-01', created_at = '2000-01-01' WHERE id = $1`,
        [id],
      );
      await tdb.pool.query(
        `UPDATE ${table} SET notes = 'touched' WHERE id = $1`.replace(
          "notes = 'touched'",
          table === "modular_training_session" ? "completed = true" : "notes = 'touched'",
        ),
        [id],
      );
      const { rows } = await tdb.pool.query(
        `SELECT updated_at > now() - interval '1 minute' AS fresh FROM ${table} WHERE id = $1`,
        [id],
      );
      expect({ table, fresh: rows[0]?.fresh }).toEqual({ table, fresh: true });
    }
  });

  it("keeps the workout_sessions view's seed columns, with status from completed", async () => {
    const { rows: columns } = await tdb.pool.query(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_name = 'workout_sessions' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "uuid" },
      { column_name: "user_id", data_type: "uuid" },
      { column_name: "status", data_type: "text" },
      { column_name: "focus_area", data_type: "text" },
      { column_name: "day_of_week", data_type: "integer" },
      { column_name: "created_at", data_type: "date" },
      { column_name: "updated_at", data_type: "timestamp with time zone" },
    ]);
    await tdb.pool.query("UPDATE modular_training_session SET completed = false WHERE id = $1", [sessionId]);
    const before = await tdb.pool.query("SELECT status FROM workout_sessions WHERE id = $1", [sessionId]);
    await tdb.pool.query("UPDATE modular_training_session SET completed = true WHERE id = $1", [sessionId]);
    const after = await tdb.pool.query("SELECT status, user_id FROM workout_sessions WHERE id = $1", [
      sessionId,
    ]);
    expect([before.rows[0]?.status, after.rows[0]]).toEqual([
      "active",
      { status: "completed", user_id: userId },
    ]);
    const { rows: options } = await tdb.pool.query(
      "SELECT reloptions FROM pg_class WHERE relname = 'workout_sessions'",
    );
    expect(options[0]?.reloptions).toEqual(["security_invoker=true"]);
  });

  it("serves the view's lookup by user and status from a base-table index", async () => {
    const client = await tdb.pool.connect();
    try {
      await client.query("BEGIN; SET LOCAL enable_seqscan = off");
      const { rows } = await client.query(
        "EXPLAIN (FORMAT JSON) SELECT id, created_at FROM workout_sessions WHERE user_id = $1 AND status = 'active'",
        [userId],
      );
      expect(JSON.stringify(rows[0])).toContain("workout_sessions_user_status_idx");
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
