// Strength frequency (issue 22, item 9; docs/programming-rules.md, section 5): with a barbell and 3+
// days, a barbell squat and a barbell press each on 2+ days and a barbell hinge weekly, on any
// split. Full-body weeks and 4+-day upper/lower and 5+-day push/pull/legs weeks have them from
// their templates; a 3-day upper/lower or push/pull/legs week trains the squat (and the press) on
// one day only, so a 2-set barbell slot of the lift goes on another day that does not follow or
// precede a day training the same group (Mon/Wed/Fri: none do), paid for, where the minutes are
// short, with sets of the day's other non-main work. Practice of the lifts twice a week is what
// strength needs most (Rippetoe 2011; Ralston et al. 2017).

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { MovementPattern } from "../vocabulary.ts";
import { breaksBalance, isPull } from "./balance.ts";
import { patternOf } from "./movement.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import type { MajorGroup } from "./targets.ts";
import {
  addSlot,
  blockOf,
  type DayDraft,
  daySeconds,
  draftSlot,
  fitsCaps,
  makeRoom,
  removeSlot,
  roomForExercise,
  type SlotDraft,
  type WeekDraft,
} from "./week-draft.ts";

interface Lift {
  group: MajorGroup;
  patterns: readonly MovementPattern[];
  days: number;
}

const LIFTS: readonly Lift[] = [
  { group: "quadriceps", patterns: ["squat"], days: 2 },
  { group: "chest", patterns: ["horizontal_push"], days: 2 },
  { group: "hamstrings", patterns: ["hinge"], days: 1 },
];

const OVERHEAD: Lift = { group: "shoulders", patterns: ["vertical_push"], days: 2 };

/** The week's hinge is a deadlift (conventional, Romanian...): a good morning or a hip thrust is not. */
const DEADLIFT = /deadlift/i;

const isBarbellLift =
  (lift: Lift) =>
  (entry: CatalogueEntry): boolean =>
    entry.equipment === "barbell" &&
    lift.patterns.includes(patternOf(entry)) &&
    (lift.group !== "hamstrings" || DEADLIFT.test(entry.name));

/** A barbell press of either direction counts for the press's two days. */
const isBarbellPress = (entry: CatalogueEntry): boolean =>
  entry.equipment === "barbell" && ["horizontal_push", "vertical_push"].includes(patternOf(entry));

export function ensureStrengthFrequency(week: WeekDraft): void {
  if (week.goal !== "strength" || !week.equipment.has("barbell") || week.days.length < 3) return;
  for (const lift of LIFTS) {
    const test = lift.group === "chest" ? isBarbellPress : isBarbellLift(lift);
    const daysWith = () => week.days.filter((day) => day.slots.some((slot) => test(slot.entry))).length;
    const candidates = week.days
      .filter((day) => !day.slots.some((slot) => test(slot.entry)) && restedFor(week, day, lift.group))
      .sort((a, b) => daySeconds(week, a) - daySeconds(week, b));
    for (const day of candidates) {
      if (daysWith() >= lift.days) break;
      // Where the ranges are full, the day's own lift of the pattern becomes the barbell one.
      if (swapToBarbell(week, day, lift)) continue;
      // Without a bench, the standing overhead press is the barbell press.
      if (addLift(week, day, lift) || lift.group !== "chest") continue;
      if (restedFor(week, day, OVERHEAD.group)) addLift(week, day, OVERHEAD);
    }
  }
}

/** Neither neighbouring calendar day trains, or may later train, the group (the day-before rule). */
function restedFor(week: WeekDraft, day: DayDraft, group: MajorGroup): boolean {
  const dow = day.template.dayOfWeek;
  return !week.days.some(
    (other) =>
      other !== day &&
      Math.abs(other.template.dayOfWeek - dow) === 1 &&
      (blockOf(other, group) !== undefined || other.slots.some((slot) => slot.group === group)),
  );
}

function addLift(week: WeekDraft, day: DayDraft, lift: Lift): boolean {
  // A beginner's day at its 6 exercises gives up an isolation slot (never a pull) for the lift.
  let freed: SlotDraft | undefined;
  if (!roomForExercise(week, day)) {
    const victim = day.slots
      .filter((other) => other.tier === "T3" && !isPull(other.entry))
      .sort((a, b) => b.seq - a.seq)[0];
    if (victim === undefined) return false;
    freed = { ...victim };
    removeSlot(week, day, victim);
  }
  const added = placeLift(week, day, lift);
  if (!added && freed !== undefined) addSlot(week, day, { ...freed, seq: week.nextSeq });
  return added;
}

function placeLift(week: WeekDraft, day: DayDraft, lift: Lift): boolean {
  const extra = { block: { group: lift.group, patterns: lift.patterns }, position: 0 };
  const slot = draftSlot(
    week,
    day,
    lift.group,
    false,
    extra,
    (entry) =>
      isBarbellLift(lift)(entry) &&
      fitsCaps(week, entry, MIN_SLOT_SETS) &&
      !breaksBalance(week, entry, MIN_SLOT_SETS),
  );
  if (slot === undefined) return false;
  slot.sets = MIN_SLOT_SETS;
  slot.tier = slot.tier === "T3" ? "T3" : "T2";
  addSlot(week, day, slot);
  const fits = makeRoom(
    week,
    day,
    (slots) =>
      slots
        .filter((other) => other !== slot && other.tier !== "T1" && !isPull(other.entry))
        .sort((a, b) => b.tier.localeCompare(a.tier) || b.sets - a.sets || b.seq - a.seq)[0],
  );
  if (!fits) removeSlot(week, day, slot);
  return fits;
}

/** A non-main slot of the lift's group and pattern with other equipment gives way to the barbell lift, same sets. */
function swapToBarbell(week: WeekDraft, day: DayDraft, lift: Lift): boolean {
  const own = day.slots.find(
    (slot) =>
      slot.tier !== "T1" && slot.group === lift.group && lift.patterns.includes(patternOf(slot.entry)),
  );
  if (own === undefined) return false;
  const kept: SlotDraft = { ...own };
  removeSlot(week, day, own);
  const extra = { block: { group: lift.group, patterns: lift.patterns }, position: kept.position };
  const slot = draftSlot(
    week,
    day,
    lift.group,
    false,
    extra,
    (entry) => isBarbellLift(lift)(entry) && fitsCaps(week, entry, kept.sets),
  );
  if (slot !== undefined) {
    slot.sets = kept.sets;
    slot.tier = kept.tier;
    addSlot(week, day, slot);
    if (daySeconds(week, day) <= week.budgetSeconds) return true;
    removeSlot(week, day, slot);
  }
  addSlot(week, day, { ...kept, seq: week.nextSeq });
  return false;
}
