// The ops dashboard in a real browser: the worker runs as `npm start` does, on a test database
// with known work in it; headless Chromium loads the overview and the pg-boss dashboard, checks a
// queue count against the database, opens a failed job's page in the dashboard and retries it,
// opens a user's progress page, finds both charts drawn, and saves screenshots under
// .tmp/browser/ (gitignored). Every request to a host other than this machine is aborted and
// recorded, the host resolver maps every other name to nothing, and every CSP violation the page
// reports (an inline script without the nonce, say) fails the test.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss } from "../../src/boss.ts";
import { createLogger } from "../../src/logger.ts";
import { asUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, mondays } from "../helpers/dates.ts";
import { freePort } from "../helpers/scratch-postgres.ts";
import { waitFor } from "../helpers/wait.ts";
import { BENCH, logSet, makeLifter, SQUAT, seedCatalogue } from "../progress/helpers.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = path.resolve(import.meta.dirname, "../../.tmp/browser");
// Four weeks ending last week, from the clock: the database keeps plans within a year of today.
const WEEKS = mondays(monday(-4), 4);
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
/** A queue nobody works, for a job the test fails and the dashboard retries. */
const CHECK_QUEUE = "ops.browser-check";

describe("the ops dashboard in headless Chromium", () => {
  let tdb: TestDatabase;
  let worker: ReturnType<typeof spawn>;
  let workerLog = "";
  let base: string;
  let context: BrowserContext;
  let profile: string;
  let userId: string;
  const offHost: string[] = [];
  const cspViolations: string[] = [];
  let failedJobId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = spawn(
      process.execPath,
      ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "src/main.ts"],
      {
        env: { ...process.env, DATABASE_URL: tdb.url, HTTP_PORT: String(port), LOG_LEVEL: "info" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    worker.stdout?.on("data", (d) => (workerLog += d));
    worker.stderr?.on("data", (d) => (workerLog += d));
    await waitFor(async () => (workerLog.includes('"msg":"worker started"') ? true : undefined), {
      what: "the worker to start",
      timeoutMs: 60_000,
    });

    // Known work: a lifter with four logged weeks, one good and one bad plan request made in SQL.
    await seedCatalogue(tdb.pool);
    const lifter = await makeLifter(tdb.pool, WEEKS);
    userId = lifter.userId;
    for (const [i, week] of WEEKS.entries()) {
      for (let set = 1; set <= 3; set++) {
        await logSet(tdb.pool, lifter.row(SQUAT, week), { reps: 5, kg: 100 + 5 * i, rpe: 8, setNo: set });
        await logSet(tdb.pool, lifter.row(BENCH, week), { reps: 5, kg: 70 + 2.5 * i, rpe: 8, setNo: set });
      }
    }
    for (const params of [{ daysPerWeek: 3 }, { daysPerWeek: 9 }]) {
      await asUser(tdb.pool, userId, (c) =>
        c.query("INSERT INTO plan_request (params) VALUES ($1)", [JSON.stringify(params)]),
      );
    }
    await waitFor(
      async () => {
        const { rows } = await tdb.pool.query<{ done: boolean }>(
          `SELECT (SELECT count(*) FROM plan_request WHERE status IN ('succeeded', 'failed')) = 2
              AND (SELECT count(*) FROM progress_exercise_weekly WHERE user_id = $1) = 8
              AND NOT EXISTS (SELECT 1 FROM progress_dirty) AS done`,
          [userId],
        );
        return rows[0]?.done ? true : undefined;
      },
      { what: "the worker to settle the requests and refresh the progress", timeoutMs: 60_000 },
    );

    // A failed job, made with our pg-boss in a queue of its own.
    const boss = createBoss(tdb.url, createLogger("silent"), { max: 1 });
    await boss.start();
    try {
      await boss.createQueue(CHECK_QUEUE, { retryLimit: 0 });
      failedJobId = (await boss.send(CHECK_QUEUE, { check: true })) as string;
      await boss.fetch(CHECK_QUEUE);
      await boss.fail(CHECK_QUEUE, failedJobId, { message: "failed on purpose for the browser test" });
    } finally {
      await boss.stop({ graceful: false });
    }

    profile = await mkdtemp(path.join(tmpdir(), "te-chromium-"));
    await mkdir(SHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // No name but this machine's resolves: nothing can leave it, not even a preconnect.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
      ],
    });
    context.on("page", (page) => {
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
    });
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (LOCAL_HOSTS.has(url.hostname) || url.protocol === "data:") return route.continue();
      offHost.push(url.href);
      return route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once("close", resolve));
      worker.kill("SIGTERM");
      await exited;
    }
    await tdb?.drop();
  });

  it("shows the queue counts the database holds, on the overview and in the pg-boss dashboard", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const { rows } = await tdb.pool.query<{ state: string; n: number }>(
      "SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = 'plan.generate' GROUP BY 1",
    );
    const inDb = Object.fromEntries(rows.map((r) => [r.state, r.n]));
    expect(inDb.completed).toBe(1);
    for (const state of ["completed", "failed", "created", "active"]) {
      const cell = page.locator(`#queue-counts tr[data-queue="plan.generate"] td[data-state="${state}"]`);
      expect(await cell.textContent(), state).toBe(String(inDb[state] ?? 0));
    }
    // The bad request's dead letter, taken by its handler: "handled", never "completed".
    const dead = page.locator(
      '#dead-letter-counts tr[data-queue="plan.generate.dead"] td[data-state="handled"]',
    );
    expect(await dead.textContent()).toBe("1");
    expect(await page.locator("#dead-letter-counts").textContent()).not.toContain("completed");

    // Are workers alive: the `npm start` process, with a heartbeat seconds old.
    expect(await page.locator("#no-live-worker").count()).toBe(0);
    const live = page.locator('#workers tr[data-name="training-engine-worker"]');
    expect(await live.count()).toBe(1);
    expect(await live.locator("td").nth(2).textContent()).toBe(String(worker.pid));
    expect(await live.locator('td[data-field="heartbeat-age"]').textContent()).toMatch(/^\d+ s$/);
    // Is anything stuck: every queue has its oldest waiting job, or says none waits.
    for (const queue of ["plan.generate", "plan.rollover", "progress.refresh"]) {
      expect(await page.locator(`#oldest-waiting tr[data-queue="${queue}"]`).count(), queue).toBe(1);
    }
    // Did last night's rollover run: each schedule's last and next run, the last rollover's line.
    const rolloverSchedule = page.locator('#schedules tr[data-queue="plan.rollover"]');
    expect(await rolloverSchedule.locator('td[data-field="next-run"]').textContent()).toMatch(
      /^\d{4}-\d\d-\d\d 00:15:00$/,
    );
    expect(await page.locator('#schedules tr[data-queue="progress.refresh"]').count()).toBe(2);
    expect(await page.locator("#last-rollover").textContent()).toMatch(
      /completed at .* plans rolled, \d+ weeks created|No rollover has finished yet/,
    );
    expect(await page.locator("#last-rebuild").count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, "overview.png"), fullPage: true });

    // The pg-boss dashboard, mounted at /queues from the package: its queue list names our queues.
    await page.goto(`${base}/queues`);
    await expect
      .poll(() => page.locator("body").textContent(), { timeout: 15_000 })
      .toContain("plan.generate");
    await page.screenshot({ path: path.join(SHOTS, "pgboss-dashboard.png"), fullPage: true });

    await page.goto(`${base}/dead-letters`);
    expect(await page.locator('table[data-queue="plan.generate.dead"]').textContent()).toContain(
      "daysPerWeek: must be an integer from 2 to 6 (got 9)",
    );
    await page.goto(`${base}/plan-requests?status=failed`);
    expect(await page.locator("#plan-requests").textContent()).toContain("daysPerWeek");
    await page.screenshot({ path: path.join(SHOTS, "failed-plan-requests.png"), fullPage: true });
    await page.close();
  });

  it("opens a failed job's page in the pg-boss dashboard and retries it", async () => {
    const page = await context.newPage();
    const state = async () =>
      (
        await tdb.pool.query<{ state: string }>("SELECT state::text AS state FROM pgboss.job WHERE id = $1", [
          failedJobId,
        ])
      ).rows[0]?.state;
    expect(await state()).toBe("failed");
    const response = await page.goto(`${base}/queues/queues/${CHECK_QUEUE}/jobs/${failedJobId}`);
    expect(response?.status()).toBe(200);
    await expect
      .poll(() => page.locator("body").textContent(), { timeout: 15_000 })
      .toContain("failed on purpose for the browser test");
    // Hydrated: the button's click handler is React's, so wait until the page is interactive.
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(SHOTS, "pgboss-failed-job.png"), fullPage: true });
    await page.getByRole("button", { name: "Retry", exact: true }).click();
    await expect.poll(state, { timeout: 15_000 }).toBe("retry");
    await page.screenshot({ path: path.join(SHOTS, "pgboss-retried-job.png"), fullPage: true });
    await page.close();
  });

  it("draws the user's e1RM trend and weekly sets against the range", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/progress`);
    await page.fill('input[name="user"]', userId);
    await page.click("button");
    await page.waitForURL(`${base}/progress/${userId}`);
    const trend = page.locator("svg.chart-e1rm");
    await expect.poll(() => trend.count()).toBe(1);
    // One line per main lift across the four weeks, one point per week.
    expect(await trend.locator("g.series").count()).toBe(2);
    expect(await trend.locator("g.series polyline").count()).toBe(2);
    expect(await trend.locator("g.series circle").count()).toBe(8);
    const box = await trend.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    const sets = page.locator("svg.chart-weekly-sets");
    expect(await sets.locator('g.muscle[data-group="chest"] rect.bar').count()).toBe(1);
    expect(await sets.locator("rect.range").count()).toBeGreaterThan(5);
    const chestWidth = Number(
      await sets.locator('g.muscle[data-group="chest"] rect.bar').getAttribute("width"),
    );
    expect(chestWidth).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, "progress.png"), fullPage: true });
    await page.close();
  });

  it("follows a plan id from the plan requests to the plan page: weeks, sessions, rows and notes", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/plan-requests?status=succeeded`);
    const link = page.locator("#plan-requests a.plan-link");
    expect(await link.count()).toBe(1);
    const planId = (await link.textContent()) as string;
    await link.click();
    await page.waitForURL(`${base}/plans/${planId}`);
    const { rows } = await tdb.pool.query<{ weeks: number; sessions: number; rows: number }>(
      `SELECT count(DISTINCT w.id)::int AS weeks, count(DISTINCT s.id)::int AS sessions, count(e.id)::int AS rows
       FROM modular_training_week w JOIN modular_training_session s ON s.week_id = w.id
       LEFT JOIN modular_training_exercise e ON e.session_id = s.id WHERE w.plan_id = $1`,
      [planId],
    );
    const counts = rows[0] as { weeks: number; sessions: number; rows: number };
    expect(await page.locator('#plan-counts [data-field="weeks"]').textContent()).toBe(String(counts.weeks));
    expect(await page.locator('#plan-counts [data-field="sessions"]').textContent()).toBe(
      String(counts.sessions),
    );
    expect(await page.locator('#plan-counts [data-field="rows"]').textContent()).toBe(String(counts.rows));
    expect(await page.locator("table.plan-week").count()).toBe(counts.weeks);
    expect(await page.locator("table.plan-week tr[data-row]").count()).toBe(counts.rows);
    expect(await page.locator("table.plan-week th").allTextContents()).toEqual(
      expect.arrayContaining(["why", "notes"]),
    );
    await page.screenshot({ path: path.join(SHOTS, "plan.png"), fullPage: true });
    await page.close();
  });

  it("touched no host but this machine, and broke no rule of the CSP", () => {
    // The dashboard's Google Fonts links are patched out of its build (src/http/dashboard-patch.ts),
    // and its inline scripts carry the response's nonce.
    expect(offHost).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
