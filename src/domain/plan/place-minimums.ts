// Phase 1: every major group's weekly minimum, as spread by `minimumShares`. The lead groups go
// first across the whole week, so each day's T1 gets the best-ranked exercise for its pattern
// (the barbell squat on the squat day) before other days use it up. A day's share of a group fills
// as many exercises as the share needs, each up to its tier's maxSets, sets spread evenly. A day
// whose share cannot fit its minutes is then cut, largest group first, until it fits.

import { minimumShares } from "./allocate.ts";
import type { MajorGroup } from "./targets.ts";
import {
  addSlot,
  changeSets,
  type DayDraft,
  daySeconds,
  draftSlot,
  maxSets,
  type SlotDraft,
  slotsOf,
  type WeekDraft,
} from "./week-draft.ts";

export function placeMinimums(week: WeekDraft): void {
  const shares = minimumShares(
    week.days.map((day) => day.template),
    week.goal,
    week.experience,
  );
  const share = (index: number, group: MajorGroup): number => shares[index]?.get(group) ?? 0;
  week.days.forEach((day, index) => {
    const lead = day.template.majors[0]?.group;
    if (lead !== undefined) fillShare(week, day, lead, share(index, lead));
  });
  week.days.forEach((day, index) => {
    for (const block of day.template.majors.slice(1)) {
      fillShare(week, day, block.group, share(index, block.group));
    }
  });
  for (const day of week.days) capToBudget(week, day);
}

function fillShare(week: WeekDraft, day: DayDraft, group: MajorGroup, share: number): void {
  const slots: SlotDraft[] = [];
  let capacity = 0;
  while (capacity < share) {
    const slot = draftSlot(week, day, group, true);
    if (slot === undefined) break; // no unused exercise left: the share is capped by variety
    addSlot(week, day, slot);
    slots.push(slot);
    capacity += maxSets(week, slot.tier);
  }
  // Round-robin one set at a time: 10 sets over caps (5, 4, 4) become 4, 3, 3.
  let left = share;
  while (left > 0) {
    const open = slots.filter((slot) => slot.sets < maxSets(week, slot.tier));
    if (open.length === 0) break;
    for (const slot of open) {
      if (left === 0) break;
      changeSets(week, day, slot, 1);
      left -= 1;
    }
  }
  for (const slot of slots) if (slot.sets === 0) changeSets(week, day, slot, 0);
}

function capToBudget(week: WeekDraft, day: DayDraft): void {
  while (daySeconds(week, day) > week.budgetSeconds) {
    const victim = largestGroupSlot(day);
    if (victim === undefined || (day.slots.length === 1 && victim.sets === 1)) return;
    changeSets(week, day, victim, -1);
  }
}

/** The fullest slot of the group with the most sets on the day (ties: later block, later slot). */
function largestGroupSlot(day: DayDraft): SlotDraft | undefined {
  const key = (slot: SlotDraft): number[] => [
    slotsOf(day, slot.group).reduce((sum, s) => sum + s.sets, 0),
    slot.position,
    slot.sets,
    slot.seq,
  ];
  let best: SlotDraft | undefined;
  for (const slot of day.slots) {
    if (best === undefined || isGreater(key(slot), key(best))) best = slot;
  }
  return best;
}

function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return false;
}
