// A database of its own for each test file: a clone of the migrated template, dropped after.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, createPool, type Db } from "../../src/db/client.ts";
import { databaseUrl } from "./urls.ts";

export interface TestDatabase {
  name: string;
  /** Where queries go: the server, or PgBouncer in front of it in the pooler lane (TEST_POOLER). */
  url: string;
  /** The server itself: for what needs a session (the migrator, LISTEN). */
  directUrl: string;
  pool: pg.Pool;
  db: Db;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("adminUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations), for tests of the migrator itself. */
export async function createEmptyDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `te_e_${inject("runId")}_${randomUUID().slice(0, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: databaseUrl(inject("adminUrl"), name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `te_f_${inject("runId")}_${randomUUID().slice(0, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDb")}`));
  const directUrl = databaseUrl(inject("adminUrl"), name);
  const poolerUrl = inject("poolerUrl");
  const url = poolerUrl ? databaseUrl(poolerUrl, name) : directUrl;
  const pool = createPool(url, 10);
  return {
    name,
    url,
    directUrl,
    pool,
    db: createDb(pool),
    async drop() {
      await pool.end();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
