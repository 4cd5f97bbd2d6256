// Loads the project's own catalogue (BUILTIN_CATALOGUE) into an empty `exrcwiki` at worker start, so
// a fresh installation can generate plans before anyone imports a catalogue. An existing catalogue
// (seeded before, or imported) is never touched: an operator's import wins.
import type pg from "pg";
import { BUILTIN_CATALOGUE } from "../../domain/catalogue/builtin.ts";
import { withTransaction } from "../transaction.ts";
import { type UpsertCatalogueResult, upsertCatalogue } from "./upsert-catalogue.ts";

export const BUILTIN_SOURCE = "builtin";

// Any constant key shared by every process seeding this database; transaction-scoped, so a crash
// releases it with the connection.
const SEED_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('training-engine:seed-builtin-catalogue'))";

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
