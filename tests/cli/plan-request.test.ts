// `plan request` against a worker started in this process (startWorker): the job id, --wait
// printing the plan, a repeated --request-id making no second plan, a failed job exiting 1 with
// its error, and --wait with no worker timing out with exit 1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { createUser, newId } from "../helpers/auth.ts";
import { firstLine, runCli } from "../helpers/cli.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";

let tdb: TestDatabase;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await worker?.stop(5_000);
  await tdb?.drop();
});

/** This week's Monday, from the clock (the database keeps plan dates within a year of today). */
const W0 = monday(0);
const cli = (...args: string[]) => runCli(args, { databaseUrl: tdb.url });

async function start() {
  worker ??= await startWorker({
    url: tdb.url,
    config: loadConfig({ DATABASE_URL: tdb.url, LOG_LEVEL: "silent" }),
    logger: createLogger("silent"),
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const plansOf = async (userId: string) =>
  (
    await tdb.pool.query<{ id: string }>("SELECT id FROM modular_training_plan WHERE user_id = $1", [userId])
  ).rows.map((r) => r.id);

describe("plan request, no worker running", () => {
  it("--wait times out with exit 1 and says no worker ran", async () => {
    const userId = await createUser(tdb.pool);
    const run = await cli(
      "plan",
      "request",
      "--user",
      userId,
      "--days",
      "3",
      "--wait",
      "--timeout-seconds",
      "1",
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^job [0-9a-f-]{36}\n$/);
    expect(firstLine(run.stderr)).toMatch(/^error: .*is a worker running\?/);
  });

  it("an unknown user exits 2 and enqueues nothing", async () => {
    const userId = newId();
    const run = await cli("plan", "request", "--user", userId, "--days", "3");
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`error: plan request: --user: no such user ${userId}`);
    const { rowCount } = await tdb.pool.query("SELECT 1 FROM pgboss.job WHERE data->>'userId' = $1", [
      userId,
    ]);
    expect(rowCount).toBe(0);
  });

  it("a --week-start outside the date window exits 2 naming the flag, and enqueues nothing", async () => {
    const userId = await createUser(tdb.pool);
    const run = await cli("plan", "request", "--user", userId, "--days", "3", "--week-start", "0001-01-01");
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^error: plan request: --week-start: must lie from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, a year either side of today \(got "0001-01-01"\)$/,
    );
    const { rowCount } = await tdb.pool.query("SELECT 1 FROM pgboss.job WHERE data->>'userId' = $1", [
      userId,
    ]);
    expect(rowCount).toBe(0);
  });

  it("a job that fails prints its error and exits 1", async () => {
    // The user exists when the CLI checks, and is gone when the worker runs the job.
    const userId = await createUser(tdb.pool);
    const pending = cli(
      "plan",
      "request",
      "--user",
      userId,
      "--days",
      "4",
      "--wait",
      "--timeout-seconds",
      "60",
    );
    await waitFor("the job", async () => {
      const { rows } = await tdb.pool.query("SELECT id FROM pgboss.job WHERE data->>'userId' = $1", [userId]);
      return rows[0];
    });
    await tdb.pool.query("DELETE FROM auth.users WHERE id = $1", [userId]);
    await start();
    const run = await pending;
    expect(run.code).toBe(1);
    expect(firstLine(run.stderr)).toMatch(
      /^error: plan\.generate job [0-9a-f-]{36} failed: userId: no such user/,
    );
  });
});

describe("plan request with a running worker", () => {
  beforeAll(start);

  it("enqueues plan.generate and prints the job id", async () => {
    const userId = await createUser(tdb.pool);
    const run = await cli("plan", "request", "--user", userId, "--days", "3", "--goal", "strength");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const jobId = /^job ([0-9a-f-]{36})$/.exec(run.stdout.trim())?.[1];
    expect(jobId).toBeDefined();
    const { rows } = await tdb.pool.query<{ name: string; data: Record<string, unknown> }>(
      "SELECT name, data FROM pgboss.job WHERE id = $1",
      [jobId],
    );
    expect(rows[0]?.name).toBe("plan.generate");
    expect(rows[0]?.data).toMatchObject({ userId, daysPerWeek: 3, goal: "strength" });
  });

  it("--wait prints the plan the worker wrote", async () => {
    const userId = await createUser(tdb.pool);
    const run = await cli(
      "plan",
      "request",
      "--user",
      userId,
      "--days",
      "4",
      "--goal",
      "hypertrophy",
      "--experience",
      "beginner",
      "--split",
      "upper_lower",
      "--equipment",
      "barbell,dumbbell,cable",
      "--week-start",
      W0,
      "--minutes",
      "75",
      "--wait",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [planId] = await plansOf(userId);
    expect(planId).toBeDefined();
    const out = run.stdout;
    expect(out).toMatch(/^job [0-9a-f-]{36}\n/);
    expect(out).toContain(`plan ${planId}`);
    expect(out).toContain(`upper_lower · hypertrophy · beginner · active · starts ${W0}`);
    expect(out).toContain(`week 1 · ${W0}`);
    expect(out).toMatch(/#\s+exercise\s+muscle\s+sets x reps\s+RIR\s+tier\s+load/);
    expect(out).toMatch(/\d+ x \d+(-\d+)?/);
    expect(out.match(/^ {2}\S.* · (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d\d-\d\d · /gm)).toHaveLength(4);
  });

  it("a repeated --request-id makes no second plan and prints the same plan", async () => {
    const userId = await createUser(tdb.pool);
    const requestId = newId();
    const args = ["plan", "request", "--user", userId, "--days", "2", "--request-id", requestId, "--wait"];
    const first = await cli(...args);
    const second = await cli(...args);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stdout).toContain(`job ${requestId}`);
    const plans = await plansOf(userId);
    expect(plans).toHaveLength(1);
    expect(first.stdout).toContain(`plan ${plans[0]}`);
    expect(second.stdout).toContain(`plan ${plans[0]}`);
  });
});
