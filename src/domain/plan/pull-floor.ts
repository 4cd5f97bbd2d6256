// The pull floor (issue 22, item 11; docs/programming-rules.md, section 5): in every plan whose
// lifter can do a pulling exercise, pulling sets are at least two thirds of pushing sets, counted
// as direct sets of the patterns (balance.ts). The passes before keep each goal's own share where
// the minutes allow; a short strength week, which keeps its presses, can end below it. This last
// pass closes the gap (and, by adding pulls only, the goal's own share where it can), cheapest
// change first:
// 1. more pulling sets where the minutes allow (addPullSet);
// 2. a pulling set on a day with a back block, paid for by sets of the day's other non-main,
//    non-pulling work (the fullest first; a slot at its minimum goes);
// 3. fewer pushing sets: accessory pushing slots first, then a pressing main lift down to its 3.

import { belowPullFloor, isPull, isPush, lacksPull } from "./balance.ts";
import { addPullSet } from "./fill-spare-time.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import {
  addSlot,
  blockOf,
  changeSets,
  type DayDraft,
  draftSlot,
  fitsCaps,
  makeRoom,
  minSlotSets,
  removeSlot,
  type SlotDraft,
  slotMaxSets,
  type WeekDraft,
} from "./week-draft.ts";

export function keepPullFloor(week: WeekDraft): void {
  let guard = 100;
  // The goal's own share (balance.ts) by adding pulls only, the floor by any of the three.
  while (guard-- > 0 && lacksPull(week)) {
    if (addPullSet(week)) continue;
    if (!week.days.some((day) => pullWithRoomMade(week, day))) break;
  }
  guard = 100;
  while (guard-- > 0 && belowPullFloor(week)) {
    if (addPullSet(week)) continue;
    if (week.days.some((day) => pullWithRoomMade(week, day))) continue;
    if (!removeOnePushSet(week)) return;
  }
}

/** One pulling set on the day (an open pulling slot, else a new 2-set one), the time made by trimming. */
function pullWithRoomMade(week: WeekDraft, day: DayDraft): boolean {
  if (blockOf(day, "back") === undefined) return false;
  const open = day.slots.find(
    (slot) => isPull(slot.entry) && slot.sets < slotMaxSets(week, slot) && fitsCaps(week, slot.entry, 1),
  );
  let added: { undo: () => void; slot: SlotDraft };
  if (open !== undefined) {
    changeSets(week, day, open, 1);
    added = { slot: open, undo: () => changeSets(week, day, open, -1) };
  } else {
    const slot = draftSlot(
      week,
      day,
      "back",
      false,
      undefined,
      (entry) => isPull(entry) && fitsCaps(week, entry, MIN_SLOT_SETS),
    );
    if (slot === undefined) return false;
    slot.sets = MIN_SLOT_SETS;
    addSlot(week, day, slot);
    added = { slot, undo: () => removeSlot(week, day, slot) };
  }
  const fits = makeRoom(
    week,
    day,
    (slots) =>
      slots
        .filter((other) => other !== added.slot && other.tier !== "T1" && !isPull(other.entry))
        .sort(
          (a, b) => Number(isPush(b.entry)) - Number(isPush(a.entry)) || b.sets - a.sets || b.seq - a.seq,
        )[0],
  );
  if (!fits) added.undo();
  return fits;
}

/** One pushing set fewer: an accessory pushing slot first (fullest), then a pressing main lift above 3. */
function removeOnePushSet(week: WeekDraft): boolean {
  let best: { day: DayDraft; slot: SlotDraft } | undefined;
  const rank = (slot: SlotDraft) => (slot.tier === "T1" ? 0 : 100) + slot.sets;
  for (const day of week.days) {
    for (const slot of day.slots) {
      if (!isPush(slot.entry)) continue;
      if (slot.tier === "T1" && slot.sets <= minSlotSets("T1")) continue;
      // A day's only exercise stays.
      if (day.slots.length === 1 && slot.sets <= minSlotSets(slot.tier)) continue;
      if (best === undefined || rank(slot) > rank(best.slot)) best = { day, slot };
    }
  }
  if (best === undefined) return false;
  const { day, slot } = best;
  if (slot.sets > minSlotSets(slot.tier)) changeSets(week, day, slot, -1);
  else removeSlot(week, day, slot);
  return true;
}
