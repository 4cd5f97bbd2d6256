// The last pass over a week, after the minimums and the spare time are placed: the checks a coach
// makes on a finished plan (docs/programming-rules.md, sections 3 and 5).
// 1. A session's main lift can be loaded: a bodyweight T1 swaps places with a loadable compound of
//    the same day, where there is one (else the day has no T1).
// 2. For hypertrophy and general fitness, at least as many pulling sets as pushing sets, for strength
//    three quarters as many (balance.ts):
//    pull sets are added while time and ranges allow, then push sets are taken away, from groups
//    that stay at their minimum without them first; spare time freed is filled again.
// 3. A push, a pull and a leg movement on every full-body day, where they fit; a vertical pull in a
//    strength week when the lifter has a pull-up bar (vertical-pull.ts).
// 4. No slot below its minimum sets (3 for a T1, 2 otherwise): raised where it can be, else dropped.
// 5. Even days: the shortest session at least 60% of the longest, by adding sets to the short day
//    or taking them from the long one.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { MovementPattern } from "../vocabulary.ts";
import { addBackOffSets } from "./back-off-sets.ts";
import { breaksBalance, isPull, isPush, lacksPull } from "./balance.ts";
import { isBentRow, isFloorDeadlift } from "./choose-exercise.ts";
import { isOverheadPress, meetMovementMinimums } from "./coach-minimums.ts";
import { capDayPressing } from "./day-pressing.ts";
import { isAdvancedSkill } from "./eligibility.ts";
import { addPullSet, fillSpareTime } from "./fill-spare-time.ts";
import { keepLegCurlShare } from "./hamstring-curls.ts";
import { isBarWork, isCompound, patternOf } from "./movement.ts";
import { capToBudget } from "./place-minimums.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import { keepPullDayBack } from "./pull-day-back.ts";
import { keepPullFloor } from "./pull-floor.ts";
import { pressBesideTheBench } from "./second-press.ts";
import { ensureStrengthFrequency, squatBeforeDeadlift } from "./strength-frequency.ts";
import { ACCESSORY_GROUPS, MAJOR_GROUPS, type TargetGroup, weeklyTarget } from "./targets.ts";
import { durationMinutes, setSeconds } from "./time-model.ts";
import { topUpTime, useSpareTime } from "./use-time.ts";
import { ensureVerticalPull } from "./vertical-pull.ts";
import {
  addSlot,
  armShareHolds,
  blockOf,
  changeSets,
  contribution,
  type DayDraft,
  daySeconds,
  draftSlot,
  EVEN_DAYS_RATIO,
  evenness,
  fitsCaps,
  fitsNewSlot,
  listedOrder,
  minSlotSets,
  pairFillers,
  removeSlot,
  roomForExercise,
  type SlotDraft,
  setTier,
  slotMaxSets,
  takesAnother,
  type WeekDraft,
  weeklySets,
  worsensEvenness,
} from "./week-draft.ts";

const SMALL_GROUPS: readonly TargetGroup[] = ["abdominals", "calves"];
const SMALL_GROUP_PATTERNS: Readonly<Partial<Record<TargetGroup, MovementPattern[]>>> = {
  abdominals: ["core"],
  calves: ["calf_raise"],
};

/** Weights, cables and machines: a load to add to, in small steps. */
export function isLoadable(entry: CatalogueEntry): boolean {
  return ["barbell", "dumbbell", "kettlebell", "cable", "machine", "ez_bar"].includes(entry.equipment);
}

