// The ops pages' own pool (OPS_DB_POOL_SIZE), apart from the worker's: page loads wait for each
// other here instead of taking the connections the jobs and /readyz need. Its statements and its
// waits are bounded, so no page holds a connection, or a request, for long.
import pg from "pg";
import type { Logger } from "../logger.ts";

/** A page's statement may run this long; a page may wait this long for a connection. */
export const PAGE_STATEMENT_TIMEOUT_MS = 15_000;
export const PAGE_CONNECT_TIMEOUT_MS = 10_000;

/** application_name of its connections, so pg_stat_activity tells them from the worker's. */
export const PAGES_APPLICATION_NAME = "training-engine-ops";

export function createPagesPool(connectionString: string, max: number, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: PAGES_APPLICATION_NAME,
    statement_timeout: PAGE_STATEMENT_TIMEOUT_MS,
    connectionTimeoutMillis: PAGE_CONNECT_TIMEOUT_MS,
  });
  pool.on("error", (error) => {
    if (pool.ending) logger.debug({ err: error }, "ops pages: connection ended while the pool closed");
    else logger.warn({ err: error }, "ops pages: idle database connection ended by the server");
  });
  return pool;
}
