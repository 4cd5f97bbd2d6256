// plan.generate jobs for the fault scenarios, and the count that judges them: every job has
// exactly one plan (its request key is the job id: src/jobs/plan-generate/handler.ts).
import type pg from "pg";
import { PgBoss } from "pg-boss";
import { BOSS_SCHEMA } from "../../src/boss.ts";
import { PLAN_GENERATE_QUEUE, PLAN_QUEUE_OPTIONS } from "../../src/jobs/plan-generate/index.ts";
import { ensureQueue } from "../../src/jobs/runtime.ts";

/** Sends `n` plan requests of `userId` (one insert) and returns their job ids. */
export async function sendPlanJobs(url: string, userId: string, n: number): Promise<string[]> {
  const boss = new PgBoss({ connectionString: url, schema: BOSS_SCHEMA, max: 2 });
  boss.on("error", () => {});
  await boss.start();
  try {
    await ensureQueue(boss, PLAN_GENERATE_QUEUE, PLAN_QUEUE_OPTIONS);
    const ids = Array.from({ length: n }, () => crypto.randomUUID());
    await boss.insert(
      PLAN_GENERATE_QUEUE,
      ids.map((id, i) => ({ id, data: { userId, daysPerWeek: 2 + (i % 5) } })),
    );
    return ids;
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

export interface JobCounts {
  completed: number;
  other: number;
  retried: number;
}

/** The jobs' states: completed, anything else, and how many were retried. */
export async function jobCounts(pool: pg.Pool, ids: readonly string[]): Promise<JobCounts> {
  const { rows } = await pool.query<JobCounts>(
    `SELECT count(*) FILTER (WHERE state = 'completed')::int AS completed,
            count(*) FILTER (WHERE state <> 'completed')::int AS other,
            count(*) FILTER (WHERE retry_count > 0)::int AS retried
     FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[])`,
    [PLAN_GENERATE_QUEUE, ids],
  );
  return rows[0] as JobCounts;
}

/** Plans against requests: requests without a plan (lost) and extra plans (duplicated). */
export async function planLedger(pool: pg.Pool, ids: readonly string[]) {
  const { rows } = await pool.query<{ lost: number; duplicated: number; plans: number }>(
    `SELECT count(*) FILTER (WHERE n = 0)::int AS lost,
            coalesce(sum(n - 1) FILTER (WHERE n > 1), 0)::int AS duplicated,
            coalesce(sum(n), 0)::int AS plans
     FROM (SELECT r.id, (SELECT count(*) FROM modular_training_plan p WHERE p.request_id = r.id) AS n
           FROM unnest($1::uuid[]) AS r(id)) t`,
    [ids],
  );
  return rows[0] as { lost: number; duplicated: number; plans: number };
}
