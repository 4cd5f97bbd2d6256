// A trained strength lifter's day presses 9 sets or fewer: two coach reads found upper and push
// days of a bench press, an incline bench and an overhead press (11 pressing sets, 88 minutes),
// the overhead press being another day's main lift, and wrote about 9 a session. Presses, flyes
// and every other pushing exercise count (balance.ts, isPush).

import type { CatalogueEntry } from "../catalogue-entry.ts";
import { isPush } from "./balance.ts";
import {
  changeSets,
  type DayDraft,
  minSlotSets,
  removeSlot,
  type SlotDraft,
  type WeekDraft,
} from "./week-draft.ts";

export const DAY_PRESSING_SETS = 9;

/** Whether the week holds its days to DAY_PRESSING_SETS: strength from intermediate up. */
export function capsDayPressing(week: Pick<WeekDraft, "goal" | "experience">): boolean {
  return week.goal === "strength" && week.experience !== "beginner";
}

function pressingSets(day: DayDraft): number {
  return day.slots.reduce((sum, slot) => sum + (isPush(slot.entry) ? slot.sets : 0), 0);
}

/** Whether `sets` more sets of the entry on the day keep the day's pressing within the cap. */
export function pressingFits(week: WeekDraft, day: DayDraft, entry: CatalogueEntry, sets: number): boolean {
  return !capsDayPressing(week) || !isPush(entry) || pressingSets(day) + sets <= DAY_PRESSING_SETS;
}

/**
 * Brings each day's pressing down to the cap: the pressing slot with the fewest sets that is not the
 * main lift or `kept` (the week's only overhead press) gives way first, of equals another day's main
 * lift (a coach would drop the overhead press from the bench day when it leads another day), then
 * the latest; down to its minimum, else whole.
 */
export function capDayPressing(week: WeekDraft, kept: (slot: SlotDraft) => boolean): void {
  if (!capsDayPressing(week)) return;
  for (const day of week.days) {
    const mainElsewhere = (slot: SlotDraft): number =>
      week.days.some(
        (other) => other !== day && other.slots.some((s) => s.tier === "T1" && s.entry === slot.entry),
      )
        ? 0
        : 1;
    let guard = 20;
    while (guard-- > 0 && pressingSets(day) > DAY_PRESSING_SETS) {
      const victim = day.slots
        .filter((slot) => slot.tier !== "T1" && isPush(slot.entry) && !kept(slot))
        .sort((a, b) => a.sets - b.sets || mainElsewhere(a) - mainElsewhere(b) || b.seq - a.seq)[0];
      if (victim === undefined) break;
      const over = pressingSets(day) - DAY_PRESSING_SETS;
      if (victim.sets - over >= minSlotSets(victim.tier)) changeSets(week, day, victim, -over);
      else removeSlot(week, day, victim);
    }
  }
}