export function finishWeek(week: WeekDraft): void {
  const tidyAll = () => {
    for (const day of week.days) tidy(week, day);
  };
  for (const day of week.days) loadableMainLift(week, day);
  tidyAll();
  if (week.pullShare > 0) {
    balancePushPull(week);
    fillSpareTime(week); // time freed by the balance goes to pulling and to work that is neither
    tidyAll();
  }
  completeFullBodyDays(week);
  ensureVerticalPull(week);
  meetMovementMinimums(week);
  tidyAll();
  evenDays(week);
  tidyAll();
  // Tidying may have dropped a pulling slot it could not fill: balance once more, and even the days
  // again (neither step undoes the other: evening never adds pushing past pulling).
  if (lacksPull(week)) {
    balancePushPull(week);
    evenDays(week);
    tidyAll();
  }
  // Before the beginner passes, so a deadlift it adds is followed only by beginner-level lifts.
  ensureStrengthFrequency(week);
  if (week.experience === "beginner") {
    for (const day of week.days) beginnerLiftsAfterHinge(week, day);
    for (const day of week.days) beginnerMinimumExercises(week, day);
  }
  useSpareTime(week);
  for (const day of week.days) noDeadliftAfterSquat(week, day);
  // The passes since the first call moved sets and slots: the movements a coach looks for, again
  // (each step checks time, ranges, balance and evenness itself; the cuts below rarely undo it).
  meetMovementMinimums(week);
  // The time the caps left unused (a calf or abdominal day cut short) may leave the days uneven.
  evenDays(week);
  tidyAll();
  // Later passes may have added a loadable compound beside a bodyweight main lift.
  for (const day of week.days) loadableMainLift(week, day);
  // Supersets are paired afresh as slots change, and a new pairing can cost a few seconds more
  // than the set-by-set checks assumed: the minutes are a hard limit, so cut what does not fit.
  if (week.supersets || week.armSupersets) for (const day of week.days) capToBudget(week, day);
  // A cut may have taken a pulling set: take pushing away to match (never adds time).
  if (lacksPull(week)) {
    let guard = 50;
    while (guard-- > 0 && lacksPull(week) && removePushSet(week)) tidyAll();
  }
  keepPullFloor(week);
  // A pulling slot added for the floor may be a loadable compound beside a bodyweight main lift.
  for (const day of week.days) loadableMainLift(week, day);
  // A new main lift (a barbell hinge) may now precede a beginner's intermediate compound.
  if (week.experience === "beginner") for (const day of week.days) beginnerLiftsAfterHinge(week, day);
  keepPullFloor(week);
  // A trained strength day's pressing down to its cap (day-pressing.ts); the time it frees goes on
  // below, within the cap.
  capDayPressing(week, (slot) => isOverheadPress(slot.entry) && overheadPresses(week) <= 1);
  // The floor's cuts may leave a day short of its minutes (a push day down to one press): the time
  // left goes on once more, within the pull share (at or above the floor), and a set added may be a
  // loadable compound beside a bodyweight main lift.
  topUpTime(week);
  for (const day of week.days) loadableMainLift(week, day);
  if (week.experience === "beginner") for (const day of week.days) beginnerLiftsAfterHinge(week, day);
  // Last, as it only trades two tiers (and a squat set or two): a novice's deadlift day squats
  // first; the minutes a day gave up for it go on again.
  if (squatBeforeDeadlift(week)) {
    topUpTime(week);
    for (const day of week.days) loadableMainLift(week, day);
    for (const day of week.days) beginnerLiftsAfterHinge(week, day);
  }
  // The pull floor's cuts may have taken pressing from a day of two triceps exercises (or rows
  // from a day of two curls): the arm work gives back what its share no longer holds.
  for (const day of week.days) for (const group of ARMS) keepArmShare(week, day, group);
  // A trained lifter's hypertrophy week: the leg curls hold 40% of the hamstrings' sets.
  keepLegCurlShare(week);
  // A pull day's back work at least its curls and rear-delt raises.
  keepPullDayBack(week);
  // The exercises settled, a short session's lift left alone takes an isolation exercise in its
  // rests (a row with a lateral raise), and the minutes that frees go on.
  if (week.pairMain) {
    pairFillers(week);
    topUpTime(week);
  }
  // A trained strength lifter's bench day presses again rather than flies.
  pressBesideTheBench(week);
  // Minutes no exercise could take (a strength squat day at its two barbell leg lifts): back-off
  // sets of the main lift.
  addBackOffSets(week);
}

const ARMS: readonly TargetGroup[] = ["biceps", "triceps"];

/**
 * A day of two exercises of an arm trims them (the fullest first, then the second exercise) until
 * the compound work they serve holds its share again (week-draft.ts, ARM_SHARE).
 */
function keepArmShare(week: WeekDraft, day: DayDraft, group: TargetGroup): void {
  let guard = 20;
  while (guard-- > 0 && !armShareHolds(day, group, 0)) {
    const arms = day.slots.filter((slot) => slot.group === group);
    if (arms.length < 2) return;
    const fullest = [...arms].sort((a, b) => b.sets - a.sets || b.seq - a.seq)[0] as SlotDraft;
    if (fullest.sets > minSlotSets(fullest.tier)) changeSets(week, day, fullest, -1);
    else removeSlot(week, day, arms.at(-1) as SlotDraft);
  }
}

