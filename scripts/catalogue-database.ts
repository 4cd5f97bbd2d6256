// A scratch database for one catalogue, as the sample scripts use them: created on the scratch
// server, migrated, the catalogue loaded. The caller ends the pool; the scratch server goes with
// its data when the script stops.
import pg from "pg";
import { migrateDatabase } from "../src/db/migrate.ts";
import { upsertCatalogue } from "../src/db/queries/upsert-catalogue.ts";
import type { CatalogueEntry } from "../src/domain/catalogue-entry.ts";
import { createLogger } from "../src/logger.ts";
import { databaseUrl } from "../tests/helpers/urls.ts";

export async function catalogueDatabase(
  admin: pg.Client,
  serverUrl: string,
  prefix: string,
  name: string,
  entries: () => readonly CatalogueEntry[],
): Promise<{ pool: pg.Pool; catalogue: readonly CatalogueEntry[] }> {
  const db = `${prefix}_${name.replace(/\W/g, "_")}`;
  await admin.query(`CREATE DATABASE ${db}`);
  const url = databaseUrl(serverUrl, db);
  await migrateDatabase(url, createLogger("warn"));
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // The scratch server stops right after: an idle client it ends must not crash the script.
  pool.on("error", () => {});
  const catalogue = entries();
  await upsertCatalogue(pool, catalogue, name);
  return { pool, catalogue };
}
