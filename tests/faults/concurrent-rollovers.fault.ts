// Three rollovers at once over many plans, one of them far behind, and a plan stored before the
// date window existed. Every week is created once, complete (its sessions and exercise rows), a
// run gives no plan more than ROLLOVER_MAX_WEEKS_PER_PLAN weeks, the far plan catches up over the
// next runs, and the stale plan is left alone without failing anyone's rollover.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "../../src/db/client.ts";
import { ROLLOVER_MAX_WEEKS_PER_PLAN, rolloverAsOf } from "../../src/jobs/plan-rollover/rollover.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { makeLegacyPlan, makePlan, silent } from "../rollover/helpers.ts";
import { liftBoundsForLoad } from "./load-bounds.ts";

const NEAR_PLANS = 300;
const FAR_WEEKS = 50;

describe("concurrent rollovers", () => {
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
  });
  afterAll(() => tdb.drop());

  it("create every week once and whole, cap each run per plan, and catch the far plan up later", async () => {
    await liftBoundsForLoad(tdb.pool);
    const userId = await createUser(tdb.pool);
    const asOf = monday(0);
    const near: string[] = [];
    for (let i = 0; i < NEAR_PLANS; i++) {
      near.push(await makePlan(tdb.pool, userId, { weekStart: monday(-1 - (i % 3)), sessions: 2, slots: 2 }));
    }
    const far = await makePlan(tdb.pool, userId, { weekStart: monday(-FAR_WEEKS), sessions: 2, slots: 2 });
    // A plan from before the window existed.
    const stale = await makeLegacyPlan(tdb.pool, userId, "0001-01-01");

    const pools = [tdb.pool, createPool(tdb.url, 4), createPool(tdb.url, 4)];
    const started = performance.now();
    try {
      const results = await Promise.all([
        rolloverAsOf(pools[0] as never, asOf, { batchPlans: 50, concurrency: 2, logger: silent }),
        rolloverAsOf(pools[1] as never, asOf, { batchPlans: 37, logger: silent }),
        rolloverAsOf(pools[2] as never, asOf, { batchPlans: 101, logger: silent }),
      ]);
      console.log(
        `3 concurrent rollovers: ${results.map((r) => r.weeksCreated).join(" + ")} weeks in ${Math.round(performance.now() - started)} ms`,
      );
    } finally {
      await Promise.all(pools.slice(1).map((p) => p.end()));
    }

    const weeks = async (planId: string) =>
      (
        await tdb.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM modular_training_week WHERE plan_id = $1",
          [planId],
        )
      ).rows[0]?.n ?? 0;
    // Every near plan is current: 1, 2 or 3 weeks behind, now caught up (its latest week holds asOf).
    const { rows: behind } = await tdb.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM modular_training_plan p
       WHERE p.id = ANY($1::uuid[])
         AND (SELECT max(week_start) FROM modular_training_week w WHERE w.plan_id = p.id) <> $2::date`,
      [near, asOf],
    );
    expect(behind[0]?.n).toBe(0);
    // The far plan got at most the cap from each of the three runs, and no week twice.
    const farAfterFirst = await weeks(far);
    expect(farAfterFirst).toBeGreaterThan(ROLLOVER_MAX_WEEKS_PER_PLAN);
    expect(farAfterFirst).toBeLessThanOrEqual(1 + 3 * ROLLOVER_MAX_WEEKS_PER_PLAN);
    // The next runs catch it up, a capped step at a time, and then create nothing.
    for (let run = 0; run < 5; run++) await rolloverAsOf(tdb.pool, asOf, { batchPlans: 100, logger: silent });
    expect(await weeks(far)).toBe(FAR_WEEKS + 1);
    expect(await rolloverAsOf(tdb.pool, asOf, { batchPlans: 100, logger: silent })).toEqual({
      weeksCreated: 0,
      plansRolled: 0,
    });
    expect(await weeks(stale)).toBe(1);

    // Integrity: week numbers 1..n with dates a week apart, and every week as complete as week 1.
    const { rows: broken } = await tdb.pool.query(
      `WITH w AS (
         SELECT w.plan_id, w.week_number, w.week_start, p.week_start AS first,
                (SELECT count(*) FROM modular_training_session s WHERE s.week_id = w.id) AS sessions,
                (SELECT count(*) FROM modular_training_exercise e JOIN modular_training_session s ON s.id = e.session_id
                 WHERE s.week_id = w.id) AS exercises,
                row_number() OVER (PARTITION BY w.plan_id ORDER BY w.week_number) AS rn
         FROM modular_training_week w JOIN modular_training_plan p ON p.id = w.plan_id
       )
       SELECT * FROM w
       WHERE week_number <> rn OR week_start <> first + 7 * (week_number - 1)
          OR sessions <> (SELECT w1.sessions FROM w w1 WHERE w1.plan_id = w.plan_id AND w1.week_number = 1)
          OR exercises <> (SELECT w1.exercises FROM w w1 WHERE w1.plan_id = w.plan_id AND w1.week_number = 1)
       LIMIT 5`,
    );
    expect(broken).toEqual([]);
  });
});
