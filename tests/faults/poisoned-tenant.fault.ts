// A poisoned tenant among healthy ones, with the worker as a real process (issue 18): one user's
// progress refresh fails on every attempt (a table owner's trigger refuses their rows with 22003,
// as the integer overflow did). The start-up sweep, the per-user jobs and the nightly rebuild all
// go on for everyone else; the poisoned user is set aside, logged, and counted in /metrics.
import { createServer } from "node:net";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOSS_SCHEMA } from "../../src/boss.ts";
import { PROGRESS_REFRESH_QUEUE } from "../../src/jobs/progress-refresh/index.ts";
import { asUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { installProgressPoison } from "../helpers/progress-poison.ts";
import { waitFor } from "../helpers/wait.ts";
import { type Fixture, logSet, makeLifter, SQUAT, seedCatalogue } from "../progress/helpers.ts";
import { spawnWorker, stopWorkers, type WorkerProcess } from "./worker-process.ts";

const HEALTHY = 30;
const W = monday(-1);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("a poisoned tenant among healthy ones", () => {
  let tdb: TestDatabase;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
    await seedCatalogue(tdb.pool);
    await installProgressPoison(tdb.pool);
  });
  afterAll(async () => {
    await stopWorkers(workers);
    await tdb?.drop();
  });

  const weeklyUsers = async (ids: readonly string[]) =>
    (
      await tdb.pool.query<{ n: number }>(
        "SELECT count(DISTINCT user_id)::int AS n FROM progress_exercise_weekly WHERE user_id = ANY($1::uuid[])",
        [ids],
      )
    ).rows[0]?.n ?? 0;

  it("the sweep, the users' jobs and the nightly rebuild go on for everyone else", async () => {
    // The poisoned user's marks are the oldest, made while no worker ran: they head the start-up sweep.
    const poisoned = await makeLifter(tdb.pool, [W]);
    await tdb.pool.query("INSERT INTO poisoned_user VALUES ($1)", [poisoned.userId]);
    await logSet(tdb.pool, poisoned.row(SQUAT, W), { reps: 5, kg: 100 });
    const early: Fixture[] = [];
    for (let i = 0; i < HEALTHY / 2; i++) {
      const f = await makeLifter(tdb.pool, [W]);
      await logSet(tdb.pool, f.row(SQUAT, W), { reps: 5, kg: 60 + i });
      early.push(f);
    }

    const port = await freePort();
    const worker = spawnWorker(tdb.url, { HTTP_PORT: String(port), SHUTDOWN_TIMEOUT_MS: "5000" });
    workers.push(worker);
    await worker.waitFor("worker started", 60_000);

    // 1. The start-up sweep refreshes every early user although the poisoned one heads its batch.
    await waitFor(
      async () => ((await weeklyUsers(early.map((f) => f.userId))) === early.length ? true : undefined),
      {
        timeoutMs: 30_000,
        what: "the start-up sweep to refresh every healthy user",
      },
    );
    await worker.waitFor("progress refresh failed for a user; set aside", 10_000);

    // 2. Healthy users logging now, as themselves, are refreshed by their own jobs within seconds.
    const late: Fixture[] = [];
    for (let i = 0; i < HEALTHY / 2; i++) late.push(await makeLifter(tdb.pool, [W]));
    await Promise.all(
      late.map((f, i) =>
        asUser(tdb.pool, f.userId, (c) => logSet(c, f.row(SQUAT, W), { reps: 8, kg: 40 + i })),
      ),
    );
    await waitFor(
      async () => ((await weeklyUsers(late.map((f) => f.userId))) === late.length ? true : undefined),
      {
        timeoutMs: 30_000,
        what: "the healthy users' own jobs",
      },
    );

    // 3. The nightly rebuild, from empty tables: everyone but the poisoned user is rebuilt.
    await tdb.pool.query("TRUNCATE progress_exercise_weekly, progress_muscle_weekly, personal_record");
    const boss = new PgBoss({ connectionString: tdb.url, schema: BOSS_SCHEMA, max: 2 });
    boss.on("error", () => {});
    await boss.start();
    let rebuildId: string | null;
    try {
      rebuildId = await boss.send(PROGRESS_REFRESH_QUEUE, { full: true }, { singletonKey: "fault-full" });
    } finally {
      await boss.stop({ graceful: false, close: true });
    }
    const rebuild = await waitFor(
      async () => {
        const { rows } = await tdb.pool.query<{
          state: string;
          output: { setAside?: number; users?: number };
        }>("SELECT state, output FROM pgboss.job WHERE id = $1", [rebuildId]);
        const row = rows[0];
        return row && ["completed", "failed"].includes(row.state) ? row : undefined;
      },
      { timeoutMs: 60_000, what: "the nightly rebuild job" },
    );
    expect(rebuild.state).toBe("completed");
    expect(rebuild.output.setAside).toBe(1);
    const everyone = [...early, ...late].map((f) => f.userId);
    expect(await weeklyUsers(everyone)).toBe(everyone.length);
    expect(await weeklyUsers([poisoned.userId])).toBe(0);

    // 4. Set aside: recorded with a retry time, counted in /metrics, and not in the refresh lag.
    const { rows } = await tdb.pool.query<{ failures: number; waits: boolean }>(
      "SELECT failures, retry_at > now() AS waits FROM progress_refresh_failure WHERE user_id = $1",
      [poisoned.userId],
    );
    expect(rows[0]?.failures).toBeGreaterThanOrEqual(2);
    expect(rows[0]?.waits).toBe(true);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^training_engine_progress_users_set_aside 1$/m);
    const counted = [
      ...metrics.matchAll(/^training_engine_progress_refresh_user_failures_total\{mode="(\w+)"\} (\d+)$/gm),
    ];
    expect(Object.fromEntries(counted.map((m) => [m[1], Number(m[2])]))).toMatchObject({ full: 1 });
    expect(counted.reduce((n, m) => n + Number(m[2]), 0)).toBeGreaterThanOrEqual(2);
  });
});
