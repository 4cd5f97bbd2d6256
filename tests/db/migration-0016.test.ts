import { describe, expect, it } from "vitest";
import { EQUIPMENT } from "../../src/domain/vocabulary.ts";
import { createUser } from "../helpers/auth.ts";
import { databaseBefore } from "../helpers/migrate-before.ts";

const MIGRATION = "0016_exercise_exclusion";

describe("migration 0016 on plans from before it", () => {
  const before = databaseBefore(MIGRATION);

  it("fills allowed_equipment from each plan's request; leaves plans without one null", async () => {
    const { pool } = before;
    const user = await createUser(pool);
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

    await before.upgrade();

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
