// What the overview reads beyond the job counts: live workers from pg-boss's instance registry,
// each schedule with its last job, the oldest waiting job per queue, the last rollover and the
// last full progress rebuild (from their jobs' output), the progress marks waiting, and dead
// letters by whether a handler has taken them. Read-only; values bound; schema names constants.
import type pg from "pg";
import { BOSS_SCHEMA } from "../../boss.ts";
import { PLAN_ROLLOVER_QUEUE, PROGRESS_REFRESH_QUEUE } from "./queues.ts";

/** pg-boss reads an instance as quiet after this many missed heartbeats (INSTANCE_QUIET_BEATS). */
const QUIET_BEATS = 3;

export interface LiveInstance {
  id: string;
  name: string | null;
  host: string;
  pid: number;
  startedOn: Date;
  heartbeatOn: Date;
  /** Seconds since its last heartbeat, by the database's clock. */
  heartbeatAge: number;
  heartbeatSeconds: number;
}

const LIVE_INSTANCES = `
  SELECT id, name, host, pid, started_on, heartbeat_on, heartbeat_seconds,
         extract(epoch FROM now() - heartbeat_on)::float8 AS heartbeat_age
  FROM ${BOSS_SCHEMA}.instance
  WHERE stopped_on IS NULL AND heartbeat_on >= now() - heartbeat_seconds * $1::int * interval '1 second'
  ORDER BY name NULLS LAST, started_on, id`;

/** pg-boss instances that are running: not stopped, heartbeat within three beats (getInstances' live). */
export async function liveInstances(pool: pg.Pool): Promise<LiveInstance[]> {
  const { rows } = await pool.query<{
    id: string;
    name: string | null;
    host: string;
    pid: number;
    started_on: Date;
    heartbeat_on: Date;
    heartbeat_seconds: number;
    heartbeat_age: number;
  }>(LIVE_INSTANCES, [QUIET_BEATS]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    host: r.host,
    pid: r.pid,
    startedOn: r.started_on,
    heartbeatOn: r.heartbeat_on,
    heartbeatAge: r.heartbeat_age,
    heartbeatSeconds: r.heartbeat_seconds,
  }));
}

export interface ScheduleRow {
  queue: string;
  key: string;
  cron: string;
  timezone: string;
  /** When its last job was created, and how that job stands; null when none is recorded (or kept). */
  lastRunAt: Date | null;
  lastState: string | null;
}

const SCHEDULES = `
  SELECT s.name, s.key, s.cron, coalesce(s.timezone, 'UTC') AS timezone,
         j.created_on AS last_run_at, j.state::text AS last_state
  FROM ${BOSS_SCHEMA}.schedule s
  LEFT JOIN ${BOSS_SCHEMA}.job j ON j.name = s.name AND j.id = s.last_job_id
  WHERE s.name NOT LIKE '\\_\\_pgboss\\_\\_%'
  ORDER BY s.name, s.key`;

/** Every schedule with the job it last made (pg-boss's last_job_id). */
export async function schedulesWithLastRun(pool: pg.Pool): Promise<ScheduleRow[]> {
  const { rows } = await pool.query<{
    name: string;
    key: string;
    cron: string;
    timezone: string;
    last_run_at: Date | null;
    last_state: string | null;
  }>(SCHEDULES);
  return rows.map((r) => ({
    queue: r.name,
    key: r.key,
    cron: r.cron,
    timezone: r.timezone,
    lastRunAt: r.last_run_at,
    lastState: r.last_state,
  }));
}

export interface WaitingJob {
  queue: string;
  id: string;
  createdOn: Date;
  /** Seconds it has been ready to run (since start_after). */
  waited: number;
}

// Ready to run (created or retry, start_after passed, not blocked by a singleton): the same
// jobs as pgboss_queue_oldest_ready_job_age_seconds (queues.ts, OLDEST_READY).
const OLDEST_WAITING = `
  SELECT DISTINCT ON (j.name) j.name, j.id, j.created_on,
         extract(epoch FROM now() - j.start_after)::float8 AS waited
  FROM ${BOSS_SCHEMA}.job j
  WHERE j.name = ANY ($1::text[]) AND j.state < 'active' AND j.start_after <= now() AND NOT j.blocked
  ORDER BY j.name, j.start_after, j.id`;

/** Per queue given, its oldest job ready to run; a queue with none waiting is missing. */
export async function oldestWaitingJobs(pool: pg.Pool, queues: readonly string[]): Promise<WaitingJob[]> {
  const { rows } = await pool.query<{ name: string; id: string; created_on: Date; waited: number }>(
    OLDEST_WAITING,
    [queues],
  );
  return rows.map((r) => ({ queue: r.name, id: r.id, createdOn: r.created_on, waited: r.waited }));
}

export interface FinishedRun {
  id: string;
  state: "completed" | "failed";
  startedOn: Date | null;
  finishedOn: Date;
  seconds: number | null;
  output: Record<string, unknown>;
}

const LAST_FINISHED = `
  SELECT j.id, j.state::text AS state, j.started_on, j.completed_on,
         extract(epoch FROM j.completed_on - j.started_on)::float8 AS seconds,
         coalesce(j.output, '{}'::jsonb) AS output
  FROM ${BOSS_SCHEMA}.job j
  WHERE j.name = $1 AND j.state IN ('completed', 'failed') AND j.completed_on IS NOT NULL
    AND ($2::jsonb IS NULL OR j.data @> $2::jsonb) AND NOT (j.data ? 'userId')
  ORDER BY j.completed_on DESC, j.id DESC
  LIMIT 1`;

async function lastFinished(pool: pg.Pool, queue: string, data: object | null): Promise<FinishedRun | null> {
  const { rows } = await pool.query<{
    id: string;
    state: "completed" | "failed";
    started_on: Date | null;
    completed_on: Date;
    seconds: number | null;
    output: unknown;
  }>(LAST_FINISHED, [queue, data === null ? null : JSON.stringify(data)]);
  const r = rows[0];
  if (!r) return null;
  const output = r.output && typeof r.output === "object" ? (r.output as Record<string, unknown>) : {};
  return {
    id: r.id,
    state: r.state,
    startedOn: r.started_on,
    finishedOn: r.completed_on,
    seconds: r.seconds,
    output,
  };
}

/** The last plan.rollover run that finished (its output: plansRolled, weeksCreated, plansSkipped). */
export const lastRollover = (pool: pg.Pool) => lastFinished(pool, PLAN_ROLLOVER_QUEUE, null);

/** The last full progress rebuild ({ full: true }, every user) that finished. */
export const lastProgressRebuild = (pool: pg.Pool) =>
  lastFinished(pool, PROGRESS_REFRESH_QUEUE, { full: true });

/** Progress marks waiting for a refresh, and how old the oldest is (seconds; 0 when none). */
export async function progressBacklog(pool: pg.Pool): Promise<{ marks: number; lag: number }> {
  const { rows } = await pool.query<{ marks: number; lag: number }>(
    `SELECT count(*)::int AS marks, coalesce(extract(epoch FROM now() - min(marked_at)), 0)::float8 AS lag
     FROM public.progress_dirty`,
  );
  return rows[0] ?? { marks: 0, lag: 0 };
}
