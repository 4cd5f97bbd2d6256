// Back-off sets for a trained strength lifter's main lift (issue 22, item 2: the time asked for is
// used). A coach read 90-minute strength weeks whose lower days ended near the hour: the squat day
// takes two barbell leg lifts at most (choose-exercise.ts), a bodyweight squat or lunge is filler
// for a barbell lifter, and the quadriceps still had half their range. What a coach writes there is
// back-off sets: the main lift again after its top sets, lighter, for more reps (2-3 x 6-8 after
// 5 x 3-5; Rippetoe and Baker's Texas method, Wendler's 5/3/1 "first set last", and the NSCA's
// heavy-light loading within a session). The same lift, so it adds no spinal-loading exercise and no
// new technique; more practice of the lift being trained.
//
// Last pass of the week: only where the day's minutes, the group's range, the pull share and the
// evenness of the days still allow it, on the days that lead with a barbell squat, bench press or
// overhead press. Not the deadlift: its sets cost the most recovery, and the hinge's range is
// usually full by then. Not with supersets (45 minutes or less): those minutes go to more exercises.

import { breaksBalance, PULL_FLOOR } from "./balance.ts";
import { isFloorDeadlift } from "./choose-exercise.ts";
import { pressingFits } from "./day-pressing.ts";
import { addPullSet, makeRangeRoom } from "./fill-spare-time.ts";
import { isPowerLift } from "./lift-reps.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import { weeklyTarget } from "./targets.ts";
import {
  addSlot,
  changeSets,
  type DayDraft,
  daySeconds,
  evenness,
  fitsCaps,
  type SlotDraft,
  slotMaxSets,
  type WeekDraft,
  weeklySets,
  worsensEvenness,
} from "./week-draft.ts";

/** The row's note: the app shows it beside the sets. */
export const BACK_OFF_NOTE = "back-off sets: the main lift again after its top sets, lighter";

/** At most this many back-off sets after a main lift. */
export const BACK_OFF_MAX_SETS = 3;

export function addBackOffSets(week: WeekDraft): void {
  if (week.goal !== "strength" || week.experience === "beginner") return;
  if (week.supersets || week.pairMain) return;
  for (const day of week.days) backOffOnDay(week, day);
}

function backOffOnDay(week: WeekDraft, day: DayDraft): void {
  const main = day.slots.find((slot) => slot.tier === "T1");
  if (main === undefined || !isPowerLift(main.entry) || isFloorDeadlift(main.entry)) return;
  if (day.slots.some((slot) => slot.backOff)) return;
  const slot: SlotDraft = {
    entry: main.entry,
    group: main.group,
    tier: "T2",
    sets: MIN_SLOT_SETS,
    // First among the day's T2s: back-off sets follow the top sets.
    position: -1,
    seq: week.nextSeq,
    backOff: true,
  };
  if (!pressingFits(week, day, main.entry, MIN_SLOT_SETS)) return;
  // Strength's pull share (3 pulling sets to 4 pushing) may be all that stops a press's back-off
  // sets: pulling sets first, on a day with the time; they stay either way (time used on pulling).
  let pulls = 0;
  while (breaksBalance(week, slot.entry, MIN_SLOT_SETS) && pulls < MIN_SLOT_SETS && addPullSet(week)) pulls++;
  const giveBack = rangeRoom(week, slot, MIN_SLOT_SETS);
  if (giveBack === undefined) return;
  // After the room is made: a trimmed raise's half-set for the back changes the back's room.
  if (breaksShare(week, slot, MIN_SLOT_SETS)) {
    giveBack();
    return;
  }
  const before = evenness(week);
  addSlot(week, day, slot);
  if (!keepsDay(week, day, before)) {
    changeSets(week, day, slot, -slot.sets);
    giveBack();
    return;
  }
  while (
    slot.sets < Math.min(BACK_OFF_MAX_SETS, slotMaxSets(week, slot)) &&
    fitsCaps(week, slot.entry, 1) &&
    !breaksShare(week, slot, 1) &&
    pressingFits(week, day, slot.entry, 1)
  ) {
    const previous = evenness(week);
    changeSets(week, day, slot, 1);
    if (keepsDay(week, day, previous)) continue;
    changeSets(week, day, slot, -1);
    return;
  }
}

/**
 * The pull share a press's back-off sets keep: strength's three quarters while the back's range has
 * room for more pulling (the passes before add it), else the floor every plan keeps, two thirds
 * (issue 22, item 11): a full back range (an advanced lifter's push/pull/legs week) had left every
 * push day without back-off sets and 20 minutes short.
 */
function breaksShare(week: WeekDraft, slot: SlotDraft, sets: number): boolean {
  if (!breaksBalance(week, slot.entry, sets)) return false;
  const backRoom = weeklyTarget(week.goal, week.experience, "back").max - weeklySets(week, "back");
  if (backRoom >= BACK_ROOM_FOR_PULLING) return true;
  return week.pullSets < PULL_FLOOR * (week.pushSets + sets) - 1e-9;
}

/** Fractional back sets of room that still take a new 2-set pulling slot and its half-sets. */
const BACK_ROOM_FOR_PULLING = 3;

/**
 * Room in every range the back-off sets train: where the lift's half-sets would take a group past
 * its top (the squat's for the hamstrings, full from the deadlift and the Romanian deadlift), a set
 * of the group's accessory or variation work gives way, as for a main lift's own sets
 * (makeRangeRoom). Returns how to give those sets back, or undefined (nothing changed) where none can.
 */
function rangeRoom(week: WeekDraft, slot: SlotDraft, sets: number): (() => void) | undefined {
  const undos: (() => void)[] = [];
  const giveBack = () => {
    for (const undo of undos.reverse()) undo();
  };
  let guard = 2 * sets;
  while (!fitsCaps(week, slot.entry, sets)) {
    const undo = guard-- > 0 ? makeRangeRoom(week, slot, sets) : undefined;
    if (undo === undefined) {
      giveBack();
      return undefined;
    }
    undos.push(undo);
  }
  return giveBack;
}

function keepsDay(week: WeekDraft, day: DayDraft, before: number): boolean {
  return daySeconds(week, day) <= week.budgetSeconds && !worsensEvenness(before, evenness(week));
}
