import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mapFreeExerciseDb } from "../../src/domain/catalogue/free-exercise-db.ts";
import { FREE_EXERCISE_DB_CORRECTIONS } from "../../src/domain/catalogue/free-exercise-db-corrections.ts";
import { CatalogueFormatError } from "../../src/domain/catalogue/free-exercise-db-schema.ts";
import { inferMovementPattern } from "../../src/domain/catalogue/movement-pattern.ts";
import { inferRequires } from "../../src/domain/catalogue/requires.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import {
  CATALOGUE_LEVELS,
  CATEGORIES,
  EQUIPMENT,
  FORCES,
  MECHANICS,
  MOVEMENT_PATTERNS,
  MUSCLE_GROUPS,
} from "../../src/domain/vocabulary.ts";

const FIXTURE = new URL("../fixtures/free-exercise-db.small.json", import.meta.url);
const REAL_FILE = new URL("../fixtures/free-exercise-db.exercises.json", import.meta.url);

function readJson(path: string | URL): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

function expectWithinVocabularies(entry: CatalogueEntry): void {
  const where = entry.exerciseId;
  expect(EQUIPMENT, where).toContain(entry.equipment);
  expect(MUSCLE_GROUPS, where).toContain(entry.primaryMuscle);
  for (const muscle of entry.secondaryMuscles) expect(MUSCLE_GROUPS, where).toContain(muscle);
  expect(entry.secondaryMuscles, where).not.toContain(entry.primaryMuscle);
  expect(new Set(entry.secondaryMuscles).size, where).toBe(entry.secondaryMuscles.length);
  expect(CATALOGUE_LEVELS, where).toContain(entry.level);
  if (entry.mechanic !== null) expect(MECHANICS, where).toContain(entry.mechanic);
  if (entry.force !== null) expect(FORCES, where).toContain(entry.force);
  expect(CATEGORIES, where).toContain(entry.category);
  if (entry.movementPattern !== null) expect(MOVEMENT_PATTERNS, where).toContain(entry.movementPattern);
  expect(entry.name.length, where).toBeGreaterThan(0);
}

/** A minimal valid source exercise, with overrides. */
function exercise(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "Test_Exercise",
    name: "Test Exercise",
    force: "push",
    level: "beginner",
    mechanic: "compound",
    equipment: "barbell",
    primaryMuscles: ["chest"],
    secondaryMuscles: [],
    instructions: ["Do it."],
    category: "strength",
    images: [],
    ...overrides,
  };
}

function formatError(input: unknown): CatalogueFormatError {
  try {
    mapFreeExerciseDb(input);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueFormatError);
    return error as CatalogueFormatError;
  }
  throw new Error("expected a CatalogueFormatError");
}