function fitsTime(week: WeekDraft, day: DayDraft, slot: Pick<SlotDraft, "tier">, sets: number): boolean {
  return (
    daySeconds(week, day) + sets * setSeconds(week.goal, week.experience, slot.tier) <= week.budgetSeconds
  );
}

/**
 * A bodyweight (or band) main lift swaps places with a loadable compound of the day, raised to the
 * main lift's 3 sets where time and ranges allow. Where none can be, the day keeps no T1 rather
 * than a main lift that cannot be loaded.
 */
function loadableMainLift(week: WeekDraft, day: DayDraft): void {
  const main = day.slots.find((slot) => slot.tier === "T1");
  if (main === undefined || isLoadable(main.entry)) return;
  // Strength from intermediate up: a pull-up main lift is loaded with a belt (choose-exercise.ts).
  if (week.goal === "strength" && week.experience !== "beginner" && isBarWork(main.entry)) return;
  const loadable = day.slots
    .filter((slot) => slot.tier === "T2" && isLoadable(slot.entry) && isCompound(slot.entry))
    .sort((a, b) => b.sets - a.sets || a.seq - b.seq);
  if (loadable.length === 0) {
    hardestLeads(week, day, main);
    return;
  }
  setTier(week, main, "T2");
  for (const slot of loadable) {
    setTier(week, slot, "T1");
    while (slot.sets < minSlotSets("T1") && fitsCaps(week, slot.entry, 1) && fitsTime(week, day, slot, 1)) {
      changeSets(week, day, slot, 1);
    }
    if (slot.sets >= minSlotSets("T1") && daySeconds(week, day) <= week.budgetSeconds) return;
    setTier(week, slot, "T2");
  }
}

/**
 * Nothing loadable on the day: an unloaded hinge that is no skill (a kickstand Romanian deadlift)
 * does not lead it; the day's other bodyweight compound with the most sets does (a push-up, a row, a
 * split squat), where its main-lift sets fit the minutes. A coach read a bodyweight beginner's day
 * opened by a kickstand RDL, too easy to train anything as the session's first lift.
 */
function hardestLeads(week: WeekDraft, day: DayDraft, main: SlotDraft): void {
  if (patternOf(main.entry) !== "hinge" || isAdvancedSkill(main.entry)) return;
  const other = day.slots
    .filter((slot) => slot.tier === "T2" && isCompound(slot.entry) && patternOf(slot.entry) !== "hinge")
    .sort((a, b) => b.sets - a.sets || a.seq - b.seq)[0];
  if (other === undefined) return;
  setTier(week, main, "T2");
  setTier(week, other, "T1");
  let added = 0;
  while (other.sets < minSlotSets("T1") && fitsCaps(week, other.entry, 1) && fitsTime(week, day, other, 1)) {
    changeSets(week, day, other, 1);
    added += 1;
  }
  if (other.sets >= minSlotSets("T1") && daySeconds(week, day) <= week.budgetSeconds) return;
  changeSets(week, day, other, -added);
  setTier(week, other, "T2");
  setTier(week, main, "T1");
}

function balancePushPull(week: WeekDraft): void {
  let guard = 200;
  while (guard-- > 0 && lacksPull(week)) {
    if (addPullSet(week)) continue;
    if (removePushSet(week)) continue;
    if (!(week.goal === "strength" && makeRoomForPull(week) && addPullSet(week))) return;
  }
}

/**
 * Strength, whose presses stay: arm, calf and abdominal sets on a day with a back block make room
 * for a 2-set pulling slot, where taking them away frees enough time (pulling before arm work, as
 * in fill-spare-time.ts).
 */
function makeRoomForPull(week: WeekDraft): boolean {
  const cost = MIN_SLOT_SETS * setSeconds(week.goal, week.experience, "T2");
  return week.days.some((day) => blockOf(day, "back") !== undefined && makeRoom(week, day, cost));
}

/**
 * Takes arm, calf and abdominal sets (T3) off the day until `cost` more seconds fit, fullest slot
 * first; does nothing and returns false where the time already fits or they cannot free enough.
 */
