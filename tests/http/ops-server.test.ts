// The ops HTTP server on a real port, with a real worker on a real database: health and
// readiness, access control, the ports rule, and /metrics values that match the database after
// known work.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createPool } from "../../src/db/client.ts";
import { createOpsApp } from "../../src/http/app.ts";
import { HttpBindError, listenOps } from "../../src/http/listen.ts";
import type { OpsService } from "../../src/http/ops-server.ts";
import { Readiness } from "../../src/http/readiness.ts";
import { PLAN_GENERATE_QUEUE, sendPlanRequest } from "../../src/jobs/plan-generate/index.ts";
import { PLAN_ROLLOVER_QUEUE } from "../../src/jobs/plan-rollover/index.ts";
import { createLogger } from "../../src/logger.ts";
import { createMetricsSource } from "../../src/metrics/metrics-endpoint.ts";
import { planGenerationFailures } from "../../src/metrics/process-metrics.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, mondays } from "../helpers/dates.ts";
import { freePort } from "../helpers/scratch-postgres.ts";
import { waitFor } from "../helpers/wait.ts";
import { BENCH, logSet, makeLifter, seedCatalogue } from "../progress/helpers.ts";
import { get, parseMetrics } from "./http-client.ts";
import { startTestOps } from "./test-ops.ts";

const silent = createLogger("silent");
const config = loadConfig({ LOG_LEVEL: "silent", PLAN_BATCH_SIZE: "10", PLAN_LOCAL_CONCURRENCY: "1" });
const STATES = ["created", "retry", "active", "completed", "cancelled", "failed"];

