// A SIGKILL of one of four workers mid-batch. A held table lock keeps every worker's batch in
// flight (their plans wait to be written) when one worker is killed, so the victim surely dies
// holding active jobs. Its jobs' heartbeat stops; pg-boss fails them into a retry, and a survivor
// finishes them within 30 s of the kill. The victim's statement may still have committed its
// plans after the lock went: the retry then finds them by request key, so no plan is lost or
// written twice.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBuiltinCatalogueIfEmpty } from "../../src/db/queries/seed-builtin-catalogue.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { waitFor } from "../helpers/wait.ts";
import { liftBoundsForLoad } from "./load-bounds.ts";
import { jobCounts, planLedger, sendPlanJobs } from "./plan-jobs.ts";
import { spawnWorker, stopWorkers, type WorkerProcess } from "./worker-process.ts";

const JOBS = 600;
const RECOVERY_LIMIT_MS = 30_000;

describe("a SIGKILLed worker", () => {
  let tdb: TestDatabase;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
    await seedBuiltinCatalogueIfEmpty(tdb.pool);
  });
  afterAll(async () => {
    await stopWorkers(workers);
    await tdb.drop();
  });

  it("loses no plan, duplicates none, and its jobs are done within 30 s of the kill", async () => {
    const env = {
      PLAN_BATCH_SIZE: "10",
      PLAN_LOCAL_CONCURRENCY: "2",
      DB_POOL_SIZE: "6",
      SHUTDOWN_TIMEOUT_MS: "5000",
    };
    for (let i = 0; i < 4; i++) workers.push(spawnWorker(tdb.url, env));
    await Promise.all(workers.map((w) => w.waitFor("worker started", 60_000)));
    await liftBoundsForLoad(tdb.pool);
    const userId = await createUser(tdb.pool);

    // Every plan write waits behind this lock, so every worker holds a batch when one is killed.
    const locker = new pg.Client({ connectionString: tdb.url });
    await locker.connect();
    let killedAt = 0;
    let ids: string[];
    try {
      await locker.query("BEGIN; LOCK TABLE modular_training_plan IN SHARE ROW EXCLUSIVE MODE");
      ids = await sendPlanJobs(tdb.url, userId, JOBS);
      await waitFor(
        async () => {
          const { rows } = await tdb.pool.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'plan.generate' AND state = 'active'",
          );
          // 4 workers x 2 loops x 10 jobs: each worker has fetched its batches.
          return (rows[0]?.n ?? 0) >= 80 ? true : undefined;
        },
        { timeoutMs: 30_000, what: "every worker to hold batches" },
      );
      (workers[0] as WorkerProcess).kill("SIGKILL");
      killedAt = Date.now();
      await (workers[0] as WorkerProcess).exited;
    } finally {
      await locker.query("COMMIT").catch(() => {});
      await locker.end();
    }

    const done = await waitFor(
      async () => {
        const counts = await jobCounts(tdb.pool, ids);
        return counts.completed === ids.length ? counts : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250, what: "every job to complete" },
    );
    const recoveryMs = Date.now() - killedAt;
    // When the killed worker's jobs started again (after the heartbeat timeout) and finished.
    const { rows: timing } = await tdb.pool.query<{ restarted_ms: number; finished_ms: number }>(
      `SELECT (extract(epoch FROM max(started_on)) * 1000 - $2)::int AS restarted_ms,
              (extract(epoch FROM max(completed_on)) * 1000 - $2)::int AS finished_ms
       FROM pgboss.job WHERE name = 'plan.generate' AND id = ANY($1::uuid[]) AND retry_count > 0`,
      [ids, killedAt],
    );
    console.log(
      `SIGKILL: the killed worker's jobs restarted by +${timing[0]?.restarted_ms} ms, finished by +${timing[0]?.finished_ms} ms`,
    );
    console.log(
      `SIGKILL: ${done.retried} jobs of the killed worker retried; all ${JOBS} done ${recoveryMs} ms after the kill`,
    );
    expect(done.retried).toBeGreaterThan(0);
    expect(recoveryMs).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(await planLedger(tdb.pool, ids)).toEqual({ lost: 0, duplicated: 0, plans: JOBS });
  });
});