function makeRoom(week: WeekDraft, day: DayDraft, cost: number): boolean {
  const isAccessory = (slot: SlotDraft): boolean =>
    slot.tier === "T3" && (ACCESSORY_GROUPS as readonly string[]).includes(slot.group);
  const freeable =
    day.slots.filter(isAccessory).reduce((sum, slot) => sum + slot.sets, 0) *
    setSeconds(week.goal, week.experience, "T3");
  const now = daySeconds(week, day);
  if (now + cost <= week.budgetSeconds || now - freeable + cost > week.budgetSeconds) return false;
  while (daySeconds(week, day) + cost > week.budgetSeconds) {
    const victim = day.slots.filter(isAccessory).sort((a, b) => b.sets - a.sets || b.seq - a.seq)[0];
    if (victim === undefined) return false;
    if (victim.sets > MIN_SLOT_SETS) changeSets(week, day, victim, -1);
    else removeSlot(week, day, victim);
  }
  return true;
}

/**
 * A full-body day trains a push, a pull and a leg movement (NSCA Essentials: a whole-body session
 * covers every basic pattern). Where a day lacks a push or a pull, a 2-set slot is added where its
 * sets fit the time, every range, the balance and even days; where the group's range is full, a
 * longer full-body day with two such slots gives one away. Else the day goes without.
 */
function completeFullBodyDays(week: WeekDraft): void {
  const needs: readonly { group: TargetGroup; test: (entry: CatalogueEntry) => boolean }[] = [
    { group: "back", test: isPull },
    { group: "chest", test: isPush },
  ];
  for (const day of week.days) {
    if (day.template.kind !== "full") continue;
    for (const { group, test } of needs) {
      if (day.slots.some((slot) => test(slot.entry))) continue;
      const fits = fitsNewSlot(week);
      const slot = draftSlot(week, day, group, false, undefined, (entry) => test(entry) && fits(entry));
      if (slot === undefined) {
        // The group's range may be full: a day with two such slots gives one away, or days with
        // sets to spare give one each.
        if (!moveSlotTo(week, day, group, test)) gatherSetsTo(week, day, group, test);
        continue;
      }
      const cost = MIN_SLOT_SETS * setSeconds(week.goal, week.experience, slot.tier);
      if (daySeconds(week, day) + cost > week.budgetSeconds) continue;
      slot.sets = MIN_SLOT_SETS;
      const before = evenness(week);
      addSlot(week, day, slot);
      // Not at the price of even days (the rule below): a day made the longest by far goes without.
      if (worsensEvenness(before, evenness(week))) removeSlot(week, day, slot);
    }
  }
}

/**
 * A 2-set slot on `day` made of sets other days' non-main slots of one exercise passing `test` can
 * spare (above 2 sets): the week's sets, ranges and balance stay as they were.
 */
function gatherSetsTo(
  week: WeekDraft,
  day: DayDraft,
  group: TargetGroup,
  test: (entry: CatalogueEntry) => boolean,
): boolean {
  const target = blockOf(day, group);
  if (target === undefined || !roomForExercise(week, day)) return false;
  if (!takesAnother(week, day, group)) return false;
  const spare = (slot: SlotDraft): boolean =>
    slot.tier !== "T1" && slot.group === group && test(slot.entry) && slot.sets > MIN_SLOT_SETS;
  const donors = week.days
    .filter((other) => other !== day)
    .flatMap((other) => other.slots.filter(spare).map((slot) => ({ day: other, slot })));
  const entry = donors.find(({ slot }) => !day.slots.some((own) => own.entry === slot.entry))?.slot.entry;
  if (entry === undefined) return false;
  const givers = donors.filter(({ slot }) => slot.entry === entry).slice(0, MIN_SLOT_SETS);
  if (givers.length < MIN_SLOT_SETS) return false;
  const tier = (givers[0] as { slot: SlotDraft }).slot.tier;
  const cost = MIN_SLOT_SETS * setSeconds(week.goal, week.experience, tier);
  if (daySeconds(week, day) + cost > week.budgetSeconds) return false;
  for (const giver of givers) changeSets(week, giver.day, giver.slot, -1);
  addSlot(week, day, {
    entry,
    group,
    tier,
    sets: MIN_SLOT_SETS,
    position: target.position,
    seq: week.nextSeq,
  });
  return true;
}

/**
 * Moves a non-main slot passing `test` to `day` from a longer full-body day that has two or more
 * (from the longer day, so the move also evens the days).
 */
