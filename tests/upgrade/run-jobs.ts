// Step 5 of .ci/upgrade-test: on the upgraded database, the rows written under the last release
// are all there, and the three jobs work through a worker of this checkout: plan.generate (a job
// the release's CLI sent, and a plan_request row the release could not enqueue yet),
// plan.rollover of the release's plan, and progress.refresh of a set logged after the upgrade.
// Exits 1 naming the first thing that does not hold. Usage: run-jobs.ts <database-url> <user-id>
import pg from "pg";
import { loadConfig } from "../../src/config.ts";
import { MIGRATIONS_FOLDER } from "../../src/db/migrate.ts";
import { readJournal } from "../../src/db/migration-journal.ts";
import { addDays } from "../../src/domain/calendar.ts";
import { createLogger } from "../../src/logger.ts";
import { startWorker } from "../../src/worker.ts";

const [url, userId] = process.argv.slice(2);
if (!url || !userId) {
  process.stderr.write("usage: run-jobs.ts <database-url> <user-id>\n");
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: url, max: 2 });
const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
  (await pool.query(sql, params)).rows[0] as T;

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
  process.stdout.write(`ok: ${what}\n`);
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.stdout.write(`ok: ${what}\n`);
}

// The clock of this step: the Wednesday two weeks after the release's plan began (seed-release.ts
// dates it from the real clock), with the rollover as of that week's Monday.
const seededStart = (
  await one<{ week_start: string }>(
    "SELECT week_start::text FROM modular_training_plan WHERE user_id = $1 ORDER BY created_at LIMIT 1",
    [userId],
  )
).week_start;
const NOW = new Date(`${addDays(seededStart, 16)}T12:00:00Z`);

const worker = await startWorker({
  url,
  config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: "warn", PROGRESS_DEBOUNCE_SECONDS: "0" }),
  logger: createLogger("warn"),
  now: () => NOW,
});
try {
  const { applied } = await one<{ applied: number }>(
    "SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations",
  );
  const journal = readJournal(MIGRATIONS_FOLDER).length;
  check(
    applied === journal,
    `each of the ${journal} migrations was applied once, none again (${applied} rows)`,
  );

  const seeded = await one<{ id: string; week_start: string }>(
    "SELECT id, week_start::text FROM modular_training_plan WHERE user_id = $1 ORDER BY created_at LIMIT 1",
    [userId],
  );
  const before = await one<{ sets: number; progress: number; requests: number }>(
    `SELECT (SELECT count(*)::int FROM training_set WHERE user_id = $1) AS sets,
            (SELECT count(*)::int FROM progress_exercise_weekly WHERE user_id = $1) AS progress,
            (SELECT count(*)::int FROM plan_request WHERE user_id = $1) AS requests`,
    [userId],
  );
  check(
    Boolean(seeded) && before.sets === 6 && before.progress === 2 && before.requests === 1,
    `the release's rows remain: plan, 6 sets, 2 progress rows, 1 plan request (${JSON.stringify(before)})`,
  );

  await waitUntil("plan.generate: the plan_request row the release could not enqueue succeeded", async () => {
    const row = await one<{ status: string } | undefined>(
      "SELECT status FROM plan_request WHERE user_id = $1",
      [userId],
    );
    if (row?.status === "failed") throw new Error("the plan_request row failed");
    return row?.status === "succeeded";
  });
  await waitUntil("plan.generate: the job the release's CLI sent completed", async () => {
    const { n } = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'plan.generate' AND state = 'completed'",
    );
    return n === 2;
  });
  const { plans } = await one<{ plans: number }>(
    "SELECT count(*)::int AS plans FROM modular_training_plan WHERE user_id = $1",
    [userId],
  );
  check(plans === 3, `the user has the release's plan and the two generated ones (${plans})`);

  const asOf = addDays(seededStart, 14);
  const rolloverJob = await worker.deps.boss.send("plan.rollover", { asOf });
  await waitUntil("plan.rollover: the job completed", async () => {
    const job = await one<{ state: string } | undefined>("SELECT state FROM pgboss.job WHERE id = $1", [
      rolloverJob,
    ]);
    if (job?.state === "failed") throw new Error("the rollover job failed");
    return job?.state === "completed";
  });
  const weeks = await pool.query<{ week_number: number; top: number }>(
    `SELECT w.week_number, max(e.weight)::float AS top
     FROM modular_training_week w
     JOIN modular_training_session s ON s.week_id = w.id
     JOIN modular_training_exercise e ON e.session_id = s.id
     WHERE w.plan_id = $1 GROUP BY w.week_number ORDER BY 1`,
    [seeded.id],
  );
  check(
    weeks.rows.map((w) => w.week_number).join() === "1,2,3" && (weeks.rows[1]?.top ?? 0) > 60,
    `plan.rollover: the release's plan has weeks 1-3, its load progressed (${JSON.stringify(weeks.rows)})`,
  );

  await pool.query(
    `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg)
     SELECT e.id, 1, 10, 65 FROM modular_training_exercise e
     JOIN modular_training_session s ON s.id = e.session_id
     JOIN modular_training_week w ON w.id = s.week_id
     WHERE w.plan_id = $1 AND w.week_number = 2`,
    [seeded.id],
  );
  await waitUntil(
    "progress.refresh: the set logged after the upgrade reached the progress tables",
    async () => {
      const { n } = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM progress_exercise_weekly
       WHERE user_id = $1 AND week_start = $2::date + 7 AND sets = 1`,
        [userId, seeded.week_start],
      );
      return n === 2;
    },
  );
} finally {
  await worker.stop(5_000);
  await pool.end();
}