/** A logger whose lines the test can read. */
function capturingLogger() {
  const lines: { msg: string; level: number }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** Exact job counts by queue and state, as the metric labels them. */
async function jobCounts(tdb: TestDatabase): Promise<Map<string, number>> {
  const { rows } = await tdb.pool.query<{ name: string; state: string; n: number }>(
    "SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2",
  );
  return new Map(rows.map((r) => [`pgboss_queue_jobs{queue="${r.name}",state="${r.state}"}`, r.n]));
}

const failures = async () =>
  Object.fromEntries(
    ((await planGenerationFailures.get()).values ?? []).map((v) => [String(v.labels.cause), v.value]),
  );

describe("ops HTTP server with a running worker", () => {
  let tdb: TestDatabase;
  let worker: RunningWorker;
  let ops: OpsService;
  let base: string;
  const readiness = new Readiness();

  beforeAll(async () => {
    tdb = await createTestDatabase();
    worker = await startWorker({ url: tdb.url, config, logger: silent });
    // The test's own pool, so the gauges still read after the worker stops.
    ({ ops, base } = await startTestOps(tdb, { readiness }));
  });
  afterAll(async () => {
    await ops?.close();
    await worker?.stop(5_000);
    await tdb?.drop();
  });

  it("answers /healthz and /readyz, and the product pages", async () => {
    expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, body: "ok\n" });
    expect(await get(`${base}/readyz`)).toMatchObject({ status: 200, body: "ready\n" });
    const overview = await get(`${base}/`);
    expect(overview.status).toBe(200);
    expect(overview.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(overview.body).toContain('<tr data-queue="plan.generate">');
    expect((await get(`${base}/progress/not-a-uuid`)).body).toContain(
      "user: must be a uuid (got not-a-uuid)",
    );
    const badStatus = await get(`${base}/plan-requests?status=lost`);
    expect(badStatus).toMatchObject({ status: 400 });
    expect(badStatus.body).toMatch(/^status: must be one of queued, running, succeeded, failed \(got lost\)/);
    // The pg-boss dashboard, served from the package inside this server.
    const queues = await get(`${base}/queues`);
    expect(queues.status).toBe(200);
    expect(queues.body).toContain("/queues/assets/");
    // The overview links each queue to the dashboard's page for it.
    expect(overview.body).toContain('href="/queues/queues/plan.generate"');
    const queuePage = await get(`${base}/queues/queues/plan.generate`);
    expect(queuePage.status).toBe(200);
    expect(queuePage.body).toContain("plan.generate");
  });

  it("without OPS_TOKEN answers the pages only for a loopback Host, the health checks for any", async () => {
    const rebound = await get(`${base}/metrics`, { Host: "attacker.example:8080" });
    expect(rebound.status).toBe(403);
    expect((await get(`${base}/healthz`, { Host: "attacker.example" })).status).toBe(200);
    expect((await get(`${base}/metrics`, { Host: "localhost:1234" })).status).toBe(200);
  });

  it("reports queue, plan-failure, rollover and progress metrics that match the database after known work", async () => {
    const before = await failures();
    const boss = worker.deps.boss;
    const user = await createUser(tdb.pool);
    const planJobs = [
      await sendPlanRequest(boss, { userId: user, daysPerWeek: 3 }),
      await sendPlanRequest(boss, { userId: user, daysPerWeek: 4 }),
      // A payload that breaks the contract, and a user that does not exist: dead letters at once.
      (await boss.send(PLAN_GENERATE_QUEUE, { userId: user, daysPerWeek: 9 })) as string,
      (await boss.send(PLAN_GENERATE_QUEUE, { userId: randomUUID(), daysPerWeek: 3 })) as string,
    ];
    await waitFor(
      async () => {
        const { rows } = await tdb.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pgboss.job WHERE id = ANY ($1::uuid[]) AND state IN ('completed', 'failed')",
          [planJobs],
        );
        const dead = await tdb.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'",
          [`${PLAN_GENERATE_QUEUE}.dead`],
        );
        return rows[0]?.n === 4 && dead.rows[0]?.n === 2 ? true : undefined;
      },
      { what: "the plan jobs and their dead letters to settle", timeoutMs: 30_000 },
    );
    expect(await failures()).toEqual({
      ...before,
      invalid_payload: (before.invalid_payload ?? 0) + 1,
      unknown_user: (before.unknown_user ?? 0) + 1,
    });

    // The rollover job, three weeks after the new plans' first week: each gets weeks 2 to 4.
    const { rows: asOf } = await tdb.pool.query<{ d: string }>(
      "SELECT (max(week_start) + 21)::text AS d FROM modular_training_week",
    );
    const rolloverJob = (await boss.send(PLAN_ROLLOVER_QUEUE, { asOf: asOf[0]?.d })) as string;
    const rollover = await waitFor(
      async () => {
        const { rows } = await tdb.pool.query<{ weeks: number; at: number; seconds: number }>(
          `SELECT (output ->> 'weeksCreated')::int AS weeks, extract(epoch FROM completed_on)::float8 AS at,
                  extract(epoch FROM completed_on - started_on)::float8 AS seconds
           FROM pgboss.job WHERE id = $1 AND state = 'completed'`,
          [rolloverJob],
        );
        return rows[0];
      },
      { what: "the rollover job", timeoutMs: 60_000 },
    );
    const { rows: weeks } = await tdb.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM modular_training_week WHERE week_number > 1",
    );
    expect(rollover.weeks).toBe(weeks[0]?.n);
    expect(rollover.weeks).toBe(6);

    // A job waiting in a queue nobody works: the oldest ready age.
    await boss.send(`${PLAN_ROLLOVER_QUEUE}.dead`, { note: "waits" });

    // Scrape until the worker is quiet: the database counts before and after equal the metrics.
    const metrics = await waitFor(
      async () => {
        const first = await jobCounts(tdb);
        const scraped = parseMetrics((await get(`${base}/metrics`)).body);
        const second = await jobCounts(tdb);
        const stable = [...first].every(([k, v]) => second.get(k) === v) && first.size === second.size;
        return stable ? { scraped, counts: second } : undefined;
      },
      { what: "a quiet moment to scrape" },
    );
    for (const queue of ["plan.generate", "plan.generate.dead", "plan.rollover", "progress.refresh"]) {
      for (const state of STATES) {
        const key = `pgboss_queue_jobs{queue="${queue}",state="${state}"}`;
        expect(metrics.scraped.get(key), key).toBe(metrics.counts.get(key) ?? 0);
      }
    }
    expect(metrics.scraped.get("training_engine_database_up")).toBe(1);
    expect(metrics.scraped.get('pgboss_queue_jobs{queue="plan.generate",state="completed"}')).toBe(2);
    expect(metrics.scraped.get('pgboss_queue_dead_lettered_jobs{queue="plan.generate"}')).toBe(2);
    expect(metrics.scraped.get('pgboss_queue_dead_lettered_jobs{queue="plan.rollover"}')).toBe(1);
    const age = metrics.scraped.get('pgboss_queue_oldest_ready_job_age_seconds{queue="plan.rollover.dead"}');
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(30);
    expect(
      metrics.scraped.get('training_engine_plan_generation_failures_total{cause="invalid_payload"}'),
    ).toBe((before.invalid_payload ?? 0) + 1);
    expect(
      metrics.scraped.get(
        'training_engine_job_duration_seconds_count{queue="plan.generate",outcome="completed"}',
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(metrics.scraped.get("training_engine_rollover_last_run_weeks_created")).toBe(rollover.weeks);
    expect(metrics.scraped.get("training_engine_rollover_last_run_timestamp_seconds")).toBeCloseTo(
      rollover.at,
      3,
    );
    expect(metrics.scraped.get("training_engine_rollover_last_run_duration_seconds")).toBeCloseTo(
      rollover.seconds,
      3,
    );
  }, 120_000);

  it("counts pending progress marks and their age while no worker refreshes them", async () => {
    await worker.stop(5_000); // nothing drains the marks from here on
    await seedCatalogue(tdb.pool);
    const [w1, w2] = mondays(monday(-2), 2) as [string, string];
    const lifter = await makeLifter(tdb.pool, [w1, w2]);
    await logSet(tdb.pool, lifter.row(BENCH, w1), { reps: 5, kg: 60 });
    await logSet(tdb.pool, lifter.row(BENCH, w2), { reps: 5, kg: 62.5 });
    const { rows } = await tdb.pool.query<{ marks: number; age: number }>(
      "SELECT count(*)::int AS marks, extract(epoch FROM now() - min(marked_at))::float8 AS age FROM progress_dirty",
    );
    const scraped = parseMetrics((await get(`${base}/metrics`)).body);
    expect(rows[0]?.marks).toBe(2);
    expect(scraped.get("training_engine_progress_pending_marks")).toBe(rows[0]?.marks);
    const lag = scraped.get("training_engine_progress_refresh_lag_seconds") as number;
    expect(lag).toBeGreaterThanOrEqual(rows[0]?.age as number);
    expect(lag).toBeLessThan((rows[0]?.age as number) + 5);
  });

  it("turns /readyz to 503 once draining, while /healthz stays 200", async () => {
    readiness.markDraining();
    const ready = await get(`${base}/readyz`);
    expect(ready).toMatchObject({ status: 503, body: "not ready: draining: shutting down\n" });
    expect((await get(`${base}/healthz`)).status).toBe(200);
  });
});