describe("mapFreeExerciseDb on the small fixture", () => {
  const result = mapFreeExerciseDb(readJson(FIXTURE));
  const byId = new Map(result.entries.map((e) => [e.exerciseId, e]));

  it("maps every mappable exercise, in file order, the duplicate where it last occurs", () => {
    expect(result.entries.map((e) => e.exerciseId)).toEqual([
      "Fixture_Low_Bar_Squat",
      "Fixture_Floor_Push",
      "Fixture_Hip_Opener",
      "Fixture_Bell_Row",
      "Fixture_Curl",
      "Fixture_Hang_Power_Snatch",
    ]);
    for (const entry of result.entries) expectWithinVocabularies(entry);
  });

  it("skips the unmappable exercise and the superseded duplicate, and says why", () => {
    expect(result.skipped).toEqual([
      { index: 3, id: "Fixture_Wing_Flap", reason: 'unknown primary muscle "wings"' },
      { index: 4, id: "Fixture_Curl", reason: "duplicate id; the exercise at index 6 replaces it" },
    ]);
  });

  it("lets the last exercise with a duplicate id win", () => {
    const curl = byId.get("Fixture_Curl");
    expect(curl?.name).toBe("Fixture EZ Curl");
    expect(curl?.equipment).toBe("ez_bar");
    expect(curl?.movementPattern).toBe("elbow_flexion");
    expect(curl?.instructions).toEqual(["Curl the bar.", "Lower it slowly."]);
  });

  it("reports the values it could not map", () => {
    expect(result.unmapped).toEqual([
      { id: "Fixture_Hip_Opener", field: "equipment", value: "null" },
      { id: "Fixture_Bell_Row", field: "secondaryMuscles", value: "rotator cuff" },
      { id: "Fixture_Bell_Row", field: "force", value: "twist" },
    ]);
  });

  it("maps a full exercise field by field", () => {
    expect(byId.get("Fixture_Low_Bar_Squat")).toEqual({
      exerciseId: "Fixture_Low_Bar_Squat",
      name: "Fixture Low-Bar Squat",
      equipment: "barbell",
      requires: [],
      primaryMuscle: "quadriceps",
      secondaryMuscles: ["glutes", "lower_back", "hamstrings"],
      level: "intermediate",
      mechanic: "compound",
      force: "push",
      category: "powerlifting",
      movementPattern: "squat",
      instructions: ["Sit back and down with the bar low on your back.", "Stand up."],
    });
  });

  it("maps equipment, muscle and category words onto the vocabularies", () => {
    expect(byId.get("Fixture_Floor_Push")?.equipment).toBe("bodyweight");
    expect(byId.get("Fixture_Floor_Push")?.movementPattern).toBe("horizontal_push");
    const row = byId.get("Fixture_Bell_Row");
    expect(row?.equipment).toBe("kettlebell");
    expect(row?.primaryMuscle).toBe("middle_back");
    expect(row?.secondaryMuscles).toEqual(["lats", "biceps"]);
    expect(row?.force).toBeNull();
    expect(row?.movementPattern).toBe("horizontal_pull");
    const snatch = byId.get("Fixture_Hang_Power_Snatch");
    expect(snatch?.category).toBe("olympic_weightlifting");
    expect(snatch?.level).toBe("expert");
  });

  it("maps null equipment to other and a stretch to the mobility pattern", () => {
    const stretch = byId.get("Fixture_Hip_Opener");
    expect(stretch?.equipment).toBe("other");
    expect(stretch?.category).toBe("stretching");
    expect(stretch?.movementPattern).toBe("mobility");
    expect(stretch?.mechanic).toBeNull();
    expect(stretch?.force).toBeNull();
  });
});

