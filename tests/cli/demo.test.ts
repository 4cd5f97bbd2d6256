// `demo` in this process on a test database, with the clock pinned to this week's Wednesday (dates
// from the clock: the database keeps plans within a year of today): with no
// worker running it starts one and stops it after; with a worker running it leaves the jobs to it.
// Either way the three jobs really ran through pg-boss, week 2 is the rollover's progression of
// the logged week 1, and the progress tables hold that week.
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss, INSTANCE_NAMES } from "../../src/boss.ts";
import { type DemoPatience, runDemo } from "../../src/cli/demo/tour.ts";
import { demoCommand } from "../../src/cli/demo.ts";
import { UsageError } from "../../src/cli/usage.ts";
import { loadConfig } from "../../src/config.ts";
import { progressRow } from "../../src/domain/load-progression/progress-row.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { testCliContext } from "../helpers/cli-context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { startMain } from "../helpers/main-process.ts";

const WEEK2 = monday(0);
const WEEK1 = plusDays(WEEK2, -7);
const TODAY = plusDays(WEEK2, 2);
const NOW = new Date(`${TODAY}T09:00:00Z`);
const now = () => NOW;

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb?.drop());

async function demo(opts: { env?: Record<string, string>; patience?: DemoPatience } = {}) {
  const t = testCliContext(tdb, { now, env: opts.env });
  try {
    const result = await runDemo(t.ctx, opts.patience);
    return { ...result, lines: t.lines, text: t.lines.join("\n") };
  } finally {
    await t.close();
  }
}

/** Every week-1 row with its logged sets and the week-2 row the rollover copied from it. */
async function weekPairs(planId: string) {
  const { rows } = await tdb.pool.query(
    `SELECT coalesce(e1.exercise_id, e1.exercise_name) AS exercise, e1.weight AS w1, e1.reps, e1.sets, e1.rir, e1.equipment, e1.muscle_group AS muscle, e1.miss_streak AS s1,
            e2.weight AS w2, e2.miss_streak AS s2, e2.rir AS rir2, e2.progress_reason AS reason2,
            (SELECT coalesce(json_agg(json_build_object('setNo', t.set_no, 'repsDone', t.reps_done,
                      'weightKg', t.weight_kg, 'rpe', t.rpe) ORDER BY t.set_no), '[]')
             FROM training_set t WHERE t.exercise_row_id = e1.id) AS logged
     FROM modular_training_exercise e1
     JOIN modular_training_session s1 ON s1.id = e1.session_id
     JOIN modular_training_week w1 ON w1.id = s1.week_id AND w1.week_number = 1
     JOIN modular_training_exercise e2 ON e2.carried_from_id = e1.id
     WHERE w1.plan_id = $1`,
    [planId],
  );
  return rows;
}

async function jobStates(userId: string) {
  const { rows } = await tdb.pool.query<{ name: string; state: string }>(
    `SELECT name, state::text FROM pgboss.job
     WHERE (name = 'plan.generate' AND data->>'userId' = $1)
        OR (name = 'plan.rollover' AND data->>'asOf' = $2 AND output->>'weeksCreated' IS NOT NULL)
        OR (name = 'progress.refresh' AND singleton_key = $1)
     ORDER BY name`,
    [userId, TODAY],
  );
  return rows;
}

describe("demo arguments", () => {
  it("takes --weeks N (2..12) and nothing else", () => {
    expect(demoCommand.parse([])).toEqual({});
    expect(demoCommand.parse(["--weeks", "6"])).toEqual({ weeks: 6 });
    expect(() => demoCommand.parse(["--fast"])).toThrow(UsageError);
    expect(() => demoCommand.parse(["now"])).toThrow(UsageError);
    for (const bad of ["1", "13", "2.5", "six", ""]) {
      expect(() => demoCommand.parse(["--weeks", bad]), bad).toThrow(
        "demo: --weeks: must be a whole number 2..12",
      );
    }
  });
});

