// The shape a free-exercise-db JSON file (https://github.com/yuhonas/free-exercise-db) must have to
// count as a catalogue at all: a non-empty array of exercise objects with `id`, `name`, `level`,
// `equipment` and `primaryMuscles` of the right types. Anything else is a `CatalogueFormatError`
// naming the path of the first problem (`[12].name`), and nothing is mapped. What the words in a
// well-formed file mean is the mapper's business (free-exercise-db.ts), not this schema's.

import { z } from "zod";
import { EXERCISE_ID_PATTERN } from "../catalogue-entry.ts";

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
      .regex(EXERCISE_ID_PATTERN, { error: `expected an id matching ${EXERCISE_ID_PATTERN.source}` }),
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

export type SourceExercise = z.infer<typeof exerciseSchema>;

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The exercises of a parsed free-exercise-db file; throws `CatalogueFormatError` if it is not one. */
export function parseFreeExerciseDbFile(input: unknown): SourceExercise[] {
  const parsed = freeExerciseDbFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CatalogueFormatError(formatPath(issue?.path ?? []), issue?.message ?? "invalid catalogue");
  }
  return parsed.data;
}
