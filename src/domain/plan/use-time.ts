// The last filling pass (issue 22, item 2): the minutes the lifter asked for are used. Phase 2
// (fill-spare-time.ts) stops each group at its `aim`; here what time is left goes on, up to the top
// of each group's range, so a session uses 85-100% of its minutes unless the ranges (or the
// exercises a beginner may hold, or the catalogue's variety) run out first.
// - Short sessions (40 minutes or less) first get a third exercise, paid for with sets of the
//   fullest slots (the main lift down to its 3): three paired exercises beat a long main lift and
//   one more.
// - Then one set at a time, always on the shortest day (so the days stay even): for strength from
//   intermediate up, the main lift to its 5 sets and the bench-pattern press to 8 sets a week first
//   (the lifts being trained: 3-5 working sets, Rippetoe 2011 and the NSCA); then the day's groups,
//   neediest first (furthest below `aim`; past it, calves and abdominals last, then the lowest
//   share of `max`), on an open slot of the group, else as a new 2-set slot (where the pull
//   share is all that stops a pushing set, a pulling set first). Nothing passes a group's range,
//   the pull share, the minutes, a beginner's 6 exercises, or the even-days rule.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import { breaksBalance, isPull, lacksPull } from "./balance.ts";
import { pressingFits } from "./day-pressing.ts";
import { addPullSet, makeRangeRoom } from "./fill-spare-time.ts";
import { isCompound, patternOf } from "./movement.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import { SUPERSET_MAX_MINUTES } from "./supersets.ts";
import { type TargetGroup, weeklyTarget } from "./targets.ts";
import {
  addSlot,
  changeSets,
  type DayDraft,
  daySeconds,
  directSets,
  draftSlot,
  evenness,
  fitsBudget,
  fitsCaps,
  fitsNewSlot,
  minSlotSets,
  removeSlot,
  roomBelowTop,
  roomForExercise,
  type SlotDraft,
  slotMaxSets,
  type WeekDraft,
  weeklySets,
  worsensEvenness,
} from "./week-draft.ts";

/** A beginner learns a short list: at most this many different compound lifts in a week (item 8). */
const BEGINNER_MAX_COMPOUNDS = 12;

function distinctCompounds(week: WeekDraft): number {
  const ids = new Set<string>();
  for (const day of week.days)
    for (const slot of day.slots) if (slot.tier !== "T3") ids.add(slot.entry.exerciseId);
  return ids.size;
}

/** A short session holds at least this many exercises where the ranges allow (item 3). */
export const SHORT_SESSION_EXERCISES = 3;

/** Strength, intermediate and up: a week's bench-pattern pressing, main lift and variants (item 2). */
export const MAIN_PRESS_WEEKLY_SETS = 8;

const TIER_RANK = { T1: 0, T2: 1, T3: 2 } as const;
// Abdominals and calves recover within a day: any day may take them (as in finish-week.ts).
const ANY_DAY: readonly TargetGroup[] = ["abdominals", "calves"];
const ANY_DAY_PATTERNS: Readonly<Partial<Record<TargetGroup, readonly ["core"] | readonly ["calf_raise"]>>> =
  {
    abdominals: ["core"],
    calves: ["calf_raise"],
  };

export function useSpareTime(week: WeekDraft): void {
  if (week.pairMain) {
    // A short session's main lift keeps 3 sets: the time goes to more exercises (item 3).
    for (const day of week.days) {
      const main = day.slots.find((slot) => slot.tier === "T1");
      while (main !== undefined && main.sets > minSlotSets("T1")) changeSets(week, day, main, -1);
    }
    for (const day of week.days) thirdExercise(week, day);
    // Where the week still lacks its pull share (a day of three exercises takes no third), a second
    // pulling exercise beside a pulling main lift, else the lift takes its cut sets back: the pull
    // share holds, or the cuts at the end of finishWeek take the pressing away.
    for (const day of week.days) {
      const main = day.slots.find((slot) => slot.tier === "T1" && isPull(slot.entry));
      if (main === undefined || !lacksPull(week)) continue;
      const second = newSlot(week, day, "back", false, isPull);
      if (second !== undefined)
        attempt(week, day, () => {
          addSlot(week, day, second);
          return () => removeSlot(week, day, second);
        });
      while (lacksPull(week) && plusOne(week, day, main)) {}
    }
  }
  topUpTime(week);
}

/**
 * One set at a time on the shortest day that takes one, until none does (the second phase of
 * useSpareTime); finishWeek calls it again after the pull floor's cuts.
 */
