// The overview a team lead reads, the plan page and the progress page's words, on a real server
// with a real worker on a real database: live workers and their heartbeat age, schedules with last
// and next run, the oldest waiting job, the last rollover and rebuild, dead letters as waiting or
// handled (never "completed"), plan ids linked to a plan page with each row's notes, main lifts
// only and record types in words with their units; every page under the nonce CSP.
import { randomUUID } from "node:crypto";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss } from "../../src/boss.ts";
import { loadConfig } from "../../src/config.ts";
import type { OpsService } from "../../src/http/ops-server.ts";
import { PLAN_GENERATE_QUEUE } from "../../src/jobs/plan-generate/index.ts";
import { PLAN_ROLLOVER_QUEUE } from "../../src/jobs/plan-rollover/index.ts";
import { PROGRESS_REFRESH_QUEUE } from "../../src/jobs/progress-refresh/index.ts";
import { refreshProgress } from "../../src/jobs/progress-refresh/refresh.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { BENCH, CARRY, logSet, makeLifter, SQUAT, seedCatalogue } from "../progress/helpers.ts";
import { get } from "./http-client.ts";
import { startTestOps } from "./test-ops.ts";

const silent = createLogger("silent");
const config = loadConfig({ LOG_LEVEL: "silent", LOAD_BUILTIN_CATALOGUE: "false" });

