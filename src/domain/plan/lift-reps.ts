// Which lifts take a strength plan's low reps (issue 22, item 6; docs/programming-rules.md,
// section 3). Ranges of 1-5 are for the squat, the bench press, the deadlift, the overhead press and
// their close barbell variants: lifts that are loaded to near-maximal weights safely and whose
// strength is the goal. Rows, pull-downs and pull-ups get 6-10 (heavy 3-5-rep pulls at RIR 1
// turn into body English and elbow trouble, and the back grows with more reps); any other lift
// that leads a strength day (a leg press, a hip thrust) gets the T2 range.
// By exercise, not only tier (docs/programming-rules.md, section 3, "Rep ranges by exercise"):
// dumbbell and kettlebell lower-body lifts (a goblet squat, a split squat, a dumbbell Romanian
// deadlift) take 8-12 where the tier says fewer: the weight a lifter can hold caps them first, and
// balance limits a single-leg set before the legs fail; pull-throughs, back extensions and reverse
// hyperextensions 12-15 or more in every plan (light hip work, not a heavy hinge); and the easy
// bodyweight moves (a two-legged squat, a glute bridge, a calf raise) 15-25, since 6-12 of them
// are no hard set for anyone past the first weeks.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { Goal, Tier } from "../vocabulary.ts";
import { isAdvancedSkill } from "./eligibility.ts";
import { isCompound, patternOf } from "./movement.ts";
import { BODYWEIGHT_REPS } from "./prescription.ts";

const POWER_PATTERNS = new Set(["squat", "hinge", "horizontal_push", "vertical_push"]);
const POWER_NAME =
  /\b(squat|bench press|deadlift|overhead press|military press|shoulder press|floor press|push press)\b/i;
const NOT_CLOSE =
  /\b(romanian|stiff|single|one[- ]arm|one[- ]leg|split|bulgarian|jump|jumping|lunge|hack|smith|sumo|zercher|overhead squat)\b/i;

/** A competition lift or a close barbell variant: the lifts 1-5 reps are for. */
export function isPowerLift(entry: CatalogueEntry): boolean {
  return (
    entry.equipment === "barbell" &&
    POWER_PATTERNS.has(patternOf(entry)) &&
    POWER_NAME.test(entry.name) &&
    !NOT_CLOSE.test(entry.name)
  );
}

const PULLS = new Set(["horizontal_pull", "vertical_pull"]);

/** The strength range for rows, pull-downs and pull-ups. */
export const STRENGTH_PULL_REPS = "6-10";
/** Other lifts that lead a strength day get the T2 range instead of 1-5. */
export const STRENGTH_OTHER_MAIN_REPS = "6-8";

/** A row, pull-down or pull-up in a strength plan's T1 or T2: 6-10, loaded or not. */
export function isStrengthPull(goal: Goal, tier: Tier, entry: CatalogueEntry): boolean {
  return goal === "strength" && tier !== "T3" && PULLS.has(patternOf(entry));
}

/** Pull-throughs, back extensions and reverse hyperextensions: light hip work. */
export const LIGHT_HIP = /\b(pull[- ]?throughs?|back extensions?|hyperextensions?|reverse hyper)\b/i;
export const LIGHT_HIP_REPS = "12-15";
/** The range dumbbell and kettlebell lower-body lifts take where the tier says fewer. */
export const HELD_LOWER_REPS = "8-12";
/** Easy bodyweight moves: a two-legged squat, a glute bridge, a calf raise. */
export const EASY_BODYWEIGHT_REPS = "15-25";

const LOWER_PATTERNS = new Set(["squat", "lunge", "hinge"]);
const ONE_LEG =
  /\b(single|one)[- ]leg(ged)?\b|\bpistol|\bshrimp|\bsissy|\bsplit|\bbulgarian|\bstep[- ]?ups?\b/i;

/**
 * Nordic curls and glute-ham raises: the knee flexors lowering the whole body, so hard that most
 * trained lifters manage 4-8 clean reps (a coach read a glute-ham raise for 8-12 as too many;
 * Nordic programmes work in sets of 4-8 before adding load or range).
 */
const KNEE_FLEXION_SKILL = /\bnordic\b|\bglute[- ]?ham\b/i;
export const KNEE_FLEXION_SKILL_REPS = "4-8";

/** Nordic curls and glute-ham raises: a bodyweight knee-flexion skill (not a reverse Nordic). */
export function isKneeFlexionSkill(entry: CatalogueEntry): boolean {
  return KNEE_FLEXION_SKILL.test(entry.name) && !/\breverse\b/i.test(entry.name);
}

/** The lowest rep count of "a-b" or "n". */
function lowOf(reps: string): number {
  return Number.parseInt(reps, 10);
}

/** The rep target of a loaded slot: the tier's, except where it does not fit the lift. */
export function liftReps(goal: Goal, tier: Tier, entry: CatalogueEntry, tierReps: string): string {
  const pattern = patternOf(entry);
  if (isStrengthPull(goal, tier, entry)) return STRENGTH_PULL_REPS;
  if (isKneeFlexionSkill(entry)) return KNEE_FLEXION_SKILL_REPS;
  if (LIGHT_HIP.test(entry.name)) return lowOf(tierReps) < 12 ? LIGHT_HIP_REPS : tierReps;
  const held = entry.equipment === "dumbbell" || entry.equipment === "kettlebell";
  if (tier !== "T3" && held && LOWER_PATTERNS.has(pattern) && isCompound(entry))
    return lowOf(tierReps) < 8 ? HELD_LOWER_REPS : tierReps;
  if (goal !== "strength" || tier === "T3") return tierReps;
  if (tier === "T1" && !isPowerLift(entry)) return STRENGTH_OTHER_MAIN_REPS;
  return tierReps;
}

/**
 * An unloaded hinge that is no skill (a kickstand or single-leg Romanian deadlift, a bodyweight hip
 * thrust): 12-20, since 6-12 of them come nowhere near RIR 3 (a coach read a kickstand RDL for 6-12
 * leading a bodyweight beginner's day).
 */
export const UNLOADED_HINGE_REPS = "12-20";

/**
 * The rep target of a bodyweight slot: the easy moves 15-25, Nordic curls 4-8, other unloaded hinges
 * 12-20, the rest their tier's bodyweight range.
 */
export function bodyweightReps(tier: Tier, entry: CatalogueEntry): string {
  const pattern = patternOf(entry);
  const easy =
    pattern === "calf_raise" ||
    LIGHT_HIP.test(entry.name) ||
    (pattern === "squat" && !ONE_LEG.test(entry.name)) ||
    (pattern === "hinge" && /\bbridge\b/i.test(entry.name) && !ONE_LEG.test(entry.name));
  if (easy) return EASY_BODYWEIGHT_REPS;
  if (isKneeFlexionSkill(entry)) return KNEE_FLEXION_SKILL_REPS;
  if (pattern === "hinge" && isCompound(entry) && !isAdvancedSkill(entry)) return UNLOADED_HINGE_REPS;
  return BODYWEIGHT_REPS[tier];
}
