import { describe, expect, it } from "vitest";
import { createUser } from "../helpers/auth.ts";
import { databaseBefore } from "../helpers/migrate-before.ts";

describe("migration 0014 on rows from before it", () => {
  const before = databaseBefore("0014_tenant_bounds");

  it("deletes NaN and infinite sets, nulls such target weights, keeps finite rows past the bounds", async () => {
    const { pool } = before;
    const user = await createUser(pool);
    const monday = (await pool.query<{ d: string }>("SELECT date_trunc('week', now())::date::text AS d"))
      .rows[0]?.d;
    const { rows } = await pool.query<{ row_id: string }>(
      `WITH p AS (INSERT INTO modular_training_plan (user_id, split_type, week_start) VALUES ($1, 'full_body', $2) RETURNING id),
            w AS (INSERT INTO modular_training_week (plan_id, user_id, week_number, week_start)
                  SELECT id, $1, 1, $2 FROM p RETURNING id),
            s AS (INSERT INTO modular_training_session (week_id, user_id, day_label, session_date, day_of_week, focus_area)
                  SELECT id, $1, 'Full', $2, 1, 'full body' FROM w RETURNING id)
       INSERT INTO modular_training_exercise (session_id, user_id, exercise_name, sets, reps, weight)
       SELECT s.id, $1, x.name, x.sets, '5', x.weight::real FROM s,
         (VALUES ('nan', 3, 'NaN'), ('inf', 3, 'Infinity'), ('heavy', 150, '5000'), ('fine', 3, '60')) AS x(name, sets, weight)
       RETURNING id AS row_id`,
      [user, monday],
    );
    const rowId = rows[3]?.row_id as string;
    await pool.query(
      `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg)
       VALUES ($1, 1, 5, 'NaN'), ($1, 2, 5, 'Infinity'), ($1, 3, 32767, 60), ($1, 4, 5, 60)`,
      [rowId],
    );

    await before.upgrade();

    const sets = await pool.query<{ set_no: number; reps_done: number; weight_kg: number }>(
      "SELECT set_no, reps_done, weight_kg FROM training_set WHERE user_id = $1 ORDER BY set_no",
      [user],
    );
    expect(sets.rows).toEqual([
      { set_no: 3, reps_done: 32767, weight_kg: 60 },
      { set_no: 4, reps_done: 5, weight_kg: 60 },
    ]);
    const targets = await pool.query<{ exercise_name: string; sets: number; weight: number | null }>(
      "SELECT exercise_name, sets, weight FROM modular_training_exercise WHERE user_id = $1 ORDER BY exercise_name",
      [user],
    );
    expect(targets.rows).toEqual([
      { exercise_name: "fine", sets: 3, weight: 60 },
      { exercise_name: "heavy", sets: 150, weight: 5000 },
      { exercise_name: "inf", sets: 3, weight: null },
      { exercise_name: "nan", sets: 3, weight: null },
    ]);
    // The new CHECKs hold for new rows at once, and wait for the documented VALIDATE step.
    const checks = await pool.query<{ conname: string; convalidated: boolean }>(
      `SELECT conname, convalidated FROM pg_constraint WHERE conname LIKE '%\\_range\\_check' ORDER BY conname`,
    );
    expect(checks.rows).toEqual(
      [
        "modular_training_exercise_sets_range_check",
        "modular_training_exercise_weight_range_check",
        "training_set_reps_done_range_check",
        "training_set_set_no_range_check",
        "training_set_weight_kg_range_check",
      ].map((conname) => ({ conname, convalidated: false })),
    );
    await expect(
      pool.query(
        "INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg) VALUES ($1, 5, 5, 'NaN')",
        [rowId],
      ),
    ).rejects.toMatchObject({ constraint: "training_set_weight_kg_range_check" });
    // The old rows can be refreshed: the sum of reps is bigint now.
    const types = await pool.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_name = 'progress_exercise_weekly' AND column_name IN ('sets', 'reps') ORDER BY 1`,
    );
    expect(types.rows).toEqual([
      { column_name: "reps", data_type: "bigint" },
      { column_name: "sets", data_type: "bigint" },
    ]);
  });
});
