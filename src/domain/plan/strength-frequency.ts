// Strength frequency (issue 22, item 9; docs/programming-rules.md, section 5): with a barbell and 3+
// days, a barbell squat and a barbell press each on 2+ days and a barbell hinge weekly, on any
// split. Full-body weeks and 4+-day upper/lower and 5+-day push/pull/legs weeks mostly have them
// from their templates; a 3-day upper/lower or 3-4-day push/pull/legs week trains the squat (and
// the press) on one day only. Practice of the lifts twice a week is what strength needs most
// (Rippetoe 2011; Ralston et al. 2017). For each lift short of its days, on a day that does not
// follow or precede a day training the same group (Mon/Wed/Fri: none do), cheapest change first:
// 1. the day's own lift of the pattern with other equipment becomes the barbell one, same sets;
// 2. a day with two of the lift (a push day's bench and overhead press) gives one away: the week's
//    sets, ranges and balance stay as they were;
// 3. a new 2-set slot of the lift, paid for, where the minutes are short, with sets of the day's
//    other non-pulling work (isolation first, the main lift down to its 3), and where the pull
//    share needs it, with a pulling set more first. A coach's push/pull/legs week then reads: a
//    bench press on the push day and again on the pull or legs day, a squat on the push day.
// Without a bench, the standing overhead press is the barbell press. The week's hinge is a
// deadlift (conventional, Romanian, stiff-leg) or a good morning; a hip thrust or a bridge is not.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { MovementPattern, Tier } from "../vocabulary.ts";
import { breaksBalance, isPull, isPush, PULL_FLOOR } from "./balance.ts";
import { barbellOf, isBarbellHinge, isBarbellPress, isBarbellSquat } from "./barbell-lifts.ts";
import { CONVENTIONAL_DEADLIFT, chooseExercise } from "./choose-exercise.ts";
import { addPullSet } from "./fill-spare-time.ts";
import { patternOf } from "./movement.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import type { MajorGroup, TargetGroup } from "./targets.ts";
import {
  addSlot,
  attempt,
  blockOf,
  changeSets,
  contribution,
  type DayDraft,
  daySeconds,
  fitsCaps,
  makeRoom,
  minSlotSets,
  removeSlot,
  restedFor,
  roomBelowTop,
  roomForExercise,
  type SlotDraft,
  setTier,
  slotMaxSets,
  slotsOf,
  type WeekDraft,
} from "./week-draft.ts";

interface Lift {
  group: MajorGroup;
  patterns: readonly MovementPattern[];
  days: number;
  /** The slots that count for the lift's days. */
  counts: (entry: CatalogueEntry) => boolean;
  /** The entries a new slot of the lift may be (a subset of `counts` in the lift's group). */
  accepts: (entry: CatalogueEntry) => boolean;
  /**
   * The patterns of the slots that give way to the lift (swapToBarbell), where wider than its own:
   * a barbell lunge beside a deadlift would otherwise leave a squat no place (two barbell leg lifts
   * a session beside a deadlift).
   */
  replaces?: readonly MovementPattern[];
}

const SQUAT: Lift = {
  group: "quadriceps",
  patterns: ["squat"],
  days: 2,
  counts: isBarbellSquat,
  accepts: isBarbellSquat,
  replaces: ["squat", "lunge"],
};
const PRESS: Lift = {
  group: "chest",
  patterns: ["horizontal_push"],
  days: 2,
  counts: isBarbellPress,
  accepts: barbellOf(["horizontal_push"]),
};
const OVERHEAD: Lift = {
  group: "shoulders",
  patterns: ["vertical_push"],
  days: 2,
  counts: isBarbellPress,
  accepts: barbellOf(["vertical_push"]),
};
const HINGE: Lift = {
  group: "hamstrings",
  patterns: ["hinge"],
  days: 1,
  counts: isBarbellHinge,
  accepts: isBarbellHinge,
};

/** A slot of one of the trained lifts: it is not given away to make room for another. */
const isTrainedLift = (entry: CatalogueEntry): boolean =>
  isBarbellSquat(entry) || isBarbellPress(entry) || isBarbellHinge(entry);

