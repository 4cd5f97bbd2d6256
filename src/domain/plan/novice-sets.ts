// The novice programmes squat and press 3 x 5 (Rippetoe 2011, Starting Strength; StrongLifts works
// up to 5 x 5): a coach read a novice's overhead press at 2 x 5 beside a 3 x 5 bench, the day's
// lateral raise holding the shoulders' sets. In the novice workouts (WeekDraft.noviceWorkouts) a
// barbell squat or press under 3 sets takes more, one at a time: from the minutes left, or where
// the minutes or a range are full, from the day's isolation work (the lift's own groups' first).
// The deadlift keeps its 1-2 sets (Rippetoe's one heavy set of 5).

import { lacksPull } from "./balance.ts";
import { addPullSet } from "./fill-spare-time.ts";
import { isPowerLift } from "./lift-reps.ts";
import { patternOf } from "./movement.ts";
import {
  attempt,
  changeSets,
  contribution,
  type DayDraft,
  fitsBudget,
  fitsCaps,
  minSlotSets,
  type SlotDraft,
  slotMaxSets,
  type WeekDraft,
} from "./week-draft.ts";

/** A novice's squat and presses: at least this many working sets. */
export const NOVICE_LIFT_SETS = 3;

const isNoviceLift = (slot: SlotDraft): boolean =>
  isPowerLift(slot.entry) && patternOf(slot.entry) !== "hinge";

export function noviceLiftSets(week: WeekDraft): void {
  if (!week.noviceWorkouts) return;
  for (const day of week.days) {
    for (const slot of day.slots.filter(isNoviceLift)) {
      while (
        slot.sets < Math.min(NOVICE_LIFT_SETS, slotMaxSets(week, slot)) &&
        attempt(week, () => oneMoreSet(week, day, slot))
      ) {}
    }
  }
}

/** One more set of the lift, isolation sets of the day giving way; false where none is enough. */
function oneMoreSet(week: WeekDraft, day: DayDraft, lift: SlotDraft): boolean {
  changeSets(week, day, lift, 1);
  const groups = contribution(lift.entry);
  let guard = 12;
  while (guard-- > 0) {
    // Strength's pull share: a pulling set first where the press would break it.
    if (lacksPull(week) && !addPullSet(week)) return false;
    if (fitsBudget(week, day) && fitsCaps(week, lift.entry, 0) && !lacksPull(week)) return true;
    const donor = day.slots
      .filter((slot) => slot.tier === "T3")
      .sort(
        (a, b) =>
          Number(groups.has(b.group)) - Number(groups.has(a.group)) || b.sets - a.sets || b.seq - a.seq,
      )[0];
    if (donor === undefined) return false;
    // An isolation exercise below its least sets goes whole.
    changeSets(week, day, donor, donor.sets - 1 < minSlotSets("T3") ? -donor.sets : -1);
  }
  return false;
}