describe("demo --weeks", () => {
  it("lives 3 weeks through the real rollover and ends with the weeks side by side", async () => {
    const t = testCliContext(tdb, { now });
    try {
      await demoCommand.run({ weeks: 3 }, t.ctx);
    } finally {
      await t.close();
    }
    const text = t.lines.join("\n");
    if (process.env.SHOW_DEMO === "1") console.log(text);
    const planId = /^plan {6}([0-9a-f-]{36}):/m.exec(text)?.[1] as string;
    expect(planId).toBeDefined();
    // Week 1 three weeks back; three rollovers, the last as of this week's Monday.
    for (const [week, asOf] of [
      [1, plusDays(WEEK2, -14)],
      [2, plusDays(WEEK2, -7)],
      [3, WEEK2],
    ] as const) {
      expect(text).toContain(`week ${week} logged; rollover as of ${asOf}: `);
    }
    const { rows: weeks } = await tdb.pool.query<{ week_number: number; logged: number; feedback: number }>(
      `SELECT w.week_number,
              (SELECT count(*) FROM modular_training_session s JOIN training_set t ON t.exercise_row_id IN
                 (SELECT e.id FROM modular_training_exercise e WHERE e.session_id = s.id) WHERE s.week_id = w.id)::int AS logged,
              (SELECT count(*) FROM modular_training_session s JOIN muscle_feedback f ON f.session_id = s.id
               WHERE s.week_id = w.id)::int AS feedback
       FROM modular_training_week w WHERE w.plan_id = $1 ORDER BY w.week_number`,
      [planId],
    );
    // Weeks 1-3 logged (sets and one feedback line per muscle), week 4 rolled and not yet lived.
    expect(weeks.map((w) => w.week_number)).toEqual([1, 2, 3, 4]);
    for (const w of weeks.slice(0, 3)) {
      expect(w.logged, `week ${w.week_number}`).toBeGreaterThan(0);
      expect(w.feedback, `week ${w.week_number}`).toBeGreaterThan(0);
    }
    expect(weeks[3]?.logged).toBe(0);

    // The table: a column per week, w1 to w4, mesocycle.week, sets per muscle group with a
    // number in every week, RIR per tier, and main-lift loads in every week.
    const table = t.lines.slice(t.lines.findIndex((l) => l.startsWith("the weeks side by side")));
    expect(table.find((l) => /^\s+w1\s+w2\s+w3\s+w4$/.test(l))).toBeDefined();
    expect(table.find((l) => l.trim().startsWith("mesocycle.week"))).toMatch(/1\.1/);
    const { rows: muscles } = await tdb.pool.query<{ muscle_group: string }>(
      `SELECT DISTINCT e.muscle_group FROM modular_training_exercise e JOIN modular_training_session s ON s.id = e.session_id
       JOIN modular_training_week w ON w.id = s.week_id WHERE w.plan_id = $1 AND w.week_number = 1`,
      [planId],
    );
    expect(muscles.length).toBeGreaterThan(3);
    for (const { muscle_group } of muscles) {
      expect(
        table.find((l) => l.trim().startsWith(`${muscle_group} `)),
        muscle_group,
      ).toMatch(/(\s+\d+){4}$/);
    }
    expect(table.find((l) => l.trim().startsWith("T1 "))).toMatch(/(\s+\d(-\d)?){4}$/);
    const loads = table.slice(
      table.findIndex((l) => l.trim() === "main-lift loads, kg" || l.trim().startsWith("main-lift loads")) +
        1,
    );
    expect(loads[0]).toMatch(/(\s+\d+(\.\d+)?){4}$/);
    // Each rolled week's reasons, and the e1RM chart over the three logged weeks.
    for (const week of [2, 3, 4])
      expect(text).toMatch(new RegExp(`^  week ${week} \\(\\d+\\.\\d+( D)?\\)`, "m"));
    expect(text).toContain("estimated 1RM of the main lifts (kg)");
    expect(text).toMatch(/^\s+week\s+w1\s+w2\s+w3$/m);
  }, 120_000);
});