export function topUpTime(week: WeekDraft): void {
  let guard = 2000;
  while (guard-- > 0 && addOneSet(week)) {}
}

function keepsEven(week: WeekDraft, before: number): boolean {
  return !worsensEvenness(before, evenness(week));
}

/** The day's groups: its blocks in order, then abdominals and calves, then any other group it holds. */
function dayGroups(day: DayDraft): { group: TargetGroup; position: number; extra: boolean }[] {
  const blocks = [...day.template.majors, ...day.template.accessories];
  const out = blocks.map((block, position) => ({ group: block.group, position, extra: false }));
  for (const group of ANY_DAY) {
    if (!blocks.some((block) => block.group === group)) out.push({ group, position: 99, extra: true });
  }
  // A group another pass put on the day (lateral raises ending a pull day, a second squat day's
  // squat) is trained there too: its slot may grow, and a second exercise may join it.
  for (const slot of day.slots) {
    if (!out.some((item) => item.group === slot.group))
      out.push({ group: slot.group, position: 99, extra: true });
  }
  return out;
}

/** A new 2-set slot of the group on the day, not yet added; undefined where none fits the ranges. */
function newSlot(
  week: WeekDraft,
  day: DayDraft,
  group: TargetGroup,
  extra: boolean,
  test: (entry: CatalogueEntry) => boolean = () => true,
  /** False where the caller keeps the pull share itself (addNewSlotOf: pulling sets first). */
  balance = true,
): SlotDraft | undefined {
  if (MIN_SLOT_SETS > roomBelowTop(week, group) + 1e-9) return undefined;
  const fits = balance ? fitsNewSlot(week) : (entry: CatalogueEntry) => fitsCaps(week, entry, MIN_SLOT_SETS);
  const fresh = (entry: CatalogueEntry): boolean =>
    week.experience !== "beginner" ||
    !isCompound(entry) ||
    (week.weekUse.get(entry.exerciseId) ?? 0) > 0 ||
    distinctCompounds(week) < BEGINNER_MAX_COMPOUNDS;
  const block = extra
    ? { block: { group, patterns: ANY_DAY_PATTERNS[group] ?? [] }, position: 99 }
    : undefined;
  // A short session loads one bar (choose-exercise.ts, secondBarbell, ranks a second one last): here
  // a second one is not taken at all, where the ranges leave only a barbell lift to add (a barbell
  // side split squat, which lists no glutes, after the squat on a day whose glutes were full).
  const secondBar = (entry: CatalogueEntry): boolean =>
    week.goal !== "strength" &&
    week.budgetSeconds <= SUPERSET_MAX_MINUTES * 60 &&
    entry.equipment === "barbell" &&
    isCompound(entry) &&
    !week.mainUse.has(entry.exerciseId) &&
    day.slots.some((slot) => slot.entry.equipment === "barbell");
  const slot = draftSlot(
    week,
    day,
    group,
    false,
    block,
    (entry) => fits(entry) && fresh(entry) && !secondBar(entry) && test(entry),
  );
  if (slot === undefined) return undefined;
  slot.sets = MIN_SLOT_SETS;
  return slot;
}

/**
 * Neediest first: furthest below aim; then, past aim, every other group before abdominals and
 * calves (a coach read 4 sets of crunches and 4 of calf raises beside 2 of leg curls: filler
 * where the minutes belonged to the muscles the lifter came for); then the lowest share of the
 * range's top.
 */
function byNeed(week: WeekDraft, groups: { group: TargetGroup }[]): void {
  const last = (group: TargetGroup): number => (ANY_DAY.includes(group) ? 1 : 0);
  const need = (group: TargetGroup): [number, number] => {
    const { aim, max, deltIsolation } = weeklyTarget(week.goal, week.experience, group);
    const sets = weeklySets(week, group);
    // Arms' aim in sets of their own (as in fill-spare-time.ts): the presses' half-sets do not
    // stand in for curls and triceps work; nor for the raises, where the shoulders count them apart.
    if (deltIsolation !== undefined) {
      return [
        Math.max(0, deltIsolation.aim - week.deltIsolationSets),
        -week.deltIsolationSets / deltIsolation.max,
      ];
    }
    const own = group === "biceps" || group === "triceps" ? directSets(week, group) : sets;
    return [Math.max(0, aim - own), -sets / max];
  };
  groups.sort((a, b) => {
    const [aimA, shareA] = need(a.group);
    const [aimB, shareB] = need(b.group);
    return aimB - aimA || last(a.group) - last(b.group) || shareB - shareA;
  });
}

/**
 * A short day of fewer than three exercises takes a 2-set slot of a group it trains, where the
 * ranges allow, paid for by sets of its fullest slots; undone where even that does not fit.
 */
