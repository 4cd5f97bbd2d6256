// The words free-exercise-db spells its values with, and the vocabulary value each one means
// (src/domain/vocabulary.ts). Every vocabulary value stands for itself; the synonyms below are the
// spellings the file uses besides ("body only", "e-z curl bar", "lower back"). Comparison ignores
// case, surrounding space and the difference between a space and an underscore. What the mapper
// does with a word no table knows (report it, default it or skip the exercise) is decided in
// free-exercise-db.ts.

import {
  CATALOGUE_LEVELS,
  CATEGORIES,
  type CatalogueLevel,
  type Category,
  EQUIPMENT,
  type Equipment,
  FORCES,
  type Force,
  MECHANICS,
  type Mechanic,
  MUSCLE_GROUPS,
  type MuscleGroup,
} from "../vocabulary.ts";

function normalise(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");
}

function table<T extends string>(values: readonly T[], synonyms: Record<string, T>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const value of values) map.set(normalise(value), value);
  for (const [word, value] of Object.entries(synonyms)) map.set(normalise(word), value);
  return map;
}

export const EQUIPMENT_WORDS = table<Equipment>(EQUIPMENT, {
  "body only": "bodyweight",
  "body weight": "bodyweight",
  kettlebells: "kettlebell",
  dumbbells: "dumbbell",
  barbells: "barbell",
  band: "bands",
  "e-z curl bar": "ez_bar",
  "ez curl bar": "ez_bar",
  "e-z bar": "ez_bar",
});

export const MUSCLE_WORDS = table<MuscleGroup>(MUSCLE_GROUPS, {
  abs: "abdominals",
  obliques: "abdominals",
  abductor: "abductors",
  adductor: "adductors",
  bicep: "biceps",
  calf: "calves",
  forearm: "forearms",
  glute: "glutes",
  hamstring: "hamstrings",
  quads: "quadriceps",
  quadricep: "quadriceps",
  delts: "shoulders",
  deltoids: "shoulders",
  trapezius: "traps",
  tricep: "triceps",
});

export const CATEGORY_WORDS = table<Category>(CATEGORIES, {});
export const LEVEL_WORDS = table<CatalogueLevel>(CATALOGUE_LEVELS, {});
export const MECHANIC_WORDS = table<Mechanic>(MECHANICS, {});
export const FORCE_WORDS = table<Force>(FORCES, {});

/** The vocabulary value a source word means in `words`, or undefined for a word it does not know. */
export function lookUpWord<T>(words: ReadonlyMap<string, T>, word: string): T | undefined {
  return words.get(normalise(word));
}