describe("mapFreeExerciseDb per-exercise rules", () => {
  it("puts further primary muscles ahead of the secondaries, without duplicates", () => {
    const { entries } = mapFreeExerciseDb([
      exercise({ primaryMuscles: ["chest", "triceps", "chest"], secondaryMuscles: ["shoulders", "triceps"] }),
    ]);
    expect(entries[0]?.primaryMuscle).toBe("chest");
    expect(entries[0]?.secondaryMuscles).toEqual(["triceps", "shoulders"]);
  });

  it("maps every equipment word of free-exercise-db", () => {
    const words: Array<[string | null, string]> = [
      ["body only", "bodyweight"],
      ["kettlebells", "kettlebell"],
      ["e-z curl bar", "ez_bar"],
      ["medicine ball", "medicine_ball"],
      ["exercise ball", "exercise_ball"],
      ["foam roll", "foam_roll"],
      ["barbell", "barbell"],
      ["dumbbell", "dumbbell"],
      ["cable", "cable"],
      ["machine", "machine"],
      ["bands", "bands"],
      ["other", "other"],
      [null, "other"],
    ];
    const { entries, unmapped } = mapFreeExerciseDb(
      words.map(([word], i) => exercise({ id: `E${i}`, equipment: word })),
    );
    expect(entries.map((e) => e.equipment)).toEqual(words.map(([, mapped]) => mapped));
    expect(unmapped).toEqual([{ id: "E12", field: "equipment", value: "null" }]);
  });

  it("maps an unknown equipment word to other and reports it", () => {
    const { entries, unmapped } = mapFreeExerciseDb([exercise({ equipment: "sandbag" })]);
    expect(entries[0]?.equipment).toBe("other");
    expect(unmapped).toEqual([{ id: "Test_Exercise", field: "equipment", value: "sandbag" }]);
  });

  it.each([
    [{ primaryMuscles: [] }, "no primary muscle"],
    [{ primaryMuscles: ["chest", "gills"] }, 'unknown primary muscle "gills"'],
    [{ level: "legendary" }, 'unknown level "legendary"'],
    [{ category: "yoga" }, 'unknown category "yoga"'],
    [{ name: "   " }, "empty name"],
  ])("skips an exercise with %o and reports it, the rest still map", (overrides, reason) => {
    const { entries, skipped } = mapFreeExerciseDb([
      exercise({ id: "Good" }),
      exercise({ id: "Bad", ...overrides }),
    ]);
    expect(entries.map((e) => e.exerciseId)).toEqual(["Good"]);
    expect(skipped).toEqual([{ index: 1, id: "Bad", reason }]);
  });

  it("maps an exercise with only the required fields, category defaulting to strength", () => {
    const { entries, unmapped, skipped } = mapFreeExerciseDb([
      {
        id: "Bare",
        name: "Bare Plank",
        level: "beginner",
        equipment: "body only",
        primaryMuscles: ["abdominals"],
      },
    ]);
    expect(skipped).toEqual([]);
    expect(entries).toEqual([
      {
        exerciseId: "Bare",
        name: "Bare Plank",
        equipment: "bodyweight",
        requires: [],
        primaryMuscle: "abdominals",
        secondaryMuscles: [],
        level: "beginner",
        mechanic: null,
        force: null,
        category: "strength",
        movementPattern: "core",
        instructions: [],
      },
    ]);
    expect(unmapped).toEqual([{ id: "Bare", field: "category", value: "null" }]);
  });

  it("ignores images and unknown fields", () => {
    const { entries } = mapFreeExerciseDb([exercise({ images: [1, 2], video: "x" })]);
    expect(entries).toHaveLength(1);
    expect(Object.keys(entries[0] ?? {})).not.toContain("images");
  });
});

describe("mapFreeExerciseDb on inputs that are not a catalogue", () => {
  it.each([
    ["an object", { exercises: [] }, "(root)", "expected an array of exercise objects"],
    ["null", null, "(root)", "expected an array of exercise objects"],
    ["an empty array", [], "(root)", "expected at least one exercise, got an empty array"],
    ["an array of strings", ["Push-Up", "Squat"], "[0]", "expected an exercise object"],
  ])("throws CatalogueFormatError for %s", (_label, input, path, problem) => {
    const error = formatError(input);
    expect(error.path).toBe(path);
    expect(error.problem).toBe(problem);
    expect(error.message).toBe(`not a free-exercise-db catalogue: ${path}: ${problem}`);
  });

  it("names the first item that lacks an id", () => {
    const { id: _id, ...withoutId } = exercise();
    const error = formatError([exercise(), withoutId, withoutId]);
    expect(error.path).toBe("[1].id");
    expect(error.message).toContain("[1].id: missing");
  });

  it("names the field with the wrong type", () => {
    const input = Array.from({ length: 13 }, (_, i) => exercise({ id: `E${i}` }));
    input[12] = exercise({ id: "E12", primaryMuscles: "chest" });
    const error = formatError(input);
    expect(error.message).toBe("not a free-exercise-db catalogue: [12].primaryMuscles: expected an array");
  });

  it.each([
    [{ id: "has space" }, "[0].id", "expected an id matching"],
    [{ name: 42 }, "[0].name", "expected a string"],
    [{ level: undefined }, "[0].level", "missing"],
    [{ equipment: undefined }, "[0].equipment", "missing (expected a string or null)"],
    [{ equipment: 3 }, "[0].equipment", "expected a string or null"],
    [{ secondaryMuscles: [1] }, "[0].secondaryMuscles[0]", "expected a string"],
  ])("rejects %o at %s", (overrides, path, problem) => {
    const error = formatError([exercise(overrides)]);
    expect(error.path).toBe(path);
    expect(error.message).toContain(`${path}: ${problem}`);
  });
});