/** The HTML of the element with this id (up to its closing tag of the same name), or "". */
function byId(body: string, id: string, tag = "table"): string {
  const at = body.indexOf(`id="${id}"`);
  if (at < 0) return "";
  const start = body.indexOf(">", at) + 1;
  const end = body.indexOf(`</${tag}>`, start);
  return body.slice(start, end < 0 ? undefined : end);
}
/** The text of a table row with this attribute, tags dropped. */
function rowText(table: string, attr: string): string {
  const start = table.indexOf(attr);
  if (start < 0) return "";
  const end = table.indexOf("</tr>", start);
  return table
    .slice(start, end)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
function expectNonceCsp(page: { headers: Record<string, unknown>; body: string }) {
  const csp = page.headers["content-security-policy"] as string;
  expect(csp.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
  // The product pages have no script at all, and load nothing from another origin.
  expect(page.body).not.toMatch(/<script\b/);
  expect(page.body).not.toMatch(/(?:href|src)="(?:https?:)?\/\//);
}

describe("the overview, the plan page and the progress page", () => {
  let tdb: TestDatabase;
  let worker: RunningWorker | undefined;
  let boss: PgBoss;
  let ops: OpsService;
  let base: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ({ ops, base } = await startTestOps(tdb));
  });
  afterAll(async () => {
    await ops?.close();
    await worker?.stop(5_000);
    await boss?.stop({ graceful: false, close: true });
    await tdb?.drop();
  });

  it("says no worker is live before one starts, then lists it with its heartbeat age", async () => {
    const before = await get(`${base}/`);
    expect(before.status).toBe(200);
    expect(before.body).toContain('id="no-live-worker"');

    worker = await startWorker({ url: tdb.url, directUrl: tdb.directUrl, config, logger: silent });
    const after = await get(`${base}/`);
    expectNonceCsp(after);
    expect(after.body).not.toContain('id="no-live-worker"');
    const workers = byId(after.body, "workers");
    const row = rowText(workers, 'data-name="training-engine-worker"');
    // Registered just now: a heartbeat a few seconds old at most.
    expect(row).toMatch(/training-engine-worker .* (\d+) s$/);
    expect(Number(/(\d+) s$/.exec(row)?.[1])).toBeLessThan(30);
    expect(row).toContain(String(process.pid));
  });

  it("lists every schedule with its last run and its next run", async () => {
    // The rollover's schedule made a job: pg-boss records it as the schedule's last_job_id.
    const jobId = (await worker?.deps.boss.send(PLAN_ROLLOVER_QUEUE, {})) as string;
    await tdb.pool.query("UPDATE pgboss.schedule SET last_job_id = $1 WHERE name = $2", [
      jobId,
      PLAN_ROLLOVER_QUEUE,
    ]);
    const { rows } = await tdb.pool.query<{ created_on: Date }>(
      "SELECT created_on FROM pgboss.job WHERE id = $1",
      [jobId],
    );
    const page = await get(`${base}/`);
    const schedules = byId(page.body, "schedules");
    const rollover = rowText(schedules, `data-queue="${PLAN_ROLLOVER_QUEUE}"`);
    expect(rollover).toContain(config.ROLLOVER_CRON);
    const lastRun = rows[0]?.created_on as Date;
    expect(rollover).toContain(lastRun.toISOString().slice(0, 19).replace("T", " "));
    // ROLLOVER_CRON 15 0 * * * in UTC: the next 00:15 UTC.
    const next = new Date();
    next.setUTCHours(0, 15, 0, 0);
    if (next.getTime() <= Date.now()) next.setUTCDate(next.getUTCDate() + 1);
    expect(rollover).toContain(next.toISOString().slice(0, 19).replace("T", " "));
    // The progress schedules too (rebuild and sweep), each not run yet.
    expect(rowText(schedules, 'data-key="full"')).toContain(config.PROGRESS_REBUILD_CRON);
    expect(rowText(schedules, 'data-key="sweep"')).toMatch(/not yet/);
  });

  it("after the worker stops: no live worker, and the oldest job waiting per queue with its age", async () => {
    await worker?.stop(5_000);
    worker = undefined;
    boss = createBoss(tdb.url, silent, { max: 2, listenNotify: tdb.url === tdb.directUrl });
    boss.on("error", () => {});
    await boss.start();
    const userId = await createUser(tdb.pool);
    const first = (await boss.send(PLAN_GENERATE_QUEUE, { userId, daysPerWeek: 3 })) as string;
    await boss.send(PLAN_GENERATE_QUEUE, { userId, daysPerWeek: 4 });
    // Waiting for 7 minutes: as if it had been sent then.
    await tdb.pool.query(
      "UPDATE pgboss.job SET created_on = now() - interval '7 minutes', start_after = now() - interval '7 minutes' WHERE id = $1",
      [first],
    );
    const page = await get(`${base}/`);
    expect(page.body).toContain('id="no-live-worker"');
    const waiting = byId(page.body, "oldest-waiting");
    const row = rowText(waiting, `data-queue="${PLAN_GENERATE_QUEUE}"`);
    expect(row).toContain(first);
    expect(row).toMatch(/ 7 min$/);
    expect(waiting).toContain(`href="/queues/queues/${PLAN_GENERATE_QUEUE}/jobs/${first}"`);
  });

  it("shows the last rollover (when, plans, weeks, time) and the last progress rebuild", async () => {
    // The worker's own runs at start (a rollover, a sweep) are not this test's.
    await tdb.pool.query("DELETE FROM pgboss.job WHERE name = ANY ($1)", [
      [PLAN_ROLLOVER_QUEUE, PROGRESS_REFRESH_QUEUE],
    ]);
    const none = await get(`${base}/`);
    expect(byId(none.body, "last-rollover", "div")).toContain("No rollover has finished yet");

    await boss.send(PLAN_ROLLOVER_QUEUE, {});
    const [rollover] = await boss.fetch(PLAN_ROLLOVER_QUEUE);
    await boss.complete(PLAN_ROLLOVER_QUEUE, rollover?.id as string, {
      plansRolled: 37,
      weeksCreated: 41,
      plansSkipped: 2,
    });
    await boss.send(PROGRESS_REFRESH_QUEUE, { full: true });
    const [rebuild] = await boss.fetch(PROGRESS_REFRESH_QUEUE);
    await boss.complete(PROGRESS_REFRESH_QUEUE, rebuild?.id as string, { mode: "full", users: 12 });
    await tdb.pool.query(
      "UPDATE pgboss.job SET started_on = completed_on - interval '83.5 seconds' WHERE id = $1",
      [rollover?.id],
    );

    const page = await get(`${base}/`);
    const last = byId(page.body, "last-rollover", "div")
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ");
    expect(last).toMatch(/^completed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+ s ago\), took 83\.5 s/);
    expect(last).toContain("37 plans rolled, 41 weeks created, 2 plans skipped");
    const rebuilt = byId(page.body, "last-rebuild", "div")
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ");
    expect(rebuilt).toMatch(/^completed at .*: 12 users/);
  });

  it("counts dead letters as waiting or handled, and the dead-letter page says which, never 'completed'", async () => {
    const dead = `${PLAN_ROLLOVER_QUEUE}.dead`;
    const waitingId = (await boss.send(dead, { n: 1 })) as string;
    await boss.send(dead, { n: 2 });
    const taken = await boss.fetch(dead);
    const handled = taken.find((j) => j.id !== waitingId) ?? taken[0];
    await boss.complete(dead, handled?.id as string);
    // The one fetched but not completed (if the fetch took both) goes back to waiting.
    for (const j of taken.filter((t) => t.id !== handled?.id)) await boss.fail(dead, j.id);

    const page = await get(`${base}/`);
    const table = byId(page.body, "dead-letter-counts");
    expect(table).not.toContain("completed");
    const counts = Object.fromEntries(
      [...rowText(table, `data-queue="${dead}"`).matchAll(/\d+/g)].map((m, i) => [i, Number(m[0])]),
    );
    const { rows } = await tdb.pool.query<{ state: string; n: number }>(
      "SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY 1",
      [dead],
    );
    const n = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
    // waiting, being handled, handled, handler failed, cancelled
    expect(counts).toEqual({
      0: n("created") + n("retry"),
      1: n("active"),
      2: n("completed"),
      3: n("failed"),
      4: n("cancelled"),
    });
    expect(counts[2]).toBe(1);

    const letters = await get(`${base}/dead-letters`);
    expectNonceCsp(letters);
    const section = letters.body.slice(letters.body.indexOf(`data-queue="${dead}"`));
    expect(rowText(section, `data-id="${handled?.id}"`)).toContain("handled");
    expect(section.slice(0, section.indexOf("</table>"))).not.toContain("completed");
  });

  it("serves a plan page with weeks, sessions, rows, load changes and each row's notes, linked from plan ids", async () => {
    await seedCatalogue(tdb.pool);
    const week = monday(-1);
    const lifter = await makeLifter(tdb.pool, [week]);
    const squatRow = lifter.row(SQUAT, week);
    const { rows: plans } = await tdb.pool.query<{ id: string }>(
      "SELECT id FROM modular_training_plan WHERE user_id = $1",
      [lifter.userId],
    );
    const planId = plans[0]?.id as string;
    // A row carried from one with a lighter load, the rollover's reason, and notes of its own.
    const other = await makeLifter(tdb.pool, [monday(-2)]);
    const previous = other.row(SQUAT, monday(-2));
    await tdb.pool.query("UPDATE modular_training_exercise SET weight = 100 WHERE id = $1", [previous]);
    await tdb.pool.query(
      "UPDATE modular_training_exercise SET weight = 102.5, carried_from_id = $2, progress_reason = $3, notes = $4 WHERE id = $1",
      [
        squatRow,
        previous,
        "+2.5 kg: e1RM 128 kg from 3 sets (best 5 @ 110 kg RPE 8)",
        "warm-up: 20 kg x 10, 50 kg x 5, 70 kg x 3, 87.5 kg x 1",
      ],
    );
    const { rows: counts } = await tdb.pool.query<{ sessions: number; rows: number }>(
      `SELECT count(DISTINCT s.id)::int AS sessions, count(e.id)::int AS rows
       FROM modular_training_week w JOIN modular_training_session s ON s.week_id = w.id
       LEFT JOIN modular_training_exercise e ON e.session_id = s.id WHERE w.plan_id = $1`,
      [planId],
    );

    const page = await get(`${base}/plans/${planId}`);
    expect(page.status).toBe(200);
    expectNonceCsp(page);
    const header = byId(page.body, "plan-counts", "td").replace(/<[^>]+>/g, "");
    const words = (n: number | undefined, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;
    expect(header).toBe(`1 week, ${words(counts[0]?.sessions, "session")}, ${words(counts[0]?.rows, "row")}`);
    const row = rowText(page.body, `data-row="${squatRow}"`);
    expect(row).toContain("Back squat");
    // Written before mesocycles were shown: mesocycle 1, week 1, no deload, no recovery muscles.
    expect(page.body).toContain(">mesocycle 1, week 1</span>");
    expect(page.body).not.toContain('data-field="recovery-muscles"');
    expect(row).not.toContain("swap suggested");
    expect(row).toContain("102.5 kg (↑ from 100 kg)");
    expect(row).toContain("+2.5 kg: e1RM 128 kg from 3 sets (best 5 @ 110 kg RPE 8)");
    expect(row).toContain("warm-up: 20 kg x 10");

    // What the mesocycle rollover writes: the week's place in its block, its recovery muscles, and
    // a row marked for a swap, shown before the row's own notes.
    await tdb.pool.query(
      `UPDATE modular_training_week SET mesocycle = 2, mesocycle_week = 1, is_deload = true,
         recovery_muscles = '{quadriceps,hamstrings}' WHERE plan_id = $1`,
      [planId],
    );
    await tdb.pool.query("UPDATE modular_training_exercise SET swap_suggested = true WHERE id = $1", [
      squatRow,
    ]);
    const marked = await get(`${base}/plans/${planId}`);
    expect(marked.body).toContain(
      `<span class="mesocycle" data-mesocycle="2" data-mesocycle-week="1" data-deload="true">mesocycle 2, week 1, deload</span>`,
    );
    expect(marked.body).toContain("Recovery session (half the sets) for: quadriceps, hamstrings");
    const markedRow = rowText(marked.body, `data-row="${squatRow}"`);
    expect(markedRow).toMatch(/swap suggested: joint pain ?; warm-up: 20 kg x 10/);
    expect(marked.body.match(/swap suggested: joint pain/g)).toHaveLength(1);

    expect((await get(`${base}/plans/not-a-plan`)).status).toBe(400);
    expect((await get(`${base}/plans/${randomUUID()}`)).status).toBe(404);
    // Upper case is the same plan (ids are lower-cased at the edge).
    expect((await get(`${base}/plans/${planId.toUpperCase()}`)).status).toBe(200);

    // Linked from the plan requests page and from the user's progress page.
    await tdb.pool.query(
      "INSERT INTO plan_request (user_id, params, status, plan_id, finished_at) VALUES ($1, '{}', 'succeeded', $2, now())",
      [lifter.userId, planId],
    );
    const requests = await get(`${base}/plan-requests?status=succeeded`);
    expect(requests.body).toContain(`href="/plans/${planId}"`);
    const progress = await get(`${base}/progress/${lifter.userId}`);
    expect(byId(progress.body, "user-plans", "p")).toContain(`href="/plans/${planId}"`);
  });

  it("the progress page: only main lifts in the e1RM chart, record types in words with their units", async () => {
    const week = monday(-1);
    const lifter = await makeLifter(tdb.pool, [week]);
    await logSet(tdb.pool, lifter.row(SQUAT, week), { reps: 5, kg: 100 });
    await logSet(tdb.pool, lifter.row(BENCH, week), { reps: 8, kg: 70 });
    // An accessory (T3) with plenty of sets: never a main lift.
    for (let i = 1; i <= 6; i++)
      await logSet(tdb.pool, lifter.row(CARRY, week), { reps: 10, kg: 40, setNo: i });
    await refreshProgress(tdb.pool, { userId: lifter.userId });

    const page = await get(`${base}/progress/${lifter.userId}`);
    expect(page.status).toBe(200);
    expectNonceCsp(page);
    const chart = page.body.slice(page.body.indexOf("e1rm-title"), page.body.indexOf("</svg>"));
    expect(chart).toContain("Squat (test)");
    expect(chart).toContain("Bench press (test)");
    expect(chart).not.toContain(CARRY);

    const records = byId(page.body, "records");
    expect(records).toContain("<th>value</th>");
    expect(records).not.toContain("value (kg)");
    expect(records).not.toMatch(/>best_set_volume</);
    // Bench: 8 x 70 = 560 kg x reps; its heaviest weight 70 kg; its e1RM in kg.
    expect(rowText(records, 'data-record="best_set_volume"')).toMatch(/best set volume \d+ kg × reps/);
    expect(records).toMatch(/best set volume<\/td><td class="n">560 kg × reps/);
    expect(records).toMatch(/heaviest weight<\/td><td class="n">70\.0 kg/);
    expect(records).toMatch(/estimated 1RM<\/td><td class="n">\d+\.\d kg/);
  });
});