function thirdExercise(week: WeekDraft, day: DayDraft): void {
  if (day.slots.length >= SHORT_SESSION_EXERCISES) return;
  const groups: { group: TargetGroup; extra: boolean; test?: (entry: CatalogueEntry) => boolean }[] =
    dayGroups(day).filter(({ group }) => !day.slots.some((slot) => slot.group === group));
  byNeed(week, groups);
  // The main lift's cut may have left the week short of its pull share: a second pulling
  // exercise first (a pulldown's cut sets become a row), where the day trains the back.
  if (lacksPull(week) && day.slots.some((slot) => slot.group === "back" && isPull(slot.entry)))
    groups.unshift({ group: "back", extra: false, test: isPull });
  for (const { group, extra, test } of groups) {
    if (day.slots.length >= SHORT_SESSION_EXERCISES) return;
    const slot = newSlot(week, day, group, extra, test);
    if (slot === undefined) continue;
    const before = evenness(week);
    addSlot(week, day, slot);
    const trimmed: SlotDraft[] = [];
    while (!fitsBudget(week, day)) {
      const fullest = day.slots
        .filter((other) => other !== slot && other.sets > minSlotSets(other.tier))
        // A pulling set goes only where the week keeps its pull share without it.
        .filter((other) => !isPull(other.entry) || !lacksPull({ ...week, pullSets: week.pullSets - 1 }))
        .sort((a, b) => b.sets - a.sets || b.seq - a.seq)[0];
      if (fullest === undefined) break;
      changeSets(week, day, fullest, -1);
      trimmed.push(fullest);
    }
    if (fitsBudget(week, day) && keepsEven(week, before)) continue;
    removeSlot(week, day, slot);
    for (const other of trimmed) changeSets(week, day, other, 1);
  }
}

/** One more set somewhere, on the shortest day that takes one; false when none does. */
function addOneSet(week: WeekDraft): boolean {
  const days = [...week.days].sort((a, b) => daySeconds(week, a) - daySeconds(week, b));
  for (const day of days) {
    if (addOnDay(week, day)) return true;
  }
  return false;
}

/** Tries `change`; keeps it where the day still fits its minutes and the days stay even. */
function attempt(week: WeekDraft, day: DayDraft, change: () => () => void): boolean {
  const before = evenness(week);
  const undo = change();
  if (fitsBudget(week, day) && keepsEven(week, before)) return true;
  undo();
  return false;
}

function plusOne(week: WeekDraft, day: DayDraft, slot: SlotDraft): boolean {
  if (slot.sets >= slotMaxSets(week, slot) || !fitsCaps(week, slot.entry, 1)) return false;
  if (!pressingFits(week, day, slot.entry, 1)) return false;
  if (breaksBalance(week, slot.entry, 1)) return false;
  return attempt(week, day, () => {
    changeSets(week, day, slot, 1);
    return () => changeSets(week, day, slot, -1);
  });
}

/** The bench press and its variants (incline, close-grip, paused...): any loaded horizontal press. */
const isMainPress = (entry: CatalogueEntry): boolean =>
  patternOf(entry) === "horizontal_push" && ["barbell", "dumbbell"].includes(entry.equipment);

/**
 * One more set of a trained lift; where a range is full (the shoulders, from an upright row and
 * the presses' half-sets), a set of isolation or variation work in it gives way (makeRangeRoom),
 * given back if the lift's set still does not fit.
 */
function growMain(week: WeekDraft, day: DayDraft, slot: SlotDraft): boolean {
  if (slot.sets >= slotMaxSets(week, slot)) return false;
  if (plusOne(week, day, slot)) return true;
  // The pull share may be what stops a press: a pulling set first, then the press.
  if (breaksBalance(week, slot.entry, 1) && addPullSet(week) && plusOne(week, day, slot)) return true;
  if (fitsCaps(week, slot.entry, 1)) return false;
  const undo = makeRangeRoom(week, slot);
  if (undo === undefined) return false;
  if (plusOne(week, day, slot)) return true;
  undo();
  return false;
}

function strengthPriorities(week: WeekDraft, day: DayDraft): boolean {
  if (week.goal !== "strength" || week.experience === "beginner") return false;
  const main = day.slots.find((slot) => slot.tier === "T1");
  if (!week.pairMain && main !== undefined && growMain(week, day, main)) return true;
  const pressSets = week.days
    .flatMap((d) => d.slots)
    .reduce((sum, slot) => sum + (isMainPress(slot.entry) ? slot.sets : 0), 0);
  if (pressSets >= MAIN_PRESS_WEEKLY_SETS) return false;
  const presses = day.slots
    .filter((slot) => isMainPress(slot.entry))
    .sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.seq - b.seq);
  for (const slot of presses) {
    if (growMain(week, day, slot)) return true;
  }
  return false;
}

