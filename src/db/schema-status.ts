// Whether a database's schema is the one this code was written for: every versioned migration
// applied and every function and view file applied at its current text. Processes that must not
// migrate (the CLI on DATABASE_URL, `npm start` with MIGRATE_ON_START=false) check this first, so
// a least-privilege role never needs DDL rights and never runs against an old schema.
import pg from "pg";
import { MIGRATIONS_FOLDER } from "./migrate.ts";
import { unappliedMigrations } from "./migration-journal.ts";
import { isPgError } from "./pg-errors.ts";
import { staleSqlSources } from "./sql-sources.ts";

export interface SchemaStatus {
  /** Tags of journal entries the database has not applied. */
  pendingMigrations: string[];
  /** Function and view files (src/db/sql/) whose current text the database has not applied. */
  staleSources: string[];
}

export class SchemaNotCurrentError extends Error {}

export async function schemaStatus(client: pg.ClientBase): Promise<SchemaStatus> {
  return {
    pendingMigrations: (await unappliedMigrations(client, MIGRATIONS_FOLDER)).map((e) => e.tag),
    staleSources: (await staleSqlSources(client)).map((s) => s.name),
  };
}

/** Throws SchemaNotCurrentError, one line telling the operator what to run, unless current. */
export async function assertSchemaCurrent(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: "training-engine-schema-check" });
  client.on("error", () => {}); // a server that ends the connection fails the query below instead
  await client.connect();
  try {
    const status = await schemaStatus(client).catch((error: unknown) => {
      // No USAGE on schema drizzle, which db:migrate grants to service_role.
      if (!isPgError(error, "insufficientPrivilege")) throw error;
      throw new SchemaNotCurrentError(
        "cannot read the migration journal (schema drizzle): run `npm run db:migrate` as the owner, and give this role service_role",
        { cause: error },
      );
    });
    const pending = status.pendingMigrations.length + status.staleSources.length;
    if (pending > 0) {
      const first = status.pendingMigrations[0] ?? `src/db/sql/${status.staleSources[0]}.sql`;
      throw new SchemaNotCurrentError(
        `the database schema is not current (${pending} pending, first ${first}): run \`npm run db:migrate\``,
      );
    }
  } finally {
    await client.end();
  }
}
