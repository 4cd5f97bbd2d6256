// The ops server in the worker as `npm start` runs it: a real process on a test database. /readyz
// turns 503 on SIGTERM while a job is still running (before the drain ends), and an explicit
// HTTP_PORT that cannot be bound exits 2 with one line.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss } from "../../src/boss.ts";
import { PROGRESS_REFRESH_QUEUE } from "../../src/jobs/progress-refresh/index.ts";
import { createLogger } from "../../src/logger.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { FULL_REBUILD_LOCK, waitForRebuildOnLock } from "../helpers/rebuild-on-lock.ts";
import { freePort } from "../helpers/scratch-postgres.ts";
import { waitFor } from "../helpers/wait.ts";
import { get } from "../http/http-client.ts";

function startMain(env: NodeJS.ProcessEnv) {
  const child = spawn(
    process.execPath,
    ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "src/main.ts"],
    { env: { ...process.env, LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const messages: string[] = [];
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    const lines = stdout.split("\n");
    stdout = lines.pop() ?? "";
    for (const line of lines) {
      try {
        messages.push((JSON.parse(line) as { msg: string }).msg);
      } catch {
        messages.push(line);
      }
    }
  });
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));
  return { child, messages, exited, stderr: () => stderr, running: () => running };
}

describe("the worker's ops server as a process", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb?.drop());

  it("answers /readyz 503 from the first SIGTERM while a running job still drains, then exits 0", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const worker = startMain({
      DATABASE_URL: tdb.url,
      HTTP_PORT: String(port),
      SHUTDOWN_TIMEOUT_MS: "20000",
    });
    const blocker = new pg.Client({ connectionString: tdb.url });
    await blocker.connect();
    try {
      await waitFor(async () => (worker.messages.includes("worker started") ? true : undefined), {
        what: "worker started",
        timeoutMs: 60_000,
      });
      expect(await get(`${base}/readyz`)).toMatchObject({ status: 200, body: "ready\n" });

      // A full rebuild that waits on a lock this test holds: a job the drain has to wait for.
      await blocker.query("BEGIN");
      await blocker.query("SELECT pg_advisory_xact_lock($1::bigint)", [FULL_REBUILD_LOCK]);
      // A user the rebuild has to lock (one with a mark), so its first batch waits on the lock.
      const userId = await createUser(tdb.pool);
      await tdb.pool.query(
        "INSERT INTO progress_dirty (user_id, exercise_key, week_start) VALUES ($1, '*', 'infinity')",
        [userId],
      );
      const boss = createBoss(tdb.url, createLogger("silent"), { max: 2 });
      await boss.start();
      const jobId = (await boss.send(PROGRESS_REFRESH_QUEUE, { full: true })) as string;
      await boss.stop({ graceful: false, close: true });
      await waitForRebuildOnLock(tdb.pool, jobId);

      worker.child.kill("SIGTERM");
      const ready = await waitFor(
        async () => {
          const reply = await get(`${base}/readyz`);
          return reply.status === 503 ? reply : undefined;
        },
        { what: "/readyz to turn 503" },
      );
      expect(ready.body).toBe("not ready: draining: shutting down\n");
      // Still draining: the job holds on, the process is up and still answers its health check.
      expect(worker.running()).toBe(true);
      expect(worker.messages).not.toContain("worker stopped");
      expect((await get(`${base}/healthz`)).status).toBe(200);

      await blocker.query("COMMIT"); // the job finishes, the drain ends
      expect(await worker.exited, worker.stderr()).toBe(0);
      const order = ["shutting down: draining running jobs", "worker stopped", "bye"];
      expect(worker.messages.filter((m) => order.includes(m))).toEqual(order);
      const { rows } = await tdb.pool.query<{ state: string }>(
        "SELECT state::text FROM pgboss.job WHERE id = $1",
        [jobId],
      );
      expect(rows[0]?.state).toBe("completed");
    } finally {
      await blocker.end();
      if (worker.running()) worker.child.kill("SIGKILL");
    }
  }, 120_000);

  it("exits 2 with one line when an explicit HTTP_PORT is taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const worker = startMain({ DATABASE_URL: tdb.url, HTTP_PORT: String(port) });
      expect(await worker.exited).toBe(2);
      expect(worker.stderr()).toBe(`HTTP_PORT: cannot listen on 127.0.0.1:${port} (EADDRINUSE)\n`);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
