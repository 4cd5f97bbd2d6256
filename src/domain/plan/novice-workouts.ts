// A novice's full-body week of three is A B A (templates.ts, NOVICE_MAJORS): the novice programmes
// alternate two workouts, A B A one week and B A B the next (Rippetoe 2011; StrongLifts 5x5), so
// that the overhead press and the deadlift come as often as the bench and the row over a fortnight.
// The rollover turns a week whose first and third days share a name into the other layout by
// copying workouts between days (src/db/queries/rollover.ts, alternating), so the two A days must
// be one workout, set for set: a coach read a novice's overhead press and deadlift held to one day
// a week while every week copied A B A, and an A whose accessories differed would lose one of its
// two versions at the first turn.

import type { MovementPattern } from "../vocabulary.ts";
import { breaksBalance, lacksPull } from "./balance.ts";
import { patternOf } from "./movement.ts";
import { strengthLiftDays } from "./strength-frequency.ts";
import type { TargetGroup } from "./targets.ts";
import {
  addSlot,
  attempt,
  changeSets,
  type DayDraft,
  draftSlot,
  fitsBudget,
  fitsCaps,
  minSlotSets,
  removeSlot,
  slotMaxSets,
  type WeekDraft,
} from "./week-draft.ts";

/** Whether the week is a novice's A B A: three days, the first and third of one name. */
export function repeatsFirstWorkout(week: WeekDraft): boolean {
  const [first, second, third] = week.days;
  return (
    week.days.length === 3 &&
    first !== undefined &&
    second !== undefined &&
    third !== undefined &&
    first.template.name === third.template.name &&
    first.template.name !== second.template.name
  );
}

/**
 * Writes one workout on both A days. The third day was built on its own (the same main lifts, its
 * own accessories, and where the first day's lift would pass a range, another variation). The
 * first day's workout is written on the third day, else the third's on the first: the slots of the
 * day written go, and the other day's come in their place, each within the week's ranges (an
 * accessory whose second copy would pass its group's top loses a set on both days, down to its
 * minimum, or leaves both). Where neither fits (a main lift's second copy passes a top), the week
 * stays as built and its third day takes its own name (Full-C): the rollover copies it as it is.
 * The minutes an accessory gave up go on again (fillBoth).
 */
export function repeatFirstWorkout(week: WeekDraft): void {
  if (!repeatsFirstWorkout(week)) return;
  const [first, , third] = week.days as [DayDraft, DayDraft, DayDraft];
  // A copy keeps each trained lift on the days it needs (a barbell press on two days: without a
  // bench, the third day's overhead press may be the week's second), every compound movement the
  // week held (the vertical pull a strength week with a bar needs may be the third day's), and the
  // week's pulling share.
  const lifts = strengthLiftDays(week);
  const patterns = compoundPatterns(week);
  const keeps = () =>
    strengthLiftDays(week).every((lift, i) => lift.days >= Math.min(lift.required, lifts[i]?.days ?? 0)) &&
    [...patterns].every((pattern) => compoundPatterns(week).has(pattern)) &&
    !lacksPull(week);
  const copy = (from: DayDraft, to: DayDraft) => () => {
    if (!copyWorkout(week, from, to)) return false;
    fillBoth(week, first, third);
    return keeps();
  };
  if (attempt(week, copy(first, third)) || attempt(week, copy(third, first))) {
    third.template = { ...first.template, dayOfWeek: third.template.dayOfWeek };
    return;
  }
  third.template = { ...third.template, name: THIRD_DAY_OWN_NAME };
}

const compoundPatterns = (week: WeekDraft): Set<MovementPattern> =>
  new Set(
    week.days.flatMap((day) =>
      day.slots.filter((slot) => slot.tier !== "T3").map((slot) => patternOf(slot.entry)),
    ),
  );

/** The third full-body day's name where it is not the first day's workout (templates.ts). */
const THIRD_DAY_OWN_NAME = "Full-C";

/** Replaces `to`'s slots with copies of `from`'s; false where a main lift's copy passes a range. */
function copyWorkout(week: WeekDraft, from: DayDraft, to: DayDraft): boolean {
  for (const slot of [...to.slots]) removeSlot(week, to, slot);
  // In creation order, so the copies list and pair as the day's own slots do (listedOrder).
  for (const slot of [...from.slots].sort((a, b) => a.seq - b.seq)) {
    // The day's main lifts: the first exercise of each group (a second push-up may go, as
    // accessories do).
    const major =
      slot.tier !== "T3" && !from.slots.some((other) => other.group === slot.group && other.seq < slot.seq);
    while (!major && slot.sets > minSlotSets(slot.tier) && !fitsCaps(week, slot.entry, slot.sets)) {
      changeSets(week, from, slot, -1);
    }
    if (!fitsCaps(week, slot.entry, slot.sets)) {
      if (major) return false;
      removeSlot(week, from, slot);
      continue;
    }
    addSlot(week, to, { ...slot, seq: week.nextSeq });
  }
  return true;
}

/**
 * The minutes the A days gave up (an accessory trimmed or left out), used on both at once: a new
 * exercise for a group of the day's blocks that it does not train yet (the calf raise the third
 * day had held), a set more on the day's slots, then another exercise for a group it trains (a
 * second push-up where the first is at its sets), each while both copies fit their groups' tops,
 * the pull share and the day its minutes.
 */
function fillBoth(week: WeekDraft, first: DayDraft, third: DayDraft): void {
  const groups = [...first.template.majors, ...first.template.accessories].map((block) => block.group);
  const trained = (group: TargetGroup) => first.slots.some((slot) => slot.group === group);
  for (const group of groups.filter((g) => !trained(g))) addToBoth(week, first, third, group);
  addSetsToBoth(week, first, third);
  for (const group of groups.filter(trained)) addToBoth(week, first, third, group);
  addSetsToBoth(week, first, third);
}

/** A new exercise of the group on both days, at its fewest sets, where both copies fit. */
function addToBoth(week: WeekDraft, first: DayDraft, third: DayDraft, group: TargetGroup): void {
  const slot = draftSlot(week, first, group, false);
  if (slot === undefined) return;
  slot.sets = minSlotSets(slot.tier);
  if (!fitsCaps(week, slot.entry, 2 * slot.sets) || breaksBalance(week, slot.entry, 2 * slot.sets)) return;
  addSlot(week, first, slot);
  if (fitsBudget(week, first)) addSlot(week, third, { ...slot, seq: week.nextSeq });
  else removeSlot(week, first, slot);
}

/** A set more on both copies of a slot, the slots of fewest sets first, while both fit. */
function addSetsToBoth(week: WeekDraft, first: DayDraft, third: DayDraft): void {
  let added = true;
  while (added) {
    added = false;
    for (const slot of [...first.slots].sort((a, b) => a.sets - b.sets || a.seq - b.seq)) {
      const twin = third.slots.find((other) => other.entry === slot.entry);
      if (
        twin === undefined ||
        slot.sets >= slotMaxSets(week, slot) ||
        !fitsCaps(week, slot.entry, 2) ||
        breaksBalance(week, slot.entry, 2)
      )
        continue;
      changeSets(week, first, slot, 1);
      if (!fitsBudget(week, first)) {
        changeSets(week, first, slot, -1);
        continue;
      }
      changeSets(week, third, twin, 1);
      added = true;
    }
  }
}
