// A trained strength lifter's bench day presses again before it flies: a close-grip, incline or
// dumbbell press beside the bench, not dumbbell flyes (two coaches' reads; the templates' chest
// patterns ask for it, STRENGTH_CHEST, but a fly can take the slot while the shoulders' range or
// the day's pressing is full, and stay after later passes made room). Last, the fly of a day led by
// the bench with no second press becomes a press of the same sets (the day's raise giving its
// sets first where the shoulders' range is full), where every range, the pull share, the day's
// pressing cap and its minutes allow.

import { breaksBalance } from "./balance.ts";
import { pressingFits } from "./day-pressing.ts";
import { isCompound, patternOf } from "./movement.ts";
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
  type SlotDraft,
  type WeekDraft,
} from "./week-draft.ts";

/** A loaded press of `sets` sets for the day's second chest slot, where it fits everything. */
function pressFor(week: WeekDraft, day: DayDraft, sets: number): SlotDraft | undefined {
  return draftSlot(
    week,
    day,
    "chest",
    false,
    undefined,
    (entry) =>
      patternOf(entry) === "horizontal_push" &&
      isCompound(entry) &&
      fitsCaps(week, entry, sets) &&
      !breaksBalance(week, entry, sets) &&
      pressingFits(week, day, entry, sets),
  );
}

export function pressBesideTheBench(week: WeekDraft): void {
  if (week.goal !== "strength" || week.experience === "beginner") return;
  for (const day of week.days) {
    const main = day.slots.find((slot) => slot.tier === "T1" && patternOf(slot.entry) === "horizontal_push");
    if (main === undefined) continue;
    if (day.slots.some((slot) => slot !== main && patternOf(slot.entry) === "horizontal_push")) continue;
    const fly = day.slots.find(
      (slot) => slot.group === "chest" && patternOf(slot.entry) === "chest_isolation",
    );
    if (fly === undefined) continue;
    // The shoulders' range can be what keeps the press out (its half-sets, beside the row's): the
    // day's raise then gives sets, down to a slot's least, and then its place (a coach would rather
    // press twice than raise).
    const raise = day.slots.find(
      (slot) => slot.group === "shoulders" && patternOf(slot.entry) === "shoulder_isolation",
    );
    attempt(week, () => {
      const { sets } = fly;
      removeSlot(week, day, fly);
      for (;;) {
        const press = pressFor(week, day, sets);
        if (press !== undefined) {
          press.sets = sets;
          addSlot(week, day, press);
          return fitsBudget(week, day);
        }
        if (raise === undefined || !day.slots.includes(raise)) return false;
        if (raise.sets > minSlotSets(raise.tier)) changeSets(week, day, raise, -1);
        else removeSlot(week, day, raise);
      }
    });
  }
}
