// Loads the project's own catalogue (BUILTIN_CATALOGUE) into an empty `exrcwiki` at worker start, so
// a fresh installation can generate plans before anyone imports a catalogue, and keeps the rows it
// seeded current with the release's corrections. Imported rows are never touched: an operator's
// import wins.
import type pg from "pg";
import { BUILTIN_CATALOGUE } from "../../domain/catalogue/builtin.ts";
import type { CatalogueEntry } from "../../domain/catalogue-entry.ts";
import { withTransaction } from "../transaction.ts";
import { toRow, type UpsertCatalogueResult, upsertCatalogue } from "./upsert-catalogue.ts";

export const BUILTIN_SOURCE = "builtin";

// Any constant key shared by every process seeding this database; transaction-scoped, so a crash
// releases it with the connection.
const SEED_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('training-engine:seed-builtin-catalogue'))";

// Only rows still marked 'builtin' and different from the release's entry: an imported row (its
// source is the file) and a row an operator deleted stay as they are, and an unchanged row is not
// written (updated_at kept).
const REFRESH_SQL = `
UPDATE public.exrcwiki AS w SET
  name = r.name, equipment = r.equipment, requires = r.requires, muscle_group = r.muscle_group,
  secondary_muscles = r.secondary_muscles, level = r.level, mechanic = r.mechanic, force = r.force,
  category = r.category, movement_pattern = r.movement_pattern, instructions = r.instructions,
  ladder = r.ladder, ladder_step = r.ladder_step
FROM (
  SELECT exercise_id, name, equipment, coalesce(requires, '{}') AS requires, muscle_group,
         coalesce(secondary_muscles, '{}') AS secondary_muscles, level, mechanic, force, category,
         movement_pattern, coalesce(instructions, '{}') AS instructions, ladder, ladder_step
  FROM jsonb_to_recordset($1::jsonb) AS j(
    exercise_id text, name text, equipment text, requires text[], muscle_group text, secondary_muscles text[],
    level text, mechanic text, force text, category text, movement_pattern text, instructions text[],
    ladder text, ladder_step smallint)
) AS r
WHERE w.exercise_id = r.exercise_id
  AND w.source = $2
  AND (w.name, w.equipment, w.requires, w.muscle_group, w.secondary_muscles, w.level, w.mechanic, w.force,
       w.category, w.movement_pattern, w.instructions, w.ladder, w.ladder_step)
    IS DISTINCT FROM
      (r.name, r.equipment, r.requires, r.muscle_group, r.secondary_muscles, r.level, r.mechanic, r.force,
       r.category, r.movement_pattern, r.instructions, r.ladder, r.ladder_step)`;

/**
 * Brings the built-in rows a database already holds up to this release's catalogue (a corrected
 * primary muscle, say); returns how many rows changed. Without it a correction reached new
 * databases only. It adds no exercise and removes none.
 */
export async function refreshBuiltinCatalogue(
  pool: pg.Pool,
  entries: readonly CatalogueEntry[] = BUILTIN_CATALOGUE,
): Promise<number> {
  return withTransaction(pool, async (client) => {
    await client.query(SEED_LOCK_SQL);
    const result = await client.query(REFRESH_SQL, [
      JSON.stringify(entries.map((entry, i) => toRow(entry, i))),
      BUILTIN_SOURCE,
    ]);
    return result.rowCount ?? 0;
  });
}

/**
 * Seeds the built-in catalogue when `exrcwiki` has no rows; returns null when it had some.
 * Two workers starting at once serialise on an advisory lock: the second one waits, then sees the
 * rows the first committed and does nothing.
 */
export async function seedBuiltinCatalogueIfEmpty(pool: pg.Pool): Promise<UpsertCatalogueResult | null> {
  try {
    return await withTransaction(pool, async (client) => {
      await client.query(SEED_LOCK_SQL);
      const { rows } = await client.query("SELECT 1 FROM public.exrcwiki LIMIT 1");
      if (rows.length > 0) return null;
      return upsertCatalogue(client, BUILTIN_CATALOGUE, BUILTIN_SOURCE);
    });
  } catch (error) {
    throw new Error(`seeding the built-in catalogue failed: ${(error as Error).message}`, { cause: error });
  }
}
