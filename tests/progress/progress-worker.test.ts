// progress.refresh with the worker running: a logged set reaches the tables by itself within a
// couple of seconds, a burst of 20 sets makes one refresh job, marks made while no worker ran
// are swept at start, and the payload is validated at the edge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { PROGRESS_REFRESH_QUEUE, progressRefreshPayload } from "../../src/jobs/progress-refresh/index.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { asUser, createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { waitFor } from "../helpers/wait.ts";
import { noviceSquatWeek, weekRows } from "../rollover/helpers.ts";
import { BENCH, logSet, makeLifter, SQUAT } from "./helpers.ts";

// A week from the clock: the database keeps plan dates within a year of today.
const W = monday(-1);
const config = { ...loadConfig({}), PROGRESS_DEBOUNCE_SECONDS: 1, LOAD_BUILTIN_CATALOGUE: false };

describe("progress.refresh payload", () => {
  it("accepts {}, a user and full; rejects anything else naming the field", () => {
    const id = "6b0f3c55-8e0c-4a57-9d53-64f1f5a0d2a1";
    expect(progressRefreshPayload.parse({})).toEqual({});
    expect(progressRefreshPayload.parse({ userId: id, full: true })).toEqual({ userId: id, full: true });
    for (const [bad, field] of [
      [{ userId: "nope" }, "userId"],
      [{ full: "yes" }, "full"],
      [{ other: 1 }, ""],
    ] as const) {
      const parsed = progressRefreshPayload.safeParse(bad);
      expect(parsed.success).toBe(false);
      if (field) expect(parsed.error?.issues[0]?.path).toEqual([field]);
    }
  });
});

describe("progress.refresh with the worker running", () => {
  let tdb: TestDatabase;
  let worker: RunningWorker | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await worker?.stop(5_000);
    await tdb.drop();
  });

  const userJobs = async (userId: string) => {
    const { rows } = await tdb.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND singleton_key = $2",
      [PROGRESS_REFRESH_QUEUE, userId],
    );
    return rows[0]?.n ?? 0;
  };
  const setsInTable = async (userId: string, key: string) => {
    const { rows } = await tdb.pool.query<{ sets: number }>(
      "SELECT sets::int AS sets FROM progress_exercise_weekly WHERE user_id = $1 AND exercise_key = $2 AND week_start = $3",
      [userId, key, W],
    );
    return rows[0]?.sets ?? 0;
  };

  it("sweeps marks made while no worker ran, then keeps the tables current by itself", async () => {
    const early = await makeLifter(tdb.pool, [W]);
    await logSet(tdb.pool, early.row(SQUAT, W), { reps: 5, kg: 100 });

    worker = await startWorker({
      url: tdb.url,
      directUrl: tdb.directUrl,
      config,
      logger: createLogger("silent"),
    });
    await waitFor(async () => ((await setsInTable(early.userId, SQUAT)) === 1 ? true : undefined), {
      timeoutMs: 10_000,
      what: "the start-up sweep",
    });

    const f = await makeLifter(tdb.pool, [W]);
    const started = Date.now();
    await asUser(tdb.pool, f.userId, (c) => logSet(c, f.row(BENCH, W), { reps: 5, kg: 80, rpe: 8 }));
    await waitFor(async () => ((await setsInTable(f.userId, BENCH)) === 1 ? true : undefined), {
      timeoutMs: 5_000,
      intervalMs: 10,
      what: "the set in progress_exercise_weekly",
    });
    // PROGRESS_DEBOUNCE_SECONDS (1 s) plus pickup and the refresh: within a couple of seconds.
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(await userJobs(f.userId)).toBe(1);
  });

  it("makes one refresh job of a burst of 20 sets", async () => {
    const f = await makeLifter(tdb.pool, [W]);
    // 20 transactions of the user's own, all within the 1 s window even on a busy machine.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        asUser(tdb.pool, f.userId, (c) => logSet(c, f.row(SQUAT, W), { reps: 5, kg: 101 + i, setNo: i + 1 })),
      ),
    );
    await waitFor(async () => ((await setsInTable(f.userId, SQUAT)) === 20 ? true : undefined), {
      timeoutMs: 10_000,
      what: "all 20 sets in progress_exercise_weekly",
    });
    expect(await userJobs(f.userId)).toBe(1);
    const { rows } = await tdb.pool.query(
      "SELECT value FROM personal_record WHERE user_id = $1 AND record_type = 'heaviest_weight'",
      [f.userId],
    );
    expect(rows).toEqual([{ value: 120 }]);
  });

  it("reloads a novice's later sessions this week once a logged session is missed (linear-midweek.ts)", async () => {
    const userId = await createUser(tdb.pool);
    const { planId, rows } = await noviceSquatWeek(tdb.pool, userId, monday(0));
    await asUser(tdb.pool, userId, (c) => logSet(c, rows[0]?.id as string, { reps: 3, kg: 80, rpe: 10 }));
    await waitFor(
      async () => {
        const loads = (await weekRows(tdb.pool, planId, 1)).map((r) => r.weight);
        return loads[1] === 80 && loads[2] === 82.5 ? loads : undefined;
      },
      { timeoutMs: 10_000, what: "the later sessions' loads from the missed one" },
    );
  });
});
