import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPool } from "../../src/db/client.ts";
import {
  refreshBuiltinCatalogue,
  seedBuiltinCatalogueIfEmpty,
} from "../../src/db/queries/seed-builtin-catalogue.ts";
import { upsertCatalogue } from "../../src/db/queries/upsert-catalogue.ts";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

const count = async (tdb: TestDatabase) =>
  (await tdb.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM exrcwiki")).rows[0]?.n;

const entry = (id: string, over: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
  exerciseId: id,
  name: `Exercise ${id}`,
  equipment: "dumbbell",
  requires: [],
  primaryMuscle: "biceps",
  secondaryMuscles: ["forearms"],
  level: "beginner",
  mechanic: "isolation",
  force: "pull",
  category: "strength",
  movementPattern: "elbow_flexion",
  instructions: ["Curl it.", "Lower it."],
  ...over,
});

describe("upsertCatalogue", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    // DROP DATABASE ... WITH (FORCE) can beat a closing idle client; its error is expected then.
    tdb.pool.on("error", () => {});
  });
  afterAll(() => tdb.drop());
  beforeEach(async () => {
    await tdb.pool.query("DELETE FROM exrcwiki");
  });

  it("inserts, then updates only what changed, and keeps arrays and source", async () => {
    expect(await upsertCatalogue(tdb.pool, [entry("a"), entry("b")], "fixture")).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(
      await upsertCatalogue(tdb.pool, [entry("a"), entry("b", { name: "Renamed" }), entry("c")], "fixture"),
    ).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
    const { rows } = await tdb.pool.query(
      "SELECT exercise_id, name, secondary_muscles, instructions, source FROM exrcwiki ORDER BY exercise_id",
    );
    expect(rows).toEqual([
      {
        exercise_id: "a",
        name: "Exercise a",
        secondary_muscles: ["forearms"],
        instructions: ["Curl it.", "Lower it."],
        source: "fixture",
      },
      {
        exercise_id: "b",
        name: "Renamed",
        secondary_muscles: ["forearms"],
        instructions: ["Curl it.", "Lower it."],
        source: "fixture",
      },
      {
        exercise_id: "c",
        name: "Exercise c",
        secondary_muscles: ["forearms"],
        instructions: ["Curl it.", "Lower it."],
        source: "fixture",
      },
    ]);
  });

  it("lets the last of repeated ids win, and treats nulls and empty lists as values", async () => {
    const result = await upsertCatalogue(
      tdb.pool,
      [entry("x", { name: "first" }), entry("x", { name: "last", mechanic: null, secondaryMuscles: [] })],
      "fixture",
    );
    expect(result).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    const { rows } = await tdb.pool.query("SELECT name, mechanic, secondary_muscles FROM exrcwiki");
    expect(rows).toEqual([{ name: "last", mechanic: null, secondary_muscles: [] }]);
  });

  it("is all or nothing: a value the table refuses writes no row", async () => {
    const bad = entry("bad", { equipment: "trampoline" as CatalogueEntry["equipment"] });
    await expect(upsertCatalogue(tdb.pool, [entry("ok"), bad], "fixture")).rejects.toThrow(/equipment/);
    expect(await count(tdb)).toBe(0);
  });

  it("does nothing for an empty list", async () => {
    expect(await upsertCatalogue(tdb.pool, [], "fixture")).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
  });
});

describe("seedBuiltinCatalogueIfEmpty", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    // DROP DATABASE ... WITH (FORCE) can beat a closing idle client; its error is expected then.
    tdb.pool.on("error", () => {});
  });
  afterAll(() => tdb.drop());
  beforeEach(async () => {
    await tdb.pool.query("DELETE FROM exrcwiki");
  });

  it("seeds an empty catalogue once; a second run does nothing", async () => {
    expect(await seedBuiltinCatalogueIfEmpty(tdb.pool)).toEqual({
      inserted: BUILTIN_CATALOGUE.length,
      updated: 0,
      unchanged: 0,
    });
    expect(await count(tdb)).toBe(BUILTIN_CATALOGUE.length);
    expect(await seedBuiltinCatalogueIfEmpty(tdb.pool)).toBeNull();
    expect(await count(tdb)).toBe(BUILTIN_CATALOGUE.length);
  });

  it("leaves an existing (imported) catalogue alone", async () => {
    await upsertCatalogue(tdb.pool, [entry("imported")], "free-exercise-db");
    expect(await seedBuiltinCatalogueIfEmpty(tdb.pool)).toBeNull();
    expect(await count(tdb)).toBe(1);
  });

  it("is safe when several processes start at once: one seeds, the others see its rows", async () => {
    const pools = [createPool(tdb.url, 2), createPool(tdb.url, 2), createPool(tdb.url, 2)];
    try {
      const results = await Promise.all(pools.map((p) => seedBuiltinCatalogueIfEmpty(p)));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await count(tdb)).toBe(BUILTIN_CATALOGUE.length);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});

describe("refreshBuiltinCatalogue", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb.drop());

  it("brings seeded rows up to the release, and leaves imported and deleted rows alone", async () => {
    const [first, second, third] = BUILTIN_CATALOGUE;
    if (!first || !second || !third) throw new Error("the built-in catalogue has three entries");
    // A database seeded by an older release: the first entry had another primary muscle then.
    const older = { ...first, primaryMuscle: "forearms" as const, secondaryMuscles: [] };
    await upsertCatalogue(tdb.pool, [older, second], "builtin");
    // An operator imported the second exercise over it.
    await upsertCatalogue(tdb.pool, [{ ...second, name: "Imported name" }], "free-exercise-db");

    expect(await refreshBuiltinCatalogue(tdb.pool)).toBe(1);
    const { rows } = await tdb.pool.query(
      "SELECT exercise_id, name, muscle_group, secondary_muscles, source FROM exrcwiki ORDER BY exercise_id",
    );
    expect(rows).toEqual(
      [
        {
          exercise_id: first.exerciseId,
          name: first.name,
          muscle_group: first.primaryMuscle,
          secondary_muscles: first.secondaryMuscles,
          source: "builtin",
        },
        {
          exercise_id: second.exerciseId,
          name: "Imported name",
          muscle_group: second.primaryMuscle,
          secondary_muscles: second.secondaryMuscles,
          source: "free-exercise-db",
        },
      ].sort((a, b) => a.exercise_id.localeCompare(b.exercise_id)),
    );
    // Nothing added (the third entry was never here), and a second run writes nothing.
    expect(await refreshBuiltinCatalogue(tdb.pool)).toBe(0);
  });
});
