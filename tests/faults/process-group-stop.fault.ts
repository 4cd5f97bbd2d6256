// Ctrl-C under load: `npm start` on the embedded PostgreSQL, in a process group of its own as a
// terminal runs it, generating plans when the whole group gets SIGINT (npm, the worker, and npm's
// forwarded copy a few ms later). The worker drains: every job it holds finishes on a server that
// is still up (none fails into a retry), the server stops last, "bye", exit 0, no warning or error
// line. Started again on the same folder, it finishes the rest: no plan lost or written twice.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../helpers/auth.ts";
import { startMain } from "../helpers/main-process.ts";
import { freePort } from "../helpers/scratch-postgres.ts";
import { waitFor } from "../helpers/wait.ts";
import { liftBoundsForLoad } from "./load-bounds.ts";
import { jobCounts, planLedger, sendPlanJobs } from "./plan-jobs.ts";

const JOBS = 400;
const ORDER = [
  "shutting down: draining running jobs",
  "worker stopped",
  "embedded PostgreSQL stopped",
  "bye",
];

describe("Ctrl-C on `npm start` under load", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let url: string;
  const running: Array<ReturnType<typeof startMain>> = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "te-fault-stop-"));
    await chmod(dir, 0o755);
    const port = await freePort();
    env = {
      EMBEDDED_PG_DIR: path.join(dir, "pg"),
      EMBEDDED_PG_PORT: String(port),
      PLAN_BATCH_SIZE: "10",
      PLAN_LOCAL_CONCURRENCY: "2",
      SHUTDOWN_TIMEOUT_MS: "60000",
      HTTP_PORT: "0", // the ops server is not under test (and 8080 may be taken)
    };
    url = `postgresql://postgres:postgres@127.0.0.1:${port}/training`;
  });
  afterAll(async () => {
    for (const run of running)
      if (run.child.exitCode === null) process.kill(-(run.child.pid as number), "SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });

  it("drains every job it holds, stops the server last, exits 0; the rest is done after a restart", async () => {
    const first = startMain(env, { group: true, viaNpm: true });
    running.push(first);
    await first.waitFor("worker started", 120_000);
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on("error", () => {}); // the server stops with the worker
    // 400 plans for one user: a load, not a tenant (load-bounds.ts).
    await liftBoundsForLoad(pool);
    const userId = await createUser(pool);
    const ids = await sendPlanJobs(url, userId, JOBS);
    await waitFor(async () => ((await jobCounts(pool, ids)).completed >= 40 ? true : undefined), {
      timeoutMs: 120_000,
      what: "the run to be under way",
    });
    await pool.end();
    process.kill(-(first.child.pid as number), "SIGINT");
    const exit = await first.exitCode();
    expect(exit.code, exit.log).toBe(0);
    expect(first.messages.filter((m) => ORDER.includes(m))).toEqual(ORDER);
    expect(first.messages).not.toContain("second signal: forcing exit");
    expect(first.problems()).toEqual([]);

    const second = startMain(env, { group: true });
    running.push(second);
    await second.waitFor("worker started", 120_000);
    const after = new pg.Pool({ connectionString: url, max: 2 });
    after.on("error", () => {});
    try {
      const done = await waitFor(
        async () => {
          const counts = await jobCounts(after, ids);
          return counts.completed === ids.length ? counts : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 250, what: "every job to complete after the restart" },
      );
      // A job cut off by the stop would have failed into a retry; the drain let each one finish.
      expect(done.retried).toBe(0);
      expect(await planLedger(after, ids)).toEqual({ lost: 0, duplicated: 0, plans: ids.length });
    } finally {
      await after.end();
    }
    process.kill(-(second.child.pid as number), "SIGTERM");
    const secondExit = await second.exitCode();
    expect(secondExit.code, secondExit.log).toBe(0);
  });
});
