// Weekly minimums of particular movements, the ones a coach looks for in a finished week beyond
// the muscle groups' ranges (issue 22, items 4 and 5; docs/programming-rules.md, section 5):
// - hypertrophy, intermediate and up: lateral raises, 6 or more sets a week (the side delts get
//   little from pressing, and the rear delts get rows);
// - strength and general fitness with a barbell or dumbbells: an overhead press (a vertical press
//   is a basic pattern; bench pressing alone leaves it out);
// - hypertrophy, intermediate and up: rear-delt work (face pulls, reverse flyes), 4 or more sets a
//   week: rows train the rear delts only partly, and a coach's read found none in eight plans;
// - hypertrophy, intermediate and up: knee flexion, 4 or more sets a week (a leg curl; sliding or,
//   for advanced lifters, Nordic curls without machines): hinges train the hamstrings at the hip
//   only, and the short head of the biceps femoris needs knee flexion.
// Each is met by the changes of minimum-changes.ts, cheapest first: more sets on the movement's
// slots, new slots, traded sets, swaps of a donor slot, merges, then the same with the day's other
// work making room for the time.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import { isPush } from "./balance.ts";
import { deltHeadOf, FRONT_OR_HYBRID, isLateralRaise } from "./delt-head.ts";
import { isAdvancedSkill } from "./eligibility.ts";
import { addPullSet } from "./fill-spare-time.ts";
import {
  addNew,
  holdsWithRoom,
  type MovementMinimum,
  merge,
  raiseOne,
  setsOf,
  shareFromOtherDay,
  swap,
  tradeOne,
} from "./minimum-changes.ts";
import { isCompound, patternOf } from "./movement.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import { blockOf, type DayDraft, daySeconds, restedFor, type WeekDraft } from "./week-draft.ts";

/** A trained hypertrophy week's rear-delt work, at least (the rule below). */
export const REAR_DELT_WEEKLY_SETS = 4;

export type { MovementMinimum };

const LOADED_PRESS = new Set(["barbell", "dumbbell"]);
const OVERHEAD_PRESS = "an overhead press";

/** A loaded overhead press: a compound vertical push with a barbell or dumbbells (no raise hybrid). */
export function isOverheadPress(entry: CatalogueEntry): boolean {
  return (
    patternOf(entry) === "vertical_push" &&
    LOADED_PRESS.has(entry.equipment) &&
    isCompound(entry) &&
    !FRONT_OR_HYBRID.test(entry.name)
  );
}

/** Rear-delt work: face pulls, reverse flyes, bent-over and lying rear raises (delt-head.ts). */
export function isRearDelt(entry: CatalogueEntry): boolean {
  return deltHeadOf(entry) === "rear";
}

export function isKneeFlexion(entry: CatalogueEntry): boolean {
  return patternOf(entry) === "knee_flexion";
}

const CURL_EQUIPMENT = new Set(["machine", "cable", "bands"]);

/**
 * A leg curl on a machine, a cable or a band where the lifter has one (not the glute-ham raise's
 * machine: 4-8 hard eccentric reps, which a coach read as an advanced hypertrophy week's only
 * knee flexion in a full gym); without, Nordic curls for advanced lifters, sliding curls (the
 * ranking's choice: skills last) for everyone else.
 */
function kneeFlexionPreference(week: WeekDraft): (entry: CatalogueEntry) => boolean {
  if (hasCurlEquipment(week)) {
    // The machine made for it first, where there is one (the plan rules ask for it).
    const kind = week.equipment.has("machine") ? new Set(["machine"]) : CURL_EQUIPMENT;
    return (entry) => kind.has(entry.equipment) && !isAdvancedSkill(entry);
  }
  if (week.experience === "advanced") return isAdvancedSkill;
  return (entry) => !isAdvancedSkill(entry);
}

/** The movement minimums a week must meet, by goal, level and equipment. */
export function movementMinimums(week: WeekDraft): MovementMinimum[] {
  const out: MovementMinimum[] = [];
  const trained = week.experience !== "beginner";
  if (week.goal === "hypertrophy" && trained) {
    out.push({
      rule: "lateral raises",
      group: "shoulders",
      test: isLateralRaise,
      weeklySets: 6,
      // Side delts recover fast and need no warm-up: a pull or leg day may end with raises.
      anyDay: true,
      oneADay: true,
      donor: (slot) => slot.group === "shoulders" && !isLateralRaise(slot.entry),
    });
    out.push({
      rule: KNEE_FLEXION,
      group: "hamstrings",
      test: isKneeFlexion,
      prefer: kneeFlexionPreference(week),
      weeklySets: 4,
      donor: (slot) => (slot.group === "hamstrings" || slot.group === "glutes") && !isKneeFlexion(slot.entry),
    });
    out.push({
      rule: "rear delts",
      group: "shoulders",
      test: isRearDelt,
      weeklySets: REAR_DELT_WEEKLY_SETS,
      // Face pulls and reverse flyes end a pull day (a coach read them on a legs day and a push
      // day of a push/pull/legs week); days that train the shoulders next, then any other.
      anyDay: true,
      home: "back",
      // Only front-delt work gives way: the presses train the front delts already.
      donor: (slot) => slot.group === "shoulders" && deltHeadOf(slot.entry) === "front",
    });
  }
  const canPress = week.equipment.has("barbell") || week.equipment.has("dumbbell");
  if ((week.goal === "strength" || week.goal === "general_fitness") && canPress) {
    out.push({
      rule: OVERHEAD_PRESS,
      group: "shoulders",
      test: isOverheadPress,
      weeklySets: MIN_SLOT_SETS,
      spare: { group: "chest", share: 0.5 },
      // A lateral raise gives way too: in these goals the press is the shoulders' basic lift.
      donor: (slot) => (isPush(slot.entry) || slot.group === "shoulders") && !isOverheadPress(slot.entry),
    });
  }
  return out;
}

