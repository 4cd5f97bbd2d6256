// Phase 2: spend the minutes phase 1 left, in this order of priority:
// 1. majors still under their minimum (only where phase 1 had to cut a day);
// 1b. every T1 lift up to 3 sets, the fewest that make a main lift (ACSM 2009 and the NSCA favour
//    multiple sets; 3x5 is the classic novice dose), where the group's weekly max allows; for
//    strength from intermediate up, to its 5 (the lift being trained);
// 2. one slot for each accessory (arms, calves, abdominals; a trained lifter's hypertrophy arms 6
//    direct sets; calves, and in those weeks abdominals, after stage 3);
// 3. majors up to their `aim`;
// 4. accessories up to their `aim`.
// Each stage goes round-robin, one set per group per round, neediest group first, so spare time
// is shared rather than given to whichever group comes first. A set goes to the day where the group
// has the fewest sets (then the day it ranks highest on, then the earliest): on an existing slot
// below its tier's maxSets (T1 first), else as a new slot of MIN_SLOT_SETS sets. Nothing is added
// past the top of any group's range (counted fractionally; side- and rear-delt raises against
// their own, targets.ts), a session's minutes, or, for
// hypertrophy and general fitness, past as many pushing sets as pulling sets.

import { breaksBalance, isPull } from "./balance.ts";
import { isPowerLift } from "./lift-reps.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import { ACCESSORY_GROUPS, MAJOR_GROUPS, type TargetGroup, weeklyTarget } from "./targets.ts";
import { setSeconds } from "./time-model.ts";
import {
  addSlot,
  blockOf,
  changeSets,
  contribution,
  type DayDraft,
  daySeconds,
  directSets,
  draftSlot,
  fitsCaps,
  fitsNewSlot,
  maxSets,
  minSlotSets,
  roomBelowTop,
  type SlotDraft,
  setsOnDay,
  slotMaxSets,
  slotsOf,
  type WeekDraft,
  weeklySets,
} from "./week-draft.ts";

const TIER_RANK = { T1: 0, T2: 1, T3: 2 } as const;

export function fillSpareTime(week: WeekDraft): void {
  const target = (group: TargetGroup) => weeklyTarget(week.goal, week.experience, group);
  runStage(week, MAJOR_GROUPS, (group) => target(group).min);
  growMainLifts(week);
  // Pulling sets to match the pushing ones come before any accessory work: the fractional count
  // lets the back reach its minimum on fewer direct sets than the chest needs.
  // Strength plans are not held to it, but they also get pulling before arm and calf work.
  if (week.pullShare > 0 || week.goal === "strength") {
    while (week.pushSets > week.pullSets && addPullSet(week));
  }
  // One direct slot each, even where presses and rows already give the group half-sets up to its
  // aim (curls and triceps work still belong in a plan); the goal is fixed when the stage starts.
  const oneSlot = new Map<TargetGroup, number>(
    ACCESSORY_GROUPS.map((group) => [group, weeklySets(week, group) + firstDirectSets(week, group)]),
  );
  // Calves wait for the majors' aim: they train only on the days with leg work (fitsDayKind,
  // week-draft.ts), where a calf raise had taken a short legs day's hinge.
  // A trained lifter's hypertrophy week: abdominals wait too, so short sessions train the arms
  // before crunches (a coach read an advanced 4 x 30 week with no arm work and a crunch superset).
  const absWait = week.goal === "hypertrophy" && week.experience !== "beginner";
  runStage(
    week,
    ACCESSORY_GROUPS.filter((group) => group !== "calves" && !(absWait && group === "abdominals")),
    (group) => oneSlot.get(group) ?? 0,
  );
  runStage(week, MAJOR_GROUPS, (group) => target(group).aim);
  // Arms to their aim in sets of their own: the presses' and rows' half-sets had taken the
  // triceps to its aim on 2 direct sets a week while calves and abdominals took the time (a
  // coach's read: 2 triceps sets against 8 of calves).
  runStage(week, ACCESSORY_GROUPS, (group) =>
    group === "biceps" || group === "triceps"
      ? target(group).aim + weeklySets(week, group) - directSets(week, group)
      : target(group).aim,
  );
}

/**
 * Direct arm sets a trained lifter's hypertrophy week holds before the majors go on to their aim
 * (RP's minimum effective volume for the triceps, Israetel et al.: about 6 direct sets a week beside
 * the presses; a coach read 3 direct triceps sets in an upper/lower week, none on its first upper
 * day). Other goals and beginners: one slot.
 */
const HYPERTROPHY_ARM_DIRECT = 6;

function firstDirectSets(week: WeekDraft, group: TargetGroup): number {
  const arms = group === "biceps" || group === "triceps";
  if (!arms || week.goal !== "hypertrophy" || week.experience === "beginner") return MIN_SLOT_SETS;
  return Math.max(MIN_SLOT_SETS, HYPERTROPHY_ARM_DIRECT - directSets(week, group));
}

const MAIN_LIFT_SETS = 3;

function growMainLifts(week: WeekDraft): void {
  for (const day of week.days) {
    const main = day.slots.find((slot) => slot.tier === "T1");
    if (main === undefined) continue;
    // Strength from intermediate up: the main lift is what is trained, 3-5 working sets (issue 22,
    // item 2), before any accessory work takes the time or the range.
    const strength = week.goal === "strength" && week.experience !== "beginner";
    const cap = strength ? maxSets(week, "T1") : Math.min(MAIN_LIFT_SETS, maxSets(week, "T1"));
    const cost = setSeconds(week.goal, week.experience, "T1");
    while (main.sets < cap && daySeconds(week, day) + cost <= week.budgetSeconds) {
      // Strength: a set of another lift's isolation or variation work gives way to the main lift
      // where a range is full (a sissy squat set becomes a squat set).
      if (!fitsCaps(week, main.entry, 1) && !(strength && makeRangeRoom(week, main) !== undefined)) break;
      changeSets(week, day, main, 1);
    }
  }
}

