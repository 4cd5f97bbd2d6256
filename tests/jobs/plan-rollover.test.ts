// plan.rollover through pg-boss: the payload at the edge, the default date from the injected
// clock, one schedule however many workers set it up, the job end to end, and the CLI.
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgress, type ProgressOptions } from "../../src/cli/progress-bar.ts";
import { rolloverCommand } from "../../src/cli/rollover.ts";
import { InputError, UsageError } from "../../src/cli/usage.ts";
import { loadConfig } from "../../src/config.ts";
import type { WorkerDeps } from "../../src/jobs/index.ts";
import {
  PLAN_ROLLOVER_QUEUE,
  planRolloverJob,
  planRolloverPayload,
  rolloverDate,
} from "../../src/jobs/plan-rollover/index.ts";
import { createUser } from "../helpers/auth.ts";
import { firstLine, runCli } from "../helpers/cli.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, mondays, plusDays } from "../helpers/dates.ts";
import { waitFor } from "../helpers/wait.ts";
import { makePlan, silent, weeksOf } from "../rollover/helpers.ts";

const config = { ...loadConfig({}), ROLLOVER_CRON: "15 0 * * 1", ROLLOVER_TZ: "Europe/Berlin" };

describe("plan.rollover payload and date", () => {
  it("accepts {} and a real date, rejects anything else naming the field", () => {
    expect(planRolloverPayload.parse({})).toEqual({});
    expect(planRolloverPayload.parse({ asOf: "2026-01-12" })).toEqual({ asOf: "2026-01-12" });
    for (const bad of [{ asOf: "2026-02-30" }, { asOf: "12/01/2026" }, { asOf: 20260112 }, { other: 1 }]) {
      const parsed = planRolloverPayload.safeParse(bad);
      expect(parsed.success).toBe(false);
    }
  });

  it("defaults to today in ROLLOVER_TZ by the injected clock", () => {
    const now = () => new Date("2026-01-11T23:30:00Z");
    expect(rolloverDate({}, config, now)).toBe("2026-01-12"); // already Monday in Berlin
    expect(rolloverDate({}, { ...config, ROLLOVER_TZ: "UTC" }, now)).toBe("2026-01-11");
    expect(rolloverDate({ asOf: "2025-06-01" }, config, now)).toBe("2025-06-01");
  });
});