describe("inferMovementPattern", () => {
  const hints = {
    category: "strength",
    primaryMuscle: "chest",
    mechanic: "compound",
    force: "push",
  } as const;

  it.each([
    ["Barbell Squat", "quadriceps", "squat"],
    ["Romanian Deadlift", "hamstrings", "hinge"],
    ["Dumbbell Bench Press", "chest", "horizontal_push"],
    ["Seated Dumbbell Press", "shoulders", "vertical_push"],
    ["Seated Cable Rows", "middle_back", "horizontal_pull"],
    ["Wide-Grip Lat Pulldown", "lats", "vertical_pull"],
    ["Hammer Curls", "biceps", "elbow_flexion"],
    ["Lying Leg Curls", "hamstrings", "knee_flexion"],
    ["Leg Extensions", "quadriceps", "knee_extension"],
    ["Triceps Pushdown", "triceps", "elbow_extension"],
    ["Side Lateral Raise", "shoulders", "shoulder_isolation"],
    ["Hanging Leg Raise", "abdominals", "core"],
    ["Dumbbell Lunges", "quadriceps", "lunge"],
    ["Standing Calf Raises", "calves", "calf_raise"],
    ["Barbell Shrug", "traps", "shrug"],
    ["Farmer's Walk", "forearms", "carry"],
    ["Cable Crossover", "chest", "chest_isolation"],
    ["Wide-Grip Pulldown Behind The Neck", "lats", "vertical_pull"],
    ["Mystery Movement", "lats", null],
  ] as const)("%s -> %s", (name, primaryMuscle, pattern) => {
    expect(inferMovementPattern({ ...hints, name, primaryMuscle })).toBe(pattern);
  });

  it("uses the category for stretches and conditioning", () => {
    expect(inferMovementPattern({ ...hints, name: "Barbell Squat", category: "stretching" })).toBe(
      "mobility",
    );
    expect(inferMovementPattern({ ...hints, name: "Box Jump", category: "plyometrics" })).toBe(
      "conditioning",
    );
  });
});

describe("inferRequires", () => {
  it.each([
    ["Pullups", "bodyweight", ["pullup_bar"]],
    ["Chin-Up", "bodyweight", ["pullup_bar"]],
    ["Hanging Leg Raise", "bodyweight", ["pullup_bar"]],
    ["Band Assisted Pull-Up", "bands", ["pullup_bar"]],
    ["Wide-Grip Lat Pulldown", "cable", []],
    ["Machine-Assisted Pull-Up", "machine", []],
    ["Barbell Bench Press - Medium Grip", "barbell", ["bench"]],
    ["Incline Dumbbell Press", "dumbbell", ["bench"]],
    ["Dumbbell Flyes", "dumbbell", ["bench"]],
    ["Barbell Hip Thrust", "barbell", ["bench"]],
    ["Incline Push-Up", "bodyweight", []],
    ["Dumbbell Floor Press", "dumbbell", []],
    ["Lever Incline Chest Press", "machine", []],
    ["Bench Dips", "bodyweight", ["bench"]],
    ["Dips - Triceps Version", "bodyweight", ["other"]],
    ["Barbell Squat", "barbell", []],
    ["Box Squat with Chains", "barbell", ["bench", "other"]],
    ["Step-up with Knee Raise", "bodyweight", ["bench"]],
    ["Dumbbell Step Ups", "dumbbell", ["bench"]],
    ["Squat with Bands", "barbell", ["bands"]],
    ["Reverse Band Deadlift", "barbell", ["bands"]],
    ["Bent Over Two-Arm Long Bar Row", "barbell", []],
  ] as const)("%s (%s) needs %j", (name, equipment, expected) => {
    expect(inferRequires(name, equipment)).toEqual(expected);
  });
});

