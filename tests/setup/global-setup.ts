// Once per test run: pick a server (TEST_DATABASE_URL, or an embedded PostgreSQL started here in
// a temporary folder on a free port), migrate a template database (our migrations and pg-boss's
// schema), and hand its name to the test files, which clone it (tests/helpers/database.ts).
// Names carry a run id so concurrent runs on one server never meet.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createBoss } from "../../src/boss.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { createLogger } from "../../src/logger.ts";
import { startPgBouncer } from "../helpers/pgbouncer.ts";
import { startScratchPostgres } from "../helpers/scratch-postgres.ts";
import { databaseUrl } from "../helpers/urls.ts";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
    runId: string;
    /** PgBouncer's URL in front of adminUrl's server when TEST_POOLER=pgbouncer, else "". */
    poolerUrl: string;
  }
}

// vitest reports a failed global set-up as an unhandled error far from its cause; say it first.
export default async function setup(project: TestProject) {
  try {
    return await prepare(project);
  } catch (error) {
    const where = process.env.TEST_DATABASE_URL
      ? "the server in TEST_DATABASE_URL"
      : "the embedded PostgreSQL";
    console.error(`test set-up failed on ${where}: ${(error as Error).message}`);
    throw error;
  }
}

async function prepare(project: TestProject) {
  // Scratch data: durability buys nothing here and fsync dominates small transactions.
  const embedded = process.env.TEST_DATABASE_URL
    ? undefined
    : await startScratchPostgres({ fsync: "off", synchronous_commit: "off", max_connections: "300" });
  const adminUrl = process.env.TEST_DATABASE_URL ?? (embedded?.url as string);
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const templateDb = `te_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDb}`);
  const templateUrl = databaseUrl(adminUrl, templateDb);
  const logger = createLogger("warn");
  await migrateDatabase(templateUrl, logger);
  const boss = createBoss(templateUrl, logger, { max: 2 });
  await boss.start();
  await boss.stop({ graceful: false, close: true });
  const { rows } = await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  console.log(`tests on PostgreSQL ${rows[0]?.v} (${embedded ? "embedded" : "TEST_DATABASE_URL"})`);
  await admin.end();

  // The pooler lane (.ci/pooler): every test database's `url` goes through PgBouncer in
  // transaction mode; `directUrl` stays on the server.
  const bouncer = process.env.TEST_POOLER === "pgbouncer" ? await startPgBouncer(adminUrl) : undefined;
  if (bouncer) console.log("test databases' url: through PgBouncer in transaction mode (TEST_POOLER)");
  project.provide("poolerUrl", bouncer ? bouncer.urlFor("postgres") : "");
  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", templateDb);
  project.provide("runId", runId);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows: leftovers } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`te\\_%${runId}%`],
    );
    for (const { datname } of leftovers) {
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await client.end();
    await bouncer?.stop();
    await embedded?.stop();
  };
}
