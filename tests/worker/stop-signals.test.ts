// Every stop drains (issue 18, item 2): the worker on the embedded PostgreSQL, in a process group
// of its own as a terminal runs it, stopped the ways people and supervisors stop it. Ctrl-C is a
// SIGINT to the whole group (npm and the worker at once, then npm forwards it again); a process
// manager often sends SIGTERM to the group. Each must drain a running job while the server is
// still up, stop the server last, log "bye" and exit 0, with no forced exit and no error line.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss } from "../../src/boss.ts";
import { PROGRESS_REFRESH_QUEUE } from "../../src/jobs/progress-refresh/index.ts";
import { createLogger } from "../../src/logger.ts";
import { createUser } from "../helpers/auth.ts";
import { startMain } from "../helpers/main-process.ts";
import { FULL_REBUILD_LOCK, waitForRebuildOnLock } from "../helpers/rebuild-on-lock.ts";
import { freePort } from "../helpers/scratch-postgres.ts";

const ORDER = [
  "shutting down: draining running jobs",
  "worker stopped",
  "embedded PostgreSQL stopped",
  "bye",
];

describe("stopping `npm start` on the embedded PostgreSQL", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let url: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "te-stop-"));
    await chmod(dir, 0o755); // as root the server runs as the `postgres` user
    const port = await freePort();
    env = {
      EMBEDDED_PG_DIR: path.join(dir, "pg"),
      EMBEDDED_PG_PORT: String(port),
      SHUTDOWN_TIMEOUT_MS: "20000",
      HTTP_PORT: "0", // the ops server is not under test (and 8080 may be taken)
    };
    url = `postgresql://postgres:postgres@127.0.0.1:${port}/training`;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** A full rebuild job held active on the advisory lock by `blocker` (a job the drain must wait for). */
  async function holdARunningJob(blocker: pg.Client): Promise<string> {
    await blocker.query("BEGIN");
    await blocker.query("SELECT pg_advisory_xact_lock($1::bigint)", [FULL_REBUILD_LOCK]);
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on("error", () => {});
    try {
      const userId = await createUser(pool);
      await pool.query(
        "INSERT INTO progress_dirty (user_id, exercise_key, week_start) VALUES ($1, '*', 'infinity')",
        [userId],
      );
      const boss = createBoss(url, createLogger("silent"), { max: 2 });
      await boss.start();
      const jobId = (await boss.send(PROGRESS_REFRESH_QUEUE, { full: true })) as string;
      await boss.stop({ graceful: false, close: true });
      await waitForRebuildOnLock(pool, jobId);
      return jobId;
    } finally {
      await pool.end();
    }
  }

  it("Ctrl-C (SIGINT to npm's whole process group) drains a running job, stops the server last, exits 0", async () => {
    const run = startMain(env, { group: true, viaNpm: true });
    await run.waitFor("worker started", 90_000);
    const blocker = new pg.Client({ connectionString: url });
    blocker.on("error", () => {});
    await blocker.connect();
    let jobId: string;
    try {
      jobId = await holdARunningJob(blocker);
      process.kill(-(run.child.pid as number), "SIGINT"); // what the terminal does on Ctrl-C
      await run.waitFor("shutting down: draining running jobs", 10_000);
      // The server outlived the group's signal: the job's own database still answers.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await blocker.query("SELECT 1 AS one")).rows[0].one).toBe(1);
      expect(run.messages).not.toContain("worker stopped");
      await blocker.query("COMMIT"); // the job finishes, the drain ends
    } finally {
      await blocker.end().catch(() => {});
    }
    const exit = await run.exitCode();
    expect(exit.code, exit.log).toBe(0);
    expect(run.messages.filter((m) => ORDER.includes(m))).toEqual(ORDER);
    expect(run.messages).not.toContain("second signal: forcing exit");
    expect(run.problems()).toEqual([]);
    expect(run.stderr()).toBe("");

    // SIGTERM to the whole group (a supervisor's stop), without npm; the job above was completed.
    const second = startMain(env, { group: true });
    await second.waitFor("worker started", 90_000);
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query<{ state: string }>(
      "SELECT state::text FROM pgboss.job WHERE id = $1",
      [jobId],
    );
    await check.end();
    expect(rows[0]?.state).toBe("completed");
    process.kill(-(second.child.pid as number), "SIGTERM");
    const secondExit = await second.exitCode();
    expect(secondExit.code, secondExit.log).toBe(0);
    expect(second.messages.filter((m) => ORDER.includes(m))).toEqual(ORDER);
    expect(second.problems()).toEqual([]);
  }, 240_000);

  it("takes the same signal twice within a second as one request; a later second signal still forces the exit", async () => {
    const run = startMain(env, { group: true });
    await run.waitFor("worker started", 90_000);
    const blocker = new pg.Client({ connectionString: url });
    blocker.on("error", () => {}); // the forced exit stops the server under this connection
    await blocker.connect();
    try {
      await holdARunningJob(blocker);
      run.child.kill("SIGINT");
      await new Promise((resolve) => setTimeout(resolve, 15));
      run.child.kill("SIGINT"); // npm's forwarded copy, 12-15 ms later
      await run.waitFor("shutting down: draining running jobs", 10_000);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(run.child.exitCode).toBeNull(); // still draining: the repeat forced nothing
      expect(run.messages).not.toContain("second signal: forcing exit");
      run.child.kill("SIGINT"); // a genuinely later second request
      const exit = await run.exitCode();
      expect(exit.code, exit.log).toBe(1);
      expect(run.messages).toContain("second signal: forcing exit");
    } finally {
      await blocker.end().catch(() => {});
    }
  }, 180_000);
});
