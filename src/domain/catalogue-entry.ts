// One exercise of the catalogue, as the generator sees it, and the one schema every catalogue entry
// meets: the built-in catalogue is checked against it when it loads (catalogue/builtin.ts), and the
// free-exercise-db mapper builds entries of this type (tests/domain/free-exercise-db.test.ts parses
// its output on the whole real file with it). The database enforces the vocabularies again with
// CHECK constraints (src/db/schema/exrcwiki.ts).

import { z } from "zod";
import { LADDERS } from "./catalogue/ladders.ts";
import {
  CATALOGUE_LEVELS,
  CATEGORIES,
  EQUIPMENT,
  FORCES,
  MECHANICS,
  MOVEMENT_PATTERNS,
  MUSCLE_GROUPS,
} from "./vocabulary.ts";

/** What an exercise id may hold: free-exercise-db's ids (`3_4_Sit-Up`) and ours (`te_pull_up`). */
export const EXERCISE_ID_PATTERN = /^[0-9a-zA-Z_-]+$/;

const equipment = z.enum(EQUIPMENT);
const muscleGroup = z.enum(MUSCLE_GROUPS);
const sentence = z.string().refine((line) => line.trim() !== "", { error: "expected a non-empty line" });

const distinct = <T>(values: readonly T[]) => new Set(values).size === values.length;

/**
 * A row of `exrcwiki` in domain words. `exerciseId` is the stable key (free-exercise-db's `id` for
 * imported rows). The cross-field rules say what the mapper guarantees and the built-in data keeps:
 * no requirement repeats the main implement, no secondary muscle repeats the primary one.
 */
export const catalogueEntrySchema = z
  .strictObject({
    exerciseId: z
      .string()
      .regex(EXERCISE_ID_PATTERN, { error: `expected an id matching ${EXERCISE_ID_PATTERN.source}` }),
    name: z
      .string()
      .refine((name) => name !== "" && name === name.trim(), { error: "expected a trimmed, non-empty name" }),
    /** The main implement: what is loaded or held (bodyweight for a pull-up). */
    equipment,
    /**
     * Further equipment the exercise cannot be done without, beyond `equipment`: `pullup_bar` for a
     * pull-up or hanging leg raise, `bench` for a bench press, `other` for special apparatus (dip
     * bars). Empty for most: a floor, a wall, a door frame or a sturdy table is assumed to be at
     * hand. The generator offers an exercise only when the lifter has all of it.
     */
    requires: z.array(equipment).readonly().refine(distinct, { error: "expected no value twice" }),
    primaryMuscle: muscleGroup,
    secondaryMuscles: z.array(muscleGroup).readonly().refine(distinct, { error: "expected no muscle twice" }),
    level: z.enum(CATALOGUE_LEVELS),
    mechanic: z.enum(MECHANICS).nullable(),
    force: z.enum(FORCES).nullable(),
    category: z.enum(CATEGORIES),
    /** null where the source does not say (imported rows); the generator then infers from muscles. */
    movementPattern: z.enum(MOVEMENT_PATTERNS).nullable(),
    instructions: z.array(sentence).readonly(),
    /** The bodyweight variation ladder the entry is a rung of (catalogue/ladders.ts), if any. */
    ladder: z.enum(LADDERS).optional(),
    /** Its rung, 1 = easiest; given exactly when `ladder` is. */
    ladderStep: z.number().int().min(1).max(20).optional(),
  })
  .superRefine((entry, ctx) => {
    if ((entry.ladder === undefined) !== (entry.ladderStep === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [entry.ladder === undefined ? "ladder" : "ladderStep"],
        message: "expected ladder and ladderStep together",
      });
    }
    if (entry.requires.includes(entry.equipment)) {
      ctx.addIssue({
        code: "custom",
        path: ["requires"],
        message: `expected no repeat of the main implement "${entry.equipment}"`,
      });
    }
    if (entry.secondaryMuscles.includes(entry.primaryMuscle)) {
      ctx.addIssue({
        code: "custom",
        path: ["secondaryMuscles"],
        message: `expected no repeat of the primary muscle "${entry.primaryMuscle}"`,
      });
    }
  });

export type CatalogueEntry = z.output<typeof catalogueEntrySchema>;

/** A catalogue entry that breaks the schema: `entryId` and `field` say which and where. */
export class CatalogueEntryError extends Error {
  readonly entryId: string;
  readonly field: string;

  constructor(source: string, entryId: string, field: string, problem: string) {
    super(`${source}: entry ${entryId}: ${field}: ${problem}`);
    this.name = "CatalogueEntryError";
    this.entryId = entryId;
    this.field = field;
  }
}

const entriesSchema = z.array(z.unknown(), { error: "expected an array of catalogue entries" });

/**
 * Parses a list of catalogue entries (a data file, already JSON-parsed), or throws
 * `CatalogueEntryError` for the first bad entry, naming its id (its index where it has no usable
 * id), the field (`secondaryMuscles[1]`) and the problem. `source` names the file in the message.
 * An id given twice is refused too: the second entry would silently replace the first.
 */
export function parseCatalogueEntries(input: unknown, source: string): CatalogueEntry[] {
  const list = entriesSchema.safeParse(input);
  if (!list.success)
    throw new CatalogueEntryError(source, "(none)", "(root)", list.error.issues[0]?.message ?? "");
  const entries: CatalogueEntry[] = [];
  const seen = new Set<string>();
  list.data.forEach((raw, index) => {
    const rawId = (raw as { exerciseId?: unknown } | null)?.exerciseId;
    const entryId = typeof rawId === "string" && rawId !== "" ? rawId : `at index ${index}`;
    const parsed = catalogueEntrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // A key the schema does not know is reported on the entry itself; name the key instead.
      const field =
        issue?.code === "unrecognized_keys" ? (issue.keys[0] ?? "") : fieldPath(issue?.path ?? []);
      throw new CatalogueEntryError(source, entryId, field, issue?.message ?? "invalid");
    }
    if (seen.has(parsed.data.exerciseId)) {
      throw new CatalogueEntryError(source, entryId, "exerciseId", "expected an id no other entry has");
    }
    seen.add(parsed.data.exerciseId);
    entries.push(parsed.data);
  });
  return entries;
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(entry)";
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join("");
}