function addOnDay(week: WeekDraft, day: DayDraft): boolean {
  if (strengthPriorities(week, day)) return true;
  const groups = dayGroups(day);
  byNeed(week, groups);
  // Majors before arm, calf and abdominal work where both are below aim is the byNeed order;
  // beyond aim, the lowest share of the range first.
  // A short session takes new exercises before more sets of the ones it has (item 3).
  if (week.pairMain && groups.some(({ group, extra }) => addNewSlot(week, day, group, extra))) return true;
  for (const { group, extra } of groups) {
    const open = day.slots
      .filter((slot) => slot.group === group && slot.sets < slotMaxSets(week, slot))
      .sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.sets - b.sets || a.seq - b.seq);
    for (const slot of open) if (plusOne(week, day, slot) || pullThenPush(week, day, slot)) return true;
    if (addNewSlot(week, day, group, extra)) return true;
  }
  return false;
}

/**
 * Where the pull share is all that stops a pushing set, a pulling set first (on a day with the time
 * for it), then the pushing one: a novice's 45-minute push day of a 90-minute week had stopped
 * there. The pulling set stays either way: it is time used.
 */
function pullThenPush(week: WeekDraft, day: DayDraft, slot: SlotDraft): boolean {
  if (slot.sets >= slotMaxSets(week, slot) || !fitsCaps(week, slot.entry, 1)) return false;
  if (!breaksBalance(week, slot.entry, 1)) return false;
  return addPullSet(week) && plusOne(week, day, slot);
}

/** Arm, calf and abdominal work: one exercise of each a day is enough (two calf raises are not). */
const ONE_A_DAY: readonly TargetGroup[] = ["biceps", "triceps", "calves", "abdominals"];

function addNewSlot(week: WeekDraft, day: DayDraft, group: TargetGroup, extra: boolean): boolean {
  if (ONE_A_DAY.includes(group) && day.slots.some((slot) => slot.group === group)) return false;
  const first = addNewSlotOf(week, day, group, extra);
  if (first !== "compound not added") return first === "added";
  // Two sets of a compound (a T2's longer rests) may not fit the minutes left where two of an
  // isolation exercise would.
  return addNewSlotOf(week, day, group, extra, (entry) => !isCompound(entry)) === "added";
}

function addNewSlotOf(
  week: WeekDraft,
  day: DayDraft,
  group: TargetGroup,
  extra: boolean,
  test?: (entry: CatalogueEntry) => boolean,
): "added" | "none" | "compound not added" {
  // A trained strength day at its pressing cap takes no pushing exercise (day-pressing.ts).
  const fits = (entry: CatalogueEntry): boolean =>
    (test === undefined || test(entry)) && pressingFits(week, day, entry, MIN_SLOT_SETS);
  const slot = newSlot(week, day, group, extra, fits) ?? pullFirstSlot(week, day, group, extra, fits);
  if (slot === undefined) return "none";
  const add = () =>
    attempt(week, day, () => {
      addSlot(week, day, slot);
      return () => removeSlot(week, day, slot);
    });
  if (breaksBalance(week, slot.entry, MIN_SLOT_SETS)) return "none";
  if (add()) return "added";
  return isCompound(slot.entry) ? "compound not added" : "none";
}

/**
 * Strength, whose pull share is 3/4: where the share is all that keeps a new pushing slot out,
 * pulling sets first, on a day with the time (they stay: time used on pulling is time used), then
 * the slot where it still fits what they changed. A novice's 45-minute push day of a 90-minute
 * week had stopped there. (Hypertrophy's 1:1 share would take whole days' minutes so.)
 */
function pullFirstSlot(
  week: WeekDraft,
  day: DayDraft,
  group: TargetGroup,
  extra: boolean,
  test?: (entry: CatalogueEntry) => boolean,
): SlotDraft | undefined {
  if (week.goal !== "strength") return undefined;
  const slot = newSlot(week, day, group, extra, test, false);
  if (slot === undefined) return undefined;
  let pulls = 0;
  while (breaksBalance(week, slot.entry, MIN_SLOT_SETS) && pulls < MIN_SLOT_SETS && addPullSet(week)) pulls++;
  const fits = fitsCaps(week, slot.entry, MIN_SLOT_SETS) && roomForExercise(week, day);
  return fits ? slot : undefined;
}