function moveSlotTo(
  week: WeekDraft,
  day: DayDraft,
  group: TargetGroup,
  test: (entry: CatalogueEntry) => boolean,
): boolean {
  const target = blockOf(day, group);
  if (target === undefined || !roomForExercise(week, day)) return false;
  if (!takesAnother(week, day, group)) return false;
  for (const donor of week.days) {
    if (donor === day || donor.template.kind !== "full") continue;
    if (daySeconds(week, donor) <= daySeconds(week, day)) continue;
    const matching = donor.slots.filter((slot) => test(slot.entry));
    if (matching.length < 2) continue;
    const from = matching
      .filter((slot) => slot.tier !== "T1" && !day.slots.some((other) => other.entry === slot.entry))
      .filter((slot) => !isBentRow(slot.entry) || !day.slots.some((other) => isBentRow(other.entry)))
      .sort((a, b) => a.sets - b.sets || b.seq - a.seq)[0];
    if (from === undefined) continue;
    const cost = from.sets * setSeconds(week.goal, week.experience, from.tier);
    if (daySeconds(week, day) + cost > week.budgetSeconds) continue;
    const before = evenness(week);
    // Copies first: removing a slot zeroes its sets.
    const moved: SlotDraft = { ...from, position: target.position };
    const back: SlotDraft = { ...from };
    removeSlot(week, donor, from);
    addSlot(week, day, { ...moved, seq: week.nextSeq });
    if (!worsensEvenness(before, evenness(week))) return true;
    removeSlot(week, day, day.slots.at(-1) as SlotDraft);
    addSlot(week, donor, { ...back, seq: week.nextSeq });
  }
  return false;
}

/**
 * One pushing set fewer: from a group that stays at its minimum without it (overhead presses when
 * bench presses already cover the shoulders) before one that would fall short; accessory slots
 * before main lifts, fullest first. A slot at its minimum goes.
 */
function removePushSet(week: WeekDraft): boolean {
  const keepsMinimum = (slot: SlotDraft): boolean =>
    weeklySets(week, slot.group) - 1 >= weeklyTarget(week.goal, week.experience, slot.group).min;
  const rank = (slot: SlotDraft): number =>
    (keepsMinimum(slot) ? 10_000 : 0) + (slot.tier === "T1" ? 0 : 1000) + slot.sets;
  let best: { day: DayDraft; slot: SlotDraft } | undefined;
  for (const day of week.days) {
    for (const slot of day.slots) {
      if (!isPush(slot.entry)) continue;
      // A day's only exercise stays: a short session beats an empty one.
      if (day.slots.length === 1 && slot.tier !== "T1" && slot.sets <= minSlotSets(slot.tier)) continue;
      // A full-body day with a push and a pull keeps both: its only pressing slot loses sets but
      // does not go (a day without a pull balances by losing its push).
      if (onlyPushOfFullDay(day, slot) && slot.sets <= MIN_SLOT_SETS) continue;
      // Strength keeps its pressing minimums and its barbell presses (the lifts being trained):
      // its pulling share is met by other pushing work, or not at all.
      if (week.goal === "strength" && (!keepsMinimum(slot) || keepsTrainedPress(week, slot))) continue;
      if (best === undefined || rank(slot) > rank(best.slot)) best = { day, slot };
    }
  }
  if (best === undefined) return false;
  // A main lift at its 3 sets would lose its place as the day's T1: a full-body day's only press
  // (2 sets) goes first, so every day keeps its main lift (a coach reads a day without one as a
  // day of accessories; the week's pulling and pushing still balance).
  if (best.slot.tier === "T1" && best.slot.sets <= minSlotSets("T1")) {
    const spare = onlyPressOfAnotherFullDay(week, best.day);
    if (spare !== undefined) best = spare;
  }
  const { day, slot } = best;
  if (slot.sets > minSlotSets(slot.tier)) changeSets(week, day, slot, -1);
  else if (slot.tier === "T1") {
    // A main lift at its 3 sets keeps its place as plain 2-set work rather than leave the day.
    setTier(week, slot, "T2");
    changeSets(week, day, slot, -1);
  } else removeSlot(week, day, slot);
  return true;
}

const isBarbellPress = (slot: SlotDraft): boolean =>
  slot.entry.equipment === "barbell" && (slot.group === "chest" || slot.group === "shoulders");

