// The ops server under abuse, on a real port and a real database: bodies past 1 MiB refused on
// every route without being read, slow clients cut off, a connection cap, no-store everywhere,
// /readyz's reason only for those who may see the pages, the pages on a pool of their own, and a
// shutdown where pages in flight finish or get 503, never 500.
import http from "node:http";
import net from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBoss } from "../../src/boss.ts";
import { BODY_LIMIT_BYTES, createOpsApp } from "../../src/http/app.ts";
import { listenOps } from "../../src/http/listen.ts";
import { type OpsService, startOpsService } from "../../src/http/ops-server.ts";
import { PAGES_APPLICATION_NAME } from "../../src/http/pages-pool.ts";
import { Readiness } from "../../src/http/readiness.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { freePort } from "../helpers/scratch-postgres.ts";
import { get, send } from "./http-client.ts";

const silent = createLogger("silent");
const TOKEN = "abuse-test-token-0123456789";
const QUEUE = "ops.abuse";

/** Resolves when the socket closes, with what the server wrote before it did. */
function closed(socket: net.Socket): Promise<{ data: string; afterMs: number }> {
  const started = Date.now();
  let data = "";
  socket.on("data", (d) => (data += d));
  return new Promise((resolve) => {
    socket.on("error", () => {});
    socket.on("close", () => resolve({ data, afterMs: Date.now() - started }));
  });
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Streams `totalBytes` of chunked body until the server answers; the status and bytes sent. */
function streamUpload(url: string, totalBytes: number): Promise<{ status: number; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 97);
    let sent = 0;
    let answered = false;
    const req = http.request(
      url,
      { method: "POST", headers: { "Content-Type": "application/json" } },
      (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sentBytes: sent });
        req.destroy();
      },
    );
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("the ops server under abuse", () => {
  let tdb: TestDatabase;
  /** Stands in for the worker's pool: only /readyz's probe uses it. */
  let workerPool: pg.Pool;
  let ops: OpsService;
  let base: string;
  let port: number;
  const readiness = new Readiness();

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const boss = createBoss(tdb.url, silent, { max: 1 });
    await boss.start();
    await boss.createQueue(QUEUE);
    await boss.stop({ graceful: false });
    workerPool = new pg.Pool({ connectionString: tdb.url, max: 1 });
    port = await freePort();
    ops = await startOpsService({
      config: {
        HTTP_PORT: port,
        HTTP_HOST: "127.0.0.1",
        OPS_TOKEN: undefined,
        OPS_DB_POOL_SIZE: 2,
        HTTP_HEADERS_TIMEOUT_MS: 1_000,
        HTTP_REQUEST_TIMEOUT_MS: 1_500,
        // Above the 50 page loads at once plus the keep-alive sockets earlier tests left open.
        HTTP_MAX_CONNECTIONS: 100,
      },
      logger: silent,
      readiness,
    });
    ops.attach({ pool: workerPool, databaseUrl: tdb.url });
    base = ops.server?.url as string;
  });
  afterAll(async () => {
    await ops?.close();
    await workerPool?.end();
    await tdb?.drop();
  });

  it("refuses a body over 1 MiB on every route, with or without Content-Length, before reading it", async () => {
    // The answer comes while the client has sent only the headers and 10 bytes of the body.
    for (const path of ["/queues/queues/plan.generate", "/queues/api/anything", "/", "/metrics"]) {
      const socket = await connect(port);
      const reply = new Promise<string>((resolve) => socket.once("data", (d) => resolve(String(d))));
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${BODY_LIMIT_BYTES + 1}\r\n\r\n{"a":"bbbb`,
      );
      const text = await reply;
      socket.destroy();
      expect(text, path).toMatch(/^HTTP\/1\.1 413/);
      expect(text).toContain(`payload too large: request bodies are limited to ${BODY_LIMIT_BYTES} bytes\n`);
    }
    // A body just at the limit is read: the dashboard's form action gets it and answers.
    const form = `intent=retry&jobId=${"x".repeat(BODY_LIMIT_BYTES - "intent=retry&jobId=".length)}`;
    const atLimit = await send(`${base}/queues/queues/${QUEUE}`, "POST", form, {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(Buffer.byteLength(form)).toBe(BODY_LIMIT_BYTES);
    expect(atLimit.status).toBe(200);

    // 100 MB chunked (no Content-Length): refused after about 1 MiB, while /healthz answers at once.
    const upload = streamUpload(`${base}/queues/queues/plan.generate`, 100 * 1024 * 1024);
    const started = Date.now();
    expect((await get(`${base}/healthz`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000); // it stalled 3.2 s behind a 100 MB body
    const { status, sentBytes } = await upload;
    expect(status).toBe(413);
    expect(sentBytes).toBeLessThan(20 * 1024 * 1024);
  });

  it("cuts off a client that never finishes its headers, or its body", async () => {
    const slowHeaders = await connect(port);
    const headersDone = closed(slowHeaders);
    slowHeaders.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    const headers = await headersDone;
    expect(headers.afterMs).toBeLessThan(3_500);
    expect(headers.data).toMatch(/^HTTP\/1\.1 408/);

    const slowBody = await connect(port);
    // (HTTP_REQUEST_TIMEOUT_MS is 1.5 s here.)
    const bodyDone = closed(slowBody);
    slowBody.write(
      "POST /queues/queues/plan.generate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabc",
    );
    const body = await bodyDone;
    expect(body.afterMs).toBeLessThan(4_000);
  });

  it("sends Cache-Control: no-store on every response, errors included", async () => {
    const replies = await Promise.all([
      get(`${base}/healthz`),
      get(`${base}/readyz`),
      get(`${base}/metrics`),
      get(`${base}/`),
      get(`${base}/queues`),
      get(`${base}/no-such-page`),
      get(`${base}/progress/not-a-uuid`),
      get(`${base}/metrics`, { Host: "elsewhere.example" }),
      send(`${base}/`, "POST", Buffer.alloc(BODY_LIMIT_BYTES + 1)),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 404, 400, 403, 413]);
    for (const reply of replies) expect(reply.headers["cache-control"]).toBe("no-store");
  });

  it("serves 50 page loads at once on its own small pool while /readyz stays ready", async () => {
    // Every page load waits on a lock, so the pages' pool is as busy as it can be.
    const locker = new pg.Client({ connectionString: tdb.url });
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE public.plan_request IN ACCESS EXCLUSIVE MODE");
    // A fresh agent: none of the keep-alive sockets earlier tests left behind.
    const agent = new http.Agent({ keepAlive: false });
    const pages = Array.from({ length: 50 }, () => getWith(agent, `${base}/plan-requests`));
    try {
      await expect
        .poll(async () => {
          const { rows } = await tdb.pool.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
            [PAGES_APPLICATION_NAME],
          );
          return rows[0]?.n;
        })
        .toBe(2); // OPS_DB_POOL_SIZE, never more
      for (let i = 0; i < 5; i++) expect(await getWith(agent, `${base}/readyz`)).toBe(200);
    } finally {
      await locker.query("COMMIT");
      await locker.end();
    }
    expect(await Promise.all(pages)).toEqual(Array(50).fill(200));
  });

  describe("/readyz's reason", () => {
    afterEach(() => readiness.markStarted(() => workerPool.query("SELECT 1")));

    it("is told only to those who may see the pages", async () => {
      readiness.markStarted(() => Promise.reject(new Error('password authentication failed for user "app"')));
      const stranger = await get(`${base}/readyz`, { Host: "lb.example" });
      expect(stranger).toMatchObject({ status: 503, body: "not ready\n" });
      const local = await get(`${base}/readyz`);
      expect(local.status).toBe(503);
      expect(local.body).toContain('password authentication failed for user "app"');
    });
  });
});

describe("the connection cap", () => {
  it("closes connections past HTTP_MAX_CONNECTIONS at once, and serves the ones it holds", async () => {
    const app = createOpsApp({ readiness: new Readiness(), token: undefined, runtime: () => undefined });
    const port = await freePort();
    const server = await listenOps(app, { port, host: "127.0.0.1", maxConnections: 5 }, silent);
    const held = await Promise.all(Array.from({ length: 5 }, () => connect(port)));
    try {
      const extra = await connect(port);
      const result = await closed(extra);
      expect(result.data).toBe("");
      expect(result.afterMs).toBeLessThan(1_000);
      const first = held[0] as net.Socket;
      const answer = new Promise<string>((resolve) => first.once("data", (d) => resolve(String(d))));
      first.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      for (const socket of held) socket.destroy();
    }
    // Once they are gone, new connections are served again.
    await expect
      .poll(async () => (await get(`${server?.url}/healthz`).catch(() => ({ status: 0 }))).status, {
        timeout: 3_000,
      })
      .toBe(200);
    await server?.close();
  });
});

describe("/readyz with OPS_TOKEN", () => {
  let ops: OpsService;
  beforeAll(async () => {
    ops = await startOpsService({
      config: { HTTP_PORT: await freePort(), HTTP_HOST: "127.0.0.1", OPS_TOKEN: TOKEN },
      logger: silent,
      readiness: new Readiness(), // never started: not ready, "starting"
    });
  });
  afterAll(() => ops?.close());

  it("gives the reason with the token only", async () => {
    const base = ops.server?.url as string;
    expect(await get(`${base}/readyz`)).toMatchObject({ status: 503, body: "not ready\n" });
    expect(await get(`${base}/readyz`, { Authorization: `Bearer ${TOKEN}` })).toMatchObject({
      status: 503,
      body: "not ready: starting: pg-boss has not started yet\n",
    });
  });
});

describe("shutting the ops server down", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb?.drop());

  it("lets pages in flight finish or answers 503, never 500, and ends its pool after the server", async () => {
    const ops = await startOpsService({
      config: {
        HTTP_PORT: await freePort(),
        HTTP_HOST: "127.0.0.1",
        OPS_TOKEN: undefined,
        OPS_DB_POOL_SIZE: 2,
      },
      logger: silent,
      readiness: new Readiness(),
      closeGraceMs: 5_000,
    });
    ops.attach({ pool: tdb.pool, databaseUrl: tdb.url });
    const base = ops.server?.url as string;
    const locker = new pg.Client({ connectionString: tdb.url });
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE public.plan_request IN ACCESS EXCLUSIVE MODE");
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    const inFlight = Array.from({ length: 12 }, () => getWith(agent, `${base}/plan-requests`));
    await new Promise((r) => setTimeout(r, 300));
    const closing = ops.close();
    await new Promise((r) => setTimeout(r, 300));
    await locker.query("COMMIT");
    await locker.end();
    const statuses = await Promise.all(inFlight);
    const released = Date.now();
    await closing;
    // Well inside the 5 s grace: the answers in flight close their connections behind them.
    expect(Date.now() - released).toBeLessThan(4_000);
    agent.destroy();
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    // Closed: nothing answers any more, and the pages' connections are gone.
    await expect(get(`${base}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
    const { rows } = await tdb.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
      [PAGES_APPLICATION_NAME],
    );
    expect(rows[0]?.n).toBe(0);
  });
});

function getWith(agent: http.Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}
