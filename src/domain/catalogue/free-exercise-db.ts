// Maps a catalogue in the free-exercise-db JSON format (https://github.com/yuhonas/free-exercise-db)
// onto `CatalogueEntry`. Pure: the caller reads and parses the file, this module validates and maps it.
//
// Two levels of failure:
// - the input is not a catalogue at all (not a non-empty array of exercise objects with `id`, `name`,
//   `level`, `equipment` and `primaryMuscles` of the right types): `CatalogueFormatError`, naming the
//   path of the first problem;
// - one exercise cannot be mapped (no primary muscle, an unknown primary muscle, level or category,
//   an empty name): it is skipped and reported in `skipped`; the rest still map.
//
// Mapping decisions:
// - equipment words: "body only" -> bodyweight, "kettlebells" -> kettlebell, "e-z curl bar" -> ez_bar,
//   "medicine ball" -> medicine_ball, "exercise ball" -> exercise_ball, "foam roll" -> foam_roll, the
//   rest by name. `null` means the source lists no equipment; that is not the same as "body only" (in
//   free-exercise-db it covers stretches, but also e.g. inverted rows and scapular pull-ups that need a
//   bar), so it maps to "other" and is reported in `unmapped` (value "null"). That keeps such exercises
//   out of bodyweight-only plans. An unknown equipment word also maps to "other" and is reported.
// - muscles: "lower back" -> lower_back, "middle back" -> middle_back, the rest by name. The first
//   primary muscle is `primaryMuscle`; further primary muscles go to `secondaryMuscles` ahead of the
//   listed secondaries, without duplicates. An unknown primary muscle skips the exercise; an unknown
//   secondary muscle is dropped and reported in `unmapped`.
// - category: "olympic weightlifting" -> olympic_weightlifting, the rest by name. A missing category
//   (not one of the required fields) defaults to "strength" and is reported in `unmapped` (value
//   "null"); an unknown category word skips the exercise, since the category decides whether it may
//   be a working set at all (an unknown "mobility" must not become a strength exercise).
// - mechanic, force: null stays null; an unknown word becomes null and is reported in `unmapped`.
// - level: must be beginner, intermediate or expert, else the exercise is skipped.
// - movementPattern: inferred by `inferMovementPattern`, null where it is not clear.
// - requires (what the exercise needs besides its main implement: a pull-up bar, a bench, dip bars):
//   the format has no such field, so it is inferred from the name by `inferRequires` (requires.ts)
//   and every inference is listed in `inferredRequires`, so the import report can count them.
// - known data errors (a deadlift filed under lower back, a fly marked compound, a sprint filed as
//   strength...): corrected by the table in free-exercise-db-corrections.ts, keyed by id, and each
//   correction listed in `corrected`, so the import report can count them.
// - duplicate ids: the last exercise with an id wins; every earlier one is reported in `skipped`.
// - images and unknown fields are ignored.

import { z } from "zod";
import type { CatalogueEntry } from "../catalogue-entry.ts";
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
  type MovementPattern,
  MUSCLE_GROUPS,
  type MuscleGroup,
} from "../vocabulary.ts";
import { correctionFor, type FreeExerciseDbCorrection } from "./free-exercise-db-corrections.ts";
import { inferRequires } from "./requires.ts";

/** The input is not a free-exercise-db catalogue. `path` names the first problem, e.g. `[12].name`. */
export class CatalogueFormatError extends Error {
  readonly path: string;
  readonly problem: string;

  constructor(path: string, problem: string) {
    super(`not a free-exercise-db catalogue: ${path}: ${problem}`);
    this.name = "CatalogueFormatError";
    this.path = path;
    this.problem = problem;
  }
}

export interface UnmappedValue {
  /** The exercise's `id`. */
  id: string;
  /** The source field, e.g. "equipment" or "secondaryMuscles". */
  field: string;
  /** The value as the source spells it; "null" for a JSON null. */
  value: string;
}

export interface SkippedExercise {
  /** Position of the exercise in the file's top-level array. */
  index: number;
  id?: string;
  reason: string;
}

export interface InferredRequirement {
  id: string;
  name: string;
  requires: Equipment[];
}