/**
 * A barbell bench or overhead press, a strength plan's trained lift, stays where taking it away (a
 * slot at its minimum goes whole) would leave it on fewer than two days, unless it is an overhead
 * press and a barbell bench press is on two days or more (the bench is the press a strength plan
 * practises most; Rippetoe 2011).
 */
/** The 2-set press that is all another full-body day pushes with (not the week's only press). */
function onlyPressOfAnotherFullDay(
  week: WeekDraft,
  not: DayDraft,
): { day: DayDraft; slot: SlotDraft } | undefined {
  if (week.goal === "strength") return undefined;
  for (const day of week.days) {
    if (day === not) continue;
    const slot = day.slots.find(
      (s) => s.tier !== "T1" && isPush(s.entry) && onlyPushOfFullDay(day, s) && s.sets <= MIN_SLOT_SETS,
    );
    if (slot !== undefined && day.slots.length > 1) return { day, slot };
  }
  return undefined;
}

function keepsTrainedPress(week: WeekDraft, slot: SlotDraft): boolean {
  if (!isBarbellPress(slot) || slot.sets > minSlotSets(slot.tier)) return false;
  const daysWith = (test: (other: SlotDraft) => boolean): number =>
    week.days.filter((day) => day.slots.some(test)).length;
  if (daysWith((other) => other.entry === slot.entry) > 2) return false;
  const benchDays = daysWith((other) => isBarbellPress(other) && other.group === "chest");
  return !(slot.group === "shoulders" && benchDays >= 2);
}

function onlyPushOfFullDay(day: DayDraft, slot: SlotDraft): boolean {
  return (
    day.template.kind === "full" &&
    day.slots.some((other) => isPull(other.entry)) &&
    !day.slots.some((other) => other !== slot && isPush(other.entry))
  );
}

function tidy(week: WeekDraft, day: DayDraft): void {
  for (const slot of [...day.slots]) {
    while (
      slot.sets < minSlotSets(slot.tier) &&
      fitsCaps(week, slot.entry, 1) &&
      fitsTime(week, day, slot, 1)
    ) {
      changeSets(week, day, slot, 1);
    }
    if (slot.sets >= minSlotSets(slot.tier)) continue;
    if (slot.tier === "T1" && slot.sets >= MIN_SLOT_SETS) {
      setTier(week, slot, "T2");
    } else {
      removeSlot(week, day, slot);
    }
  }
}

function evenDays(week: WeekDraft): void {
  let guard = 200;
  while (guard-- > 0) {
    // In the minutes the plan shows (rounded up), so the rule holds for what the lifter reads.
    const seconds = week.days.map((day) => durationMinutes(daySeconds(week, day)));
    const shortest = seconds.indexOf(Math.min(...seconds));
    const longest = seconds.indexOf(Math.max(...seconds));
    if ((seconds[shortest] ?? 0) >= EVEN_DAYS_RATIO * (seconds[longest] ?? 0)) return;
    const short = week.days[shortest] as DayDraft;
    const long = week.days[longest] as DayDraft;
    if (addSetOn(week, short)) continue;
    if (moveSet(week, long, short)) continue;
    if (moveSlot(week, long, short)) continue;
    if (!trimSetOn(week, long)) return;
  }
}

/** One more set on the day: an open slot first, else a new slot for one of the day's groups. */
function addSetOn(week: WeekDraft, day: DayDraft): boolean {
  for (const slot of day.slots) {
    if (breaksBalance(week, slot.entry, 1)) continue;
    if (
      slot.sets < slotMaxSets(week, slot) &&
      fitsCaps(week, slot.entry, 1) &&
      fitsTime(week, day, slot, 1)
    ) {
      changeSets(week, day, slot, 1);
      return true;
    }
  }
  const groups: TargetGroup[] = [...day.template.majors, ...day.template.accessories].map(
    (block) => block.group,
  );
  for (const group of [...groups, ...SMALL_GROUPS.filter((g) => !groups.includes(g))]) {
    // Abdominals and calves fit any day (they recover within a day): a short upper day may take them.
    const extra = { block: { group, patterns: SMALL_GROUP_PATTERNS[group] ?? [] }, position: 99 };
    const slot = draftSlot(week, day, group, false, extra, fitsNewSlot(week));
    if (slot === undefined || breaksBalance(week, slot.entry, MIN_SLOT_SETS)) continue;
    if (!fitsCaps(week, slot.entry, MIN_SLOT_SETS) || !fitsTime(week, day, slot, MIN_SLOT_SETS)) continue;
    slot.sets = MIN_SLOT_SETS;
    addSlot(week, day, slot);
    return true;
  }
  return false;
}

