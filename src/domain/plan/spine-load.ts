// Lifts that load the spine (docs/programming-rules.md, section 4, "Supersets"): a barbell squat,
// split squat or lunge carries the bar on the back (a Smith machine's bar too); a deadlift, a Romanian or stiff-leg deadlift and
// a good morning load the back through the hinge with any implement; a bent-over row (barbell,
// T-bar, Pendlay, or a free weight held while hinged) holds the hinge isometrically under load.
// Two of them in one superset leave the lower back no rest between them, so a squat pairs with a
// pull-down or a chest-supported row instead. Hip thrusts and bridges load the hips, not the spine;
// back extensions and pull-throughs are light work; swings are not paired heavy enough to matter.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import { patternOf } from "./movement.ts";
import { perEntry } from "./per-entry.ts";

const HINGE_NAME = /\b(deadlifts?|good[- ]?mornings?|stiff[- ]legged?|rdl)\b/i;
const NOT_SPINAL =
  /\b(hip thrusts?|bridges?|pull[- ]?throughs?|hyperextensions?|back extensions?|swings?|leg press)\b/i;
const BENT_ROW = /\b(bent[- ]?over|t[- ]?bar|pendlay|yates)\b/i;
const SUPPORTED = /\b(chest[- ]supported|supported|seated|lying|prone|incline bench|inverted)\b/i;
const FREE_WEIGHT = new Set(["barbell", "dumbbell", "kettlebell", "ez_bar"]);
const SMITH = /\bsmith\b/i;

/** Whether the lift loads the spine: no superset holds two of them (supersets.ts). */
export const loadsSpine = perEntry((entry: CatalogueEntry): boolean => {
  if (NOT_SPINAL.test(entry.name) || entry.mechanic === "isolation") return false;
  const pattern = patternOf(entry);
  const bar = entry.equipment === "barbell" || SMITH.test(entry.name);
  if (pattern === "squat" || pattern === "lunge") return bar;
  // With any implement, but not unloaded: a bodyweight good morning loads nothing.
  if (pattern === "hinge") return bar || (entry.equipment !== "bodyweight" && HINGE_NAME.test(entry.name));
  if (pattern === "horizontal_pull")
    return (
      (FREE_WEIGHT.has(entry.equipment) || bar) && BENT_ROW.test(entry.name) && !SUPPORTED.test(entry.name)
    );
  return false;
});

/**
 * A barbell squat, lunge or hinge that loads the spine: the heavy leg lifts, of which a deadlift
 * day holds one more at most (choose-exercise.ts) and which come before the day's other T2 work
 * (supersets.ts, sessionOrder).
 */
export function isBarbellLegLift(entry: CatalogueEntry): boolean {
  const pattern = patternOf(entry);
  return (
    entry.equipment === "barbell" &&
    (pattern === "squat" || pattern === "lunge" || pattern === "hinge") &&
    loadsSpine(entry)
  );
}
