import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Db = NodePgDatabase<typeof schema>;

// DATE columns come back as 'YYYY-MM-DD' strings, not JS Dates at local midnight: a training
// day is a calendar date, and a time zone must never move it.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** A pool for the given URL. Nothing connects at import time. */
export function createPool(connectionString: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString, max, application_name: "training-engine" });
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}