/** One set of a group moves from the long day to an open slot of the same group on the short day. */
function moveSet(week: WeekDraft, long: DayDraft, short: DayDraft): boolean {
  for (const from of [...long.slots].sort((a, b) => b.sets - a.sets || b.seq - a.seq)) {
    if (from.tier === "T1" || from.sets <= minSlotSets(from.tier)) continue;
    const to = short.slots.find(
      (slot) =>
        slot.group === from.group && slot.sets < slotMaxSets(week, slot) && fitsTime(week, short, slot, 1),
    );
    if (to === undefined) continue;
    changeSets(week, long, from, -1);
    if (fitsCaps(week, to.entry, 1) && !breaksBalance(week, to.entry, 1)) {
      changeSets(week, short, to, 1);
      return true;
    }
    changeSets(week, long, from, 1);
  }
  return false;
}

/**
 * A whole accessory slot moves from the long day to the short day, where its group is trained too
 * and the exercise is not there yet: the week keeps every set, so no range or balance changes.
 */
function moveSlot(week: WeekDraft, long: DayDraft, short: DayDraft): boolean {
  const used = new Set(short.slots.map((slot) => slot.entry.exerciseId));
  for (const from of [...long.slots].sort((a, b) => b.sets - a.sets || b.seq - a.seq)) {
    if (from.tier === "T1" || used.has(from.entry.exerciseId) || !roomForExercise(week, short)) continue;
    if (!takesAnother(week, short, from.group)) continue;
    if (isBentRow(from.entry) && short.slots.some((slot) => isBentRow(slot.entry))) continue;
    const block = blockOf(short, from.group);
    if (block === undefined || !fitsTime(week, short, from, from.sets)) continue;
    const moved: SlotDraft = { ...from, position: block.position, seq: week.nextSeq };
    removeSlot(week, long, from);
    addSlot(week, short, moved);
    return true;
  }
  return false;
}

/** One set fewer on the day, from a group above its minimum, never the main lift below its own. */
function trimSetOn(week: WeekDraft, day: DayDraft): boolean {
  // A slot at its minimum goes whole, so what it takes away is all of its sets.
  const removed = (slot: SlotDraft): number => (slot.sets > minSlotSets(slot.tier) ? 1 : slot.sets);
  const above = (slot: SlotDraft): boolean => {
    if (isPull(slot.entry) && lacksPull({ ...week, pullSets: week.pullSets - removed(slot) })) return false;
    for (const [group, weight] of contribution(slot.entry)) {
      if (!(MAJOR_GROUPS as readonly string[]).includes(group)) continue;
      const { min } = weeklyTarget(week.goal, week.experience, group);
      if (weeklySets(week, group) - weight * removed(slot) < min - 1e-9) return false;
    }
    return true;
  };
  const victim = [...day.slots]
    .filter((slot) => slot.tier !== "T1" && above(slot))
    .sort((a, b) => b.sets - a.sets || b.seq - a.seq)[0];
  if (victim === undefined) return false;
  if (victim.sets > minSlotSets(victim.tier)) changeSets(week, day, victim, -1);
  else removeSlot(week, day, victim);
  return true;
}

/**
 * A beginner does only beginner-level lifts after a heavy (barbell) hinge (issue 22, item 8: no
 * front squat after deadlifts): an intermediate compound that comes after one in session order
 * gives way to a beginner-level exercise of its group with the same sets, or leaves the day.
 */
function beginnerLiftsAfterHinge(week: WeekDraft, day: DayDraft): void {
  // As listed: a superset may bring a lift up beside a hinge.
  const ordered = listedOrder(week, day);
  const hinge = ordered.findIndex(
    (slot) => slot.tier !== "T3" && slot.entry.equipment === "barbell" && patternOf(slot.entry) === "hinge",
  );
  if (hinge === -1) return;
  for (const slot of ordered.slice(hinge + 1)) {
    if (slot.tier === "T3" || slot.entry.level === "beginner") continue;
    const kept: SlotDraft = { ...slot };
    removeSlot(week, day, slot);
    const swap = draftSlot(
      week,
      day,
      kept.group,
      false,
      { block: { group: kept.group, patterns: [patternOf(kept.entry)] }, position: kept.position },
      (entry) =>
        entry.level === "beginner" &&
        fitsCaps(week, entry, kept.sets) &&
        !breaksBalance(week, entry, kept.sets),
    );
    if (swap === undefined) continue;
    swap.sets = kept.sets;
    addSlot(week, day, swap);
    if (daySeconds(week, day) > week.budgetSeconds) removeSlot(week, day, swap);
  }
}