export function meetMovementMinimums(week: WeekDraft): void {
  const all = movementMinimums(week);
  for (const rule of all) {
    const others = all.filter((other) => other !== rule);
    const minimum = { ...rule, protects: (entry: CatalogueEntry) => others.some((o) => o.test(entry)) };
    // Every way that keeps each group's minimum first; only then may the movement cost its spare.
    meetMinimum(week, { ...minimum, spare: undefined });
    if (minimum.spare !== undefined) meetMinimum(week, minimum);
    if (rule.rule === KNEE_FLEXION && hasCurlEquipment(week)) kneeFlexionEachLegDay(week, minimum);
  }
}

const KNEE_FLEXION = "knee flexion";

const hasCurlEquipment = (week: WeekDraft): boolean =>
  [...CURL_EQUIPMENT].some((e) => week.equipment.has(e as never));

/**
 * With a leg curl at hand, each lower or legs day holds one (a coach read a lower day of squats,
 * Romanian deadlifts and hip thrusts whose week's only leg curl was on the other lower day, and the
 * same Romanian deadlift both days): a new slot where the day has the time, else a hamstring or
 * glute slot that is not the main lift gives way with its sets, else another day's leg curl shares
 * two of its sets.
 */
function kneeFlexionEachLegDay(week: WeekDraft, minimum: MovementMinimum): void {
  for (const day of week.days) {
    if (day.template.kind !== "lower" && day.template.kind !== "legs") continue;
    if (day.slots.some((slot) => minimum.test(slot.entry))) continue;
    if (addNew(week, day, minimum)) continue;
    const donors = day.slots.filter((slot) => slot.tier !== "T1" && minimum.donor(slot));
    if (donors.some((donor) => swap(week, day, donor, minimum))) continue;
    if (shareFromOtherDay(week, day, minimum)) continue;
    addNew(week, day, minimum, true);
  }
}

function meetMinimum(week: WeekDraft, minimum: MovementMinimum): void {
  const short = () => setsOf(week, minimum) < minimum.weeklySets;
  if (!short()) return;
  const byLength = () => [...week.days].sort((a, b) => daySeconds(week, a) - daySeconds(week, b));
  const raiseAll = (makingRoom: boolean) => {
    let guard = 40;
    while (guard-- > 0 && short() && raiseOne(week, minimum, byLength(), makingRoom)) {}
  };
  // Days that train the group first (shortest first), then, where the movement allows, the others;
  // those only while neither neighbour trains the group (checked as slots are added).
  const home = (day: DayDraft) => minimum.home !== undefined && blockOf(day, minimum.home) !== undefined;
  const trains = (day: DayDraft) => blockOf(day, minimum.group) !== undefined;
  const hosts = () => [
    ...byLength().filter(home),
    ...byLength().filter((d) => trains(d) && !home(d)),
    ...(minimum.anyDay ? byLength().filter((d) => !trains(d) && !home(d)) : []),
  ];
  const mayHost = (day: DayDraft) =>
    home(day) || trains(day) || restedFor(week, day, minimum.home ?? minimum.group);
  const swapOn = (makingRoom: boolean) => {
    for (const day of byLength()) {
      if (!short()) return;
      if (holdsWithRoom(week, day, minimum)) continue;
      for (const donor of day.slots.filter((s) => s.tier !== "T1" && minimum.donor(s))) {
        if (swap(week, day, donor, minimum, makingRoom)) break;
      }
    }
  };
  // 1. More sets on the movement's slots, shortest day first.
  raiseAll(false);
  // 2. A press in a balanced week first makes room with pulling sets, where time allows
  // (pull >= push, balance.ts).
  if (short() && week.pullShare > 0 && minimum.rule === OVERHEAD_PRESS) {
    const missing = minimum.weeklySets - setsOf(week, minimum);
    for (let i = 0; i < Math.max(MIN_SLOT_SETS, missing); i++) addPullSet(week);
    raiseAll(false);
  }
  // 3. New 2-set slots.
  for (const day of hosts()) {
    if (!short()) return;
    if (holdsWithRoom(week, day, minimum) || !mayHost(day)) continue;
    addNew(week, day, minimum);
  }
  raiseAll(false);
  // 4. Trades: a set of another slot of the day becomes a set of the movement.
  let guard = 40;
  while (guard-- > 0 && short() && tradeOne(week, minimum, byLength())) {}
  // 5. Swaps: a donor slot gives way to the movement with the same sets.
  swapOn(false);
  // 6. Merges: on a day that already holds the movement, a donor's sets move to it (one exercise
  // of the movement a day, as a coach writes it, rather than a second variant).
  for (const day of byLength()) {
    if (!short()) return;
    const holder = day.slots.find((s) => minimum.test(s.entry));
    if (holder === undefined) continue;
    for (const donor of day.slots.filter((s) => s.tier !== "T1" && s !== holder && minimum.donor(s))) {
      if (merge(week, day, donor, holder)) break;
    }
  }
  // 7. The same changes with the day's other work giving way for the time: more sets, swaps, new
  // slots, and more sets on those.
  raiseAll(true);
  swapOn(true);
  for (const day of hosts()) {
    if (!short()) return;
    if (day.slots.some((s) => minimum.test(s.entry)) || !mayHost(day)) continue;
    addNew(week, day, minimum, true);
  }
  raiseAll(true);
}
