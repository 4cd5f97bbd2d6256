// What a queue's job module is and what it is given: apart from the list of modules (index.ts), so
// a module can name these types without importing the list that imports it.
import type pg from "pg";
import type { PgBoss } from "pg-boss";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";

export interface WorkerDeps {
  config: Config;
  pool: pg.Pool;
  /**
   * A pool on the direct URL (DATABASE_DIRECT_URL) for the LISTEN that needs a session of its own;
   * unset means `pool` keeps sessions (no pooler in front).
   */
  listenPool?: pg.Pool;
  boss: PgBoss;
  logger: Logger;
  /** The clock: injected so tests can move time; production passes () => new Date(). */
  now: () => Date;
  /** Aborted when the worker begins to stop: long jobs stop between batches (JobContext.signal). */
  stopping?: AbortSignal;
}

export interface JobModule {
  queue: string;
  /** Creates the queue (and dead-letter queue) and, where the job has one, its schedule. */
  setup(deps: WorkerDeps): Promise<void>;
  /** Starts this process's worker for the queue. */
  start(deps: WorkerDeps): Promise<void>;
}
