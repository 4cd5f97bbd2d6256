// Which head of the deltoid a shoulder exercise trains most, by name, on any catalogue (issue 22,
// item 4). Neither catalogue has a field for it: free-exercise-db files lateral raises, rear-delt
// raises and front raises alike as "shoulders", isolation, so a rear-delt raise filled the lateral
// slot in every hypertrophy plan. The presses train the front delts; what the shoulders lack in a
// pressing week is side-delt work (lateral raises), then rear-delt work.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import { patternOf } from "./movement.ts";
import { perEntry } from "./per-entry.ts";

export type DeltHead = "side" | "rear" | "front";

/**
 * Rear delts: bent-over or lying raises, reverse flyes (free-exercise-db's "Reverse Machine Flyes"
 * too), face pulls, rear-delt rows and pec decks;
 * the prone raises and snow angels, rear delts and the upper back (a coach read a snow angel on a
 * push day the day before the pulls, where no rear-delt exercise may go); and two free-exercise-db
 * raises whose names hide it, bent over by their instructions: "Cable Seated Lateral Raise" (seated,
 * the torso on the thighs) and "Lying One-Arm Lateral Raise" (chest down on a bench). A coach's read
 * of the swaps found them filling the side-delt slot.
 */
const REAR =
  /\brear\b|\bsnow angels?\b|\breverse (machine |cable |dumbbell )?(fly|flys|flye|flyes|flies|pec deck)\b|\bface pulls?\b|\bbent[- ]over\b.*\b(lateral|laterals|raise)\b|\bprone (y-t-w|y|t|w) raises?\b|\bcable seated lateral raise\b|\blying one-arm lateral raise\b/i;

/**
 * Front delts: front raises, whatever the implement between the words ("Front Dumbbell Raise", "Front
 * Plate Raise"), free-exercise-db's "Straight Raises on Incline Bench" (a bar raised in front of the
 * head, lying face down: a coach read it as a front raise), and the hybrids that turn a lateral
 * raise into one ("Side Laterals to Front Raise", "Alternating Deltoid Raise", a low-pulley
 * "deltoid raise").
 */
export const FRONT_OR_HYBRID =
  /\bfront\b.*\braises?\b|\bstraight raises on incline bench\b|\bdeltoid raises?\b|\blaterals? to front\b/i;

/** Side delts: lateral and side raises (not bent over). */
const SIDE = /\blateral raises?\b|\bside laterals?\b|\bside raises?\b|\blateral raise\b|\blaterals?\b/i;

/** Worked out once per entry (per-entry.ts): the generator asks it in every range check. */
export const deltHeadOf = perEntry((entry: CatalogueEntry): DeltHead | undefined => {
  if (entry.primaryMuscle !== "shoulders") return undefined;
  if (FRONT_OR_HYBRID.test(entry.name)) return "front";
  if (REAR.test(entry.name)) return "rear";
  if (SIDE.test(entry.name) && patternOf(entry) === "shoulder_isolation") return "side";
  return undefined;
});

/** A lateral raise: side-delt isolation. */
export function isLateralRaise(entry: CatalogueEntry): boolean {
  return deltHeadOf(entry) === "side";
}

/**
 * Side- or rear-delt work: what a hypertrophy week's shoulders count apart (targets.ts,
 * deltIsolation). Shoulder isolation a name does not place (scaption, rotations, prone raises)
 * counts with the presses, as before.
 */
export function isDeltIsolation(entry: CatalogueEntry): boolean {
  const head = deltHeadOf(entry);
  return head === "side" || head === "rear";
}

/** Ranking for shoulder isolation: side delts first, rear second, front (the presses train them) last. */
export function deltRank(entry: CatalogueEntry): number {
  const head = deltHeadOf(entry);
  return head === "side" ? 0 : head === "rear" || head === undefined ? 1 : 2;
}
