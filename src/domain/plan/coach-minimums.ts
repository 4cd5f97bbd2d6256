// Weekly minimums of particular movements, the ones a coach looks for in a finished week beyond
// the muscle groups' ranges (issue 22, items 4 and 5; docs/programming-rules.md, section 5):
// - hypertrophy, intermediate and up: lateral raises, 6 or more sets a week (the side delts get
//   little from pressing, and the rear delts get rows);
// - strength and general fitness with a barbell or dumbbells: an overhead press (a vertical press
//   is a basic pattern; bench pressing alone leaves it out);
// - hypertrophy, intermediate and up: knee flexion, 4 or more sets a week (a leg curl; sliding or,
//   for advanced lifters, Nordic curls without machines): hinges train the hamstrings at the hip
//   only, and the short head of the biceps femoris needs knee flexion.
// Each is met by adding sets to the movement's slots, then new 2-set slots on days that train the
// group, then, where neither fits the time, ranges or balance, by swapping a slot of the group
// (or a donor the rule names) for the movement with the same sets.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import { breaksBalance, isPull, isPush, lacksPull } from "./balance.ts";
import { FRONT_OR_HYBRID, isLateralRaise } from "./delt-head.ts";
import { isAdvancedSkill } from "./eligibility.ts";
import { addPullSet } from "./fill-spare-time.ts";
import { isCompound, patternOf } from "./movement.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import { MAJOR_GROUPS, type TargetGroup, weeklyTarget } from "./targets.ts";
import { durationMinutes, setSeconds } from "./time-model.ts";
import {
  addSlot,
  attempt,
  blockOf,
  changeSets,
  type DayDraft,
  daySeconds,
  draftSlot,
  fitsCaps,
  makeRoom,
  maxSets,
  minSlotSets,
  removeSlot,
  restedFor,
  type SlotDraft,
  type WeekDraft,
  weeklySets,
} from "./week-draft.ts";

export interface MovementMinimum {
  rule: string;
  /** The group whose block on a day may hold the movement. */
  group: TargetGroup;
  /** Whether an exercise is the movement; `prefer` first where the rule has a preference. */
  test: (entry: CatalogueEntry) => boolean;
  prefer?: (entry: CatalogueEntry) => boolean;
  weeklySets: number;
  /** Whether a day that does not train the group may take the movement too, at its end. */
  anyDay?: boolean;
  /**
   * A group the movement outranks: a swap may take it below its weekly minimum, down to this share
   * of it (a two-day week's second chest press gives way to its only overhead press).
   */
  spare?: { group: TargetGroup; share: number };
  /** Slots that may give way to the movement when nothing else fits (never a main lift). */
  donor: (slot: SlotDraft) => boolean;
}

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

export function isKneeFlexion(entry: CatalogueEntry): boolean {
  return patternOf(entry) === "knee_flexion";
}

const CURL_EQUIPMENT = new Set(["machine", "cable", "bands"]);

/**
 * A leg curl on a machine, a cable or a band where the lifter has one; without, Nordic curls for
 * advanced lifters, sliding curls (the ranking's choice: skills last) for everyone else.
 */
