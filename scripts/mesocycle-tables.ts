// Writes docs/mesocycle-tables.md (`npm run docs:mesocycles`): two lifters lived through the real
// rollover for two mesocycles (scripts/mesocycle-lifters.ts), on a scratch embedded PostgreSQL
// migrated as the worker migrates. Run it after changing the rollover or the generator, and read
// the diff; tests/docs/mesocycle-tables.test.ts fails while the file is out of date.
import { writeFileSync } from "node:fs";
import pg from "pg";
import { migrateDatabase } from "../src/db/migrate.ts";
import { utcDateOf } from "../src/domain/calendar.ts";
import { createLogger } from "../src/logger.ts";
import { startScratchPostgres } from "../tests/helpers/scratch-postgres.ts";
import { mesocycleTablesMarkdown } from "./mesocycle-lifters.ts";

const server = await startScratchPostgres({});
try {
  await migrateDatabase(server.url, createLogger("warn"));
  const pool = new pg.Pool({ connectionString: server.url, max: 2 });
  // The scratch server stops right after: an idle client it ends must not crash the script.
  pool.on("error", () => {});
  try {
    const doc = await mesocycleTablesMarkdown(pool, utcDateOf(new Date()));
    writeFileSync(new URL("../docs/mesocycle-tables.md", import.meta.url), doc);
    process.stdout.write("wrote docs/mesocycle-tables.md\n");
  } finally {
    await pool.end();
  }
} finally {
  await server.stop();
}
