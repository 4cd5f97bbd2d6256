// The date window (src/domain/date-window.ts, drizzle/0012_plan_date_window.sql): plan and week
// dates a year either side of today, enforced by the database for every client.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PG_ERROR } from "../../src/db/pg-errors.ts";
import { utcDateOf } from "../../src/domain/calendar.ts";
import { PLAN_DATE_WINDOW_DAYS, planDateWindow } from "../../src/domain/date-window.ts";
import { asUser, createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { samplePlanJson } from "../helpers/plan-json.ts";

describe("plan date window", () => {
  let tdb: TestDatabase;
  let userId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    userId = await createUser(tdb.pool);
  });
  afterAll(() => tdb.drop());

  const insertPlan = (weekStart: string) =>
    asUser(tdb.pool, userId, (c) =>
      c.query(
        "INSERT INTO modular_training_plan (user_id, split_type, week_start) VALUES ($1, 'full_body', $2) RETURNING id",
        [userId, weekStart],
      ),
    );

  it("is the same window in TypeScript and in the database", async () => {
    const { rows } = await tdb.pool.query<{ from: string; to: string }>(
      "SELECT plan_date_window_from()::text AS from, plan_date_window_to()::text AS to",
    );
    expect(rows[0]).toEqual(planDateWindow(new Date()));
    expect(PLAN_DATE_WINDOW_DAYS).toBe(365);
  });

  it("refuses a signed-in user's plan or week dated outside it, on insert and on update, naming the column", async () => {
    // One day past the window's last day, counted from today (not from a Monday: on a Sunday,
    // Monday + 371 is exactly today + 365, inside the window).
    const today = utcDateOf(new Date());
    for (const weekStart of ["0001-01-01", "1900-01-01", plusDays(today, 366)]) {
      await expect(insertPlan(weekStart)).rejects.toMatchObject({
        code: PG_ERROR.invalidParameterValue,
        message: expect.stringMatching(/^modular_training_plan: week_start must lie from .* \(got /),
      });
    }
    // The last day inside the window is accepted.
    await insertPlan(plusDays(today, 365));
    const { rows } = await insertPlan(monday(-50));
    const planId = rows[0]?.id as string;
    await expect(
      asUser(tdb.pool, userId, (c) =>
        c.query(
          "INSERT INTO modular_training_week (plan_id, week_number, week_start) VALUES ($1, 2, '0001-01-01')",
          [planId],
        ),
      ),
    ).rejects.toMatchObject({
      code: PG_ERROR.invalidParameterValue,
      message: expect.stringMatching(/^modular_training_week: week_start/),
    });
    await expect(
      asUser(tdb.pool, userId, (c) =>
        c.query("UPDATE modular_training_plan SET week_start = '0001-01-01' WHERE id = $1", [planId]),
      ),
    ).rejects.toMatchObject({ code: PG_ERROR.invalidParameterValue });
  });

  it("refuses it through insert_full_plan too, and nothing is written", async () => {
    const before = await tdb.pool.query("SELECT count(*)::int AS n FROM modular_training_plan");
    await expect(
      tdb.pool.query("SELECT insert_full_plan($1, $2::jsonb)", [
        userId,
        JSON.stringify(samplePlanJson({ weekStart: "0001-01-01" })),
      ]),
    ).rejects.toMatchObject({
      code: PG_ERROR.invalidParameterValue,
      message: expect.stringMatching(/week_start/),
    });
    const after = await tdb.pool.query("SELECT count(*)::int AS n FROM modular_training_plan");
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
