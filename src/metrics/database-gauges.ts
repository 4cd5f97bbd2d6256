// Gauges read from the database when Prometheus scrapes, so every worker reports the same figures
// and they match the tables exactly (docs/contract.md section 6):
// - per queue, jobs by state, dead-lettered jobs and the age of the oldest ready job, from
//   pg-boss's own job table. getQueueStats() serves a cache the maintenance pass refreshes (and
//   only while persistQueueStats is on does it carry readyOldestSeconds), so an exact GROUP BY is
//   read instead, as `status` does;
// - the rollover's last run, from its last completed plan.rollover job (its output and times);
// - pending progress marks and the refresh lag (the oldest mark's age), from progress_dirty.
import type pg from "pg";
import { Gauge, Registry } from "prom-client";
import { BOSS_SCHEMA } from "../boss.ts";

const STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
const DEAD = ".dead";

const JOBS_BY_STATE = `
  SELECT q.name, s.state, coalesce(c.n, 0)::int AS n
  FROM ${BOSS_SCHEMA}.queue q
  CROSS JOIN unnest($1::text[]) AS s(state)
  LEFT JOIN (SELECT j.name, j.state::text AS state, count(*) AS n FROM ${BOSS_SCHEMA}.job j GROUP BY 1, 2) c
    ON c.name = q.name AND c.state = s.state
  WHERE q.name NOT LIKE '\\_\\_pgboss\\_\\_%'
  ORDER BY 1, 2`;

const OLDEST_READY = `
  SELECT q.name,
         coalesce(extract(epoch FROM now() - min(j.start_after)), 0)::float8 AS age
  FROM ${BOSS_SCHEMA}.queue q
  LEFT JOIN ${BOSS_SCHEMA}.job j
    ON j.name = q.name AND j.state < 'active' AND j.start_after <= now() AND NOT j.blocked
  WHERE q.name NOT LIKE '\\_\\_pgboss\\_\\_%'
  GROUP BY q.name`;

const LAST_ROLLOVER = `
  SELECT extract(epoch FROM j.completed_on)::float8 AS at,
         coalesce((j.output ->> 'weeksCreated')::int, 0) AS weeks,
         extract(epoch FROM j.completed_on - j.started_on)::float8 AS seconds
  FROM ${BOSS_SCHEMA}.job j
  WHERE j.name = 'plan.rollover' AND j.state = 'completed'
  ORDER BY j.completed_on DESC LIMIT 1`;

const PROGRESS_MARKS = `
  SELECT count(*)::int AS marks,
         coalesce(extract(epoch FROM now() - min(d.marked_at)), 0)::float8 AS lag
  FROM public.progress_dirty d`;

/** A registry of gauges that query `pool` at every scrape. */
export function createDatabaseGauges(pool: pg.Pool): Registry {
  const registry = new Registry();
  const registers = [registry];

  new Gauge({
    name: "pgboss_queue_jobs",
    help: "Jobs stored in each pg-boss queue, by state (completed and failed included until retention deletes them)",
    labelNames: ["queue", "state"] as const,
    registers,
    async collect() {
      const { rows } = await pool.query<{ name: string; state: string; n: number }>(JOBS_BY_STATE, [STATES]);
      this.reset();
      for (const r of rows) this.set({ queue: r.name, state: r.state }, r.n);
    },
  });

  new Gauge({
    name: "pgboss_queue_dead_lettered_jobs",
    help: "Jobs in each queue's dead-letter queue (<queue>.dead): failed for good, kept for inspection",
    labelNames: ["queue"] as const,
    registers,
    async collect() {
      const { rows } = await pool.query<{ name: string; state: string; n: number }>(JOBS_BY_STATE, [STATES]);
      this.reset();
      const totals = new Map<string, number>();
      for (const r of rows) {
        if (r.name.endsWith(DEAD)) totals.set(r.name, (totals.get(r.name) ?? 0) + r.n);
      }
      for (const [name, n] of totals) this.set({ queue: name.slice(0, -DEAD.length) }, n);
    },
  });

  new Gauge({
    name: "pgboss_queue_oldest_ready_job_age_seconds",
    help: "How long the oldest job ready to run has waited in each queue (0 when none waits)",
    labelNames: ["queue"] as const,
    registers,
    async collect() {
      const { rows } = await pool.query<{ name: string; age: number }>(OLDEST_READY);
      this.reset();
      for (const r of rows) this.set({ queue: r.name }, r.age);
    },
  });

  const lastRollover = async () =>
    (await pool.query<{ at: number; weeks: number; seconds: number }>(LAST_ROLLOVER)).rows[0];
  new Gauge({
    name: "training_engine_rollover_last_run_timestamp_seconds",
    help: "When the last plan.rollover job completed (Unix time); absent before the first",
    registers,
    async collect() {
      const last = await lastRollover();
      this.reset();
      if (last) this.set(last.at);
    },
  });
  new Gauge({
    name: "training_engine_rollover_last_run_weeks_created",
    help: "Weeks the last completed plan.rollover job created",
    registers,
    async collect() {
      const last = await lastRollover();
      this.reset();
      if (last) this.set(last.weeks);
    },
  });
  new Gauge({
    name: "training_engine_rollover_last_run_duration_seconds",
    help: "How long the last completed plan.rollover job ran",
    registers,
    async collect() {
      const last = await lastRollover();
      this.reset();
      if (last) this.set(last.seconds);
    },
  });

  const marks = async () => (await pool.query<{ marks: number; lag: number }>(PROGRESS_MARKS)).rows[0];
  new Gauge({
    name: "training_engine_progress_pending_marks",
    help: "(user, exercise, week) keys marked stale and not yet refreshed (progress_dirty rows)",
    registers,
    async collect() {
      this.set((await marks())?.marks ?? 0);
    },
  });
  new Gauge({
    name: "training_engine_progress_refresh_lag_seconds",
    help: "Age of the oldest pending progress mark (0 when none is pending)",
    registers,
    async collect() {
      this.set((await marks())?.lag ?? 0);
    },
  });

  return registry;
}
