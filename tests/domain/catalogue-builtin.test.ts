import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import {
  CATALOGUE_LEVELS,
  CATEGORIES,
  EQUIPMENT,
  type Equipment,
  FORCES,
  MECHANICS,
  MOVEMENT_PATTERNS,
  MUSCLE_GROUPS,
  type MuscleGroup,
} from "../../src/domain/vocabulary.ts";

const MAJOR_MUSCLES: readonly MuscleGroup[] = [
  "chest",
  "lats",
  "middle_back",
  "shoulders",
  "quadriceps",
  "hamstrings",
  "glutes",
  "biceps",
  "triceps",
  "calves",
  "abdominals",
];

/** An entry the generator may use as a working set: not a stretch, not foam rolling, not mobility. */
function isWorkingSet(entry: CatalogueEntry): boolean {
  return (
    entry.category !== "stretching" && entry.movementPattern !== "mobility" && entry.equipment !== "foam_roll"
  );
}

function countBy<K extends string>(key: (entry: CatalogueEntry) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const entry of BUILTIN_CATALOGUE) counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1);
  return counts;
}

describe("BUILTIN_CATALOGUE", () => {
  it("has at least 170 exercises", () => {
    expect(BUILTIN_CATALOGUE.length).toBeGreaterThanOrEqual(170);
  });

  it("has unique, stable te_ snake_case ids and unique names", () => {
    const ids = BUILTIN_CATALOGUE.map((e) => e.exerciseId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^te_[a-z0-9]+(_[a-z0-9]+)*$/);
    const names = BUILTIN_CATALOGUE.map((e) => e.name.trim().toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const entry of BUILTIN_CATALOGUE) expect(entry.name.trim()).toBe(entry.name);
  });

  it("uses only values from the vocabularies, and every entry has a movement pattern", () => {
    for (const entry of BUILTIN_CATALOGUE) {
      const where = entry.exerciseId;
      expect(EQUIPMENT, where).toContain(entry.equipment);
      expect(MUSCLE_GROUPS, where).toContain(entry.primaryMuscle);
      for (const muscle of entry.secondaryMuscles) expect(MUSCLE_GROUPS, where).toContain(muscle);
      expect(CATALOGUE_LEVELS, where).toContain(entry.level);
      if (entry.mechanic !== null) expect(MECHANICS, where).toContain(entry.mechanic);
      if (entry.force !== null) expect(FORCES, where).toContain(entry.force);
      expect(CATEGORIES, where).toContain(entry.category);
      expect(entry.movementPattern, where).not.toBeNull();
      expect(MOVEMENT_PATTERNS, where).toContain(entry.movementPattern);
    }
  });

  it("lists secondary muscles without duplicates and without the primary muscle", () => {
    for (const entry of BUILTIN_CATALOGUE) {
      expect(new Set(entry.secondaryMuscles).size, entry.exerciseId).toBe(entry.secondaryMuscles.length);
      expect(entry.secondaryMuscles, entry.exerciseId).not.toContain(entry.primaryMuscle);
    }
  });

  it("gives every exercise short instructions of 2 to 4 sentences", () => {
    for (const entry of BUILTIN_CATALOGUE) {
      expect(entry.instructions.length, entry.exerciseId).toBeGreaterThanOrEqual(2);
      expect(entry.instructions.length, entry.exerciseId).toBeLessThanOrEqual(4);
      for (const sentence of entry.instructions) {
        expect(sentence, entry.exerciseId).toMatch(/^[A-Z].*[.!?]$/);
        expect(sentence.length, entry.exerciseId).toBeLessThanOrEqual(200);
      }
    }
  });

  it("has every muscle group as primary muscle, and 6+ working-set exercises per major muscle", () => {
    const all = countBy((e) => e.primaryMuscle);
    for (const muscle of MUSCLE_GROUPS) expect(all.get(muscle) ?? 0, muscle).toBeGreaterThanOrEqual(1);
    const working = new Map<MuscleGroup, number>();
    for (const entry of BUILTIN_CATALOGUE.filter(isWorkingSet)) {
      working.set(entry.primaryMuscle, (working.get(entry.primaryMuscle) ?? 0) + 1);
    }
    for (const muscle of MAJOR_MUSCLES) expect(working.get(muscle) ?? 0, muscle).toBeGreaterThanOrEqual(6);
  });

  it("uses every equipment value at least twice, as main implement or as a requirement", () => {
    const counts = new Map<string, number>();
    for (const entry of BUILTIN_CATALOGUE) {
      for (const value of new Set([entry.equipment, ...entry.requires]))
        counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    for (const equipment of EQUIPMENT)
      expect(counts.get(equipment) ?? 0, equipment).toBeGreaterThanOrEqual(2);
  });

  it("records what each entry needs besides its main implement", () => {
    const needs = (id: string) => BUILTIN_CATALOGUE.find((e) => e.exerciseId === id)?.requires;
    expect(needs("te_pull_up")).toEqual(["pullup_bar"]);
    expect(needs("te_band_assisted_pull_up")).toEqual(["pullup_bar"]);
    expect(needs("te_hanging_leg_raise")).toEqual(["pullup_bar"]);
    expect(needs("te_barbell_bench_press")).toEqual(["bench"]);
    expect(needs("te_lat_pulldown")).toEqual([]);
    expect(needs("te_push_up")).toEqual([]);
    for (const entry of BUILTIN_CATALOGUE) {
      expect(entry.requires, entry.exerciseId).not.toContain(entry.equipment);
      expect(new Set(entry.requires).size, entry.exerciseId).toBe(entry.requires.length);
    }
  });

  it("has bodyweight progressions and regressions for every level", () => {
    const names = BUILTIN_CATALOGUE.map((e) => e.name);
    for (const name of ["Incline Push-Up", "Knee Push-Up", "Push-Up", "Table Inverted Row", "Inverted Row"]) {
      expect(names, name).toContain(name);
    }
    expect(names).toContain("Band-Assisted Pull-Up");
    expect(names).toContain("Negative Pull-Up");
  });

  it("keeps foam-roll items and stretches out of working sets", () => {
    const foamRoll = BUILTIN_CATALOGUE.filter((e) => e.equipment === "foam_roll");
    expect(foamRoll.length).toBeGreaterThanOrEqual(2);
    for (const entry of foamRoll) {
      expect(entry.category === "stretching" || entry.movementPattern === "mobility", entry.exerciseId).toBe(
        true,
      );
    }
    for (const entry of BUILTIN_CATALOGUE.filter((e) => e.category === "stretching")) {
      expect(entry.movementPattern, entry.exerciseId).toBe("mobility");
    }
  });

  it.each<Equipment>(["bodyweight", "dumbbell", "bands"])(
    "lets a beginner with only %s train every major muscle",
    (equipment) => {
      for (const muscle of MAJOR_MUSCLES) {
        const options = BUILTIN_CATALOGUE.filter(
          (e) =>
            e.primaryMuscle === muscle &&
            e.equipment === equipment &&
            e.level === "beginner" &&
            isWorkingSet(e),
        );
        expect(options.length, `${equipment} / ${muscle}`).toBeGreaterThanOrEqual(1);
      }
    },
  );

  it("has enough beginner options overall for each major muscle", () => {
    for (const muscle of MAJOR_MUSCLES) {
      const beginner = BUILTIN_CATALOGUE.filter(
        (e) => e.primaryMuscle === muscle && e.level === "beginner" && isWorkingSet(e),
      );
      expect(beginner.length, muscle).toBeGreaterThanOrEqual(4);
    }
  });

  it("includes the main barbell lifts and pulls", () => {
    const byId = new Map(BUILTIN_CATALOGUE.map((e) => [e.exerciseId, e]));
    const expected: Array<[string, Equipment, MuscleGroup]> = [
      ["te_barbell_back_squat", "barbell", "quadriceps"],
      ["te_barbell_front_squat", "barbell", "quadriceps"],
      ["te_barbell_deadlift", "barbell", "hamstrings"],
      ["te_barbell_romanian_deadlift", "barbell", "hamstrings"],
      ["te_barbell_bench_press", "barbell", "chest"],
      ["te_barbell_incline_bench_press", "barbell", "chest"],
      ["te_barbell_overhead_press", "barbell", "shoulders"],
      ["te_barbell_bent_over_row", "barbell", "middle_back"],
      ["te_barbell_hip_thrust", "barbell", "glutes"],
      ["te_pull_up", "bodyweight", "lats"],
      ["te_chin_up", "bodyweight", "lats"],
      ["te_lat_pulldown", "cable", "lats"],
    ];
    for (const [id, equipment, muscle] of expected) {
      const entry = byId.get(id);
      expect(entry, id).toBeDefined();
      expect(entry?.equipment, id).toBe(equipment);
      expect(entry?.primaryMuscle, id).toBe(muscle);
      expect(entry?.category, id).toBe("strength");
    }
  });

  it("marks genuinely technical lifts as expert", () => {
    const technical = BUILTIN_CATALOGUE.filter((e) =>
      /snatch|clean|jerk|muscle_up|pistol|dragon_flag|handstand/.test(e.exerciseId),
    );
    expect(technical.length).toBeGreaterThanOrEqual(8);
    for (const entry of technical) expect(entry.level, entry.exerciseId).toBe("expert");
  });

  it("uses the movement patterns that match the obvious keywords", () => {
    for (const entry of BUILTIN_CATALOGUE) {
      const id = entry.exerciseId;
      if (entry.category === "stretching") continue;
      if (/_curl$/.test(id) && entry.primaryMuscle === "biceps")
        expect(entry.movementPattern, id).toBe("elbow_flexion");
      if (/leg_curl$/.test(id)) expect(entry.movementPattern, id).toBe("knee_flexion");
      if (/calf_raise/.test(id)) expect(entry.movementPattern, id).toBe("calf_raise");
      if (/pulldown$/.test(id)) expect(entry.movementPattern, id).toBe("vertical_pull");
      if (/shrug$/.test(id)) expect(entry.movementPattern, id).toBe("shrug");
    }
  });
});
