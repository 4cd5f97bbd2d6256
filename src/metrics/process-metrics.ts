// Metrics this process counts as it works: how long each job took and why plan generation failed.
// They live in one registry per process (Prometheus sums them across workers); the gauges read from
// the database at scrape time are in database-gauges.ts. Names follow Prometheus conventions:
// a unit suffix (`_seconds`), `_total` on counters.
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

/** From milliseconds to several minutes: plan batches take ms, a full progress rebuild minutes. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

export const jobDuration = new Histogram({
  name: "training_engine_job_duration_seconds",
  help: "Time a job took in this worker, by queue and outcome (completed, failed = retried, deadletter)",
  labelNames: ["queue", "outcome"] as const,
  buckets: DURATION_BUCKETS,
  registers: [processRegistry],
});

/**
 * Why plan.generate jobs failed in this worker. Causes: invalid_payload, unknown_user,
 * request_id_conflict, cannot_generate (the catalogue cannot satisfy the request),
 * rejected_by_database (insert_full_plans refused the plan), over_bound (a bound per user, e.g.
 * active plans, docs/bounds.md), transient (retried).
 */
export const planGenerationFailures = new Counter({
  name: "training_engine_plan_generation_failures_total",
  help: "plan.generate jobs that failed in this worker, by cause",
  labelNames: ["cause"] as const,
  registers: [processRegistry],
});

/**
 * Users whose progress refresh failed and who were set aside (retried later) so the others' refresh
 * went on, by mode: sweep, full (the nightly rebuild), user (one user's job). docs/progress.md.
 */
export const progressRefreshUserFailures = new Counter({
  name: "training_engine_progress_refresh_user_failures_total",
  help: "Progress refreshes of one user that failed in this worker and set the user aside, by mode",
  labelNames: ["mode"] as const,
  registers: [processRegistry],
});

export type PlanFailureCause =
  | "invalid_payload"
  | "unknown_user"
  | "request_id_conflict"
  | "cannot_generate"
  | "rejected_by_database"
  | "over_bound"
  | "transient";

/** Records one settled job: its duration, in seconds, under its queue and outcome. */
export function observeJob(queue: string, outcome: string, seconds: number): void {
  jobDuration.observe({ queue, outcome }, seconds);
}
