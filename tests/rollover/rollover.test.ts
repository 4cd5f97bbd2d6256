// The weekly rollover end to end on a real database: which plans roll, catch-up, idempotence,
// concurrency, every progression rule through training_set rows, and deload weeks.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "../../src/db/client.ts";
import { addDays } from "../../src/domain/calendar.ts";
import { rolloverAsOf } from "../../src/jobs/plan-rollover/rollover.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, mondays, plusDays } from "../helpers/dates.ts";
import {
  logSets,
  makeLegacyPlan,
  makePlan,
  rollover,
  setRow,
  silent,
  times,
  weekRows,
  weeksOf,
} from "./helpers.ts";

describe("weekly rollover", () => {
  let tdb: TestDatabase;
  let userId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    // DROP DATABASE ... WITH (FORCE) at the end may reach a connection the pool is still closing.
    tdb.pool.on("error", () => {});
    userId = await createUser(tdb.pool);
  });
  afterAll(() => tdb.drop());
  // The rollover is global: plans of earlier tests are archived so they never roll in later ones.
  afterEach(() => tdb.pool.query("UPDATE modular_training_plan SET status = 'archived'"));

  it("gives a plan whose week has ended its next week, once", async () => {
    const w1 = monday(-20);
    const planId = await makePlan(tdb.pool, userId, { weekStart: w1 });
    const before = await weekRows(tdb.pool, planId, 1);

    expect(await rollover(tdb.pool, plusDays(w1, 7))).toEqual({ weeksCreated: 1, plansRolled: 1 });
    expect(await weeksOf(tdb.pool, planId)).toEqual([
      { week_number: 1, week_start: w1, is_deload: false },
      { week_number: 2, week_start: plusDays(w1, 7), is_deload: false },
    ]);
    const after = await weekRows(tdb.pool, planId, 2);
    expect(after).toHaveLength(before.length);
    after.forEach((row, i) => {
      const old = before[i] as (typeof before)[number];
      expect(row).toEqual({
        ...old,
        id: row.id,
        carried_from_id: old.id,
        session_date: addDays(old.session_date, 7),
        completed: false,
        progress_reason: "unchanged: nothing logged",
        // Week 2 of a 5-week hypertrophy accumulation (intermediate): the RIR ramp's 3, 2, 1, 1, 0.
        rir: 2,
      });
    });
    const { rows: sessions } = await tdb.pool.query(
      `SELECT s.day_label, s.day_of_week, s.focus_area, s.completed FROM modular_training_session s
       JOIN modular_training_week w ON w.id = s.week_id WHERE w.plan_id = $1 AND w.week_number = 2
       ORDER BY s.session_date`,
      [planId],
    );
    expect(sessions.map((s) => s.day_label)).toEqual(["Upper-A", "Lower-A", "Upper-B", "Lower-B"]);
    expect(sessions.every((s) => s.completed === false)).toBe(true);

    // A second run for the same date (or an earlier one) creates nothing.
    expect(await rollover(tdb.pool, plusDays(w1, 7))).toEqual({ weeksCreated: 0, plansRolled: 0 });
    expect(await rollover(tdb.pool, plusDays(w1, 13))).toEqual({ weeksCreated: 0, plansRolled: 0 });
  });

  it("leaves a plan whose week is not over, and a paused plan, alone", async () => {
    const w1 = monday(-20);
    const running = await makePlan(tdb.pool, userId, { weekStart: w1 });
    const paused = await makePlan(tdb.pool, userId, { weekStart: w1 });
    await tdb.pool.query("UPDATE modular_training_plan SET status = 'paused' WHERE id = $1", [paused]);

    expect(await rollover(tdb.pool, plusDays(w1, 6))).toEqual({ weeksCreated: 0, plansRolled: 0 });
    expect(await weeksOf(tdb.pool, running)).toHaveLength(1);

    expect(await rollover(tdb.pool, plusDays(w1, 7))).toEqual({ weeksCreated: 1, plansRolled: 1 });
    expect(await weeksOf(tdb.pool, running)).toHaveLength(2);
    expect(await weeksOf(tdb.pool, paused)).toHaveLength(1);
  });

  it("catches up several missed weeks: missed weeks carry over unchanged", async () => {
    const w1 = monday(-20);
    const planId = await makePlan(tdb.pool, userId, { weekStart: w1 });
    const [row] = await weekRows(tdb.pool, planId, 1);
    await setRow(tdb.pool, row?.id as string, {
      weight: 60,
      reps: "5",
      equipment: "barbell",
      muscleGroup: "chest",
    });
    await logSets(tdb.pool, row?.id as string, times(3, { reps: 5, kg: 60, rpe: 6 }));

    // w1 + 30 days is the Wednesday of week 5.
    expect(await rollover(tdb.pool, plusDays(w1, 30))).toEqual({ weeksCreated: 4, plansRolled: 1 });
    const weeks = await weeksOf(tdb.pool, planId);
    expect(weeks.map((w) => w.week_start)).toEqual(mondays(w1, 5));
    // Week 2 progressed from week 1's logs; weeks 3-5 had nothing logged and carry it over.
    for (const n of [2, 3, 4, 5]) expect((await weekRows(tdb.pool, planId, n))[0]?.weight).toBe(62.5);
    expect(await weekRows(tdb.pool, planId, 5)).toHaveLength(12);
  });

  it("never creates a week twice when two runs go at once", async () => {
    const w1 = monday(-20);
    const asOf = plusDays(w1, 23); // the Wednesday of week 4
    const plans = await Promise.all(
      // Users of their own: one user may hold only user_bounds.max_active_plans (10) active plans.
      Array.from({ length: 12 }, async () =>
        makePlan(tdb.pool, await createUser(tdb.pool), { weekStart: w1 }),
      ),
    );
    const other = createPool(tdb.url, 4);
    try {
      // Different batch sizes (one run with three batches in flight), so the runs' batches overlap
      // differently.
      const [a, b] = await Promise.all([
        rolloverAsOf(tdb.pool, asOf, { batchPlans: 2, concurrency: 3, logger: silent }),
        rolloverAsOf(other, asOf, { batchPlans: 3, logger: silent }),
      ]);
      expect(a.weeksCreated + b.weeksCreated).toBe(12 * 3);
    } finally {
      await other.end();
    }
    const { rows } = await tdb.pool.query(
      `SELECT w.plan_id, count(DISTINCT w.id)::int AS weeks, count(DISTINCT s.id)::int AS sessions,
              count(e.id)::int AS exercises
       FROM modular_training_week w
       JOIN modular_training_session s ON s.week_id = w.id
       JOIN modular_training_exercise e ON e.session_id = s.id
       WHERE w.plan_id = ANY($1::uuid[]) GROUP BY w.plan_id`,
      [plans],
    );
    expect(rows).toHaveLength(12);
    for (const r of rows) expect(r).toMatchObject({ weeks: 4, sessions: 16, exercises: 48 });
  });

  describe("progression through training_set rows", () => {
    // One plan; each case edits one of its 12 week-1 rows and logs sets against it.
    interface Case {
      name: string;
      row: Parameters<typeof setRow>[2];
      logs: Parameters<typeof logSets>[2];
      weight: number | null;
      missStreak: number;
      sets?: number;
    }
    // Every row here has the sample plan's target RIR (none stored: 2, so RPE 8), and a load is
    // the one at which the lifter should reach the bottom of the range at that RPE.
    const cases: Case[] = [
      {
        name: "every set done at the target (5 at RPE 8 on a 5-rep row) -> 62.5, a novice's linear progression",
        row: { weight: 60, reps: "5", equipment: "barbell", muscleGroup: "chest" },
        logs: times(3, { reps: 5, kg: 60, rpe: 8 }),
        weight: 62.5,
        missStreak: 0,
      },
      {
        name: "5 at RPE 6 on a 100 kg squat -> 105 (the chart's load for 5 at RPE 8, rounded down)",
        row: { weight: 100, reps: "5", equipment: "barbell", muscleGroup: "quadriceps" },
        logs: times(3, { reps: 5, kg: 100, rpe: 6 }),
        weight: 105,
        missStreak: 0,
      },
      {
        name: "dumbbell curl 8-12, 12 at RPE 8 -> the rack's next pair, 22 kg (none lies within the upper body's 5%)",
        // A group of its own: the chest rows below fall short, and a group whose rows fall short
        // gets a recovery session, which holds every row's load (docs/mesocycles.md).
        row: { weight: 20, reps: "8-12", equipment: "dumbbell", muscleGroup: "biceps" },
        logs: times(3, { reps: 12, kg: 20, rpe: 8 }),
        weight: 22,
        missStreak: 0,
      },
      {
        name: "a skipped set is not a miss -> hold, streak reset",
        row: { weight: 20, reps: "8-12", equipment: "dumbbell", muscleGroup: "lats", missStreak: 1 },
        logs: times(2, { reps: 9, kg: 20, rpe: 8 }),
        weight: 20,
        missStreak: 0,
      },
      {
        name: "the estimate fell once -> hold, streak 1",
        row: { weight: 20, reps: "8-12", equipment: "dumbbell", muscleGroup: "chest" },
        logs: times(3, { reps: 6, kg: 20, rpe: 9 }),
        weight: 20,
        missStreak: 1,
      },
      {
        name: "the estimate fell a second week -> cut, at most 10% (rounded up to the plates)",
        row: { weight: 62.5, reps: "5", equipment: "barbell", muscleGroup: "chest", missStreak: 1 },
        logs: times(3, { reps: 3, kg: 62.5, rpe: 9 }),
        weight: 57.5,
        missStreak: 0,
      },
      {
        name: "12 at RPE 10 on an 8-12 cable row -> the chart's load for 8 at RPE 8",
        row: { weight: 40, reps: "8-12", equipment: "cable", muscleGroup: "lats" },
        logs: times(3, { reps: 12, kg: 40, rpe: 10 }),
        weight: 42.5,
        missStreak: 0,
      },
      {
        name: "nothing logged -> carried over unchanged, streak kept",
        row: { weight: 30, reps: "8-12", equipment: "machine", muscleGroup: "quadriceps", missStreak: 1 },
        logs: [],
        weight: 30,
        missStreak: 1,
      },
      {
        name: "no prescribed load -> seeded at the load for the target, not the heaviest set",
        row: { weight: null, reps: "8-12", equipment: "dumbbell", muscleGroup: "chest" },
        logs: [
          { reps: 10, kg: 22 },
          { reps: 7, kg: 24 },
          { reps: 9, kg: 20 },
        ],
        weight: 22,
        missStreak: 0,
      },
      {
        name: 'rep text "AMRAP" -> carried over unchanged',
        row: { weight: 50, reps: "AMRAP", equipment: "barbell", muscleGroup: "chest", missStreak: 1 },
        logs: times(3, { reps: 20, kg: 50 }),
        weight: 50,
        missStreak: 1,
      },
      {
        name: "sets a little lighter than prescribed are not a miss",
        row: { weight: 80, reps: "5", equipment: "barbell", muscleGroup: "hamstrings", missStreak: 1 },
        logs: times(3, { reps: 5, kg: 78 }),
        weight: 80,
        missStreak: 0,
      },
      {
        name: "fewer sets logged than prescribed is not a miss",
        row: { weight: 80, reps: "5", equipment: "barbell", muscleGroup: "glutes", sets: 4, missStreak: 1 },
        logs: times(3, { reps: 5, kg: 80 }),
        weight: 80,
        missStreak: 0,
        sets: 4,
      },
    ];

    let planId: string;
    let rows: Awaited<ReturnType<typeof weekRows>>;

    beforeAll(async () => {
      const w1 = monday(-20);
      planId = await makePlan(tdb.pool, userId, { weekStart: w1 });
      rows = await weekRows(tdb.pool, planId, 1);
      expect(rows.length).toBeGreaterThanOrEqual(cases.length);
      for (const [i, c] of cases.entries()) {
        const id = rows[i]?.id as string;
        await setRow(tdb.pool, id, c.row);
        await logSets(tdb.pool, id, c.logs);
      }
      expect(await rollover(tdb.pool, plusDays(w1, 7))).toEqual({ weeksCreated: 1, plansRolled: 1 });
    });

    it.each(cases.map((c, i) => [c.name, i] as const))("%s", async (_name, i) => {
      const c = cases[i] as Case;
      const [old, next] = await Promise.all([weekRows(tdb.pool, planId, 1), weekRows(tdb.pool, planId, 2)]);
      const row = next.find(
        (r) => r.exercise_id === old[i]?.exercise_id && r.day_label === old[i]?.day_label,
      );
      // Sets are the muscle group's decision (its rows here share groups with other cases):
      // tests/rollover/mesocycle-simulation.test.ts checks them.
      expect(row).toMatchObject({
        weight: c.weight,
        miss_streak: c.missStreak,
        reps: c.row.reps,
      });
    });
  });

  it("deload week every N weeks: the week before is judged, the deload lightens it, the week after carries it", async () => {
    const w1 = monday(-20);
    const planId = await makePlan(tdb.pool, userId, { weekStart: w1, deloadEveryWeeks: 3 });
    const [row1] = await weekRows(tdb.pool, planId, 1);
    await setRow(tdb.pool, row1?.id as string, {
      weight: 100,
      reps: "5",
      equipment: "barbell",
      muscleGroup: "quadriceps",
    });
    await logSets(tdb.pool, row1?.id as string, times(3, { reps: 5, kg: 100, rpe: 6 }));

    await rollover(tdb.pool, plusDays(w1, 7));
    const [row2] = await weekRows(tdb.pool, planId, 2);
    // 5 at RPE 6 beat the target by 2 reps in reserve: performance 0, quadriceps gain sets. Week 2
    // is the last of a 2-week accumulation (RIR 1 on a barbell, RPE 9): the chart's load for 5 at
    // RPE 9, rounded down, 107.5.
    expect(row2).toMatchObject({ weight: 107.5 });
    const sets2 = row2?.sets as number;
    // Week 2, the week before the deload, goes well again: 5 at RPE 6 on 107.5 (e1RM 141 kg).
    await logSets(tdb.pool, row2?.id as string, times(sets2, { reps: 5, kg: 107.5, rpe: 6 }));

    await rollover(tdb.pool, plusDays(w1, 14));
    expect((await weeksOf(tdb.pool, planId)).map((w) => w.is_deload)).toEqual([false, false, true]);
    const week2 = await weekRows(tdb.pool, planId, 2);
    const week3 = await weekRows(tdb.pool, planId, 3);
    // The deload is not judged up: 90% of week 2's 107.5 = 96.75, down to the 2.5 kg step = 95;
    // half the sets (rounded up), RIR 4 at least.
    expect(week3[0]).toMatchObject({ weight: 95, sets: Math.round(sets2 / 2) });
    expect(week3[0]?.progress_reason).toBe(
      `deload (planned, end of mesocycle 1): sets ${sets2} -> ${Math.round(sets2 / 2)}, load 107.5 -> 95 kg, RIR 4`,
    );
    // Every row loses half its sets and trains at RIR 4 or more.
    week3.forEach((r, i) => {
      expect(r.sets).toBe(Math.max(1, Math.round((week2[i]?.sets as number) / 2)));
      expect(r.rir).toBeGreaterThanOrEqual(4);
    });
    await logSets(tdb.pool, week3[0]?.id as string, times(2, { reps: 5, kg: 95 }));

    // Week 4 opens mesocycle 2: week 2's logs judged again (not the deload's), for 5 reps at the
    // new mesocycle's RIR 3 (RPE 7): 141 kg x 78.6% = 110.9, rounded down to 110 kg, at week 2's
    // sets (the mesocycle's second week, here also its last accumulation week).
    await rollover(tdb.pool, plusDays(w1, 21));
    const [row4] = await weekRows(tdb.pool, planId, 4);
    expect(row4).toMatchObject({ weight: 110, sets: sets2, miss_streak: 0, rir: 3 });
    expect((await weeksOf(tdb.pool, planId)).map((w) => w.is_deload)).toEqual([false, false, true, false]);

    // Week 6 is the next deload.
    await rollover(tdb.pool, plusDays(w1, 35));
    const { rows: weeks } = await tdb.pool.query(
      `SELECT week_number, mesocycle, mesocycle_week, is_deload FROM modular_training_week
       WHERE plan_id = $1 ORDER BY week_number`,
      [planId],
    );
    expect(weeks.map((w) => [w.mesocycle, w.mesocycle_week, w.is_deload])).toEqual([
      [1, 1, false],
      [1, 2, false],
      [1, 3, true],
      [2, 1, false],
      [2, 2, false],
      [2, 3, true],
    ]);
  });

  it("gives a plan far behind at most maxWeeksPerPlan weeks a run, after every other plan's week", async () => {
    const far = await makePlan(tdb.pool, userId, { weekStart: monday(-30), sessions: 1, slots: 1 });
    const near = await makePlan(tdb.pool, userId, { weekStart: monday(-1), sessions: 1, slots: 1 });
    const asOf = monday(0);
    const run = () => rolloverAsOf(tdb.pool, asOf, { batchPlans: 1, maxWeeksPerPlan: 4, logger: silent });

    expect(await run()).toEqual({ weeksCreated: 4 + 1, plansRolled: 2 });
    expect(await weeksOf(tdb.pool, far)).toHaveLength(5);
    expect(await weeksOf(tdb.pool, near)).toHaveLength(2);
    // Fair order: the near plan's week came in round 1, before the far plan's second week.
    const { rows } = await tdb.pool.query<{ first_of_far_round2: Date; near_week2: Date }>(
      `SELECT (SELECT created_at FROM modular_training_week WHERE plan_id = $1 AND week_number = 3) AS first_of_far_round2,
              (SELECT created_at FROM modular_training_week WHERE plan_id = $2 AND week_number = 2) AS near_week2`,
      [far, near],
    );
    expect(rows[0]?.near_week2.getTime()).toBeLessThan(rows[0]?.first_of_far_round2.getTime() as number);

    // The rest comes from the next runs, four weeks each.
    expect(await run()).toEqual({ weeksCreated: 4, plansRolled: 1 });
    expect((await weeksOf(tdb.pool, far)).map((w) => w.week_start)).toEqual(mondays(monday(-30), 9));
  });

  it("leaves alone a plan stored before the date window existed (its next week would be refused)", async () => {
    const stale = await makeLegacyPlan(tdb.pool, userId, "0001-01-01");
    const current = await makePlan(tdb.pool, userId, { weekStart: monday(-1), sessions: 1, slots: 1 });
    expect(await rollover(tdb.pool, monday(0))).toEqual({ weeksCreated: 1, plansRolled: 1 });
    expect(await weeksOf(tdb.pool, stale)).toHaveLength(1);
    expect(await weeksOf(tdb.pool, current)).toHaveLength(2);
  });

  it("rejects an as-of that is not a date", async () => {
    await expect(rollover(tdb.pool, "2025-02-30")).rejects.toThrow(/YYYY-MM-DD/);
  });
});
