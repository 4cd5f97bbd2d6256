// `plan show` on a plan written with insert_full_plan: a table per week and session with sets x
// reps, RIR, tier and load; an unknown id exits 2 with a one-line reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, newId } from "../helpers/auth.ts";
import { firstLine, runCli } from "../helpers/cli.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { samplePlanJson } from "../helpers/plan-json.ts";
import { logSets, makePlan, rollover, setRow, times, weekRows } from "../rollover/helpers.ts";

/** This week's Monday, from the clock (the database keeps plan dates within a year of today). */
const W0 = monday(0);

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});

const cli = (...args: string[]) => runCli(args, { databaseUrl: tdb.url });

describe("plan show", () => {
  it("prints every session with its exercises, sets x reps, RIR, tier, load and notes", async () => {
    const userId = await createUser(tdb.pool);
    const plan = samplePlanJson({ weekStart: W0, sessions: 4, slotsPerSession: 3 });
    const first = plan.sessions[0]?.slots[0];
    if (!first) throw new Error("sample plan has no slot");
    first.rir = 2;
    first.weight = 82.5;
    const second = plan.sessions[0]?.slots[1];
    if (second) second.notes = "superset A";
    const { rows } = await tdb.pool.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [
      userId,
      JSON.stringify(plan),
    ]);
    const planId = rows[0]?.id as string;

    const run = await cli("plan", "show", planId);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(`plan ${planId}`);
    expect(out).toContain(
      `upper_lower · hypertrophy · intermediate · active · starts ${W0} · mesocycles by goal and level`,
    );
    expect(out).toContain(`week 1 · ${W0}`);
    for (const label of [
      `Upper-A · Mon ${W0}`,
      `Lower-A · Tue ${plusDays(W0, 1)}`,
      `Upper-B · Thu ${plusDays(W0, 3)}`,
    ]) {
      expect(out).toContain(label);
    }
    expect(out).toMatch(/#\s+exercise\s+muscle\s+sets x reps\s+RIR\s+tier\s+load\s+notes\s+why/);
    expect(out).toMatch(/2\s+Exercise 0\.1\s+lats\s+3 x 8-12\s+-\s+T2\s+-\s+superset A/);
    expect(out).toMatch(/1\s+Exercise 0\.0\s+chest\s+3 x 5\s+2\s+T1\s+82\.5 kg/);
    expect(out).toMatch(/3\s+Exercise 3\.2\s+quadriceps\s+3 x 8-12\s+-\s+T3\s+-/);
    // Sessions in date order, exercises in session order.
    expect(out.indexOf("Upper-A")).toBeLessThan(out.indexOf("Lower-A"));
    expect(out.indexOf("Exercise 0.0")).toBeLessThan(out.indexOf("Exercise 0.2"));
  });

  it("shows why each rolled row changed, in the rollover's own line", async () => {
    const userId = await createUser(tdb.pool);
    const w1 = plusDays(W0, -7);
    const planId = await makePlan(tdb.pool, userId, { weekStart: w1, sessions: 1, slots: 2 });
    const [row] = await weekRows(tdb.pool, planId, 1);
    await setRow(tdb.pool, row?.id as string, { weight: 60, reps: "5", rir: 2, equipment: "barbell" });
    await logSets(tdb.pool, row?.id as string, times(3, { reps: 5, kg: 60, rpe: 6 }));
    await rollover(tdb.pool, W0);
    const [next] = await weekRows(tdb.pool, planId, 2);
    // The load line, then the muscle group's set change (docs/mesocycles.md).
    expect(next?.progress_reason).toBe(
      "+2.5 kg: e1RM 79 kg from 3 sets (best 5 @ 60 kg RPE 6); +2 sets (chest: performance 0)",
    );

    const run = await cli("plan", "show", planId);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/62\.5 kg\s+.*\+2\.5 kg: e1RM 79 kg from 3 sets \(best 5 @ 60 kg RPE 6\)/);
    expect(run.stdout).toContain("unchanged: nothing logged");
  });

  it("says each week's mesocycle, week within it and deload, its recovery muscles, and rows marked for a swap", async () => {
    const userId = await createUser(tdb.pool);
    const planId = await makePlan(tdb.pool, userId, { weekStart: plusDays(W0, -7), sessions: 1, slots: 2 });
    await rollover(tdb.pool, W0);
    // What the mesocycle rollover writes (migration 0017's columns), set here by hand so the test
    // reads the display alone: week 1 ends mesocycle 1, week 2 opens mesocycle 2 as a deload.
    await tdb.pool.query(
      `UPDATE modular_training_week SET mesocycle = 1, mesocycle_week = 5 WHERE plan_id = $1 AND week_number = 1`,
      [planId],
    );
    await tdb.pool.query(
      `UPDATE modular_training_week SET mesocycle = 2, mesocycle_week = 1, is_deload = true,
         recovery_muscles = '{chest,lats}' WHERE plan_id = $1 AND week_number = 2`,
      [planId],
    );
    const [row] = await weekRows(tdb.pool, planId, 2);
    await tdb.pool.query("UPDATE modular_training_exercise SET swap_suggested = true WHERE id = $1", [
      row?.id,
    ]);

    const run = await cli("plan", "show", planId);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(`week 1 · ${plusDays(W0, -7)} · mesocycle 1, week 5\n`);
    expect(out).toContain(`week 2 · ${W0} · mesocycle 2, week 1 · deload\n`);
    expect(out).toContain("recovery session (half the sets) for: chest, lats");
    // Only week 2's first row is marked, once.
    expect(out.match(/swap suggested: joint pain/g)).toHaveLength(1);
    expect(out.indexOf("swap suggested: joint pain")).toBeGreaterThan(out.indexOf("week 2 ·"));
  });

  it("an unknown plan id exits 2 with a one-line reason", async () => {
    const id = newId();
    const run = await cli("plan", "show", id);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toBe(`error: plan not found: ${id}`);
    expect(firstLine(run.stderr)).toContain(id);
  });
});