export interface CorrectedExercise {
  id: string;
  name: string;
  /** The fields the correction table changed, e.g. ["primaryMuscle"]. */
  fields: string[];
  reason: string;
}

export interface FreeExerciseDbMapping {
  entries: CatalogueEntry[];
  /** The entries the table of known data errors corrected (free-exercise-db-corrections.ts). */
  corrected: CorrectedExercise[];
  /** The entries whose `requires` was inferred non-empty from their name. */
  inferredRequires: InferredRequirement[];
  unmapped: UnmappedValue[];
  skipped: SkippedExercise[];
}

export const FREE_EXERCISE_DB_ID_PATTERN = /^[0-9a-zA-Z_-]+$/;

function typeError(expected: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? `missing (expected ${expected})` : `expected ${expected}`;
}

const stringArray = z.array(z.string({ error: typeError("a string") }), {
  error: typeError("an array"),
});
const nullableString = z.string({ error: typeError("a string or null") }).nullable();

const exerciseSchema = z.object(
  {
    id: z
      .string({ error: typeError("a string") })
      .regex(FREE_EXERCISE_DB_ID_PATTERN, { error: "expected an id matching ^[0-9a-zA-Z_-]+$" }),
    name: z.string({ error: typeError("a string") }),
    level: z.string({ error: typeError("a string") }),
    equipment: nullableString,
    primaryMuscles: stringArray,
    secondaryMuscles: stringArray.optional(),
    mechanic: nullableString.optional(),
    force: nullableString.optional(),
    category: nullableString.optional(),
    instructions: stringArray.optional(),
  },
  { error: "expected an exercise object" },
);

/** Structural schema of a free-exercise-db file: what must hold for it to count as a catalogue. */
export const freeExerciseDbFileSchema = z
  .array(exerciseSchema, { error: "expected an array of exercise objects" })
  .min(1, { error: "expected at least one exercise, got an empty array" });

type SourceExercise = z.infer<typeof exerciseSchema>;

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

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

