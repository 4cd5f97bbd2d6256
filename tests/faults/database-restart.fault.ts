// A PostgreSQL restart under load, on a scratch server this file starts itself: two workers
// generate plans while the server stops and starts again. The workers survive, every job is done
// within 30 s of the server coming back, and plans match requests (0 lost, 0 duplicated).
// With TEST_POOLER=pgbouncer (.ci/pooler) the workers, the job sender and the checks go through
// PgBouncer in transaction mode in front of that server; the workers' DATABASE_DIRECT_URL (the
// LISTEN for logged sets) goes to the server itself.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { seedBuiltinCatalogueIfEmpty } from "../../src/db/queries/seed-builtin-catalogue.ts";
import { createLogger } from "../../src/logger.ts";
import { createUser } from "../helpers/auth.ts";
import { type PgBouncer, startPgBouncer } from "../helpers/pgbouncer.ts";
import { startScratchPostgres } from "../helpers/scratch-postgres.ts";
import { databaseUrl } from "../helpers/urls.ts";
import { waitFor } from "../helpers/wait.ts";
import { liftBoundsForLoad } from "./load-bounds.ts";
import { jobCounts, planLedger, sendPlanJobs } from "./plan-jobs.ts";
import { spawnWorker, stopWorkers, type WorkerProcess } from "./worker-process.ts";

const SETTLE_LIMIT_MS = 30_000;

describe("a database restart under load", () => {
  let server: Awaited<ReturnType<typeof startScratchPostgres>>;
  let url: string;
  let directUrl: string;
  let bouncer: PgBouncer | undefined;
  let pool: pg.Pool;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    server = await startScratchPostgres({ fsync: "off", max_connections: "100" });
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE DATABASE faults");
    await admin.end();
    directUrl = databaseUrl(server.url, "faults");
    await migrateDatabase(directUrl, createLogger("warn"));
    if (process.env.TEST_POOLER === "pgbouncer") bouncer = await startPgBouncer(server.url);
    url = bouncer ? bouncer.urlFor("faults") : directUrl;
    pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on("error", () => {}); // the restart ends idle connections
    await seedBuiltinCatalogueIfEmpty(pool);
    await liftBoundsForLoad(pool);
  });
  afterAll(async () => {
    await stopWorkers(workers);
    await pool?.end();
    await bouncer?.stop();
    await server?.stop();
  });

  it("workers survive, every job is done within 30 s of the server's return, none lost or doubled", async () => {
    const env = {
      PLAN_BATCH_SIZE: "10",
      PLAN_LOCAL_CONCURRENCY: "2",
      DB_POOL_SIZE: "6",
      SHUTDOWN_TIMEOUT_MS: "5000",
      ...(bouncer ? { DATABASE_DIRECT_URL: directUrl } : {}),
    };
    for (let i = 0; i < 2; i++) workers.push(spawnWorker(url, env));
    await Promise.all(workers.map((w) => w.waitFor("worker started", 60_000)));
    const userId = await createUser(pool);

    // Load: enough jobs that the restart lands mid-run. 2,400, not the 3,000 of earlier releases:
    // since plans use the session time asked (issue 22) a plan has about a sixth more rows to write,
    // and this case times the recovery, not the write rate (bench/ measures that); the backlog
    // after the restart is still about 24 s of work for the two workers.
    const before = await sendPlanJobs(url, userId, 2_400);
    await waitFor(async () => ((await jobCounts(pool, before)).completed >= 100 ? true : undefined), {
      timeoutMs: 60_000,
      what: "the run to be under way",
    });
    const inFlight = await jobCounts(pool, before);
    await server.restart();
    const backAt = Date.now();
    // PgBouncer answers "server login has been failing" for server_login_retry (1 s here) after
    // the server was gone: the sender waits that out, the workers ride it out on their own.
    if (bouncer) {
      await waitFor(
        () =>
          pool.query("SELECT 1").then(
            () => true,
            () => undefined,
          ),
        {
          timeoutMs: 10_000,
          intervalMs: 100,
          what: "PgBouncer to log in to the server again",
        },
      );
    }
    // More load after the restart: requests sent while the workers reconnect.
    const after = await sendPlanJobs(url, userId, 200);
    const ids = [...before, ...after];

    const done = await waitFor(
      async () => {
        const counts = await jobCounts(pool, ids).catch(() => undefined);
        return counts && counts.completed === ids.length ? counts : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250, what: "every job to complete after the restart" },
    );
    const settleMs = Date.now() - backAt;
    console.log(
      `restart: ${inFlight.completed} of ${before.length} done when the server stopped; all ${ids.length} done ` +
        `${settleMs} ms after it came back (${done.retried} retried)`,
    );
    expect(settleMs).toBeLessThan(SETTLE_LIMIT_MS);
    expect(await planLedger(pool, ids)).toEqual({ lost: 0, duplicated: 0, plans: ids.length });
    // Both workers are still running.
    const exited = await Promise.race([
      Promise.any(workers.map((w) => w.exited.then(() => true))),
      new Promise((resolve) => setTimeout(() => resolve(false), 100)),
    ]);
    if (exited) for (const w of workers) console.log(`DEBUG worker log:\n${w.log()}`);
    expect(exited).toBe(false);
  });
});
