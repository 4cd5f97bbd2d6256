// What exercise_alternatives (src/db/sql/exercise_alternatives.sql) counts as the same movement, in
// TypeScript for the tests that check its ranking (tests/swap/matrix-check.ts): the same movement
// pattern, or, between two glute exercises, hip extension in either form. A hinge (a bridge, a hip
// thrust, a pull-through) and a hip isolation exercise (a kickback) both extend the hip, the
// glutes' own movement: a coach's read rejected a bodyweight kickback as the first swap for a cable
// kickback, and a bodyweight bridge for a cable pull-through, where each keeps the load in the other.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import { patternOf } from "../plan/movement.ts";

const HIP_EXTENSION: ReadonlySet<string> = new Set(["hinge", "hip_isolation"]);

const gluteHipExtension = (entry: CatalogueEntry): boolean =>
  entry.primaryMuscle === "glutes" && HIP_EXTENSION.has(patternOf(entry));

/** Whether two exercises are the same movement for a swap. */
export function sameSwapMovement(a: CatalogueEntry, b: CatalogueEntry): boolean {
  return patternOf(a) === patternOf(b) || (gluteHipExtension(a) && gluteHipExtension(b));
}
