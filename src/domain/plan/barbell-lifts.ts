// The barbell lifts a strength week counts (strength-frequency.ts: a squat and a press on 2+ days,
// a hinge weekly) and a deadlift day caps (week-draft.ts: a squat after it stops at 3 sets).

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { MovementPattern } from "../vocabulary.ts";
import { HEAVY_HINGE } from "./choose-exercise.ts";
import { isCompound, patternOf } from "./movement.ts";

/** A barbell compound of one of the patterns. */
export const barbellOf =
  (patterns: readonly MovementPattern[]) =>
  (entry: CatalogueEntry): boolean =>
    entry.equipment === "barbell" && isCompound(entry) && patterns.includes(patternOf(entry));

/** A barbell hinge that counts as the week's hinge (not a hip thrust, a bridge or an Olympic pull). */
export const isBarbellHinge = (entry: CatalogueEntry): boolean =>
  barbellOf(["hinge"])(entry) && HEAVY_HINGE.test(entry.name);

export const isBarbellSquat = barbellOf(["squat"]);

/** A barbell press of either direction counts for the press's two days. */
export const isBarbellPress = barbellOf(["horizontal_push", "vertical_push"]);
