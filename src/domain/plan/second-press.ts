// A trained strength lifter's bench day presses again before it flies: a close-grip, incline or
// dumbbell press beside the bench, not dumbbell flyes (two coaches' reads; the templates' chest
// patterns ask for it, STRENGTH_CHEST, but a fly can take the slot while the shoulders' range or
// the day's pressing is full, and stay after later passes made room). Last, the fly of a day led by
// the bench with no second press becomes a press of the same sets, where every range, the pull
// share, the day's pressing cap and its minutes allow.

import { breaksBalance } from "./balance.ts";
import { pressingFits } from "./day-pressing.ts";
import { isCompound, patternOf } from "./movement.ts";
import {
  addSlot,
  attempt,
  draftSlot,
  fitsBudget,
  fitsCaps,
  removeSlot,
  type WeekDraft,
} from "./week-draft.ts";

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
    attempt(week, () => {
      const { sets } = fly;
      removeSlot(week, day, fly);
      const press = draftSlot(
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
      if (press === undefined) return false;
      press.sets = sets;
      addSlot(week, day, press);
      return fitsBudget(week, day);
    });
  }
}