/**
 * A novice on full-body days of 45+ minutes squats every session, up to three a week (Rippetoe
 * 2011: the squat in every workout of the novice programme; a coach read a beginner's week with
 * two); otherwise two.
 */
function squatDays(week: WeekDraft): number {
  // Sessions of 45 minutes or more: a 30-minute session holds its own main lift and little else.
  const novice =
    week.experience === "beginner" &&
    week.budgetSeconds >= 45 * 60 &&
    week.days.every((day) => day.template.kind === "full");
  return novice ? Math.min(3, week.days.length) : SQUAT.days;
}

/**
 * A novice squats first on a full-body deadlift day too (Rippetoe 2011: the squat opens every
 * workout, the deadlift follows; a coach read a beginner's deadlift before the squat): the day's
 * barbell deadlift (its main lift) and its barbell squat trade tiers (and sets, where the squat
 * has fewer than a main lift's 3), where the ranges and the day's minutes allow. The deadlift
 * then keeps the main lift's reps (generate.ts, slotReps): 5 after squats, not the 6+ that issue
 * 22, item 6 rules out. True where a day traded.
 */
export function squatBeforeDeadlift(week: WeekDraft): boolean {
  if (week.goal !== "strength" || week.experience !== "beginner") return false;
  let traded = false;
  for (const day of week.days) {
    if (day.template.kind !== "full") continue;
    const main = day.slots.find((slot) => slot.tier === "T1" && isBarbellHinge(slot.entry));
    const squat = day.slots.find((slot) => slot.tier === "T2" && isBarbellSquat(slot.entry));
    if (main === undefined || squat === undefined || !CONVENTIONAL_DEADLIFT.test(main.entry.name.trim()))
      continue;
    // A squat short of a main lift's sets takes them from the deadlift, where the ranges allow
    // (the deadlift's own half-sets for the quadriceps and glutes go with them).
    const moved = Math.max(0, minSlotSets("T1") - squat.sets);
    if (main.sets - moved < minSlotSets("T2")) continue;
    const tradedHere = attempt(week, () => {
      changeSets(week, day, main, -moved);
      // Where the quadriceps' range is full, another day's quadriceps work (a second squat, a
      // split squat) gives the set: the week's leg work stays the same, its heavy sets on this day.
      if (!fitsCaps(week, squat.entry, moved)) {
        const donor = squatDonor(week, day, squat, moved);
        if (donor === undefined) return false;
        changeSets(week, donor.day, donor.slot, -moved);
        if (!fitsCaps(week, squat.entry, moved)) return false;
      }
      changeSets(week, day, squat, moved);
      setTier(week, main, "T2");
      setTier(week, squat, "T1");
      // As the day's second lift the deadlift keeps a novice's 2 sets (slotMaxSets).
      const over = main.sets - slotMaxSets(week, main);
      if (over > 0) changeSets(week, day, main, -over);
      return daySeconds(week, day) <= week.budgetSeconds;
    });
    traded ||= tradedHere;
  }
  return traded;
}

/** Another day's non-main slot of the squat's group with sets to spare, the fullest first. */
function squatDonor(
  week: WeekDraft,
  except: DayDraft,
  squat: SlotDraft,
  sets: number,
): { day: DayDraft; slot: SlotDraft } | undefined {
  let best: { day: DayDraft; slot: SlotDraft } | undefined;
  for (const day of week.days) {
    if (day === except) continue;
    for (const slot of day.slots) {
      if (slot.tier === "T1" || slot.group !== squat.group || slot.sets - sets < minSlotSets(slot.tier))
        continue;
      if (best === undefined || slot.sets > best.slot.sets) best = { day, slot };
    }
  }
  return best;
}

export function strengthFrequencyApplies(week: WeekDraft): boolean {
  return week.goal === "strength" && week.equipment.has("barbell") && week.days.length >= 3;
}

/**
 * For each trained lift (the squat, a press, the hinge), the days of the week that hold it and the
 * days it needs; none where the rule does not apply.
 */
export function strengthLiftDays(week: WeekDraft): { days: number; required: number }[] {
  if (!strengthFrequencyApplies(week)) return [];
  return [SQUAT, PRESS, HINGE].map((lift) => ({
    days: week.days.filter((day) => day.slots.some((slot) => lift.counts(slot.entry))).length,
    required: lift === SQUAT ? squatDays(week) : lift.days,
  }));
}

