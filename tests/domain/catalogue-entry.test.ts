// The one catalogue entry schema: the built-in data file is loaded through it and refuses a bad
// entry by id and field; the free-exercise-db mapper's output on the whole real file meets it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import { mapFreeExerciseDb } from "../../src/domain/catalogue/free-exercise-db.ts";
import {
  CatalogueEntryError,
  catalogueEntrySchema,
  parseCatalogueEntries,
} from "../../src/domain/catalogue-entry.ts";

const BUILTIN_FILE = new URL("../../src/domain/catalogue/builtin.json", import.meta.url);
const REAL_FILE = new URL("../fixtures/free-exercise-db.exercises.json", import.meta.url);

const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, "utf8"));

/** builtin.json as it is on disk, with one change to the entry `id`. */
function builtinWith(id: string, change: (entry: Record<string, unknown>) => void): unknown[] {
  const data = readJson(BUILTIN_FILE) as Record<string, unknown>[];
  const entry = data.find((e) => e.exerciseId === id);
  if (entry === undefined) throw new Error(`no entry ${id} in builtin.json`);
  change(entry);
  return data;
}

function refusal(input: unknown): CatalogueEntryError {
  try {
    parseCatalogueEntries(input, "builtin.json");
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueEntryError);
    return error as CatalogueEntryError;
  }
  throw new Error("expected a CatalogueEntryError");
}

describe("the built-in catalogue file", () => {
  it("loads as BUILTIN_CATALOGUE, entry for entry and in file order", () => {
    const data = readJson(BUILTIN_FILE) as { exerciseId: string }[];
    expect(BUILTIN_CATALOGUE.map((e) => e.exerciseId)).toEqual(data.map((e) => e.exerciseId));
    expect(parseCatalogueEntries(data, "builtin.json")).toEqual(BUILTIN_CATALOGUE);
  });

  it.each([
    ["an unknown equipment word", (e: Record<string, unknown>) => (e.equipment = "trampoline"), "equipment"],
    ["a missing name", (e: Record<string, unknown>) => delete e.name, "name"],
    ["a name with spaces around it", (e: Record<string, unknown>) => (e.name = " Pull-Up"), "name"],
    [
      "an unknown secondary muscle",
      (e: Record<string, unknown>) => (e.secondaryMuscles = ["biceps", "wings"]),
      "secondaryMuscles[1]",
    ],
    [
      "a requirement given twice",
      (e: Record<string, unknown>) => (e.requires = ["bench", "bench"]),
      "requires",
    ],
    [
      "a requirement that is the main implement",
      (e: Record<string, unknown>) => (e.requires = ["bodyweight"]),
      "requires",
    ],
    [
      "the primary muscle as a secondary",
      (e: Record<string, unknown>) => (e.secondaryMuscles = ["lats"]),
      "secondaryMuscles",
    ],
    [
      "a movement pattern that is not one",
      (e: Record<string, unknown>) => (e.movementPattern = "pull"),
      "movementPattern",
    ],
    [
      "an empty instruction",
      (e: Record<string, unknown>) => (e.instructions = ["Hang.", " "]),
      "instructions[1]",
    ],
    ["a misspelt field", (e: Record<string, unknown>) => (e.primaryMuscles = ["lats"]), "primaryMuscles"],
  ])("refuses %s, naming the entry and the field", (_label, change, field) => {
    const error = refusal(builtinWith("te_pull_up", change));
    expect(error.entryId).toBe("te_pull_up");
    expect(error.field).toBe(field);
    expect(error.message).toMatch(
      new RegExp(`^builtin\\.json: entry te_pull_up: ${field.replace(/[[\]]/g, "\\$&")}: .+`),
    );
  });

  it("names an entry without a usable id by its index", () => {
    const data = builtinWith("te_chin_up", (e) => delete e.exerciseId);
    const index = (data as Record<string, unknown>[]).findIndex((e) => e.exerciseId === undefined);
    const error = refusal(data);
    expect(error.entryId).toBe(`at index ${index}`);
    expect(error.field).toBe("exerciseId");
  });

  it("refuses an id given twice, naming it", () => {
    const data = builtinWith("te_chin_up", (e) => (e.exerciseId = "te_pull_up"));
    const error = refusal(data);
    expect(error.entryId).toBe("te_pull_up");
    expect(error.field).toBe("exerciseId");
  });

  it("refuses a file that is not a list", () => {
    expect(refusal({ entries: [] }).field).toBe("(root)");
  });
});

describe("catalogueEntrySchema and the free-exercise-db mapper", () => {
  it("holds for every entry the mapper makes from the whole real file", () => {
    const { entries } = mapFreeExerciseDb(readJson(REAL_FILE));
    expect(entries.length).toBeGreaterThan(800);
    for (const entry of entries) {
      const parsed = catalogueEntrySchema.safeParse(entry);
      expect(parsed.error?.issues, entry.exerciseId).toBeUndefined();
    }
  });
});
