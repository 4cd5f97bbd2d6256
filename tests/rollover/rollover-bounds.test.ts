// What one run of the rollover writes per plan is bounded (issue 18; docs/bounds.md): a plan's
// size is bounded when it is written (user_bounds), its weeks per run by
// ROLLOVER_MAX_WEEKS_PER_PLAN; a plan from before the bounds, larger than they allow, is skipped
// and logged; and a plan the database refuses on its own data is skipped while the others roll.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { rolloverAsOf } from "../../src/jobs/plan-rollover/rollover.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { makePlan, silent, weekRows, weeksOf } from "./helpers.ts";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  tdb.pool.on("error", () => {});
});
afterAll(() => tdb.drop());

describe("the rollover's bounds per plan", () => {
  it("skips a plan larger than the bounds allow (written before them), and rolls the others", async () => {
    const w1 = monday(-3);
    const asOf = plusDays(w1, 8);
    // A plan of 7 x 30 = 210 rows, written while an operator allowed 30 slots; then the bounds
    // are tightened to 7 x 20 = 140 rows a plan, so it stands as a plan from before them would.
    await tdb.pool.query("UPDATE user_bounds SET max_slots_per_session = 30");
    const big = await makePlan(tdb.pool, await createUser(tdb.pool), {
      weekStart: w1,
      sessions: 7,
      slots: 30,
    });
    await tdb.pool.query("UPDATE user_bounds SET max_sessions_per_plan = 7, max_slots_per_session = 20");
    const small = await makePlan(tdb.pool, await createUser(tdb.pool), {
      weekStart: w1,
      sessions: 2,
      slots: 3,
    });
    try {
      const result = await rolloverAsOf(tdb.pool, asOf, { batchPlans: 10, logger: silent });
      expect(result).toEqual({ weeksCreated: 1, plansRolled: 1, plansSkipped: 1 });
      expect(await weeksOf(tdb.pool, big)).toHaveLength(1);
      expect(await weeksOf(tdb.pool, small)).toHaveLength(2);
    } finally {
      await tdb.pool.query(
        "UPDATE user_bounds SET max_sessions_per_plan = DEFAULT, max_slots_per_session = DEFAULT",
      );
    }
  });

  it("skips a plan whose row the database refuses (a load from before the CHECK), while its batch-mates roll", async () => {
    const w1 = monday(-6);
    const asOf = plusDays(w1, 8);
    const plans: string[] = [];
    for (let i = 0; i < 5; i++) {
      plans.push(
        await makePlan(tdb.pool, await createUser(tdb.pool), { weekStart: w1, sessions: 1, slots: 2 }),
      );
    }
    const poisoned = plans[2] as string;
    const [row] = await weekRows(tdb.pool, poisoned, 1);
    // A row as it may stand from before 0014: the CHECK is NOT VALID, so old rows past it remain.
    // As the table owner: drop the CHECK, write the row, add the CHECK back NOT VALID as 0014 does.
    await tdb.pool.query(
      "ALTER TABLE modular_training_exercise DROP CONSTRAINT modular_training_exercise_weight_range_check",
    );
    await tdb.pool.query("UPDATE modular_training_exercise SET weight = 5000 WHERE id = $1", [row?.id]);
    await tdb.pool.query(`ALTER TABLE modular_training_exercise ADD CONSTRAINT modular_training_exercise_weight_range_check
      CHECK (weight IS NULL OR weight BETWEEN 0 AND 2000) NOT VALID`);

    // One batch of all five: the statement fails on the poisoned plan's copy, then is split.
    const result = await rolloverAsOf(tdb.pool, asOf, { batchPlans: 10, logger: silent });
    expect(result).toEqual({ weeksCreated: 4, plansRolled: 4, plansSkipped: 1 });
    for (const id of plans) expect(await weeksOf(tdb.pool, id)).toHaveLength(id === poisoned ? 1 : 2);
  });

  it("gives a plan 20 weeks behind at most ROLLOVER_MAX_WEEKS_PER_PLAN weeks in one run (default 12)", async () => {
    const config = loadConfig({});
    expect(config.ROLLOVER_MAX_WEEKS_PER_PLAN).toBe(12);
    expect(() => loadConfig({ ROLLOVER_MAX_WEEKS_PER_PLAN: "0" })).toThrow(/ROLLOVER_MAX_WEEKS_PER_PLAN/);
    const w1 = monday(-20);
    const plan = await makePlan(tdb.pool, await createUser(tdb.pool), {
      weekStart: w1,
      sessions: 2,
      slots: 3,
    });
    const asOf = monday(0);
    await rolloverAsOf(tdb.pool, asOf, {
      batchPlans: 10,
      maxWeeksPerPlan: config.ROLLOVER_MAX_WEEKS_PER_PLAN,
      logger: silent,
    });
    expect(await weeksOf(tdb.pool, plan)).toHaveLength(13);
    // The next run continues where this one stopped, up to the week containing asOf.
    await rolloverAsOf(tdb.pool, asOf, { batchPlans: 10, maxWeeksPerPlan: 12, logger: silent });
    expect(await weeksOf(tdb.pool, plan)).toHaveLength(21);
  });
});