export function ensureStrengthFrequency(week: WeekDraft): void {
  if (!strengthFrequencyApplies(week)) return;
  for (const day of week.days) romanianAfterSquat(week, day);
  for (const lift of [SQUAT, PRESS, HINGE]) {
    const required = lift === SQUAT ? squatDays(week) : lift.days;
    const daysWith = () =>
      week.days.filter((day) => day.slots.some((slot) => lift.counts(slot.entry))).length;
    if (daysWith() >= required) continue;
    const candidates = week.days
      .filter((day) => !day.slots.some((slot) => lift.counts(slot.entry)))
      .sort((a, b) => daySeconds(week, a) - daySeconds(week, b));
    // Without a bench (or room for the bench press), the standing overhead press is the barbell press.
    const forms = lift === PRESS ? [PRESS, OVERHEAD] : [lift];
    for (const day of candidates) {
      if (daysWith() >= required) break;
      for (const form of forms) {
        if (!restedFor(week, day, form.group)) continue;
        if (swapToBarbell(week, day, form) || moveLift(week, day, form) || addLift(week, day, form)) break;
      }
    }
  }
}

/**
 * The best barbell entry of the lift for the day, not yet added, or undefined. Chosen as every
 * slot is (chooseExercise), but a beginner's hinge ignores the day's hip thrust: the deadlift's
 * block comes first in the session, so nothing heavy precedes it (the beginner's rule of item 8
 * is about what follows a deadlift).
 */
function liftSlot(
  week: WeekDraft,
  day: DayDraft,
  lift: Lift,
  accept: (entry: CatalogueEntry) => boolean,
): SlotDraft | undefined {
  const found = blockOf(day, lift.group) ?? {
    block: { group: lift.group, patterns: lift.patterns },
    position: 0,
  };
  const inDay = new Set(day.slots.map((slot) => slot.entry.exerciseId));
  const session = day.slots
    .map((slot) => slot.entry)
    .filter((entry) => lift !== HINGE || !(entry.equipment === "barbell" && patternOf(entry) === "hinge"));
  const entry = chooseExercise(
    week.candidates.get(lift.group) ?? [],
    found.block,
    slotsOf(day, lift.group).length,
    {
      goal: week.goal,
      experience: week.experience,
      session,
      weekUse: week.weekUse,
      mainUse: week.mainUse,
      leading: false,
      accept: (candidate) => !inDay.has(candidate.exerciseId) && lift.accepts(candidate) && accept(candidate),
    },
  );
  if (entry === undefined) return undefined;
  return { entry, group: lift.group, tier: "T2", sets: 0, position: found.position, seq: week.nextSeq };
}

/**
 * A conventional deadlift after the day's squat (the main lift) becomes a barbell Romanian or
 * stiff-leg deadlift now, so the later rule against one (finish-week.ts, noDeadliftAfterSquat)
 * does not find it and swap it for a cable or dumbbell hinge: the week keeps its barbell hinge.
 */
function romanianAfterSquat(week: WeekDraft, day: DayDraft): void {
  if (!day.slots.some((slot) => slot.tier === "T1" && patternOf(slot.entry) === "squat")) return;
  for (const slot of [...day.slots]) {
    if (
      slot.tier === "T1" ||
      !isBarbellHinge(slot.entry) ||
      !CONVENTIONAL_DEADLIFT.test(slot.entry.name.trim())
    )
      continue;
    const kept: SlotDraft = { ...slot };
    removeSlot(week, day, slot);
    const swap = liftSlot(
      week,
      day,
      HINGE,
      (entry) => !CONVENTIONAL_DEADLIFT.test(entry.name.trim()) && fitsCaps(week, entry, kept.sets),
    );
    addSlot(
      week,
      day,
      swap === undefined
        ? { ...kept, seq: week.nextSeq }
        : { ...swap, sets: kept.sets, tier: kept.tier, position: kept.position },
    );
  }
}

