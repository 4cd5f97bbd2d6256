// A pull day pulls: its back exercises hold at least as many sets as its curls and rear-delt work
// together. A coach read an intermediate's pull day of 6 back sets beside 4 of hammer curls and 4
// of rear-delt raises: the raises had filled the shoulders' range, and each row set (half a set for
// the rear delts) no longer fitted it. Sets of that isolation work above its tier's minimum move to
// the day's pulling exercises, one at a time, curls first, where the minutes and ranges allow.

import { isPull } from "./balance.ts";
import { REAR_DELT_WEEKLY_SETS } from "./coach-minimums.ts";
import { deltHeadOf } from "./delt-head.ts";
import {
  changeSets,
  contribution,
  type DayDraft,
  fitsBudget,
  groupFits,
  minSlotSets,
  type SlotDraft,
  slotMaxSets,
  type WeekDraft,
} from "./week-draft.ts";

const isBackPull = (slot: SlotDraft): boolean => slot.group === "back" && isPull(slot.entry);
const isCurl = (slot: SlotDraft): boolean => slot.group === "biceps";
const isRearDelt = (slot: SlotDraft): boolean =>
  slot.group === "shoulders" && deltHeadOf(slot.entry) === "rear";

const setsOf = (day: DayDraft, test: (slot: SlotDraft) => boolean): number =>
  day.slots.reduce((sum, slot) => sum + (test(slot) ? slot.sets : 0), 0);

export function keepPullDayBack(week: WeekDraft): void {
  for (const day of week.days) {
    if (day.template.kind !== "pull") continue;
    let guard = 20;
    while (
      guard-- > 0 &&
      setsOf(day, isBackPull) < setsOf(day, isCurl) + setsOf(day, isRearDelt) &&
      moveOneSet(week, day)
    ) {}
  }
}

function moveOneSet(week: WeekDraft, day: DayDraft): boolean {
  // Rear-delt work keeps the week's least (coach-minimums.ts).
  const rearToSpare = week.rearDeltSets > REAR_DELT_WEEKLY_SETS;
  const givers = [...day.slots.filter(isCurl), ...(rearToSpare ? day.slots.filter(isRearDelt) : [])]
    .filter((slot) => slot.sets > minSlotSets(slot.tier))
    .sort((a, b) => Number(isRearDelt(a)) - Number(isRearDelt(b)) || b.sets - a.sets);
  const takers = day.slots
    .filter((slot) => isBackPull(slot) && slot.sets < slotMaxSets(week, slot))
    .sort((a, b) => a.sets - b.sets || a.seq - b.seq);
  for (const giver of givers) {
    for (const taker of takers) {
      changeSets(week, day, giver, -1);
      changeSets(week, day, taker, 1);
      if (fitsBudget(week, day) && withinTops(week, taker, giver)) return true;
      changeSets(week, day, taker, -1);
      changeSets(week, day, giver, 1);
    }
  }
  return false;
}

/**
 * After the move, every group the pull trains is within its top (groupFits, of 0 sets more), unless
 * it lost at least as much from the giver as it gained: a rear-delt set given for a row set leaves
 * the shoulders half a set lower, even where the raises had taken them past the top that the row's
 * half-sets are held to.
 */
function withinTops(week: WeekDraft, taker: SlotDraft, giver: SlotDraft): boolean {
  const given = contribution(giver.entry);
  for (const [group, weight] of contribution(taker.entry)) {
    if (weight > (given.get(group) ?? 0) && !groupFits(week, taker.entry, group, weight, 0)) return false;
  }
  return true;
}