function kneeFlexionPreference(week: WeekDraft): (entry: CatalogueEntry) => boolean {
  if ([...CURL_EQUIPMENT].some((e) => week.equipment.has(e as never))) {
    return (entry) => CURL_EQUIPMENT.has(entry.equipment);
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
      donor: (slot) => slot.group === "shoulders" && !isLateralRaise(slot.entry),
    });
    out.push({
      rule: "knee flexion",
      group: "hamstrings",
      test: isKneeFlexion,
      prefer: kneeFlexionPreference(week),
      weeklySets: 4,
      donor: (slot) => (slot.group === "hamstrings" || slot.group === "glutes") && !isKneeFlexion(slot.entry),
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
  for (const minimum of movementMinimums(week)) {
    // Every way that keeps each group's minimum first; only then may the movement cost its spare.
    meetMinimum(week, { ...minimum, spare: undefined });
    if (minimum.spare !== undefined) meetMinimum(week, minimum);
  }
}

function setsOf(week: WeekDraft, test: (entry: CatalogueEntry) => boolean): number {
  return week.days.flatMap((day) => day.slots).reduce((sum, s) => sum + (test(s.entry) ? s.sets : 0), 0);
}

function evenness(week: WeekDraft): number {
  const minutes = week.days.map((day) => durationMinutes(daySeconds(week, day)));
  return Math.min(...minutes) / Math.max(...minutes);
}

function keepsEven(week: WeekDraft, before: number): boolean {
  const after = evenness(week);
  return !(after < 0.6 && after < before);
}

function fitsTime(week: WeekDraft, day: DayDraft, tier: SlotDraft["tier"], sets: number): boolean {
  return daySeconds(week, day) + sets * setSeconds(week.goal, week.experience, tier) <= week.budgetSeconds;
}

function meetMinimum(week: WeekDraft, minimum: MovementMinimum): void {
  const short = () => setsOf(week, minimum.test) < minimum.weeklySets;
  if (!short()) return;
  const byLength = () => [...week.days].sort((a, b) => daySeconds(week, a) - daySeconds(week, b));
  // 1. More sets on the movement's slots, shortest day first.
  let guard = 40;
  while (guard-- > 0 && short() && raiseOne(week, minimum, byLength())) {}
  // 2. New 2-set slots on days that train the group. A press in a balanced week first makes room
  // with pulling sets, where time allows (pull >= push, balance.ts).
  const press = minimum.rule === OVERHEAD_PRESS;
  if (short() && week.pullShare > 0 && press) {
    const missing = minimum.weeklySets - setsOf(week, minimum.test);
    for (let i = 0; i < Math.max(MIN_SLOT_SETS, missing); i++) addPullSet(week);
    guard = 40;
    while (guard-- > 0 && short() && raiseOne(week, minimum, byLength())) {}
  }
  // Days that train the group first (shortest first), then, where the movement allows, the others.
  const trains = (day: DayDraft) => blockOf(day, minimum.group) !== undefined;
  const hosts = [
    ...byLength().filter(trains),
    ...(minimum.anyDay ? byLength().filter((d) => !trains(d)) : []),
  ];
  for (const day of hosts) {
    if (!short()) return;
    if (holdsWithRoom(week, day, minimum)) continue;
    // Checked as the loop goes: a raise added to one day makes its neighbours unrested.
    if (!trains(day) && !restedFor(week, day, minimum.group)) continue;
    const slot = draft(week, day, minimum, MIN_SLOT_SETS);
    if (slot === undefined || !fitsTime(week, day, slot.tier, MIN_SLOT_SETS)) continue;
    slot.sets = MIN_SLOT_SETS;
    const before = evenness(week);
    addSlot(week, day, slot);
    if (!keepsEven(week, before)) removeSlot(week, day, slot);
  }
  guard = 40;
  while (guard-- > 0 && short() && raiseOne(week, minimum, byLength())) {}
  // 3. Trades: a set of another slot of the day (above its minimum sets, its groups staying at
  // their minimums) becomes a set of the movement where time was what kept it out.
  guard = 40;
  while (guard-- > 0 && short() && tradeOne(week, minimum, byLength())) {}
  // 4. Swaps: a donor slot gives way to the movement with the same sets.
  for (const day of byLength()) {
    if (!short()) return;
    if (holdsWithRoom(week, day, minimum)) continue;
    for (const donor of day.slots.filter((s) => s.tier !== "T1" && minimum.donor(s))) {
      if (swap(week, day, donor, minimum)) break;
    }
  }
  // 5. Merges: on a day that already holds the movement, a donor's sets move to it (one exercise
  // of the movement a day, as a coach writes it, rather than a second variant).
  for (const day of byLength()) {
    if (!short()) return;
    const holder = day.slots.find((s) => minimum.test(s.entry));
    if (holder === undefined) continue;
    for (const donor of day.slots.filter((s) => s.tier !== "T1" && s !== holder && minimum.donor(s))) {
      if (merge(week, day, donor, holder)) break;
    }
  }
  // 6. More sets on the movement's slots, the day's other work giving way for the time.
  guard = 40;
  while (guard-- > 0 && short() && raiseMakingRoom(week, minimum, byLength())) {}
  // 7. Swaps that make room: where the movement costs more time than the donor (a press for a
  // raise), the day's other work gives way (isolation first; never pulling or the main lift).
  for (const day of byLength()) {
    if (!short()) return;
    if (holdsWithRoom(week, day, minimum)) continue;
    for (const donor of day.slots.filter((s) => s.tier !== "T1" && minimum.donor(s))) {
      if (attempt(week, () => swapMakingRoom(week, day, donor, minimum))) break;
    }
  }
  // 8. A new slot where the day's other work makes room for it.
  for (const day of hosts) {
    if (!short()) return;
    if (day.slots.some((s) => minimum.test(s.entry))) continue;
    if (!trains(day) && !restedFor(week, day, minimum.group)) continue;
    attempt(week, () => addMakingRoom(week, day, minimum));
  }
  // 9. The slots added in 7 and 8 may take more sets the same way.
  guard = 40;
  while (guard-- > 0 && short() && raiseMakingRoom(week, minimum, byLength())) {}
}

/** One more set on a slot of the movement, the day's other work giving way for its time. */
function raiseMakingRoom(week: WeekDraft, minimum: MovementMinimum, days: readonly DayDraft[]): boolean {
  for (const day of days) {
    for (const slot of day.slots) {
      if (!minimum.test(slot.entry) || slot.sets >= maxSets(week, slot.tier)) continue;
      if (!fitsCaps(week, slot.entry, 1) || breaksBalance(week, slot.entry, 1)) continue;
      const raised = attempt(week, () => {
        const minimums = majorsAtMinimum(week);
        const before = evenness(week);
        changeSets(week, day, slot, 1);
        const victim = (slots: readonly SlotDraft[]) => giverOf(slots, slot, minimum);
        if (!makeRoom(week, day, victim) || slot.sets === 0) return false;
        return keepsEven(week, before) && keepsMinimums(week, minimums);
      });
      if (raised) return true;
    }
  }
  return false;
}

/** The slot that gives way for the movement's time: isolation first, never pulling, the main lift or the movement. */
function giverOf(
  slots: readonly SlotDraft[],
  keep: SlotDraft,
  minimum: MovementMinimum,
): SlotDraft | undefined {
  const rank: Readonly<Record<SlotDraft["tier"], number>> = { T3: 0, T2: 1, T1: 2 };
  return slots
    .filter((o) => o !== keep && o.tier !== "T1" && !isPull(o.entry) && !minimum.test(o.entry))
    .sort((a, b) => rank[a.tier] - rank[b.tier] || b.sets - a.sets || b.seq - a.seq)[0];
}

/** A new 2-set slot of the movement on a day that trains its group, the day's other work giving way. */
function addMakingRoom(week: WeekDraft, day: DayDraft, minimum: MovementMinimum): boolean {
  const minimums = majorsAtMinimum(week);
  const before = evenness(week);
  const slot = draft(week, day, minimum, MIN_SLOT_SETS);
  if (slot === undefined) return false;
  slot.sets = MIN_SLOT_SETS;
  addSlot(week, day, slot);
  const victim = (slots: readonly SlotDraft[]) => giverOf(slots, slot, minimum);
  if (!makeRoom(week, day, victim) || !day.slots.includes(slot)) return false;
  return keepsEven(week, before) && keepsMinimums(week, minimums);
}

/**
 * A new pushing slot (an overhead press) paid for with other pushing sets where the week has no
 * pulling to spare: one set at a time from the pushing group furthest above its minimum (a fourth
 * bench set gives way to the press), never the new slot, never below a slot's minimum sets.
 */
function rebalance(week: WeekDraft, keep: SlotDraft): boolean {
  let guard = 20;
  while (lacksPull(week)) {
    if (guard-- <= 0) return false;
    const spare = (slot: SlotDraft) =>
      weeklySets(week, slot.group) - weeklyTarget(week.goal, week.experience, slot.group).min;
    const pushing = week.days
      .flatMap((day) => day.slots.map((slot) => ({ day, slot })))
      .filter(({ slot }) => slot !== keep && isPush(slot.entry) && slot.sets > minSlotSets(slot.tier))
      .sort((a, b) => spare(b.slot) - spare(a.slot) || b.slot.sets - a.slot.sets)[0];
    if (pushing === undefined) return false;
    changeSets(week, pushing.day, pushing.slot, -1);
  }
  return true;
}

function swapMakingRoom(week: WeekDraft, day: DayDraft, donor: SlotDraft, minimum: MovementMinimum): boolean {
  const minimums = majorsAtMinimum(week);
  const before = evenness(week);
  const kept = { group: donor.group, sets: donor.sets };
  removeSlot(week, day, donor);
  const slot = draft(week, day, minimum, kept.sets, false);
  if (slot === undefined) return false;
  slot.sets = Math.max(MIN_SLOT_SETS, kept.sets);
  addSlot(week, day, slot);
  if (!rebalance(week, slot)) return false;
  const victim = (slots: readonly SlotDraft[]) => giverOf(slots, slot, minimum);
  if (!makeRoom(week, day, victim) || !day.slots.includes(slot)) return false;
  return keepsEven(week, before) && keepsMinimums(week, minimums, kept, minimum.spare);
}

/** The donor's sets go to the holder, where its set cap, the ranges, time and balance allow. */
function merge(week: WeekDraft, day: DayDraft, donor: SlotDraft, holder: SlotDraft): boolean {
  const moved = Math.min(donor.sets, maxSets(week, holder.tier) - holder.sets);
  if (moved < 1) return false;
  const kept: SlotDraft = { ...donor };
  const minimums = majorsAtMinimum(week);
  const before = evenness(week);
  removeSlot(week, day, donor);
  if (fitsCaps(week, holder.entry, moved) && !breaksBalance(week, holder.entry, moved)) {
    changeSets(week, day, holder, moved);
    const fits = daySeconds(week, day) <= week.budgetSeconds;
    if (fits && keepsEven(week, before) && keepsMinimums(week, minimums)) return true;
    changeSets(week, day, holder, -moved);
  }
  restore(week, day, donor, kept);
  return false;
}

/**
 * The day holds the movement in a slot that can still take sets: more sets there, not a second
 * variant. A slot at its set cap leaves room for a second variant (a cable and a dumbbell lateral
 * raise, as bodybuilding weeks pair them).
 */
function holdsWithRoom(week: WeekDraft, day: DayDraft, minimum: MovementMinimum): boolean {
  return day.slots.some((s) => minimum.test(s.entry) && s.sets < maxSets(week, s.tier));
}

function raiseOne(week: WeekDraft, minimum: MovementMinimum, days: readonly DayDraft[]): boolean {
  for (const day of days) {
    for (const slot of day.slots) {
      if (!minimum.test(slot.entry) || slot.sets >= maxSets(week, slot.tier)) continue;
      if (!fitsCaps(week, slot.entry, 1) || breaksBalance(week, slot.entry, 1)) continue;
      if (!fitsTime(week, day, slot.tier, 1)) continue;
      const before = evenness(week);
      changeSets(week, day, slot, 1);
      if (keepsEven(week, before)) return true;
      changeSets(week, day, slot, -1);
    }
  }
  return false;
}

function draft(
  week: WeekDraft,
  day: DayDraft,
  minimum: MovementMinimum,
  sets: number,
  /** False where the caller takes pushing away to keep the balance itself (rebalance). */
  balance = true,
): SlotDraft | undefined {
  const fits = (entry: CatalogueEntry) =>
    minimum.test(entry) && fitsCaps(week, entry, sets) && !(balance && breaksBalance(week, entry, sets));
  const block = blockOf(day, minimum.group) ?? {
    block: { group: minimum.group, patterns: [] },
    position: 99,
  };
  const preferred =
    minimum.prefer === undefined
      ? undefined
      : draftSlot(week, day, minimum.group, false, block, (e) => fits(e) && (minimum.prefer?.(e) ?? false));
  return preferred ?? draftSlot(week, day, minimum.group, false, block, fits);
}

function swap(week: WeekDraft, day: DayDraft, donor: SlotDraft, minimum: MovementMinimum): boolean {
  const kept: SlotDraft = { ...donor };
  const minimums = majorsAtMinimum(week);
  const before = evenness(week);
  removeSlot(week, day, donor);
  const slot = draft(week, day, minimum, kept.sets);
  if (slot !== undefined && fitsTime(week, day, slot.tier, kept.sets)) {
    slot.sets = kept.sets;
    addSlot(week, day, slot);
    if (keepsEven(week, before) && keepsMinimums(week, minimums, kept, minimum.spare)) return true;
    removeSlot(week, day, slot);
  }
  restore(week, day, donor, kept);
  return swapWithPartner(week, day, donor, minimum);
}

/**
 * Where the movement does not fit in the donor's place alone (its group at the top of its range, or
 * a press that needs more pulling), a second slot of the movement's group on the day gives way too:
 * an overhead press for a bench press and a lateral raise, keeping the shoulders' weekly sets.
 */
function swapWithPartner(
  week: WeekDraft,
  day: DayDraft,
  donor: SlotDraft,
  minimum: MovementMinimum,
): boolean {
  const partners = day.slots.filter(
    (s) => s !== donor && s.tier !== "T1" && s.group === minimum.group && !minimum.test(s.entry),
  );
  for (const partner of partners) {
    const kept: SlotDraft[] = [{ ...donor }, { ...partner }];
    const minimums = majorsAtMinimum(week);
    const before = evenness(week);
    removeSlot(week, day, donor);
    removeSlot(week, day, partner);
    const sets = Math.max(MIN_SLOT_SETS, kept[0]?.sets ?? 0);
    const slot = draft(week, day, minimum, sets);
    if (slot !== undefined && fitsTime(week, day, slot.tier, sets)) {
      slot.sets = sets;
      addSlot(week, day, slot);
      if (keepsEven(week, before) && keepsMinimums(week, minimums, undefined, minimum.spare)) return true;
      removeSlot(week, day, slot);
    }
    restore(week, day, donor, kept[0] as SlotDraft);
    restore(week, day, partner, kept[1] as SlotDraft);
  }
  return false;
}

/**
 * Puts a removed slot back as the same object (callers still hold it), with its sets, at the end
 * of the day's order as a new slot would be.
 */
function restore(week: WeekDraft, day: DayDraft, slot: SlotDraft, kept: SlotDraft): void {
  slot.sets = kept.sets;
  slot.seq = week.nextSeq;
  addSlot(week, day, slot);
}

/** Each major group's weekly sets, to compare after a swap. */
function majorsAtMinimum(week: WeekDraft): Map<TargetGroup, number> {
  return new Map(MAJOR_GROUPS.map((group) => [group, weeklySets(week, group)]));
}

/**
 * No major group fell below its minimum, and none already below it lost sets; except that a swap
 * may cost other groups the half-sets the donor gave them as a secondary muscle (`donor`): the
 * movement the coach looks for is worth more than a glute half-set from a Romanian deadlift.
 */
function keepsMinimums(
  week: WeekDraft,
  before: ReadonlyMap<TargetGroup, number>,
  donor?: Pick<SlotDraft, "group" | "sets">,
  spare?: MovementMinimum["spare"],
): boolean {
  for (const [group, was] of before) {
    const now = weeklySets(week, group);
    const { min } = weeklyTarget(week.goal, week.experience, group);
    if (spare?.group === group && now >= spare.share * min - 1e-9) continue;
    const allowed = donor !== undefined && donor.group !== group ? donor.sets / 2 : 0;
    if (now < was - allowed - 1e-9 && now < min - 1e-9) return false;
  }
  return true;
}

function tradeOne(week: WeekDraft, minimum: MovementMinimum, days: readonly DayDraft[]): boolean {
  for (const day of days) {
    for (const slot of day.slots) {
      if (!minimum.test(slot.entry) || slot.sets >= maxSets(week, slot.tier)) continue;
      if (!fitsCaps(week, slot.entry, 1) || breaksBalance(week, slot.entry, 1)) continue;
      const givers = day.slots
        .filter((other) => other !== slot && other.tier !== "T1" && !minimum.test(other.entry))
        .filter((other) => other.sets > MIN_SLOT_SETS && !isPull(other.entry))
        .sort((a, b) => b.sets - a.sets || b.seq - a.seq);
      for (const giver of givers) {
        const minimums = majorsAtMinimum(week);
        const before = evenness(week);
        changeSets(week, day, giver, -1);
        const fits = fitsTime(week, day, slot.tier, 1) && keepsMinimums(week, minimums);
        if (fits) {
          changeSets(week, day, slot, 1);
          if (keepsEven(week, before)) return true;
          changeSets(week, day, slot, -1);
        }
        changeSets(week, day, giver, 1);
      }
    }
  }
  return false;
}
