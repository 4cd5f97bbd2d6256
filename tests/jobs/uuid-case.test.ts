// Uuids in upper case, as .NET and Swift's `uuidString` write them, are the same ids: every edge
// (a job payload, a CLI flag or argument, a URL) lower-cases them, so a plan request made with one
// makes its plan instead of dead-lettering with `userId: no such user` (the handler compares ids
// as strings).
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createOpsApp } from "../../src/http/app.ts";
import { Readiness } from "../../src/http/readiness.ts";
import { rawPlanRequestId } from "../../src/jobs/plan-generate/handler.ts";
import { PLAN_GENERATE_QUEUE, planRequestPayload, waitForPlan } from "../../src/jobs/plan-generate/index.ts";
import { progressRefreshPayload } from "../../src/jobs/progress-refresh/index.ts";
import { createLogger } from "../../src/logger.ts";
import { createMetricsSource } from "../../src/metrics/metrics-endpoint.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { createUser, newId } from "../helpers/auth.ts";
import { runCli } from "../helpers/cli.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

describe("job payloads lower-case their uuids", () => {
  const upper = newId().toUpperCase();
  it("plan.generate: userId, requestId and planRequestId", () => {
    const parsed = planRequestPayload.parse({
      userId: upper,
      daysPerWeek: 3,
      requestId: upper,
      planRequestId: upper,
    });
    expect(parsed).toMatchObject({
      userId: upper.toLowerCase(),
      requestId: upper.toLowerCase(),
      planRequestId: upper.toLowerCase(),
    });
    expect(rawPlanRequestId({ planRequestId: upper })).toBe(upper.toLowerCase());
  });

  it("progress.refresh: userId", () => {
    expect(progressRefreshPayload.parse({ userId: upper })).toEqual({ userId: upper.toLowerCase() });
  });
});

describe("an uppercase uuid end to end", () => {
  let tdb: TestDatabase;
  let worker: RunningWorker;
  let userId: string;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
    worker = await startWorker({
      url: tdb.url,
      directUrl: tdb.directUrl,
      config: loadConfig({ DATABASE_URL: tdb.url, LOG_LEVEL: "silent" }),
      logger: createLogger("silent"),
    });
    userId = await createUser(tdb.pool);
  }, 60_000);
  afterAll(async () => {
    await worker?.stop(5_000);
    await tdb?.drop();
  });
  // The CLI through the pooler (the pooler lane) needs the direct URL beside it.
  const cli = (...args: string[]) =>
    runCli(args, { databaseUrl: tdb.url, env: { DATABASE_DIRECT_URL: tdb.directUrl } });
  const plansOf = async (id: string) =>
    (await tdb.pool.query<{ id: string }>("SELECT id FROM modular_training_plan WHERE user_id = $1", [id]))
      .rows;

  it("a job sent with an uppercase userId makes the user's plan", async () => {
    const jobId = (await worker.deps.boss.send(PLAN_GENERATE_QUEUE, {
      userId: userId.toUpperCase(),
      daysPerWeek: 3,
    })) as string;
    const { planId } = await waitForPlan(worker.deps.boss, jobId, { timeoutMs: 20_000, pollMs: 25 });
    expect((await plansOf(userId)).map((p) => p.id)).toContain(planId);
  }, 30_000);

  it("plan request --user in upper case enqueues the lower-case id and the plan is made", async () => {
    const requestId = newId();
    const run = await cli(
      "plan",
      "request",
      "--user",
      userId.toUpperCase(),
      "--days",
      "3",
      "--request-id",
      requestId.toUpperCase(),
      "--wait",
      "--timeout-seconds",
      "20",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`user ${userId}`);
    const { rows } = await tdb.pool.query<{ data: { userId: string; requestId: string } }>(
      "SELECT data FROM pgboss.job WHERE name = $1 AND id = $2",
      [PLAN_GENERATE_QUEUE, requestId],
    );
    expect(rows[0]?.data).toMatchObject({ userId, requestId });
  }, 30_000);

  it("plan show, progress refresh and progress show take an uppercase id", async () => {
    const [plan] = await plansOf(userId);
    const show = await cli("plan", "show", (plan?.id ?? "").toUpperCase());
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`plan ${plan?.id}`);
    const refresh = await cli("progress", "refresh", "--user", userId.toUpperCase());
    expect(refresh.code).toBe(0);
    const progress = await cli("progress", "show", "--user", userId.toUpperCase());
    expect(progress.code).toBe(0);
    expect(progress.stdout).toContain(`progress of ${userId} `);
  }, 30_000);

  it("the ops pages take an uppercase user id and use the lower-case one", async () => {
    const app = createOpsApp({
      readiness: new Readiness(),
      token: undefined,
      runtime: () => ({ pool: tdb.pool, metrics: createMetricsSource(tdb.pool) }),
    });
    // A real socket: the access check reads the peer's address from it.
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await once(server, "listening");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const redirect = await fetch(`${base}/progress?user=${userId.toUpperCase()}`, { redirect: "manual" });
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get("location")).toBe(`/progress/${userId}`);
      const page = await fetch(`${base}/progress/${userId.toUpperCase()}`);
      expect(page.status).toBe(200);
    } finally {
      server.close();
    }
  });
});
