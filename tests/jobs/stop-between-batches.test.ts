// Shutdown reaches a long job: a worker that stops mid-rollover stops between two batches (every
// batch one week for its plans, in one transaction), the job fails and is retried, and the next
// worker rolls the rest. The nightly progress rebuild stops between its batches the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { countDuePlans } from "../../src/db/queries/rollover.ts";
import { PLAN_ROLLOVER_QUEUE } from "../../src/jobs/plan-rollover/index.ts";
import { rebuildProgressByUser } from "../../src/jobs/progress-refresh/refresh.ts";
import { JobStoppedError } from "../../src/jobs/runtime.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { waitFor } from "../helpers/wait.ts";
import { logSet } from "../progress/helpers.ts";
import { makePlan } from "../rollover/helpers.ts";

const PLANS = 40;
const WEEKS_BEHIND = 8;
const SESSIONS = 4;
const SLOTS = 3;
// Two plans a batch, one batch at a time: 20 batches a round, 8 rounds.
const config = {
  ...loadConfig({}),
  ROLLOVER_BATCH_PLANS: 2,
  ROLLOVER_CONCURRENCY: 1,
  LOAD_BUILTIN_CATALOGUE: false,
};
const silent = createLogger("silent");

describe("a worker stopped in the middle of a long job", () => {
  let tdb: TestDatabase;
  const workers: RunningWorker[] = [];
  const asOf = monday(0);

  beforeAll(async () => {
    tdb = await createTestDatabase();
    for (let i = 0; i < PLANS; i++) {
      const userId = await createUser(tdb.pool);
      await makePlan(tdb.pool, userId, {
        weekStart: monday(-WEEKS_BEHIND),
        sessions: SESSIONS,
        slots: SLOTS,
      });
    }
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop(5_000);
    await tdb.drop();
  });

  const start = async () => {
    const worker = await startWorker({ url: tdb.url, directUrl: tdb.directUrl, config, logger: silent });
    workers.push(worker);
    return worker;
  };
  const weekCount = async () =>
    (await tdb.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM modular_training_week")).rows[0]
      ?.n ?? 0;
  const job = async (id: string) =>
    (
      await tdb.pool.query<{ state: string; output: { error?: string } | null }>(
        "SELECT state::text AS state, output FROM pgboss.job WHERE name = $1 AND id = $2",
        [PLAN_ROLLOVER_QUEUE, id],
      )
    ).rows[0];
  /** Weeks that are not whole (sessions or rows missing) or not numbered 1..n without a gap. */
  const brokenWeeks = async () =>
    (
      await tdb.pool.query(
        `WITH w AS (
           SELECT w.plan_id, w.week_number, count(DISTINCT s.id)::int AS sessions, count(e.id)::int AS rows,
                  row_number() OVER (PARTITION BY w.plan_id ORDER BY w.week_number)::int AS nth
           FROM modular_training_week w
           LEFT JOIN modular_training_session s ON s.week_id = w.id
           LEFT JOIN modular_training_exercise e ON e.session_id = s.id
           GROUP BY w.plan_id, w.week_number)
         SELECT * FROM w WHERE sessions <> $1 OR rows <> $2 OR week_number <> nth`,
        [SESSIONS, SESSIONS * SLOTS],
      )
    ).rows;

  it("stops the rollover between batches, leaves whole weeks only, and the next worker rolls the rest", async () => {
    expect(await weekCount()).toBe(PLANS);
    const first = await start();
    const jobId = (await first.deps.boss.send(PLAN_ROLLOVER_QUEUE, { asOf })) as string;
    // A few batches in: stop the worker (the grace it is given would let the whole run finish).
    await waitFor(async () => ((await weekCount()) >= PLANS + 6 ? true : undefined), {
      what: "the rollover's first batches",
      intervalMs: 5,
    });
    await first.stop(30_000);

    const stopped = await job(jobId);
    expect(stopped?.state).toBe("retry");
    expect(stopped?.output?.error).toMatch(/stopped between batches/);
    const weeksAtStop = await weekCount();
    expect(weeksAtStop).toBeGreaterThan(PLANS);
    expect(weeksAtStop).toBeLessThan(PLANS * (WEEKS_BEHIND + 1));
    expect(await countDuePlans(tdb.pool, asOf)).toBeGreaterThan(0);
    expect(await brokenWeeks()).toEqual([]);

    // The retry runs on the next worker and finishes the rest.
    await start();
    await waitFor(async () => ((await job(jobId))?.state === "completed" ? true : undefined), {
      what: "the retried rollover",
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    expect(await countDuePlans(tdb.pool, asOf)).toBe(0);
    expect(await weekCount()).toBe(PLANS * (WEEKS_BEHIND + 1));
    expect(await brokenWeeks()).toEqual([]);
  });

  it("stops the progress rebuild between batches of users, and a run without the signal does them all", async () => {
    // One logged set per lifter (on the first week's first row), so every lifter has progress.
    const { rows: firstRows } = await tdb.pool.query<{ id: string }>(
      `SELECT DISTINCT ON (w.plan_id) e.id FROM modular_training_week w
       JOIN modular_training_session s ON s.week_id = w.id
       JOIN modular_training_exercise e ON e.session_id = s.id
       WHERE w.week_number = 1 ORDER BY w.plan_id, s.session_date, e.order_in_session`,
    );
    expect(firstRows).toHaveLength(PLANS);
    for (const row of firstRows) await logSet(tdb.pool, row.id, { reps: 8, kg: 60 });
    const stop = new AbortController();
    const seen: number[] = [];
    await expect(
      rebuildProgressByUser(tdb.pool, {
        batchUsers: 5,
        concurrency: 1,
        signal: stop.signal,
        onBatch: (done) => {
          seen.push(done);
          if (done >= 10) stop.abort();
        },
      }),
    ).rejects.toBeInstanceOf(JobStoppedError);
    expect(seen).toEqual([5, 10]);

    const all: number[] = [];
    const counts = await rebuildProgressByUser(tdb.pool, {
      batchUsers: 5,
      concurrency: 1,
      onBatch: (d) => all.push(d),
    });
    expect(counts.mode).toBe("full");
    expect(all.at(-1)).toBe(PLANS);
    expect(counts.users).toBe(PLANS);
  });
});
