// Behind PgBouncer in transaction mode (tests/helpers/pgbouncer.ts): the probe tells the pooler
// from the server, the worker refuses a pooled DATABASE_URL alone with one line naming
// DATABASE_DIRECT_URL, and with both it runs: jobs through the pooler, the LISTEN for logged sets
// on the direct URL. Runs where Debian's pgbouncer is installed (.ci/pooler installs it).
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/database.ts";
import { sharesServerSessions } from "../../src/db/pooler-probe.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { asUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { type PgBouncer, pgbouncerInstalled, startPgBouncer } from "../helpers/pgbouncer.ts";
import { waitFor } from "../helpers/wait.ts";
import { BENCH, logSet, makeLifter } from "../progress/helpers.ts";

const silent = createLogger("silent");

describe.skipIf(!pgbouncerInstalled())("behind PgBouncer in transaction mode", () => {
  let tdb: TestDatabase;
  let bouncer: PgBouncer;
  let pooledUrl: string;
  let directUrl: string;
  let worker: RunningWorker | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    directUrl = tdb.directUrl;
    bouncer = await startPgBouncer(directUrl);
    pooledUrl = bouncer.urlFor(tdb.name);
  });
  afterAll(async () => {
    await worker?.stop(5_000);
    await bouncer?.stop();
    await tdb?.drop();
  });

  it("the probe finds the pooler, and not the server", async () => {
    expect(await sharesServerSessions(pooledUrl)).toBe(true);
    expect(await sharesServerSessions(directUrl)).toBe(false);
  });

  it("a pooled DATABASE_URL alone, or as DATABASE_DIRECT_URL, is refused naming the URL to set", async () => {
    await expect(openDatabase(loadConfig({ DATABASE_URL: pooledUrl }), silent)).rejects.toThrow(
      /^configuration: DATABASE_URL: is a transaction-mode pooler .*set DATABASE_DIRECT_URL to the database's direct URL/,
    );
    await expect(
      openDatabase(loadConfig({ DATABASE_URL: pooledUrl, DATABASE_DIRECT_URL: pooledUrl }), silent),
    ).rejects.toThrow(/^configuration: DATABASE_DIRECT_URL: is a transaction-mode pooler/);
    const handle = await openDatabase(
      loadConfig({ DATABASE_URL: pooledUrl, DATABASE_DIRECT_URL: directUrl }),
      silent,
    );
    expect(handle).toMatchObject({ url: pooledUrl, directUrl, pooled: true });
  });

  it("npm start refuses a pooled DATABASE_URL alone: exit 2, one line on stderr", async () => {
    const child = spawn(
      process.execPath,
      ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "src/main.ts"],
      {
        env: { ...process.env, DATABASE_URL: pooledUrl, HTTP_PORT: "0", LOG_LEVEL: "silent" },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(2);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DATABASE_URL: is a transaction-mode pooler.*DATABASE_DIRECT_URL/);
  });

  it("npm run db:migrate: refused on the pooled URL alone (exit 2), runs with DATABASE_DIRECT_URL beside it", async () => {
    const migrate = (env: Record<string, string>) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "src/db/migrate-cli.ts"],
          { env: { ...process.env, LOG_LEVEL: "silent", ...env }, stdio: ["ignore", "ignore", "pipe"] },
        );
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => {
          stderr += d.toString();
        });
        child.on("close", (code) => resolve({ code, stderr }));
      });
    const alone = await migrate({ DATABASE_URL: pooledUrl });
    expect(alone.code).toBe(2);
    expect(alone.stderr.trim()).toMatch(/^error: configuration: DATABASE_URL: is a transaction-mode pooler/);
    const both = await migrate({ DATABASE_URL: pooledUrl, DATABASE_DIRECT_URL: directUrl });
    expect(both).toEqual({ code: 0, stderr: "" });
  });

  it("with DATABASE_DIRECT_URL the worker runs through the pooler and still hears a logged set", async () => {
    const config = {
      ...loadConfig({ DATABASE_URL: pooledUrl, DATABASE_DIRECT_URL: directUrl }),
      PROGRESS_DEBOUNCE_SECONDS: 1,
      LOAD_BUILTIN_CATALOGUE: false,
    };
    worker = await startWorker({ url: pooledUrl, directUrl, config, logger: silent });
    const week = monday(-1);
    const lifter = await makeLifter(tdb.pool, [week]);
    // After the start-up sweep: only the LISTEN (on the direct URL) can bring this set in soon;
    // the next sweep is minutes away (PROGRESS_SWEEP_CRON).
    await new Promise((r) => setTimeout(r, 1_500));
    await asUser(tdb.pool, lifter.userId, (c) => logSet(c, lifter.row(BENCH, week), { reps: 5, kg: 80 }));
    await waitFor(
      async () => {
        const { rows } = await tdb.pool.query<{ sets: number }>(
          "SELECT sets::int AS sets FROM progress_exercise_weekly WHERE user_id = $1 AND exercise_key = $2",
          [lifter.userId, BENCH],
        );
        return rows[0]?.sets === 1 ? true : undefined;
      },
      { timeoutMs: 8_000, what: "the logged set in progress_exercise_weekly" },
    );
    // The listener heard it: its job for this user (a sweep's job has the key "sweep").
    await waitFor(
      async () => {
        const { rows } = await tdb.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'progress.refresh' AND singleton_key = $1",
          [lifter.userId],
        );
        return rows[0]?.n === 1 ? true : undefined;
      },
      { timeoutMs: 5_000, what: "the listener's progress.refresh job for the user" },
    );
  });
});
