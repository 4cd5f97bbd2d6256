import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Logger } from "../logger.ts";
import { isConnectionError, reportConnectionError } from "./connection-outage.ts";
import * as schema from "./schema/index.ts";

export type Db = NodePgDatabase<typeof schema>;

// DATE columns come back as 'YYYY-MM-DD' strings, not JS Dates at local midnight: a training
// day is a calendar date, and a time zone must never move it.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * A pool for the given URL. Nothing connects at import time. An idle connection the server ends
 * (a restart, a failover, the embedded server stopping while pool.end() is still closing sockets)
 * raises an `error` on the pool; without a listener that would crash the process, so it is logged
 * and the pool replaces the connection on next use.
 */
export function createPool(connectionString: string, max = 10, logger?: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: "training-engine" });
  pool.on("error", (error) => {
    // After pool.end() a closing socket the server ends first is our own shutdown, not news.
    if (pool.ending) logger?.debug({ err: error }, "connection ended by the server while the pool closed");
    else if (logger && isConnectionError(error)) reportConnectionError(logger, error);
    else logger?.warn({ err: error }, "idle database connection ended by the server");
  });
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}
