// The two catalogues the swap tests run on: the built-in one and the real free-exercise-db file
// (tests/fixtures), each loaded into a test database's exrcwiki.
import { readFileSync } from "node:fs";
import type pg from "pg";
import { upsertCatalogue } from "../../src/db/queries/upsert-catalogue.ts";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import { mapFreeExerciseDb } from "../../src/domain/catalogue/free-exercise-db.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";

const FILE = new URL("../fixtures/free-exercise-db.exercises.json", import.meta.url);

export const CATALOGUES: Readonly<Record<string, () => readonly CatalogueEntry[]>> = {
  builtin: () => BUILTIN_CATALOGUE,
  "free-exercise-db": () => mapFreeExerciseDb(JSON.parse(readFileSync(FILE, "utf8"))).entries,
};

export type CatalogueName = keyof typeof CATALOGUES;

/** Replaces exrcwiki with the named catalogue; returns its entries. */
export async function loadCatalogue(pool: pg.Pool, name: string): Promise<readonly CatalogueEntry[]> {
  const entries = (CATALOGUES[name] as () => readonly CatalogueEntry[])();
  await pool.query("DELETE FROM exrcwiki");
  await upsertCatalogue(pool, entries, name);
  return entries;
}
