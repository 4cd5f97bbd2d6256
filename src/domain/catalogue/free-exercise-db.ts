// Maps a catalogue in the free-exercise-db JSON format (https://github.com/yuhonas/free-exercise-db)
// onto `CatalogueEntry`. Pure: the caller reads and parses the file, this module checks its shape
// (free-exercise-db-schema.ts), translates its words (free-exercise-db-words.ts) and builds entries.
//
// Two levels of failure:
// - the input is not a catalogue at all: `CatalogueFormatError` (free-exercise-db-schema.ts), naming
//   the path of the first problem;
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
// - movementPattern: inferred by `inferMovementPattern` (movement-pattern.ts), null where it is not
//   clear.
// - requires (what the exercise needs besides its main implement: a pull-up bar, a bench, dip bars):
//   the format has no such field, so it is inferred from the name by `inferRequires` (requires.ts)
//   and every inference is listed in `inferredRequires`, so the import report can count them.
// - ladder, ladderStep (bodyweight variation ladders): by the exact name, from
//   LADDER_NAMES_FREE_EXERCISE_DB (ladders.ts); every rung is listed in `ladderRungs`.
// - known data errors (a deadlift filed under lower back, a fly marked compound, a sprint filed as
//   strength...): corrected by the table in free-exercise-db-corrections.ts, keyed by id, and each
//   correction listed in `corrected`, so the import report can count them.
// - duplicate ids: the last exercise with an id wins; every earlier one is reported in `skipped`.
// - images and unknown fields are ignored.

import type { CatalogueEntry } from "../catalogue-entry.ts";

import type { Category, Equipment, Force, Mechanic, MuscleGroup } from "../vocabulary.ts";
import { correctionFor, type FreeExerciseDbCorrection } from "./free-exercise-db-corrections.ts";
import { parseFreeExerciseDbFile, type SourceExercise } from "./free-exercise-db-schema.ts";
import {
  CATEGORY_WORDS,
  EQUIPMENT_WORDS,
  FORCE_WORDS,
  LEVEL_WORDS,
  lookUpWord,
  MECHANIC_WORDS,
  MUSCLE_WORDS,
} from "./free-exercise-db-words.ts";
import { LADDER_NAMES_FREE_EXERCISE_DB, type Ladder } from "./ladders.ts";
import { inferMovementPattern } from "./movement-pattern.ts";
import { inferRequires } from "./requires.ts";

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

export interface LadderRungEntry {
  id: string;
  name: string;
  ladder: Ladder;
  step: number;
}

export interface FreeExerciseDbMapping {
  entries: CatalogueEntry[];
  /** The entries the table of known data errors corrected (free-exercise-db-corrections.ts). */
  corrected: CorrectedExercise[];
  /** The entries mapped onto a bodyweight variation ladder, by their name. */
  ladderRungs: LadderRungEntry[];
  /** The entries whose `requires` was inferred non-empty from their name. */
  inferredRequires: InferredRequirement[];
  unmapped: UnmappedValue[];
  skipped: SkippedExercise[];
}

type Mapped = { ok: true; entry: CatalogueEntry } | { ok: false; reason: string };

function mapExercise(source: SourceExercise, unmapped: UnmappedValue[]): Mapped {
  const id = source.id;
  const report = (field: string, value: string | null): void => {
    unmapped.push({ id, field, value: value === null ? "null" : value });
  };

  const name = source.name.trim();
  if (name === "") return { ok: false, reason: "empty name" };

  const level = lookUpWord(LEVEL_WORDS, source.level);
  if (level === undefined) return { ok: false, reason: `unknown level "${source.level}"` };

  let category: Category = "strength";
  if (source.category !== undefined && source.category !== null) {
    const mapped = lookUpWord(CATEGORY_WORDS, source.category);
    if (mapped === undefined) return { ok: false, reason: `unknown category "${source.category}"` };
    category = mapped;
  }

  const primaries: MuscleGroup[] = [];
  for (const word of source.primaryMuscles) {
    const muscle = lookUpWord(MUSCLE_WORDS, word);
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
    const mapped = lookUpWord(EQUIPMENT_WORDS, source.equipment);
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
    const muscle = lookUpWord(MUSCLE_WORDS, word);
    if (muscle === undefined) report("secondaryMuscles", word);
    else addSecondary(muscle);
  }

  const optionalWord = <T>(
    field: string,
    value: string | null | undefined,
    words: ReadonlyMap<string, T>,
  ) => {
    if (value === undefined || value === null) return null;
    const mapped = lookUpWord(words, value);
    if (mapped === undefined) {
      report(field, value);
      return null;
    }
    return mapped;
  };
  const mechanic = optionalWord("mechanic", source.mechanic, MECHANIC_WORDS);
  const force = optionalWord("force", source.force, FORCE_WORDS);

  const instructions = (source.instructions ?? []).map((line) => line.trim()).filter((line) => line !== "");

  const correction = correctionFor(id);
  const implement = correction?.equipment ?? equipment;
  const mapped = applyCorrection(
    { primaryMuscle, secondaries, mechanic, force, category, requires: inferRequires(name, implement) },
    correction,
  );
  return {
    ok: true,
    entry: {
      exerciseId: id,
      name,
      equipment: implement,
      requires: mapped.requires.filter((value) => value !== implement),
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
      ...ladderRung(name),
    },
  };
}

/** The variation ladder rung free-exercise-db's name maps to (ladders.ts), if any. */
function ladderRung(name: string): { ladder?: Ladder; ladderStep?: number } {
  const rung = LADDER_NAMES_FREE_EXERCISE_DB[name];
  return rung === undefined ? {} : { ladder: rung.ladder, ladderStep: rung.step };
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
  const exercises = parseFreeExerciseDbFile(input);

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
  const ladderRungs = entries.flatMap((entry) =>
    entry.ladder === undefined || entry.ladderStep === undefined
      ? []
      : [{ id: entry.exerciseId, name: entry.name, ladder: entry.ladder, step: entry.ladderStep }],
  );
  return { entries, corrected, inferredRequires, ladderRungs, unmapped, skipped };
}
