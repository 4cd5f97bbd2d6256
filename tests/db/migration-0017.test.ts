import { describe, expect, it } from "vitest";
import { createUser } from "../helpers/auth.ts";
import { databaseBefore } from "../helpers/migrate-before.ts";

const MIGRATION = "0017_mesocycles_feedback";

describe("migration 0017 on weeks from before it", () => {
  const before = databaseBefore(MIGRATION);

  it("numbers old weeks into blocks of the plan's deload interval, or one block without one", async () => {
    const { pool } = before;
    const user = await createUser(pool);
    const plan = async (deloadEvery: number | null) =>
      (
        await pool.query<{ id: string }>(
          `INSERT INTO modular_training_plan (user_id, split_type, week_start, deload_every_weeks)
           VALUES ($1, 'full_body', date_trunc('week', now())::date - 77, $2) RETURNING id`,
          [user, deloadEvery],
        )
      ).rows[0]?.id as string;
    const [every5, never] = [await plan(5), await plan(null)];
    for (const id of [every5, never]) {
      await pool.query(
        `INSERT INTO modular_training_week (plan_id, user_id, week_number, week_start, is_deload)
         SELECT $1, $2, n, date_trunc('week', now())::date - 77 + 7 * (n - 1), $3::int IS NOT NULL AND n % 5 = 0
         FROM generate_series(1, 11) n`,
        [id, user, id === every5 ? 5 : null],
      );
    }

    await before.upgrade();

    const weeks = async (id: string) =>
      (
        await pool.query<{ m: number; k: number }>(
          "SELECT mesocycle AS m, mesocycle_week AS k FROM modular_training_week WHERE plan_id = $1 ORDER BY week_number",
          [id],
        )
      ).rows.map((r) => `${r.m}.${r.k}`);
    expect(await weeks(every5)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "2.1",
      "2.2",
      "2.3",
      "2.4",
      "2.5",
      "3.1",
    ]);
    expect(await weeks(never)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "1.6",
      "1.7",
      "1.8",
      "1.9",
      "1.10",
      "1.11",
    ]);
    const { rows } = await pool.query<{ recovery_muscles: string[] }>(
      "SELECT DISTINCT recovery_muscles FROM modular_training_week WHERE plan_id = $1",
      [every5],
    );
    expect(rows).toEqual([{ recovery_muscles: [] }]);
  });
});
