// Which lifts take a strength plan's low reps (issue 22, item 6; docs/programming-rules.md,
// section 3). Ranges of 1-5 are for the squat, the bench press, the deadlift, the overhead press and
// their close barbell variants: lifts that are loaded to near-maximal weights safely and whose
// strength is the goal. Rows, pull-downs and pull-ups get 6-10 (heavy 3-5-rep pulls at RIR 1
// turn into body English and elbow trouble, and the back grows with more reps); any other lift
// that leads a strength day (a leg press, a hip thrust) gets the T2 range.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { Goal, Tier } from "../vocabulary.ts";
import { patternOf } from "./movement.ts";

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

/** The rep target of a loaded slot: the tier's, except where a strength range does not fit the lift. */
export function liftReps(goal: Goal, tier: Tier, entry: CatalogueEntry, tierReps: string): string {
  if (goal !== "strength" || tier === "T3") return tierReps;
  if (isStrengthPull(goal, tier, entry)) return STRENGTH_PULL_REPS;
  if (tier === "T1" && !isPowerLift(entry)) return STRENGTH_OTHER_MAIN_REPS;
  return tierReps;
}