const EQUIPMENT_WORDS = table<Equipment>(EQUIPMENT, {
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

const MUSCLE_WORDS = table<MuscleGroup>(MUSCLE_GROUPS, {
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

const CATEGORY_WORDS = table<Category>(CATEGORIES, {});
const LEVEL_WORDS = table<CatalogueLevel>(CATALOGUE_LEVELS, {});
const MECHANIC_WORDS = table<Mechanic>(MECHANICS, {});
const FORCE_WORDS = table<Force>(FORCES, {});

/** What `inferMovementPattern` looks at. */
export interface PatternHints {
  name: string;
  category: Category;
  primaryMuscle: MuscleGroup;
  mechanic: Mechanic | null;
  force: Force | null;
}

type Rule = readonly [RegExp, MovementPattern | ((h: PatternHints) => MovementPattern | null)];

// Name keywords, most specific first. The first rule whose pattern matches the name decides.
const NAME_RULES: readonly Rule[] = [
  [/\bshrugs?\b/, "shrug"],
  [/\b(farmer'?s?|suitcase|yoke|waiter'?s?) (walk|carry)\b|\bcarry\b/, "carry"],
  [/\bcalf (raise|press)|\bcalf\b.*\braise|\bdonkey calf/, "calf_raise"],
  [/\bwrist\b|\bwrist roller|\bfinger curl|\bplate pinch/, "forearm"],
  [/\bneck\b/, (h) => (h.primaryMuscle === "neck" ? "neck" : null)],
  [/\bupright\b.*\brow\b/, "shoulder_isolation"],
  [/\b(leg|hamstring|nordic) curls?\b|\bglute[- ]ham raise|\bnatural glute ham/, "knee_flexion"],
  [/\bleg extensions?\b/, "knee_extension"],
  [/\b(back|hip) extensions?\b|\bhyperextensions?\b/, "hinge"],
  [
    /\bpull[- ]?downs?\b|\bpull[- ]?ups?\b|\bchin[- ]?ups?\b|\bchins?\b|\bmuscle[- ]?ups?\b|\brope climb/,
    (h) =>
      h.primaryMuscle === "abdominals" ? "core" : h.primaryMuscle === "triceps" ? null : "vertical_pull",
  ],
  [/\bpullovers?\b/, (h) => (h.primaryMuscle === "chest" ? "chest_isolation" : "vertical_pull")],
  [/\bface pull|\bbench pull/, "horizontal_pull"],
  [/\b(external|internal) rotation/, "shoulder_isolation"],
  [/\brows?\b/, "horizontal_pull"],
  [/\bsplit squats?\b|\blunges?\b|\bstep[- ]?ups?\b/, "lunge"],
  [/\bleg press\b|\bhack squat|\bsquats?\b/, "squat"],
  [/\bdeadlifts?\b|\bgood ?mornings?\b|\brdl\b|\bhip thrusts?\b/, "hinge"],
  [
    /\bbridges?\b/,
    (h) =>
      h.primaryMuscle === "glutes" || h.primaryMuscle === "hamstrings" || h.primaryMuscle === "lower_back"
        ? "hinge"
        : h.primaryMuscle === "abdominals"
          ? "core"
          : null,
  ],
  [/\bswings?\b|\bpull[- ]?through|\brack pulls?\b|\bstiff[- ]legs?\b/, "hinge"],
  [/\batlas stones?\b|\bkeg load|\bsandbag load|\btire flip/, "hinge"],
  [/\bsled\b|\bbattling ropes?\b|\bdrags?\b/, "conditioning"],
  [/\bthrusters?\b/, "squat"],
  [/\blog lift|\bcircus bell|\bjammer\b/, "vertical_push"],
  [/\bclean\b|\bsnatch\b|\bhigh pull\b/, "hinge"],
  [
    /\bjerk\b|\bpush press\b|\bmilitary press|\boverhead press|\bshoulder press|\barnold press/,
    "vertical_push",
  ],
  [/\bhandstand push/, "vertical_push"],
  [
    /\b(fly|flyes?|flies|cross ?overs?|pec deck|butterfly)\b/,
    (h) =>
      h.primaryMuscle === "shoulders" || h.primaryMuscle === "middle_back"
        ? "shoulder_isolation"
        : "chest_isolation",
  ],
  [/\bpush[- ]?ups?\b|\bbench press\b|\bfloor press\b|\bchest press\b/, "horizontal_push"],
  [/\bbench\b/, (h) => (h.primaryMuscle === "chest" ? "horizontal_push" : null)],
  [/\bdips?\b/, (h) => (h.primaryMuscle === "triceps" ? "elbow_extension" : "horizontal_push")],
  [
    /\bskull ?crushers?\b|\bpush ?downs?\b|\bkickbacks?\b|\btriceps? extensions?\b/,
    (h) =>
      h.primaryMuscle === "triceps"
        ? "elbow_extension"
        : h.primaryMuscle === "glutes"
          ? "hip_isolation"
          : null,
  ],
  [
    /\bcurls?\b/,
    (h) =>
      h.primaryMuscle === "biceps" || h.primaryMuscle === "forearms"
        ? "elbow_flexion"
        : h.primaryMuscle === "hamstrings"
          ? "knee_flexion"
          : null,
  ],
  [
    /\b(lateral|side|front|rear delt|y|reverse)[- ]raises?\b/,
    (h) => (h.primaryMuscle === "shoulders" ? "shoulder_isolation" : null),
  ],
  [
    /\b(leg|knee) raises?\b|\bcrunch|\bsit[- ]?ups?\b|\bplank|\btwist|\brollouts?\b|\bab roller|\bjackknife/,
    "core",
  ],
  [/\bflutter kicks?\b/, "core"],
  [/\babduct|\badduct|\bclam|\bfire hydrant|\bmonster walk|\bhip flexion|\bleg lift\b/, "hip_isolation"],
  [
    /\bpress(es)?\b/,
    (h) =>
      h.primaryMuscle === "shoulders"
        ? "vertical_push"
        : h.primaryMuscle === "chest" || h.primaryMuscle === "triceps"
          ? "horizontal_push"
          : null,
  ],
];

/**
 * Movement pattern of an exercise, inferred from its category, name keywords and then its primary
 * muscle with force and mechanic; null where none of these makes it clear.
 */
export function inferMovementPattern(hints: PatternHints): MovementPattern | null {
  if (hints.category === "stretching") return "mobility";
  if (hints.category === "cardio" || hints.category === "plyometrics") return "conditioning";
  const name = hints.name.toLowerCase();
  for (const [pattern, result] of NAME_RULES) {
    if (!pattern.test(name)) continue;
    const decided = typeof result === "function" ? result(hints) : result;
    if (decided !== null) return decided;
  }
  const { primaryMuscle, mechanic, force } = hints;
  switch (primaryMuscle) {
    case "abdominals":
      return "core";
    case "neck":
      return "neck";
    case "forearms":
      return "forearm";
    case "calves":
      return mechanic === "isolation" ? "calf_raise" : null;
    case "biceps":
      return mechanic === "isolation" && force === "pull" ? "elbow_flexion" : null;
    case "triceps":
      return mechanic === "isolation" && force === "push" ? "elbow_extension" : null;
    case "abductors":
    case "adductors":
      return mechanic === "isolation" ? "hip_isolation" : null;
    case "quadriceps":
      return mechanic === "isolation" && force === "push" ? "knee_extension" : null;
    case "hamstrings":
      return mechanic === "isolation" && force === "pull" ? "knee_flexion" : null;
    case "shoulders":
      return mechanic === "isolation" ? "shoulder_isolation" : null;
    case "chest":
      return mechanic === "isolation" ? "chest_isolation" : null;
    default:
      return null;
  }
}

type Mapped = { ok: true; entry: CatalogueEntry } | { ok: false; reason: string };

function mapExercise(source: SourceExercise, unmapped: UnmappedValue[]): Mapped {
  const id = source.id;
  const report = (field: string, value: string | null): void => {
    unmapped.push({ id, field, value: value === null ? "null" : value });
  };

  const name = source.name.trim();
  if (name === "") return { ok: false, reason: "empty name" };

  const level = LEVEL_WORDS.get(normalise(source.level));
  if (level === undefined) return { ok: false, reason: `unknown level "${source.level}"` };

  let category: Category = "strength";
  if (source.category !== undefined && source.category !== null) {
    const mapped = CATEGORY_WORDS.get(normalise(source.category));
    if (mapped === undefined) return { ok: false, reason: `unknown category "${source.category}"` };
    category = mapped;
  }

  const primaries: MuscleGroup[] = [];
  for (const word of source.primaryMuscles) {
    const muscle = MUSCLE_WORDS.get(normalise(word));
    if (muscle === undefined) return { ok: false, reason: `unknown primary muscle "${word}"` };
    primaries.push(muscle);
  }
  const primaryMuscle = primaries[0];
  if (primaryMuscle === undefined) return { ok: false, reason: "no primary muscle" };

  let equipment: Equipment;
  if (source.equipment === null) {
    equipment = "other";
    report("equipment", null);
  } else {
    const mapped = EQUIPMENT_WORDS.get(normalise(source.equipment));
    equipment = mapped ?? "other";
    if (mapped === undefined) report("equipment", source.equipment);
  }

  if (source.category === undefined || source.category === null) report("category", null);

  const secondaries: MuscleGroup[] = [];
  const addSecondary = (muscle: MuscleGroup): void => {
    if (muscle !== primaryMuscle && !secondaries.includes(muscle)) secondaries.push(muscle);
  };
  for (const muscle of primaries.slice(1)) addSecondary(muscle);
  for (const word of source.secondaryMuscles ?? []) {
    const muscle = MUSCLE_WORDS.get(normalise(word));
    if (muscle === undefined) report("secondaryMuscles", word);
    else addSecondary(muscle);
  }

  const optionalWord = <T>(
    field: string,
    value: string | null | undefined,
    words: ReadonlyMap<string, T>,
  ) => {
    if (value === undefined || value === null) return null;
    const mapped = words.get(normalise(value));
    if (mapped === undefined) {
      report(field, value);
      return null;
    }
    return mapped;
  };
  const mechanic = optionalWord("mechanic", source.mechanic, MECHANIC_WORDS);
  const force = optionalWord("force", source.force, FORCE_WORDS);

  const instructions = (source.instructions ?? []).map((line) => line.trim()).filter((line) => line !== "");

  const mapped = applyCorrection(
    { primaryMuscle, secondaries, mechanic, force, category, requires: inferRequires(name, equipment) },
    correctionFor(id),
  );
  return {
    ok: true,
    entry: {
      exerciseId: id,
      name,
      equipment,
      requires: mapped.requires.filter((value) => value !== equipment),
      primaryMuscle: mapped.primaryMuscle,
      secondaryMuscles: mapped.secondaries,
      level,
      mechanic: mapped.mechanic,
      force: mapped.force,
      category: mapped.category,
      movementPattern: inferMovementPattern({
        name,
        category: mapped.category,
        primaryMuscle: mapped.primaryMuscle,
        mechanic: mapped.mechanic,
        force: mapped.force,
      }),
      instructions,
    },
  };
}

interface CorrectableFields {
  primaryMuscle: MuscleGroup;
  secondaries: MuscleGroup[];
  mechanic: Mechanic | null;
  force: Force | null;
  category: Category;
  requires: Equipment[];
}

/** The fields with a known data error replaced; a new primary muscle demotes the old one to secondary. */
function applyCorrection(fields: CorrectableFields, correction: FreeExerciseDbCorrection | undefined) {
  if (correction === undefined) return fields;
  const out = { ...fields };
  const primary = correction.primaryMuscle;
  if (primary !== undefined && primary !== fields.primaryMuscle) {
    out.primaryMuscle = primary;
    out.secondaries = [fields.primaryMuscle, ...fields.secondaries.filter((muscle) => muscle !== primary)];
  }
  if (correction.mechanic !== undefined) out.mechanic = correction.mechanic;
  if (correction.force !== undefined) out.force = correction.force;
  if (correction.category !== undefined) out.category = correction.category;
  for (const needed of correction.requires ?? []) {
    if (!out.requires.includes(needed)) out.requires = [...out.requires, needed];
  }
  return out;
}

/** The names of the fields a correction sets, for the import report. */
function correctedFields(correction: FreeExerciseDbCorrection): string[] {
  return Object.keys(correction).filter((key) => key !== "reason");
}

/**
 * Maps the parsed JSON of a free-exercise-db file onto catalogue entries.
 * Throws `CatalogueFormatError` when the input is not a catalogue; otherwise returns the entries in
 * file order (an id that occurs more than once sits where it last occurs), the values it could not
 * map and the exercises it skipped.
 */
export function mapFreeExerciseDb(input: unknown): FreeExerciseDbMapping {
  const parsed = freeExerciseDbFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CatalogueFormatError(formatPath(issue?.path ?? []), issue?.message ?? "invalid catalogue");
  }
  const exercises = parsed.data;

  const lastIndexOfId = new Map<string, number>();
  exercises.forEach((exercise, index) => {
    lastIndexOfId.set(exercise.id, index);
  });

  const entries: CatalogueEntry[] = [];
  const unmapped: UnmappedValue[] = [];
  const skipped: SkippedExercise[] = [];
  exercises.forEach((exercise, index) => {
    const last = lastIndexOfId.get(exercise.id);
    if (last !== undefined && last !== index) {
      skipped.push({
        index,
        id: exercise.id,
        reason: `duplicate id; the exercise at index ${last} replaces it`,
      });
      return;
    }
    const result = mapExercise(exercise, unmapped);
    if (result.ok) entries.push(result.entry);
    else skipped.push({ index, id: exercise.id, reason: result.reason });
  });
  const inferredRequires = entries
    .filter((entry) => entry.requires.length > 0)
    .map((entry) => ({ id: entry.exerciseId, name: entry.name, requires: [...entry.requires] }));
  const corrected: CorrectedExercise[] = [];
  for (const entry of entries) {
    const correction = correctionFor(entry.exerciseId);
    if (correction === undefined) continue;
    corrected.push({
      id: entry.exerciseId,
      name: entry.name,
      fields: correctedFields(correction),
      reason: correction.reason,
    });
  }
  return { entries, corrected, inferredRequires, unmapped, skipped };
}
