// Which catalogue entries may be a working set for a request (docs/programming-rules.md,
// "Exercise selection"). Bodyweight is always allowed: a lifter who lists only bands still has a
// floor to push up from, and the contract's equipment list describes what they own, not a ban.
// What an exercise needs besides its main implement (`requires`: a pull-up bar, a bench) must be in
// the list too: "bodyweight" is the floor, not a bar to hang from.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { CatalogueLevel, Equipment, ExperienceLevel } from "../vocabulary.ts";
import { patternOf } from "./movement.ts";
import { perEntry } from "./per-entry.ts";

const LEVELS_ALLOWED: Readonly<Record<ExperienceLevel, readonly CatalogueLevel[]>> = {
  beginner: ["beginner", "intermediate"],
  intermediate: ["beginner", "intermediate"],
  advanced: ["beginner", "intermediate", "expert"],
};

/** The request's equipment plus bodyweight. */
export function allowedEquipment(requested: readonly Equipment[]): ReadonlySet<Equipment> {
  return new Set<Equipment>([...requested, "bodyweight"]);
}

/**
 * Conditioning and plyometric drills by name, for catalogues that file some of them as strength
 * (free-exercise-db's "Lunge Sprint", "Freehand Jump Squat"): sprints, jumps, hops, burpees,
 * mountain climbers, shuffles, skips.
 */
const CONDITIONING_NAME =
  /\b(sprints?|jumps?|jumping|hops?|burpees?|mountain climbers?|shuffles?|skips?|skipping)\b/i;

/**
 * Stretches, cardio and foam rolling are never working sets: they build neither size nor strength.
 * Nor are isometric holds (a plank, a wall sit: their dose is seconds, which a set x reps row
 * cannot say) or plyometrics (jumps and throws are practised fresh in low-rep sets, not taken near
 * failure as a hard set). Per entry, once: every request filters the whole catalogue through it.
 */
export const isWorkingSetExercise = perEntry((entry: CatalogueEntry): boolean => {
  if (entry.category === "stretching" || entry.category === "cardio") return false;
  if (CONDITIONING_NAME.test(entry.name)) return false;
  if (entry.category === "plyometrics" || entry.force === "static") return false;
  if (entry.equipment === "foam_roll") return false;
  const pattern = patternOf(entry);
  return pattern !== "mobility" && pattern !== "conditioning";
});

/**
 * Skills that need a base of strength first, whatever level a catalogue gives them: eccentric
 * hamstring work (Nordic curls, glute-ham raises), handstand push-ups, one-legged squats, muscle-ups,
 * levers and planches, the Olympic lifts (cleans, snatches, jerks: they need coaching), and
 * whatever a catalogue names "advanced". Never for beginners (docs/programming-rules.md, section 6).
 */
const ADVANCED_SKILL =
  /\bnordic\b|\badvanced\b|\b(hang |power |squat )?(clean|snatch|jerk)\b|\bglute[- ]?ham\b|\bhandstand\b|\bpistol\b|\bshrimp squat|\bmuscle[- ]?ups?\b|\bdragon flag|\bl[- ]sit\b|\bplanche\b|\bfront lever|\bback lever|\bone[- ]arm (push|pull|chin)|\bsissy squat|\bnatural glute/i;

export const isAdvancedSkill = perEntry((entry: CatalogueEntry): boolean => ADVANCED_SKILL.test(entry.name));

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
    isWorkingSetExercise(entry) &&
    equipment.has(entry.equipment) &&
    entry.requires.every((needed) => equipment.has(needed)) &&
    levelAllowed(experience, entry.level) &&
    !(experience === "beginner" && isAdvancedSkill(entry))
  );
}
