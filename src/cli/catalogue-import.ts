// `catalogue import <file>`: loads a free-exercise-db JSON file into exrcwiki with the same mapper
// and upsert the worker's catalogue code uses. A file that cannot be read, is not JSON or is not a
// catalogue exits 2 before anything is written. The upsert runs in chunks (for the progress shown on
// stderr) inside one transaction, so the import is still all or nothing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { type UpsertCatalogueResult, upsertCatalogue } from "../db/queries/upsert-catalogue.ts";
import { withTransaction } from "../db/transaction.ts";
import {
  type InferredRequirement,
  mapFreeExerciseDb,
  type UnmappedValue,
} from "../domain/catalogue/free-exercise-db.ts";
import { CatalogueFormatError } from "../domain/catalogue/free-exercise-db-schema.ts";
import type { CatalogueEntry } from "../domain/catalogue-entry.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { CATALOGUE_IMPORT } from "./command-specs.ts";
import { formatTable } from "./format-table.ts";
import { flagMessage, got, InputError } from "./usage.ts";

/** The source name recorded on every row the importer writes (exrcwiki.source). */
export const IMPORT_SOURCE = "free-exercise-db";
/** Exercises per upsert statement. */
const CHUNK = 100;

/**
 * Upserts the entries chunk by chunk in one transaction (all or nothing), reporting each chunk.
 * A repeated exercise_id keeps its last entry, as one statement would, so no row is counted twice.
 */
export async function importEntries(
  pool: pg.Pool,
  entries: readonly CatalogueEntry[],
  source: string,
  onChunk: (done: number) => void = () => {},
): Promise<UpsertCatalogueResult> {
  const lastById = new Map(entries.map((e) => [e.exerciseId, e]));
  const unique = [...lastById.values()];
  const total: UpsertCatalogueResult = { inserted: 0, updated: 0, unchanged: 0 };
  return withTransaction(pool, async (client) => {
    for (let i = 0; i < unique.length; i += CHUNK) {
      const chunk = unique.slice(i, i + CHUNK);
      const counts = await upsertCatalogue(client, chunk, source);
      total.inserted += counts.inserted;
      total.updated += counts.updated;
      total.unchanged += counts.unchanged;
      onChunk(i + chunk.length);
    }
    return total;
  });
}

/** Unmapped values grouped by field and value, with how many exercises and which ones. */
/** Inferred requirements by equipment value, most frequent first. */
export function countRequirements(inferred: readonly InferredRequirement[]) {
  const byValue = new Map<string, string[]>();
  for (const item of inferred) {
    for (const value of item.requires) byValue.set(value, [...(byValue.get(value) ?? []), item.id]);
  }
  return [...byValue]
    .map(([value, ids]) => ({ value, ids }))
    .sort((a, b) => b.ids.length - a.ids.length || (a.value < b.value ? -1 : 1));
}

export function groupUnmapped(unmapped: readonly UnmappedValue[]) {
  const groups = new Map<string, { field: string; value: string; ids: string[] }>();
  for (const u of unmapped) {
    const key = `${u.field}\u0000${u.value}`;
    const group = groups.get(key) ?? { field: u.field, value: u.value, ids: [] };
    group.ids.push(u.id);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => a.field.localeCompare(b.field) || a.value.localeCompare(b.value),
  );
}

const examples = (ids: readonly string[]) =>
  ids.length <= 3 ? ids.join(", ") : `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more`;

export const catalogueImport: CliCommand = {
  parse(argv) {
    const { positionals } = parseFlags(CATALOGUE_IMPORT, argv);
    return { file: positionals[0] as string };
  },
  async run(args: { file: string }, ctx) {
    let text: string;
    try {
      text = await readFile(args.file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new InputError(
        flagMessage(CATALOGUE_IMPORT.path, "<file>", `cannot be read: ${code}${got(args.file)}`),
        {
          cause: error,
        },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InputError(
        flagMessage(
          CATALOGUE_IMPORT.path,
          "<file>",
          `not JSON: ${(error as Error).message}${got(args.file)}`,
        ),
        { cause: error },
      );
    }
    let mapping: ReturnType<typeof mapFreeExerciseDb>;
    try {
      mapping = mapFreeExerciseDb(json);
    } catch (error) {
      if (error instanceof CatalogueFormatError) {
        throw new InputError(
          flagMessage(CATALOGUE_IMPORT.path, "<file>", `${error.message}${got(args.file)}`),
          {
            cause: error,
          },
        );
      }
      throw error;
    }
    const { entries, corrected, inferredRequires, ladderRungs, unmapped, skipped } = mapping;
    const progress = ctx.progress({
      label: `catalogue import ${path.basename(args.file)}`,
      unit: "exercises",
    });
    progress.start(new Set(entries.map((e) => e.exerciseId)).size);
    const counts = await importEntries(ctx.pool, entries, IMPORT_SOURCE, (done) =>
      progress.update(done),
    ).finally(() => progress.stop());

    ctx.out(`imported ${path.basename(args.file)} into exrcwiki (source ${IMPORT_SOURCE})`);
    ctx.out(
      `inserted ${counts.inserted}, updated ${counts.updated}, unchanged ${counts.unchanged}, skipped ${skipped.length}`,
    );
    if (skipped.length > 0) {
      ctx.out("");
      ctx.out(`skipped exercises (${skipped.length}):`);
      for (const line of formatTable(
        ["index", "id", "reason"],
        skipped.map((s) => [s.index, s.id, s.reason]),
        { indent: "  " },
      )) {
        ctx.out(line);
      }
    }
    if (corrected.length > 0) {
      ctx.out("");
      ctx.out(`known data errors corrected (${corrected.length} exercises):`);
      for (const line of formatTable(
        ["id", "fields", "reason"],
        corrected.map((c) => [c.id, c.fields.join(","), c.reason]),
        { indent: "  " },
      )) {
        ctx.out(line);
      }
    }
    if (ladderRungs.length > 0) {
      ctx.out("");
      ctx.out(`bodyweight variation ladder rungs mapped from names (${ladderRungs.length} exercises):`);
      for (const line of formatTable(
        ["ladder", "step", "id"],
        ladderRungs.map((r) => [r.ladder, r.step, r.id]),
        { indent: "  " },
      )) {
        ctx.out(line);
      }
    }
    const needs = countRequirements(inferredRequires);
    if (needs.length > 0) {
      ctx.out("");
      ctx.out(
        `equipment inferred from names, beyond the main implement (${inferredRequires.length} exercises):`,
      );
      for (const line of formatTable(
        ["needs", "exercises", "ids"],
        needs.map((n) => [n.value, n.ids.length, examples(n.ids)]),
        { indent: "  " },
      )) {
        ctx.out(line);
      }
    }
    const groups = groupUnmapped(unmapped);
    if (groups.length > 0) {
      ctx.out("");
      ctx.out(`values that could not be mapped (${groups.length} distinct, ${unmapped.length} in all):`);
      for (const line of formatTable(
        ["field", "value", "exercises", "ids"],
        groups.map((g) => [g.field, g.value, g.ids.length, examples(g.ids)]),
        { indent: "  " },
      )) {
        ctx.out(line);
      }
    }
  },
};