describe("ops HTTP server with OPS_TOKEN", () => {
  const token = "s3cret-token-for-tests-0123456789";
  let ops: OpsService;
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    ({ ops } = await startTestOps(tdb, { token }));
  });
  afterAll(async () => {
    await ops?.close();
    await tdb?.drop();
  });

  it("needs the token on every path but the health checks, as a Bearer token or a Basic password", async () => {
    const base = ops.server?.url as string;
    expect((await get(`${base}/healthz`)).status).toBe(200);
    expect((await get(`${base}/readyz`)).status).toBe(200);
    for (const path of ["/metrics", "/", "/queues", "/dead-letters", "/progress"]) {
      const denied = await get(`${base}${path}`);
      expect(denied.status, path).toBe(401);
      expect(denied.headers["www-authenticate"]).toMatch(/^Basic realm=/);
    }
    expect((await get(`${base}/metrics`, { Authorization: "Bearer wrong-token-0123456789" })).status).toBe(
      401,
    );
    expect((await get(`${base}/metrics`, { Authorization: `Bearer ${token}` })).status).toBe(200);
    const basic = `Basic ${Buffer.from(`ops:${token}`).toString("base64")}`;
    expect((await get(`${base}/dead-letters`, { Authorization: basic })).status).toBe(200);
    // With the token, any Host is fine (the server may sit behind a proxy or on a public address).
    expect(
      (await get(`${base}/metrics`, { Authorization: `Bearer ${token}`, Host: "ops.example" })).status,
    ).toBe(200);
  });
});

describe("binding the port", () => {
  let taken: Server;
  let port: number;
  const app = createOpsApp({ readiness: new Readiness(), token: undefined, runtime: () => undefined });
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it("runs without the server, with one warning naming the port and the setting, when the default port is taken", async () => {
    const { logger, lines } = capturingLogger();
    const server = await listenOps(app, { port: undefined, host: "127.0.0.1", defaultPort: port }, logger);
    expect(server).toBeUndefined();
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toBe(
      `ops HTTP server not started: port ${port} is in use; set HTTP_PORT to another port, or 0 to turn it off`,
    );
  });

  it("fails with one line naming HTTP_PORT when an explicit port cannot be bound", async () => {
    const attempt = listenOps(app, { port, host: "127.0.0.1" }, silent);
    await expect(attempt).rejects.toThrow(HttpBindError);
    await expect(attempt).rejects.toThrow(`HTTP_PORT: cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
  });

  it("is off with HTTP_PORT=0, and answers 503 on pages before the worker has started", async () => {
    expect(await listenOps(app, { port: 0, host: "127.0.0.1" }, silent)).toBeUndefined();
    const server = await listenOps(app, { port: await freePort(), host: "127.0.0.1" }, silent);
    try {
      expect((await get(`${server?.url}/healthz`)).status).toBe(200);
      expect(await get(`${server?.url}/readyz`)).toMatchObject({
        status: 503,
        body: "not ready: starting: pg-boss has not started yet\n",
      });
      expect((await get(`${server?.url}/metrics`)).status).toBe(503);
    } finally {
      await server?.close();
    }
  });
});

describe("/metrics when the database cannot be read", () => {
  it("says so in training_engine_database_up and leaves the database gauges out", async () => {
    const pool = createPool(`postgresql://nobody@127.0.0.1:${await freePort()}/none`, 1);
    try {
      const scraped = parseMetrics(await createMetricsSource(pool).render());
      expect(scraped.get("training_engine_database_up")).toBe(0);
      expect([...scraped.keys()].filter((k) => k.startsWith("pgboss_"))).toEqual([]);
      expect(scraped.has("training_engine_progress_pending_marks")).toBe(false);
    } finally {
      await pool.end();
    }
  });
});