/** A non-main slot of the lift's group and pattern with other equipment gives way to the barbell lift, same sets. */
function swapToBarbell(week: WeekDraft, day: DayDraft, lift: Lift): boolean {
  const own = day.slots.find(
    (slot) =>
      slot.tier !== "T1" &&
      slot.group === lift.group &&
      !lift.counts(slot.entry) &&
      (lift.replaces ?? lift.patterns).includes(patternOf(slot.entry)),
  );
  if (own === undefined) return false;
  const kept: SlotDraft = { ...own };
  removeSlot(week, day, own);
  const slot = liftSlot(week, day, lift, (entry) => fitsCaps(week, entry, kept.sets));
  if (slot !== undefined) {
    const swapped: SlotDraft = { ...slot, sets: kept.sets, tier: kept.tier, position: kept.position };
    addSlot(week, day, swapped);
    // A squat after the day's deadlift stops at its 3 sets (slotMaxSets), where a lunge had 4.
    const over = swapped.sets - slotMaxSets(week, swapped);
    if (over > 0) changeSets(week, day, swapped, -over);
    if (daySeconds(week, day) <= week.budgetSeconds) return true;
    removeSlot(week, day, swapped);
  }
  addSlot(week, day, { ...kept, seq: week.nextSeq });
  return false;
}

/** The victims of `makeRoom` for a new lift: non-pulling work, isolation first, the main lift down to its 3. */
function roomFor(keep: SlotDraft): (slots: readonly SlotDraft[]) => SlotDraft | undefined {
  const rank: Readonly<Record<Tier, number>> = { T3: 0, T2: 1, T1: 2 };
  return (slots) =>
    slots
      .filter(
        (other) =>
          other !== keep &&
          !isPull(other.entry) &&
          // A slot at its minimum goes whole: never the main lift or another trained lift.
          (other.sets > minSlotSets(other.tier) || (other.tier !== "T1" && !isTrainedLift(other.entry))),
      )
      .sort((a, b) => rank[a.tier] - rank[b.tier] || b.sets - a.sets || b.seq - a.seq)[0];
}

/** A non-main slot of the lift moves here from a day that has two (the push day's overhead press). */
function moveLift(week: WeekDraft, day: DayDraft, lift: Lift): boolean {
  if (!roomForExercise(week, day)) return false;
  for (const donor of week.days) {
    if (donor === day) continue;
    const own = donor.slots.filter((slot) => lift.counts(slot.entry));
    const from = own
      .filter((slot) => slot.tier !== "T1" && !day.slots.some((other) => other.entry === slot.entry))
      .sort((a, b) => a.sets - b.sets || b.seq - a.seq)[0];
    if (own.length < 2 || from === undefined) continue;
    const group = from.group;
    if (!restedFor(week, day, group as MajorGroup)) continue;
    const kept: SlotDraft = { ...from };
    removeSlot(week, donor, from);
    const moved: SlotDraft = { ...kept, position: blockOf(day, group)?.position ?? 0, seq: week.nextSeq };
    addSlot(week, day, moved);
    if (makeRoom(week, day, roomFor(moved))) return true;
    removeSlot(week, day, moved);
    addSlot(week, donor, { ...kept, seq: week.nextSeq });
  }
  return false;
}

/**
 * Takes sets of other non-main, non-lift work the week can spare (`gives`: the fullest slot first;
 * a slot at its minimum, isolation first, goes whole) until `done`; returns how to give them back,
 * or undefined (with nothing changed) where that does not get there.
 */
