// Gauges read from the database when Prometheus scrapes, so every worker reports the same figures
// and they match the tables exactly (docs/contract.md section 6):
// - per queue, jobs by state, dead-lettered jobs and the age of the oldest ready job, from
//   pg-boss's own job table, read as `status` and the ops pages read it (src/db/queries/queues.ts):
//   getQueueStats() serves a cache the maintenance pass refreshes (and only while
//   persistQueueStats is on does it carry readyOldestSeconds);
// - the rollover's last run, from its last completed plan.rollover job (its output and times);
// - pending progress marks and the refresh lag (the oldest mark's age), from progress_dirty.
import type pg from "pg";
import { Gauge, Registry } from "prom-client";
import { BOSS_SCHEMA } from "../boss.ts";
import {
  DEAD_LETTER_SUFFIX as DEAD,
  jobsPerQueueAndState,
  oldestReadyAgePerQueue,
  PLAN_ROLLOVER_QUEUE,
} from "../db/queries/queues.ts";

const LAST_ROLLOVER = `
  SELECT extract(epoch FROM j.completed_on)::float8 AS at,
         coalesce((j.output ->> 'weeksCreated')::int, 0) AS weeks,
         extract(epoch FROM j.completed_on - j.started_on)::float8 AS seconds
  FROM ${BOSS_SCHEMA}.job j
  WHERE j.name = $1 AND j.state = 'completed'
  ORDER BY j.completed_on DESC LIMIT 1`;

// The lag leaves out users set aside after a failed refresh (their marks wait for retry_at and are
// counted as set_aside), so one failing user does not hide whether everyone else is current.
const PROGRESS_MARKS = `
  SELECT count(*)::int AS marks,
         coalesce(extract(epoch FROM now() - min(d.marked_at) FILTER (WHERE f.user_id IS NULL)), 0)::float8 AS lag,
         (SELECT count(*)::int FROM public.progress_refresh_failure) AS set_aside
  FROM public.progress_dirty d
  LEFT JOIN public.progress_refresh_failure f ON f.user_id = d.user_id`;

interface Snapshot {
  jobs: { name: string; state: string; n: number }[];
  oldestReady: { name: string; age: number }[];
  lastRollover: { at: number; weeks: number; seconds: number } | undefined;
  progress: { marks: number; lag: number; set_aside: number } | undefined;
}

export interface DatabaseGauges {
  /** The gauges read from the database. */
  registry: Registry;
  /** training_engine_database_up alone. */
  upRegistry: Registry;
  /** Reads everything the gauges show, in four queries; call before each scrape. False when it failed. */
  refresh(): Promise<boolean>;
}

/** Gauges over the database, refreshed once per scrape; `up` says whether that read worked. */
export function createDatabaseGauges(pool: pg.Pool): DatabaseGauges {
  const registry = new Registry();
  const upRegistry = new Registry();
  const registers = [registry];
  let snap: Snapshot | undefined;

  const up = new Gauge({
    name: "training_engine_database_up",
    help: "1 when this scrape could read the database, 0 when it could not (the database gauges are then left out)",
    registers: [upRegistry],
  });

  const gauge = (name: string, help: string, labelNames: string[], fill: (g: Gauge, s: Snapshot) => void) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      collect() {
        this.reset();
        if (snap) fill(this, snap);
      },
    });

  gauge(
    "pgboss_queue_jobs",
    "Jobs stored in each pg-boss queue, by state (completed and failed included until retention deletes them)",
    ["queue", "state"],
    (g, s) => {
      for (const r of s.jobs) g.set({ queue: r.name, state: r.state }, r.n);
    },
  );
  gauge(
    "pgboss_queue_dead_lettered_jobs",
    "Jobs in each queue's dead-letter queue (<queue>.dead): failed for good, kept for inspection",
    ["queue"],
    (g, s) => {
      const totals = new Map<string, number>();
      for (const r of s.jobs) {
        if (r.name.endsWith(DEAD)) totals.set(r.name, (totals.get(r.name) ?? 0) + r.n);
      }
      for (const [name, n] of totals) g.set({ queue: name.slice(0, -DEAD.length) }, n);
    },
  );
  gauge(
    "pgboss_queue_oldest_ready_job_age_seconds",
    "How long the oldest job ready to run has waited in each queue (0 when none waits)",
    ["queue"],
    (g, s) => {
      for (const r of s.oldestReady) g.set({ queue: r.name }, r.age);
    },
  );
  gauge(
    "training_engine_rollover_last_run_timestamp_seconds",
    "When the last plan.rollover job completed (Unix time); 0 before the first",
    [],
    (g, s) => s.lastRollover && g.set(s.lastRollover.at),
  );
  gauge(
    "training_engine_rollover_last_run_weeks_created",
    "Weeks the last completed plan.rollover job created",
    [],
    (g, s) => s.lastRollover && g.set(s.lastRollover.weeks),
  );
  gauge(
    "training_engine_rollover_last_run_duration_seconds",
    "How long the last completed plan.rollover job ran",
    [],
    (g, s) => s.lastRollover && g.set(s.lastRollover.seconds),
  );
  gauge(
    "training_engine_progress_pending_marks",
    "(user, exercise, week) keys marked stale and not yet refreshed (progress_dirty rows)",
    [],
    (g, s) => g.set(s.progress?.marks ?? 0),
  );
  gauge(
    "training_engine_progress_refresh_lag_seconds",
    "Age of the oldest pending progress mark (0 when none is pending)",
    [],
    (g, s) => g.set(s.progress?.lag ?? 0),
  );
  gauge(
    "training_engine_progress_users_set_aside",
    "Users whose progress refresh failed, set aside and retried later (progress_refresh_failure rows)",
    [],
    (g, s) => g.set(s.progress?.set_aside ?? 0),
  );

  return {
    registry,
    upRegistry,
    async refresh() {
      try {
        const [jobs, oldestReady, lastRollover, progress] = await Promise.all([
          jobsPerQueueAndState(pool),
          oldestReadyAgePerQueue(pool),
          pool.query<NonNullable<Snapshot["lastRollover"]>>(LAST_ROLLOVER, [PLAN_ROLLOVER_QUEUE]),
          pool.query<NonNullable<Snapshot["progress"]>>(PROGRESS_MARKS),
        ]);
        snap = {
          jobs,
          oldestReady,
          lastRollover: lastRollover.rows[0],
          progress: progress.rows[0],
        };
        up.set(1);
        return true;
      } catch {
        snap = undefined;
        up.set(0);
        return false;
      }
    },
  };
}
