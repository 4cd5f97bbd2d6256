// Phase 1: every major group's weekly minimum, as spread by `minimumShares`. The lead groups go
// first across the whole week, so each day's T1 gets the best-ranked exercise for its pattern
// (the barbell squat on the squat day) before other days use it up. A day's share of a group fills
// as many exercises as the share needs, each up to its tier's maxSets, sets spread evenly. A day
// whose share cannot fit its minutes is then cut, largest group first, until it fits.
// Volume is counted fractionally (week-draft.ts): a group that other lifts already train as a
// secondary muscle needs fewer direct sets, so a day's share never exceeds what the group still
// lacks, and no set may take any group past the top of its range. No slot is left below its
// minimum sets (3 for a T1, 2 otherwise): a cut that would go below drops the whole slot.

import { minimumShares } from "./allocate.ts";
import { type MajorGroup, weeklyTarget } from "./targets.ts";
import {
  addSlot,
  changeSets,
  type DayDraft,
  daySeconds,
  draftSlot,
  fitsCaps,
  minSlotSets,
  removeSlot,
  type SlotDraft,
  setTier,
  slotMaxSets,
  slotsOf,
  type WeekDraft,
  weeklySets,
} from "./week-draft.ts";

const FILL_ORDER: readonly MajorGroup[] = [
  "quadriceps",
  "chest",
  "back",
  "shoulders",
  "hamstrings",
  "glutes",
];

export function placeMinimums(week: WeekDraft): void {
  const shares = minimumShares(
    week.days.map((day) => day.template),
    week.goal,
    week.experience,
  );
  const share = (index: number, group: MajorGroup): number => shares[index]?.get(group) ?? 0;
  week.days.forEach((day, index) => {
    const lead = day.template.majors[0]?.group;
    // The day's lead group always gets its main lift (3 sets), even when other days or other lifts'
    // secondary work already cover its minimum: that is what makes it the day's T1.
    if (lead !== undefined) fillShare(week, day, lead, Math.max(share(index, lead), minSlotSets("T1")), true);
  });
  // Then group by group across the week, squat and press patterns before the hinge groups: squats
  // and deadlifts train the hamstrings and glutes too, so these fill last, with what is left of
  // their ranges, and never crowd out a day's squat.
  for (const group of FILL_ORDER) {
    week.days.forEach((day, index) => {
      if (day.template.majors.slice(1).some((block) => block.group === group)) {
        fillShare(week, day, group, share(index, group));
      }
    });
  }
  for (const day of week.days) capToBudget(week, day);
}

function fillShare(week: WeekDraft, day: DayDraft, group: MajorGroup, dayShare: number, lead = false): void {
  const lacking = Math.ceil(
    weeklyTarget(week.goal, week.experience, group).min - weeklySets(week, group) - 1e-9,
  );
  // Strength keeps every planned day of a lift (practice of the lift: Ralston et al. 2017), so only
  // other goals let secondary work stand in for direct sets.
  const share = lead || week.goal === "strength" ? dayShare : Math.min(dayShare, lacking);
  if (share <= 0) return;
  const slots: SlotDraft[] = [];
  let capacity = 0;
  while (capacity < share) {
    const slot = draftSlot(week, day, group, true);
    if (slot === undefined) break; // no unused exercise left: the share is capped by variety
    addSlot(week, day, slot);
    slots.push(slot);
    capacity += slotMaxSets(week, slot);
  }
  // Round-robin one set at a time: 10 sets over caps (5, 4, 4) become 4, 3, 3. A main lift takes
  // its minimum first, so a T1 never ends with fewer than 3 sets when the share has them.
  let left = share;
  const main = slots.find((slot) => slot.tier === "T1");
  while (main !== undefined && left > 0 && main.sets < minSlotSets("T1") && fitsCaps(week, main.entry, 1)) {
    changeSets(week, day, main, 1);
    left -= 1;
  }
  while (left > 0) {
    const open = slots.filter((slot) => slot.sets < slotMaxSets(week, slot) && fitsCaps(week, slot.entry, 1));
    if (open.length === 0) break;
    for (const slot of open) {
      if (left === 0) break;
      if (!fitsCaps(week, slot.entry, 1)) continue;
      changeSets(week, day, slot, 1);
      left -= 1;
    }
  }
  for (const slot of slots) if (slot.sets === 0) removeSlot(week, day, slot);
}

/** Cuts the day until it fits its minutes (also the week's last step: see finish-week.ts). */
export function capToBudget(week: WeekDraft, day: DayDraft): void {
  while (daySeconds(week, day) > week.budgetSeconds) {
    // A short session keeps its exercises and loses sets first, the main lift's too (down to its
    // 3): three exercises of 2-3 sets, paired, beat a 5-set main lift and one more (issue 22, item 3).
    if (week.pairMain) {
      const trimmable = day.slots.filter((slot) => slot.sets > minSlotSets(slot.tier));
      const fullest = largestGroupSlot(day, trimmable);
      if (fullest !== undefined) {
        changeSets(week, day, fullest, -1);
        continue;
      }
    }
    // Accessory lifts go before the main lift: a session keeps its T1 as long as anything else is left.
    const others = day.slots.filter((slot) => slot.tier !== "T1");
    const victim = largestGroupSlot(day, others.length > 0 ? others : day.slots);
    if (victim === undefined) return;
    if (victim.sets > minSlotSets(victim.tier)) changeSets(week, day, victim, -1);
    else if (day.slots.length > 1) removeSlot(week, day, victim);
    else if (victim.tier === "T1") {
      // A lone main lift that does not fit with its ramp-up sets becomes plain work: 2 sets, no
      // ramp-up (a 20-minute strength session still gets its squat).
      setTier(week, victim, "T2"); // the loop then takes it down to 2 sets if it must
    } else return;
  }
}

/** The fullest slot of the group with the most sets on the day (ties: later block, later slot). */
function largestGroupSlot(day: DayDraft, among: readonly SlotDraft[]): SlotDraft | undefined {
  const key = (slot: SlotDraft): number[] => [
    slotsOf(day, slot.group).reduce((sum, s) => sum + s.sets, 0),
    slot.position,
    slot.sets,
    slot.seq,
  ];
  let best: SlotDraft | undefined;
  for (const slot of among) {
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