function runStage(
  week: WeekDraft,
  groups: readonly TargetGroup[],
  goalOf: (group: TargetGroup) => number,
): void {
  let progress = true;
  while (progress) {
    progress = false;
    const needy = groups
      .filter((group) => weeklySets(week, group) < goalOf(group))
      .sort((a, b) => goalOf(b) - weeklySets(week, b) - (goalOf(a) - weeklySets(week, a)));
    for (const group of needy) {
      if (addOneSet(week, group)) progress = true;
    }
  }
}

function addOneSet(week: WeekDraft, group: TargetGroup): boolean {
  const days = week.days
    .map((day, index) => ({ day, index, position: blockOf(day, group)?.position }))
    .filter((item) => item.position !== undefined)
    .sort(
      (a, b) =>
        setsOnDay(a.day, group) - setsOnDay(b.day, group) ||
        (a.position ?? 0) - (b.position ?? 0) ||
        a.index - b.index,
    );
  for (const { day } of days) {
    if (tryOnDay(week, day, group)) return true;
  }
  return false;
}

function tryOnDay(week: WeekDraft, day: DayDraft, group: TargetGroup): boolean {
  const spare = week.budgetSeconds - daySeconds(week, day);
  const open = slotsOf(day, group)
    .filter((slot) => slot.sets < slotMaxSets(week, slot))
    .sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.seq - b.seq)[0];
  if (open !== undefined) {
    if (!fitsCaps(week, open.entry, 1) || breaksBalance(week, open.entry, 1)) return false;
    if (setSeconds(week.goal, week.experience, open.tier) > spare) return false;
    changeSets(week, day, open, 1);
    return true;
  }
  // Cheap checks before choosing an exercise: a new slot's sets count at least 1 each for the group,
  // and cost at least the cheaper of a T2 and a T3 set.
  if (MIN_SLOT_SETS > roomBelowTop(week, group) + 1e-9) return false;
  const cheapest = Math.min(
    setSeconds(week.goal, week.experience, "T2"),
    setSeconds(week.goal, week.experience, "T3"),
  );
  if (MIN_SLOT_SETS * cheapest > spare) return false;
  const slot = draftSlot(week, day, group, false, undefined, fitsNewSlot(week));
  if (slot === undefined) return false;
  if (!fitsCaps(week, slot.entry, MIN_SLOT_SETS) || breaksBalance(week, slot.entry, MIN_SLOT_SETS))
    return false;
  if (MIN_SLOT_SETS * setSeconds(week.goal, week.experience, slot.tier) > spare) return false;
  slot.sets = MIN_SLOT_SETS;
  addSlot(week, day, slot);
  return true;
}

/** One more pulling set: on an open pulling slot, else as a new back slot on a day that trains back. */
export function addPullSet(week: WeekDraft): boolean {
  for (const day of week.days) {
    for (const slot of day.slots) {
      if (!isPull(slot.entry) || slot.sets >= slotMaxSets(week, slot)) continue;
      if (fitsCaps(week, slot.entry, 1) && fitsTime(week, day, slot.tier, 1)) {
        changeSets(week, day, slot, 1);
        return true;
      }
    }
  }
  for (const day of week.days) {
    if (blockOf(day, "back") === undefined) continue;
    // Only a pulling exercise will do: the back's best fit may be a back extension or a shrug.
    const fits = fitsNewSlot(week);
    const slot = draftSlot(week, day, "back", false, undefined, (entry) => isPull(entry) && fits(entry));
    if (slot === undefined) continue;
    if (!fitsCaps(week, slot.entry, MIN_SLOT_SETS) || !fitsTime(week, day, slot.tier, MIN_SLOT_SETS))
      continue;
    slot.sets = MIN_SLOT_SETS;
    addSlot(week, day, slot);
    return true;
  }
  return false;
}

function fitsTime(week: WeekDraft, day: DayDraft, tier: SlotDraft["tier"], sets: number): boolean {
  return daySeconds(week, day) + sets * setSeconds(week.goal, week.experience, tier) <= week.budgetSeconds;
}

/**
 * One set fewer of a slot that is not a main lift (T1) or a competition lift, in a group the main
 * lift's next set (or next `sets`) would take past its range (fullest first, never below its
 * minimum sets), so that set fits; returns how to give the set back, or undefined where none can
 * give. Where more sets are asked, one trimmed set is progress: the caller asks again.
 */
export function makeRangeRoom(week: WeekDraft, main: SlotDraft, sets = 1): (() => void) | undefined {
  const over = [...contribution(main.entry)]
    .filter(([group, weight]) => weight * sets > roomBelowTop(week, group, main.entry) + 1e-9)
    .map(([group]) => group);
  if (over.length === 0) return undefined;
  let best: { day: DayDraft; slot: SlotDraft } | undefined;
  for (const day of week.days) {
    for (const slot of day.slots) {
      if (slot.tier === "T1" || isPowerLift(slot.entry) || slot.sets <= minSlotSets(slot.tier)) continue;
      if (!over.includes(slot.group)) continue;
      if (best === undefined || slot.sets > best.slot.sets) best = { day, slot };
    }
  }
  if (best === undefined) return undefined;
  const { day, slot } = best;
  changeSets(week, day, slot, -1);
  const undo = () => changeSets(week, day, slot, 1);
  if (sets > 1 || fitsCaps(week, main.entry, 1)) return undo;
  undo();
  return undefined;
}
