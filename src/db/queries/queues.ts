// Queue names, job states and queue statistics, in one place: the job modules take their queue
// names from here, and `status` (src/cli/status.ts), the ops pages (src/http/pages/) and /metrics
// (src/metrics/database-gauges.ts) read the counts through these functions, so the three agree.
//
// Counts come from one GROUP BY over pgboss.job (the parent of every queue's partition):
// boss.getQueues() and getQueueStats() serve a cache the maintenance pass refreshes, without the
// completed and cancelled counts.
import type pg from "pg";
import { BOSS_SCHEMA } from "../../boss.ts";

export const PLAN_GENERATE_QUEUE = "plan.generate";
export const PLAN_ROLLOVER_QUEUE = "plan.rollover";
export const PROGRESS_REFRESH_QUEUE = "progress.refresh";
export const PLAN_SWAP_QUEUE = "plan.swap";
/** Every queue the worker serves, in the order the pages list them. */
export const QUEUES = [
  PLAN_GENERATE_QUEUE,
  PLAN_ROLLOVER_QUEUE,
  PROGRESS_REFRESH_QUEUE,
  PLAN_SWAP_QUEUE,
] as const;

/** A queue's dead-letter queue is named `<queue>.dead`. */
export const DEAD_LETTER_SUFFIX = ".dead";
export const deadLetterQueueOf = (name: string) => `${name}${DEAD_LETTER_SUFFIX}`;

/** pg-boss's job states, in the order `status`, the pages and the gauges show them. */
export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];
export type StateCounts = Record<JobState, number>;

export const noJobs = (): StateCounts => ({
  created: 0,
  retry: 0,
  active: 0,
  completed: 0,
  cancelled: 0,
  failed: 0,
});

/** pg-boss's own queues (e.g. `__pgboss__send-it`) are left out of every listing. */
export const isInternalQueue = (name: string) => name.startsWith("__pgboss__");

/** Jobs stored per queue (internal ones included), by state; a queue without jobs is missing. */
export async function countJobsByState(pool: pg.Pool): Promise<Map<string, StateCounts>> {
  const { rows } = await pool.query<{ name: string; state: JobState; n: number }>(
    `SELECT name, state::text AS state, count(*)::int AS n FROM ${BOSS_SCHEMA}.job GROUP BY name, state`,
  );
  const counts = new Map<string, StateCounts>();
  for (const r of rows) {
    const c = counts.get(r.name) ?? noJobs();
    c[r.state] = r.n;
    counts.set(r.name, c);
  }
  return counts;
}

const JOBS_BY_STATE = `
  SELECT q.name, s.state, coalesce(c.n, 0)::int AS n
  FROM ${BOSS_SCHEMA}.queue q
  CROSS JOIN unnest($1::text[]) AS s(state)
  LEFT JOIN (SELECT j.name, j.state::text AS state, count(*) AS n FROM ${BOSS_SCHEMA}.job j GROUP BY 1, 2) c
    ON c.name = q.name AND c.state = s.state
  WHERE q.name NOT LIKE '\\_\\_pgboss\\_\\_%'
  ORDER BY 1, 2`;

/** One row per (queue, state) of every queue that exists, zeros included (the gauges' form). */
export async function jobsPerQueueAndState(
  pool: pg.Pool,
): Promise<{ name: string; state: string; n: number }[]> {
  return (await pool.query<{ name: string; state: string; n: number }>(JOBS_BY_STATE, [JOB_STATES])).rows;
}

const OLDEST_READY = `
  SELECT q.name,
         coalesce(extract(epoch FROM now() - min(j.start_after)), 0)::float8 AS age
  FROM ${BOSS_SCHEMA}.queue q
  LEFT JOIN ${BOSS_SCHEMA}.job j
    ON j.name = q.name AND j.state < 'active' AND j.start_after <= now() AND NOT j.blocked
  WHERE q.name NOT LIKE '\\_\\_pgboss\\_\\_%'
  GROUP BY q.name`;

/** Per queue, how long its oldest job ready to run has waited, in seconds (0 when none waits). */
export async function oldestReadyAgePerQueue(pool: pg.Pool): Promise<{ name: string; age: number }[]> {
  return (await pool.query<{ name: string; age: number }>(OLDEST_READY)).rows;
}

export interface DeadLetter {
  id: string;
  sourceName: string | null;
  sourceId: string | null;
  createdOn: Date;
  /** pg-boss's state of the dead-letter job itself: created/retry until a handler takes it. */
  state: JobState;
  error: string;
}

/** The last `limit` jobs of a dead-letter queue, newest first, with the error their source job ended with. */
export async function lastDeadLetters(pool: pg.Pool, queue: string, limit: number): Promise<DeadLetter[]> {
  const { rows } = await pool.query<{
    id: string;
    source_name: string | null;
    source_id: string | null;
    created_on: Date;
    state: JobState;
    output: unknown;
  }>(
    `SELECT id, source_name, source_id, created_on, state::text AS state, coalesce(source_output, output) AS output
       FROM ${BOSS_SCHEMA}.job WHERE name = $1 ORDER BY created_on DESC, id DESC LIMIT $2`,
    [queue, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    sourceName: r.source_name,
    sourceId: r.source_id,
    createdOn: r.created_on,
    state: r.state,
    error: describeOutput(r.output),
  }));
}

function describeOutput(output: unknown): string {
  if (output === null || output === undefined) return "(no error recorded)";
  if (typeof output === "object" && "error" in output) {
    const error = (output as { error: unknown }).error;
    return typeof error === "string" ? error : JSON.stringify(error);
  }
  if (typeof output === "object" && "message" in output)
    return String((output as { message: unknown }).message);
  return JSON.stringify(output);
}
