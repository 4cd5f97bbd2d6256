// The movement pattern and compound/isolation nature of a catalogue entry. Imported rows may have
// no pattern (and no mechanic), so both are inferred from what every row has: the primary muscle,
// the mechanic and the force. The inference is coarse (a lunge reads as a squat), which is enough
// to balance a session and to tell compound (T1/T2) from isolation (T3) work.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { MovementPattern } from "../vocabulary.ts";
import { perEntry } from "./per-entry.ts";

const COMPOUND_PATTERNS: ReadonlySet<MovementPattern> = new Set([
  "squat",
  "hinge",
  "lunge",
  "horizontal_push",
  "vertical_push",
  "horizontal_pull",
  "vertical_pull",
  "carry",
]);

export function isCompoundPattern(pattern: MovementPattern): boolean {
  return COMPOUND_PATTERNS.has(pattern);
}

export function patternOf(entry: CatalogueEntry): MovementPattern {
  return entry.movementPattern ?? inferPattern(entry);
}

/**
 * Fly-like moves: straight-arm arcs about the shoulder (flyes, crossovers, pec decks, iron crosses,
 * around-the-worlds). Single-joint work whatever a catalogue's mechanic says, so never a main lift.
 */
const FLY_LIKE = /\b(fly|flys|flyes|flies|cross ?overs?|pec deck|butterfly|iron cross|around the worlds?)\b/i;

/**
 * The row's mechanic where it has one, else what its pattern implies; a fly-like name is isolation
 * either way (catalogues mark some flyes compound). Per entry: the generator asks it thousands of times.
 */
export const isCompound = perEntry((entry: CatalogueEntry): boolean => {
  if (FLY_LIKE.test(entry.name)) return false;
  return entry.mechanic !== null ? entry.mechanic === "compound" : isCompoundPattern(patternOf(entry));
});

/** A pull-up or chin-up on a bar: bodyweight work that takes a belt, so a load to add to. */
export const isBarWork = perEntry(
  (entry: CatalogueEntry): boolean =>
    entry.equipment === "bodyweight" && entry.requires.includes("pullup_bar") && isCompound(entry),
);

function inferPattern(entry: CatalogueEntry): MovementPattern {
  if (entry.category === "stretching") return "mobility";
  if (entry.category === "cardio") return "conditioning";
  // Without a mechanic, assume the muscle's usual loaded movement (compound for the big muscles).
  const compound = entry.mechanic !== "isolation";
  switch (entry.primaryMuscle) {
    case "quadriceps":
      return compound ? "squat" : "knee_extension";
    case "hamstrings":
      return compound ? "hinge" : "knee_flexion";
    case "glutes":
    case "lower_back":
      return compound ? "hinge" : "hip_isolation";
    case "adductors":
    case "abductors":
      return "hip_isolation";
    case "calves":
      return "calf_raise";
    case "chest":
      return compound ? "horizontal_push" : "chest_isolation";
    case "shoulders":
      if (!compound) return "shoulder_isolation";
      return entry.force === "pull" ? "horizontal_pull" : "vertical_push";
    case "lats":
      return "vertical_pull";
    case "middle_back":
      return "horizontal_pull";
    case "traps":
      return "shrug";
    case "biceps":
      return "elbow_flexion";
    case "triceps":
      // Only a row that says compound (close-grip press, dip) is a press; by default an extension.
      return entry.mechanic === "compound" ? "horizontal_push" : "elbow_extension";
    case "forearms":
      return "forearm";
    case "neck":
      return "neck";
    case "abdominals":
      return "core";
  }
}