describe("mapFreeExerciseDb on the real free-exercise-db file", () => {
  it("maps nearly every exercise within the vocabularies", () => {
    const raw = readJson(REAL_FILE) as unknown[];
    const result = mapFreeExerciseDb(raw);
    expect(raw.length).toBeGreaterThan(800);
    expect(result.entries.length + result.skipped.length).toBe(raw.length);
    expect(result.entries.length).toBeGreaterThanOrEqual(Math.floor(raw.length * 0.98));
    for (const entry of result.entries) expectWithinVocabularies(entry);
    expect(new Set(result.entries.map((e) => e.exerciseId)).size).toBe(result.entries.length);
    // The only values free-exercise-db holds that have no counterpart are null equipment.
    for (const value of result.unmapped) expect(value).toMatchObject({ field: "equipment", value: "null" });
    // What the import report counts: every pull-up and chin-up needs a bar, every bench press a bench.
    expect(result.inferredRequires.length).toBe(result.entries.filter((e) => e.requires.length > 0).length);
    for (const entry of result.entries) {
      if (/\bpull-?ups?\b|\bchin-?ups?\b/i.test(entry.name) && entry.equipment === "bodyweight") {
        expect(entry.requires, entry.name).toContain("pullup_bar");
      }
      if (/bench press/i.test(entry.name) && entry.equipment !== "machine") {
        expect(entry.requires, entry.name).toContain("bench");
      }
    }
    const count = (value: string) =>
      result.inferredRequires.filter((i) => i.requires.includes(value as never)).length;
    expect(count("pullup_bar")).toBeGreaterThan(10);
    expect(count("bench")).toBeGreaterThan(40);
    const withPattern = result.entries.filter((e) => e.movementPattern !== null).length;
    expect(withPattern / result.entries.length).toBeGreaterThan(0.9);
  });
});

describe("the table of known free-exercise-db data errors", () => {
  const result = mapFreeExerciseDb(readJson(REAL_FILE));
  const byId = new Map(result.entries.map((entry) => [entry.exerciseId, entry]));

  it("names only exercises of the real file, and the mapping lists every correction it made", () => {
    const ids = Object.keys(FREE_EXERCISE_DB_CORRECTIONS);
    for (const id of ids) expect(byId.has(id), id).toBe(true);
    expect(result.corrected.map((c) => c.id).sort()).toEqual([...ids].sort());
    for (const corrected of result.corrected) {
      expect(corrected.reason.length, corrected.id).toBeGreaterThan(10);
      expect(corrected.fields.length, corrected.id).toBeGreaterThan(0);
    }
  });

  it("applies each kind of correction", () => {
    const deadlift = byId.get("Barbell_Deadlift");
    expect(deadlift?.primaryMuscle).toBe("hamstrings");
    expect(deadlift?.secondaryMuscles[0]).toBe("lower_back");
    expect(deadlift?.secondaryMuscles).not.toContain("hamstrings");
    expect(deadlift?.movementPattern).toBe("hinge");
    expect(byId.get("Dumbbell_Floor_Press")).toMatchObject({
      primaryMuscle: "chest",
      movementPattern: "horizontal_push",
    });
    expect(byId.get("Around_The_Worlds")?.mechanic).toBe("isolation");
    expect(byId.get("Isometric_Wipers")?.force).toBe("static");
    expect(byId.get("Lunge_Sprint")).toMatchObject({
      category: "plyometrics",
      movementPattern: "conditioning",
    });
    expect(byId.get("Dumbbell_Clean")?.category).toBe("olympic_weightlifting");
    expect(byId.get("Bosu_Ball_Cable_Crunch_With_Side_Bends")?.requires).toEqual(["other"]);
  });

  it("ignores inherited keys: an exercise with the id constructor maps as the file says", () => {
    const mapped = mapFreeExerciseDb([
      {
        id: "constructor",
        name: "Odd Row",
        level: "beginner",
        equipment: "cable",
        primaryMuscles: ["middle back"],
        mechanic: "compound",
        category: "strength",
      },
    ]);
    expect(mapped.corrected).toEqual([]);
    expect(mapped.entries[0]).toMatchObject({ primaryMuscle: "middle_back", mechanic: "compound" });
  });
});
