import { INSTANCE_NAMES, startBoss } from "./boss.ts";
import type { Config } from "./config.ts";
import { createPool } from "./db/client.ts";
import { refreshBuiltinCatalogue, seedBuiltinCatalogueIfEmpty } from "./db/queries/seed-builtin-catalogue.ts";
import { JOB_MODULES, type WorkerDeps } from "./jobs/index.ts";
import type { Logger } from "./logger.ts";

export interface RunningWorker {
  deps: WorkerDeps;
  /** Stops taking work, waits up to the timeout for running jobs, closes the pools. Safe to call twice. */
  stop(timeoutMs: number): Promise<void>;
}

/** Starts pg-boss and every queue's worker on an already migrated database. */
export async function startWorker(opts: {
  url: string;
  /** The session-keeping URL (DATABASE_DIRECT_URL) when `url` is a transaction-mode pooler. */
  directUrl?: string;
  config: Config;
  logger: Logger;
  now?: () => Date;
}): Promise<RunningWorker> {
  const { url, config, logger } = opts;
  const pooled = opts.directUrl !== undefined && opts.directUrl !== url;
  const boss = await startBoss(url, logger, {
    max: config.DB_POOL_SIZE,
    instanceName: INSTANCE_NAMES.worker,
    listenNotify: !pooled,
  });
  const pool = createPool(url, config.DB_POOL_SIZE, logger);
  // One connection: the progress listener's LISTEN, which a pooler would not keep.
  const listenPool = pooled ? createPool(opts.directUrl as string, 1, logger) : undefined;
  // Aborted first thing in stop(): a rollover or rebuild stops between batches, fails, and is
  // retried by the next worker, instead of running on into the grace period and the closing pool.
  const stopController = new AbortController();
  const deps: WorkerDeps = {
    config,
    pool,
    ...(listenPool ? { listenPool } : {}),
    boss,
    logger,
    now: opts.now ?? (() => new Date()),
    stopping: stopController.signal,
  };
  if (config.LOAD_BUILTIN_CATALOGUE) {
    const seeded = await seedBuiltinCatalogueIfEmpty(pool);
    if (seeded) logger.info(seeded, "exrcwiki was empty: built-in catalogue loaded");
    else {
      const refreshed = await refreshBuiltinCatalogue(pool);
      if (refreshed > 0) logger.info({ refreshed }, "built-in catalogue rows brought up to this release");
    }
  }
  for (const job of JOB_MODULES) await job.setup(deps);
  for (const job of JOB_MODULES) await job.start(deps);
  logger.info({ queues: JOB_MODULES.map((j) => j.queue) }, "worker started");

  let stopping: Promise<void> | undefined;
  return {
    deps,
    stop(timeoutMs) {
      stopping ??= (async () => {
        stopController.abort();
        await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
        await pool.end();
        await listenPool?.end();
        logger.info("worker stopped");
      })();
      return stopping;
    },
  };
}
