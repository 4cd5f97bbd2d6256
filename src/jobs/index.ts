// Every queue the worker serves. A job module creates its queue(s), subscribes its worker and,
// where it has one, registers its schedule; main.ts calls each in turn.

import type pg from "pg";
import type { PgBoss } from "pg-boss";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { planGenerateJob } from "./plan-generate/index.ts";
import { planRolloverJob } from "./plan-rollover/index.ts";
import { progressRefreshJob } from "./progress-refresh/index.ts";

export interface WorkerDeps {
  config: Config;
  pool: pg.Pool;
  boss: PgBoss;
  logger: Logger;
  /** The clock: injected so tests can move time; production passes () => new Date(). */
  now: () => Date;
}

export interface JobModule {
  queue: string;
  /** Creates the queue (and dead-letter queue) and, where the job has one, its schedule. */
  setup(deps: WorkerDeps): Promise<void>;
  /** Starts this process's worker for the queue. */
  start(deps: WorkerDeps): Promise<void>;
}

export const JOB_MODULES: readonly JobModule[] = [planGenerateJob, planRolloverJob, progressRefreshJob];