/** A beginner's session holds at least this many exercises where time and ranges allow (item 8). */
export const BEGINNER_MIN_EXERCISES = 4;

const FILLER_PATTERNS: Readonly<Partial<Record<TargetGroup, MovementPattern[]>>> = {
  ...SMALL_GROUP_PATTERNS,
  biceps: ["elbow_flexion"],
  triceps: ["elbow_extension"],
};

/**
 * A beginner's day of fewer than 4 exercises takes 2-set slots of arm, calf or abdominal work (the
 * major groups' ranges are what kept the day short): four exercises make a session worth the trip,
 * and small-muscle work costs little recovery.
 */
function beginnerMinimumExercises(week: WeekDraft, day: DayDraft): void {
  const groups: TargetGroup[] = ["abdominals", "calves", "biceps", "triceps"];
  for (const group of groups) {
    if (day.slots.length >= BEGINNER_MIN_EXERCISES) return;
    if (day.slots.some((slot) => slot.group === group)) continue;
    // Arms only where the day trains them (the day after may train them too); abdominals and
    // calves recover within a day and fit any day.
    if (!SMALL_GROUPS.includes(group) && blockOf(day, group) === undefined) continue;
    const extra = { block: { group, patterns: FILLER_PATTERNS[group] ?? [] }, position: 99 };
    const slot = draftSlot(week, day, group, false, extra, fitsNewSlot(week));
    if (slot === undefined || !fitsTime(week, day, slot, MIN_SLOT_SETS)) continue;
    slot.sets = MIN_SLOT_SETS;
    const before = evenness(week);
    addSlot(week, day, slot);
    if (worsensEvenness(before, evenness(week))) removeSlot(week, day, slot);
  }
}

/**
 * No deadlift from the floor after a squat main lift on the same day (issue 22, item 6): the lower
 * back is already tired and the reps break down (a coach read a deficit deadlift for 3 x 3-5 after
 * 5 x 3-5 squats, three days before the week's deadlift day, as a plan they would not sign). A
 * deadlift that is not the day's main lift gives way to a hinge that starts from the top (a
 * Romanian deadlift) with the same sets, where one fits.
 */
function noDeadliftAfterSquat(week: WeekDraft, day: DayDraft): void {
  const squat = day.slots.some((slot) => slot.tier === "T1" && patternOf(slot.entry) === "squat");
  if (!squat) return;
  for (const slot of [...day.slots]) {
    if (slot.tier === "T1" || !isFloorDeadlift(slot.entry)) continue;
    const kept: SlotDraft = { ...slot };
    removeSlot(week, day, slot);
    const hinge = (entry: CatalogueEntry): boolean =>
      patternOf(entry) === "hinge" &&
      !isFloorDeadlift(entry) &&
      isCompound(entry) &&
      fitsCaps(week, entry, kept.sets);
    const block = { block: { group: kept.group, patterns: ["hinge"] as const }, position: kept.position };
    // The same implement first: a barbell deadlift becomes a barbell Romanian deadlift (the week's
    // barbell hinge, strength-frequency.ts), not a dumbbell one.
    const swap =
      draftSlot(
        week,
        day,
        kept.group,
        false,
        block,
        (e) => hinge(e) && e.equipment === kept.entry.equipment,
      ) ?? draftSlot(week, day, kept.group, false, block, hinge);
    if (swap !== undefined) {
      // Same sets and tier: the time changes only where the pairing of supersets does.
      swap.sets = kept.sets;
      swap.tier = kept.tier;
      addSlot(week, day, swap);
      if (daySeconds(week, day) <= week.budgetSeconds) continue;
      removeSlot(week, day, swap);
    }
    addSlot(week, day, { ...kept, seq: week.nextSeq });
  }
}

/** The week's overhead-press slots (coach-minimums.ts, isOverheadPress). */
function overheadPresses(week: WeekDraft): number {
  return week.days.reduce((n, day) => n + day.slots.filter((slot) => isOverheadPress(slot.entry)).length, 0);
}
