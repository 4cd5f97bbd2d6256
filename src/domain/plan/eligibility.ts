// Which catalogue entries may be a working set for a request (docs/programming-rules.md,
// "Exercise selection"). Bodyweight is always allowed: a lifter who lists only bands still has a
// floor to push up from, and the contract's equipment list describes what they own, not a ban.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { CatalogueLevel, Equipment, ExperienceLevel } from "../vocabulary.ts";
import { patternOf } from "./movement.ts";

const LEVELS_ALLOWED: Readonly<Record<ExperienceLevel, readonly CatalogueLevel[]>> = {
  beginner: ["beginner", "intermediate"],
  intermediate: ["beginner", "intermediate"],
  advanced: ["beginner", "intermediate", "expert"],
};

/** The request's equipment plus bodyweight. */
export function allowedEquipment(requested: readonly Equipment[]): ReadonlySet<Equipment> {
  return new Set<Equipment>([...requested, "bodyweight"]);
}

/** Stretches, cardio and foam rolling are never working sets: they build neither size nor strength. */
export function isWorkingSetExercise(entry: CatalogueEntry): boolean {
  if (entry.category === "stretching" || entry.category === "cardio") return false;
  if (entry.equipment === "foam_roll") return false;
  const pattern = patternOf(entry);
  return pattern !== "mobility" && pattern !== "conditioning";
}

/** Expert exercises only for advanced lifters (their skill and injury risk need a training history). */
export function levelAllowed(experience: ExperienceLevel, level: CatalogueLevel): boolean {
  return LEVELS_ALLOWED[experience].includes(level);
}

export function isEligible(
  entry: CatalogueEntry,
  experience: ExperienceLevel,
  equipment: ReadonlySet<Equipment>,
): boolean {
  return (
    isWorkingSetExercise(entry) && equipment.has(entry.equipment) && levelAllowed(experience, entry.level)
  );
}