describe("demo", () => {
  let worker: RunningWorker | undefined;
  afterAll(async () => {
    await worker?.stop(5_000);
  });

  it("with no worker running: starts one here, runs the three jobs through pg-boss, stops it", async () => {
    const run = await demo();
    expect(run.inProcessWorker).toBe(true);
    expect(run.text).toMatch(/^worker {4}none live in pgboss\.instance: started one in this process/m);

    // The plan: week 1 last week (from the pinned clock), week 2 this week, made by the rollover.
    const { rows: weeks } = await tdb.pool.query(
      "SELECT week_number, week_start FROM modular_training_week WHERE plan_id = $1 ORDER BY week_number",
      [run.planId],
    );
    expect(weeks).toEqual([
      { week_number: 1, week_start: WEEK1 },
      { week_number: 2, week_start: WEEK2 },
    ]);
    expect(await jobStates(run.userId)).toEqual([
      { name: "plan.generate", state: "completed" },
      { name: "plan.rollover", state: "completed" },
      { name: "progress.refresh", state: "completed" },
    ]);

    // Week 2 is the progression of what was logged: the TypeScript reference agrees row by row,
    // and the week holds increases, holds, and holds after a week below the prescription.
    const pairs = await weekPairs(run.planId);
    expect(pairs.length).toBeGreaterThan(5);
    const rules = pairs.map((p) => {
      const expected = progressRow({
        weight: p.w1,
        reps: p.reps,
        sets: p.sets,
        equipment: p.equipment ?? "",
        muscleGroup: p.muscle ?? "",
        missStreak: p.s1,
        rir: p.rir,
        // The load is for week 2's target RIR (the mesocycle's ramp, docs/mesocycles.md).
        nextRir: p.rir2,
        logged: p.logged,
      });
      // A muscle group that needed a recovery session does not go up (docs/mesocycles.md).
      const recovery = String(p.reason2).startsWith("recovery session");
      expect({ weight: p.w2, missStreak: p.s2 }).toEqual({
        weight: recovery && p.w1 > 0 ? Math.min(p.w1, expected.weight ?? p.w1) : expected.weight,
        missStreak: expected.missStreak,
      });
      return expected.rule;
    });
    expect(rules).toContain("increase");
    expect(rules).toContain("hold");
    expect(rules).toContain("hold_fell");
    expect(pairs.some((p) => p.w2 > p.w1)).toBe(true);

    // Progress: every logged row has its week, and no mark of the user is left.
    const { rows: progress } = await tdb.pool.query(
      `SELECT count(*)::int AS exercise_weeks,
              (SELECT count(*)::int FROM progress_dirty WHERE user_id = $1) AS marks
       FROM progress_exercise_weekly WHERE user_id = $1 AND week_start = $2`,
      [run.userId, WEEK1],
    );
    // One row per exercise and week: main lifts repeat through the week, so count exercises.
    const logged = new Set(pairs.filter((p) => p.logged.length > 0).map((p) => p.exercise)).size;
    expect(progress[0]).toEqual({ exercise_weeks: logged, marks: 0 });

    // What it printed: each job's line, week 2 beside week 1, the summary, where to look next.
    expect(run.text).toContain(`plan.generate job `);
    expect(run.text).toMatch(
      new RegExp(`^rollover {2}plan\\.rollover job \\S+ as of ${TODAY}: 1 week created for 1 plan`, "m"),
    );
    expect(run.text).toMatch(
      /^progress {2}progress\.refresh job \S+, sent by the worker's listener when the sets were written:/m,
    );
    expect(run.text).toContain(`Mon ${WEEK1} -> Mon ${WEEK2}`);
    expect(run.text).toMatch(
      /^week 1 \(mesocycle 1, week 1\) beside week 2 \(mesocycle \d+, week \d+( · deload)?\) \(plan /m,
    );
    // The change column is the rollover's own line for each row.
    expect(run.text).toMatch(/\+\d+(\.\d+)? kg: e1RM \d+ kg from \d+ sets/);
    expect(run.text).toMatch(
      /held: best set \d+ @ [\d.]+ kg RPE \d+ \(e1RM \d+ kg\), under the \d+ kg that [\d.]+ kg x \d+ at RIR \d asks \(week 1 of 2 before a cut\)/,
    );
    expect(run.text).toContain(`progress of ${run.userId} (goal hypertrophy, intermediate)`);
    expect(run.text).toContain(`npm run cli -- plan show ${run.planId}`);

    // The worker it started is stopped: pg-boss marked its instance row stopped.
    const { rows: live } = await tdb.pool.query(
      "SELECT count(*)::int AS n FROM pgboss.instance WHERE name = $1 AND stopped_on IS NULL",
      [INSTANCE_NAMES.worker],
    );
    expect(live[0]?.n).toBe(0);
  }, 120_000);

  it("with a worker running: leaves the jobs to it; a second run makes a new user and plan", async () => {
    const { rows: before } = await tdb.pool.query<{ id: string }>("SELECT id FROM modular_training_plan");
    worker = await startWorker({
      url: tdb.url,
      config: loadConfig({ DATABASE_URL: tdb.url, LOG_LEVEL: "silent" }),
      logger: createLogger("silent"),
      now,
    });
    const run = await demo();
    expect(run.inProcessWorker).toBe(false);
    expect(run.text).toMatch(
      new RegExp(
        `^worker {4}${INSTANCE_NAMES.worker} pid ${process.pid} on \\S+ serves plan\\.generate`,
        "m",
      ),
    );
    expect(before.map((p) => p.id)).not.toContain(run.planId);
    // The first demo's plan already holds today: only the new plan is rolled over.
    expect(run.text).toContain(`as of ${TODAY}: 1 week created for 1 plan`);
    const { rows } = await tdb.pool.query(
      "SELECT count(*)::int AS n FROM modular_training_week WHERE plan_id = $1",
      [run.planId],
    );
    expect(rows[0]?.n).toBe(2);
    await worker.stop(5_000);
    worker = undefined;
  }, 120_000);

  it("a worker that reads live but fetches nothing: after the pickup wait, one starts here", async () => {
    // A registered pg-boss under the worker's name that serves no queue, like a hung worker.
    const hung = createBoss(tdb.url, createLogger("silent"), { max: 2, instanceName: INSTANCE_NAMES.worker });
    await hung.start();
    try {
      const run = await demo({ patience: { pickupMs: 500, listenerGraceMs: 10_000 } });
      expect(run.inProcessWorker).toBe(true);
      expect(run.text).toMatch(new RegExp(`^worker {4}${INSTANCE_NAMES.worker} pid ${process.pid} `, "m"));
      expect(run.text).toContain("no worker fetched it within 0.5 s: started one in this process");
      expect(run.text).toMatch(/^rollover {2}.*: 1 week created for 1 plan/m);
    } finally {
      await hung.stop({ graceful: false, close: true });
    }
  }, 120_000);

  it("a worker killed a moment ago (its row still reads live) is not waited for", async () => {
    // `npm start` on this database, killed the way a forced exit or SIGKILL ends it: its
    // pgboss.instance row keeps stopped_on NULL and reads live for three heartbeats.
    const killed = startMain({ DATABASE_URL: tdb.url, HTTP_PORT: "0", MIGRATE_ON_START: "false" });
    await killed.waitFor("worker started", 60_000);
    killed.child.kill("SIGKILL");
    await killed.exited;
    const { rows } = await tdb.pool.query(
      "SELECT count(*)::int AS n FROM pgboss.instance WHERE pid = $1 AND stopped_on IS NULL",
      [killed.child.pid],
    );
    expect(rows[0]?.n).toBe(1);
    const run = await demo({ patience: { pickupMs: 15_000, listenerGraceMs: 10_000 } });
    expect(run.inProcessWorker).toBe(true);
    expect(run.text).toMatch(/^worker {4}none live in pgboss\.instance: started one in this process/m);
    expect(run.text).toContain(
      `ignored ${INSTANCE_NAMES.worker} pid ${killed.child.pid} on ${hostname()}: pid ${killed.child.pid} is not running on this host`,
    );
    expect(run.text).not.toContain("no worker fetched it within");
  }, 120_000);

  it("a worker whose listener sends nothing in time: the demo sends progress.refresh itself", async () => {
    worker = await startWorker({
      url: tdb.url,
      config: loadConfig({ DATABASE_URL: tdb.url, LOG_LEVEL: "silent", PROGRESS_DEBOUNCE_SECONDS: "3600" }),
      logger: createLogger("silent"),
      now,
    });
    const run = await demo({
      env: { PROGRESS_DEBOUNCE_SECONDS: "0" },
      patience: { pickupMs: 15_000, listenerGraceMs: 300 },
    });
    expect(run.inProcessWorker).toBe(false);
    expect(run.text).toMatch(
      /^progress {2}progress\.refresh job \S+, sent by the demo \(the worker's listener sent none in time\):/m,
    );
    const { rows } = await tdb.pool.query(
      "SELECT count(*)::int AS n FROM progress_exercise_weekly WHERE user_id = $1",
      [run.userId],
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
  }, 120_000);
});
