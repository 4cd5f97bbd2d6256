// A strength week with a pull-up bar trains a vertical pull (docs/programming-rules.md, section 5):
// the barbell row is the strength plan's pulling lift, but a lifter who owns a bar should also do
// pull-ups or chin-ups, which load the lats through the range the row does not (NSCA Essentials:
// a horizontal and a vertical pull each week). Where the week has none, two sets of its fullest
// pulling slot become a 2-set vertical pull on the same day; where that slot cannot spare them, a
// 2-set vertical pull is added if it fits the time, every range and the balance; else a row that is
// also on another day gives its place on this day to a vertical pull, or, where no row repeats,
// a row of a day whose week pulls on another day too.

import { isPull } from "./balance.ts";
import { isCompound, patternOf } from "./movement.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import { setSeconds } from "./time-model.ts";
import {
  addSlot,
  blockOf,
  changeSets,
  type DayDraft,
  daySeconds,
  draftSlot,
  fitsCaps,
  fitsNewSlot,
  minSlotSets,
  removeSlot,
  type SlotDraft,
  type WeekDraft,
} from "./week-draft.ts";

export function ensureVerticalPull(week: WeekDraft): void {
  if (week.goal !== "strength" || !week.equipment.has("pullup_bar")) return;
  const slots = week.days.flatMap((day) => day.slots);
  if (slots.some((slot) => patternOf(slot.entry) === "vertical_pull")) return;
  for (const day of week.days) {
    if (blockOf(day, "back") !== undefined && verticalPullOn(week, day)) return;
  }
  for (const day of week.days) if (replaceRepeatedPull(week, day, sameLift)) return;
  // No row repeats (each day rows with another bar): a row of a day whose week pulls on another day
  // too gives its place.
  for (const day of week.days) if (replaceRepeatedPull(week, day, anyPull)) return;
}

type OnOtherDay = (week: WeekDraft, day: DayDraft, slot: SlotDraft) => boolean;

const sameLift: OnOtherDay = (week, day, slot) =>
  week.days.some((other) => other !== day && other.slots.some((own) => own.entry === slot.entry));

const anyPull: OnOtherDay = (week, day) =>
  week.days.some((other) => other !== day && other.slots.some((own) => isPull(own.entry)));

/** Weights, cables and machines: what a main lift must be (finish-week.ts, a loadable main lift). */
const LOADABLE: ReadonlySet<string> = new Set([
  "barbell",
  "dumbbell",
  "kettlebell",
  "cable",
  "machine",
  "ez_bar",
]);

/**
 * A pulling slot whose exercise is also on another day (the row stays in the week) becomes a
 * vertical pull with the same sets and tier, where that fits every range; a main lift only gives
 * way to a loadable compound (a lat pull-down, not a bodyweight pull-up).
 */
function replaceRepeatedPull(week: WeekDraft, day: DayDraft, onOtherDay: OnOtherDay): boolean {
  const donor = day.slots.find(
    (slot) => slot.group === "back" && isPull(slot.entry) && onOtherDay(week, day, slot),
  );
  if (donor === undefined) return false;
  const kept: SlotDraft = { ...donor };
  const main = kept.tier === "T1";
  removeSlot(week, day, donor);
  const slot = draftSlot(
    week,
    day,
    "back",
    false,
    undefined,
    (entry) =>
      patternOf(entry) === "vertical_pull" &&
      fitsCaps(week, entry, kept.sets) &&
      (!main || (LOADABLE.has(entry.equipment) && isCompound(entry))),
  );
  const cost = (tier: SlotDraft["tier"]) => kept.sets * setSeconds(week.goal, week.experience, tier);
  const tier = main ? "T1" : slot?.tier;
  if (slot !== undefined && tier !== undefined && daySeconds(week, day) + cost(tier) <= week.budgetSeconds) {
    slot.sets = kept.sets;
    slot.tier = tier;
    addSlot(week, day, slot);
    return true;
  }
  addSlot(week, day, { ...kept, seq: week.nextSeq });
  return false;
}

function verticalPullOn(week: WeekDraft, day: DayDraft): boolean {
  const donor = day.slots
    .filter((slot) => slot.group === "back" && isPull(slot.entry))
    .sort((a, b) => b.sets - a.sets || a.seq - b.seq)[0];
  const spares = donor !== undefined && donor.sets - minSlotSets(donor.tier) >= MIN_SLOT_SETS;
  if (spares) changeSets(week, day, donor, -MIN_SLOT_SETS);
  const undo = (): false => {
    if (spares) changeSets(week, day, donor, MIN_SLOT_SETS);
    return false;
  };
  const fits = fitsNewSlot(week);
  const slot: SlotDraft | undefined = draftSlot(
    week,
    day,
    "back",
    false,
    undefined,
    (entry) => patternOf(entry) === "vertical_pull" && fits(entry),
  );
  if (slot === undefined) return undo();
  const cost = MIN_SLOT_SETS * setSeconds(week.goal, week.experience, slot.tier);
  if (daySeconds(week, day) + cost > week.budgetSeconds) return undo();
  slot.sets = MIN_SLOT_SETS;
  addSlot(week, day, slot);
  return true;
}