describe("plan.rollover through pg-boss", () => {
  let tdb: TestDatabase;
  const bosses: PgBoss[] = [];
  // Sunday 23:30 UTC before this week's Monday: already that Monday in Berlin.
  const thisMonday = monday(0);
  const clock = { now: new Date(`${plusDays(thisMonday, -1)}T23:30:00Z`) };

  const startBoss = async () => {
    const boss = new PgBoss({
      connectionString: tdb.url,
      schema: "pgboss",
      max: 3,
      useListenNotify: tdb.url === tdb.directUrl,
    });
    boss.on("error", () => {});
    await boss.start();
    bosses.push(boss);
    return boss;
  };
  const depsFor = (boss: PgBoss): WorkerDeps => ({
    config,
    pool: tdb.pool,
    boss,
    logger: silent,
    now: () => clock.now,
  });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
  });
  afterAll(async () => {
    for (const boss of bosses) await boss.stop({ graceful: false, close: true });
    await tdb.drop();
  });

  it("two workers setting up at once create one schedule and a stately queue", async () => {
    const [a, b] = await Promise.all([startBoss(), startBoss()]);
    await Promise.all([planRolloverJob.setup(depsFor(a)), planRolloverJob.setup(depsFor(b))]);
    await planRolloverJob.setup(depsFor(b)); // a restart: still one
    const schedules = await a.getSchedules(PLAN_ROLLOVER_QUEUE);
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({
      name: PLAN_ROLLOVER_QUEUE,
      cron: "15 0 * * 1",
      timezone: "Europe/Berlin",
    });
    expect((await a.getSchedules()).filter((s) => s.name === PLAN_ROLLOVER_QUEUE)).toHaveLength(1);
    const queue = await a.getQueue(PLAN_ROLLOVER_QUEUE);
    expect(queue?.policy).toBe("stately");
    expect(queue?.deadLetter).toBe(`${PLAN_ROLLOVER_QUEUE}.dead`);
  });

  it("runs end to end: default date from the clock, result { weeksCreated, plansRolled }", async () => {
    const boss = bosses[0] as PgBoss;
    await planRolloverJob.start(depsFor(boss));
    const userId = await createUser(tdb.pool);
    const planId = await makePlan(tdb.pool, userId, { weekStart: plusDays(thisMonday, -14) });

    const finished = async (id: string) =>
      waitFor(
        async () => {
          const job = await boss.getJobById(PLAN_ROLLOVER_QUEUE, id);
          return job && ["completed", "failed"].includes(job.state) ? job : undefined;
        },
        { what: `job ${id}` },
      );

    // The clock is this Monday in Berlin: weeks 2 (last Monday) and 3 (this Monday).
    const first = await boss.send(PLAN_ROLLOVER_QUEUE, {});
    const job = await finished(first as string);
    expect(job.state).toBe("completed");
    expect(job.output).toEqual({ weeksCreated: 2, plansRolled: 1 });
    expect((await weeksOf(tdb.pool, planId)).map((w) => w.week_start)).toEqual(
      mondays(plusDays(thisMonday, -14), 3),
    );

    // Explicit asOf; and a second run for a date already covered creates nothing.
    const second = await boss.send(PLAN_ROLLOVER_QUEUE, { asOf: plusDays(thisMonday, 2) });
    expect((await finished(second as string)).output).toEqual({ weeksCreated: 0, plansRolled: 0 });

    // A bad payload fails at once, without retries (dead letter).
    const bad = await boss.send(PLAN_ROLLOVER_QUEUE, { asOf: "2026-13-01" });
    const rejected = await finished(bad as string);
    expect(rejected.state).toBe("failed");
    expect(rejected.retryCount).toBe(0);
    expect(JSON.stringify(rejected.output)).toContain("asOf: must be a date YYYY-MM-DD");

    // So does a date outside the window a year either side of the clock's today.
    const far = await finished((await boss.send(PLAN_ROLLOVER_QUEUE, { asOf: "0001-01-08" })) as string);
    expect(far).toMatchObject({ state: "failed", retryCount: 0 });
    expect(JSON.stringify(far.output)).toMatch(/asOf: must lie from \d{4}-\d{2}-\d{2} to /);
  });

  it("the CLI command runs the same code in process and prints what it did", async () => {
    await tdb.pool.query("UPDATE modular_training_plan SET status = 'completed'");
    const userId = await createUser(tdb.pool);
    const w1 = plusDays(thisMonday, -35);
    await makePlan(tdb.pool, userId, { weekStart: w1 });
    const lines: string[] = [];
    const ctx = {
      config,
      logger: silent,
      databaseUrl: tdb.url,
      pool: tdb.pool,
      db: tdb.db,
      boss: async () => bosses[0] as PgBoss,
      out: (line = "") => lines.push(line),
      progress: (opts: ProgressOptions) => createProgress(opts, { write: () => {} }),
      now: () => clock.now,
    };
    await rolloverCommand.run(rolloverCommand.parse(["--as-of", plusDays(w1, 7)]), ctx);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^rollover as of ${plusDays(w1, 7)}: 1 week created for 1 plan in `)),
    ]);
    // A date outside the window is bad input (the CLI exits 2 on InputError).
    await expect(rolloverCommand.run(rolloverCommand.parse(["--as-of", "1900-01-01"]), ctx)).rejects.toThrow(
      InputError,
    );
  });
});

describe("rollover CLI usage", () => {
  it("rejects a bad --as-of before touching the database", () => {
    expect(() => rolloverCommand.parse(["--as-of", "2026-02-30"])).toThrow(UsageError);
    expect(() => rolloverCommand.parse(["--as-of"])).toThrow(UsageError);
    expect(() => rolloverCommand.parse(["--when", "x"])).toThrow(UsageError);
    expect(rolloverCommand.parse([])).toEqual({});
  });

  it("exits 2 with a one-line reason for a bad --as-of", async () => {
    // The database URL is never used: parsing fails first.
    const run = await runCli(["rollover", "--as-of", "2026-13-01"], {
      databaseUrl: "postgresql://nobody@127.0.0.1:1/none",
    });
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toBe(
      'error: rollover: --as-of: must be a date YYYY-MM-DD (got "2026-13-01")',
    );
  });
});