function freeSets(
  week: WeekDraft,
  gives: (slot: SlotDraft) => boolean,
  done: () => boolean,
): (() => void) | undefined {
  const trimmed: { day: DayDraft; slot: SlotDraft }[] = [];
  const removed: { day: DayDraft; slot: SlotDraft }[] = [];
  const undo = () => {
    for (const { day, slot } of trimmed) changeSets(week, day, slot, 1);
    for (const { day, slot } of removed) addSlot(week, day, { ...slot, seq: week.nextSeq });
  };
  const rank: Readonly<Record<Tier, number>> = { T3: 0, T2: 1, T1: 2 };
  const spare = (slot: SlotDraft) => Number(slot.sets > minSlotSets(slot.tier));
  let guard = 20;
  while (!done() && guard-- > 0) {
    const best = week.days
      .flatMap((day) => day.slots.map((slot) => ({ day, slot })))
      .filter(({ slot }) => slot.tier !== "T1" && !isTrainedLift(slot.entry) && gives(slot))
      .sort(
        (a, b) =>
          spare(b.slot) - spare(a.slot) ||
          b.slot.sets - a.slot.sets ||
          rank[a.slot.tier] - rank[b.slot.tier] ||
          b.slot.seq - a.slot.seq,
      )[0];
    if (best === undefined) break;
    if (spare(best.slot)) {
      changeSets(week, best.day, best.slot, -1);
      trimmed.push(best);
    } else {
      // A slot trimmed before it went comes back whole: its trims are undone on the copy, not on
      // the slot removed (whose sets no longer count).
      const trims = trimmed.filter(({ slot }) => slot === best.slot).length;
      trimmed.splice(0, trimmed.length, ...trimmed.filter(({ slot }) => slot !== best.slot));
      removed.push({ day: best.day, slot: { ...best.slot, sets: best.slot.sets + trims } });
      removeSlot(week, best.day, best.slot);
    }
  }
  if (done()) return undo;
  undo();
  return undefined;
}

/** Room in every range the entry's sets train: sets of other work in the groups that would pass their tops. */
function makeRangeRoom(week: WeekDraft, entry: CatalogueEntry, sets: number): (() => void) | undefined {
  const over = (group: TargetGroup, weight: number) =>
    weight * sets > roomBelowTop(week, group, entry) + 1e-9;
  return freeSets(
    week,
    (slot) => [...contribution(entry)].some(([group, weight]) => group === slot.group && over(group, weight)),
    () => fitsCaps(week, entry, sets),
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

/**
 * A new 2-set lift would leave the week short of its pulling: the strength share (three quarters)
 * in sessions of 45 minutes or more, the floor of every plan (two thirds) in shorter ones, which
 * hold the main lifts and little else (docs/programming-rules.md, section 5).
 */
function breaksShare(week: WeekDraft, entry: CatalogueEntry): boolean {
  if (week.budgetSeconds >= FULL_SHARE_MINUTES * 60) return breaksBalance(week, entry, MIN_SLOT_SETS);
  return breaksBalance({ ...week, pullShare: Math.min(week.pullShare, PULL_FLOOR) }, entry, MIN_SLOT_SETS);
}

const FULL_SHARE_MINUTES = 45;

function placeLift(week: WeekDraft, day: DayDraft, lift: Lift): boolean {
  const slot = liftSlot(week, day, lift, () => true);
  if (slot === undefined) return false;
  const giveBack = fitsCaps(week, slot.entry, MIN_SLOT_SETS)
    ? () => {}
    : makeRangeRoom(week, slot.entry, MIN_SLOT_SETS);
  if (giveBack === undefined) return false;
  // The pull share first: pulling sets where the minutes allow (kept either way: more pulling is
  // never wrong for the balance), else fewer sets of other pushing work (a dumbbell press).
  for (let guard = 0; guard < 4 && breaksShare(week, slot.entry); guard++) {
    if (!addPullSet(week)) break;
  }
  const giveBackPush = freeSets(
    week,
    (other) => isPush(other.entry),
    () => !breaksShare(week, slot.entry),
  );
  if (giveBackPush === undefined) {
    giveBack();
    return false;
  }
  // The pulling sets may have taken the room made for the lift (a row's half-sets for the
  // shoulders, beside an overhead press that fitted the range exactly): make it again.
  const giveBackAgain = fitsCaps(week, slot.entry, MIN_SLOT_SETS)
    ? () => {}
    : makeRangeRoom(week, slot.entry, MIN_SLOT_SETS);
  if (giveBackAgain === undefined) {
    giveBackPush();
    giveBack();
    return false;
  }
  slot.sets = MIN_SLOT_SETS;
  addSlot(week, day, slot);
  if (makeRoom(week, day, roomFor(slot))) return true;
  removeSlot(week, day, slot);
  giveBackAgain();
  giveBackPush();
  giveBack();
  return false;
}
