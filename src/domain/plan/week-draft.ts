// The mutable week the generator builds before it is frozen into PlanJson: per day its slots,
// plus weekly counters. Every change goes through these functions so the counters and the T1 flag
// stay in step with the slots.
//
// Weekly volume is counted the way the progress tables count it (docs/progress-rules.md; Pelland et
// al. 2024): a set is 1 for its muscle's group and 0.5 for each secondary muscle's group, so a plan
// budgeted here reads the same in `progress show`. `weekly` holds that fractional count per group;
// no change may take a group past the top of its range (`fitsCaps`).

import type { CatalogueEntry } from "../catalogue-entry.ts";
import { hardSetsForSet } from "../progress-aggregates/hard-sets.ts";
import type { Equipment, ExperienceLevel, Goal, MuscleGroup, Tier } from "../vocabulary.ts";
import { breaksBalance, isPull, isPush } from "./balance.ts";
import { isBarbellHinge, isBarbellSquat } from "./barbell-lifts.ts";
import { CONVENTIONAL_DEADLIFT, chooseExercise, isFloorDeadlift, isHingedRow } from "./choose-exercise.ts";
import { deltHeadOf, isDeltIsolation } from "./delt-head.ts";
import { isCompound, patternOf } from "./movement.ts";
import { MIN_SLOT_SETS, prescription } from "./prescription.ts";
import type { SlotDraft } from "./slot-draft.ts";
import { isBarbellLegLift } from "./spine-load.ts";
import { SUPERSET_MAX_MINUTES, sessionOrder, supersetPairs, withPairsAdjacent } from "./supersets.ts";
import { groupOfMuscle, LEG_GROUPS, type TargetGroup, WEEKLY_SET_TARGETS, weeklyTarget } from "./targets.ts";
import type { Block, DayTemplate } from "./templates.ts";
import { durationMinutes, setSeconds, supersetSeconds, warmUpSeconds } from "./time-model.ts";

export type { SlotDraft };

export interface DayDraft {
  template: DayTemplate;
  slots: SlotDraft[];
  /**
   * daySeconds's and dayPairs's caches, below: only this file reads or writes them. Fields rather
   * than WeakMaps keyed by the day, whose look-ups were a tenth of a plan's time.
   */
  cachedSeconds?: number | undefined;
  cachedPairs?: DayPairs[] | undefined;
}

export interface WeekDraft {
  goal: Goal;
  experience: ExperienceLevel;
  /** The request's equipment plus bodyweight. */
  equipment: ReadonlySet<Equipment>;
  budgetSeconds: number;
  /** Eligible entries per group, sorted by exerciseId. */
  candidates: ReadonlyMap<TargetGroup, readonly CatalogueEntry[]>;
  days: DayDraft[];
  weekUse: Map<string, number>;
  /** Exercise id -> slots using it as a T1 earlier in the week: main lifts repeat. */
  mainUse: Map<string, number>;
  /** Fractional weekly hard sets per group (1 per direct set, 0.5 per secondary muscle). */
  weekly: Map<TargetGroup, number>;
  /** Direct weekly sets of side- and rear-delt isolation (delt-head.ts, isDeltIsolation), and of rear alone. */
  deltIsolationSets: number;
  rearDeltSets: number;
  /** The back's half-sets from that work (a face pull's middle back): counted with the raises too. */
  deltIsolationBackSets: number;
  /** Accessory work goes in supersets (supersets.ts): short sessions or an endurance goal. */
  supersets: boolean;
  /**
   * A trained lifter's hypertrophy sessions pair the arms at any length: a curl with a triceps
   * exercise (supersets.ts, armsOnly), the bodybuilder's arm superset; nothing else pairs where
   * `supersets` is off.
   */
  armSupersets: boolean;
  /** Short sessions (SUPERSET_MAIN_MAX_MINUTES): the main lift pairs with a non-competing T2 too. */
  pairMain: boolean;
  /**
   * Set by finishWeek once a short week's exercises are settled (pairFillers, pairMain weeks): a
   * lift left alone pairs with an isolation exercise done in its rests (supersets.ts, fillerPass).
   */
  fillers: boolean;
  /**
   * A beginner's 2-3 strength days of 45 minutes or more: its full-body days are the novice
   * workouts (templates.ts, NOVICE_MAJORS).
   */
  noviceWorkouts: boolean;
  /** The week keeps pull >= push (balance.ts): its templates lead with pulls, not overhead presses. */
  balanced: boolean;
  /** Pulling sets needed per pushing set (balance.ts, pullShare); 0 where no balance is kept. */
  pullShare: number;
  /** Direct weekly sets of pushing and of pulling exercises (balance.ts). */
  pushSets: number;
  pullSets: number;
  nextSeq: number;
}

const CONTRIBUTIONS = new WeakMap<CatalogueEntry, ReadonlyMap<TargetGroup, number>>();

/** Hard sets one set of the entry adds to each group, as the progress tables count them. */
export function contribution(entry: CatalogueEntry): ReadonlyMap<TargetGroup, number> {
  const cached = CONTRIBUTIONS.get(entry);
  if (cached !== undefined) return cached;
  const result = new Map<TargetGroup, number>();
  for (const [muscle, weight] of hardSetsForSet(entry.primaryMuscle, entry.secondaryMuscles)) {
    const group = groupOfMuscle(muscle as MuscleGroup);
    if (group !== undefined) result.set(group, (result.get(group) ?? 0) + weight);
  }
  CONTRIBUTIONS.set(entry, result);
  return result;
}

/** Accepts the entries of which a new slot (MIN_SLOT_SETS sets) still fits every range and the balance. */
export function fitsNewSlot(week: WeekDraft): (entry: CatalogueEntry) => boolean {
  return (entry) => fitsCaps(week, entry, MIN_SLOT_SETS) && !breaksBalance(week, entry, MIN_SLOT_SETS);
}

/** Whether `sets` more sets of the entry keep every group it trains within the top of its range. */
export function fitsCaps(week: WeekDraft, entry: CatalogueEntry, sets: number): boolean {
  for (const [group, weight] of contribution(entry)) {
    if (!groupFits(week, entry, group, weight, sets)) return false;
  }
  return true;
}

/**
 * Whether `sets` more sets of the entry, `weight` hard sets each for the group, keep that group
 * within the top of its range (and of its direct sets, where it has such a top): fitsCaps, one
 * group at a time.
 */
export function groupFits(
  week: WeekDraft,
  entry: CatalogueEntry,
  group: TargetGroup,
  weight: number,
  sets: number,
): boolean {
  if (weight * sets > roomBelowTop(week, group, entry) + 1e-9) return false;
  const { direct } = weeklyTarget(week.goal, week.experience, group);
  return direct === undefined || weight < 1 || directSets(week, group) + sets <= direct;
}

/**
 * The sets the group may still take before the top of its range, for the entry's sets. Where the
 * shoulders count delt isolation apart (targets.ts, deltIsolation), a raise's room is that top's
 * alone (rear-delt work's within `rearMax`), so the presses' half-sets cannot take it; any other
 * lift's is `max` less everything, as before, so the raises' own top is no room for more pressing.
 * The back's range leaves out the raises' half-sets for it. Without an entry: the larger of the
 * two, for the cheap checks made before an exercise is chosen.
 */
export function roomBelowTop(week: WeekDraft, group: TargetGroup, entry?: CatalogueEntry): number {
  const targets = WEEKLY_SET_TARGETS[week.goal][week.experience];
  const { max } = targets[group];
  const { deltIsolation } = targets.shoulders;
  if (deltIsolation === undefined) return max - weeklySets(week, group);
  // The raises' half-sets for the back (face pulls, rear-delt flyes) count against the raises' top,
  // not the back's: 8 rear-delt sets had taken 4 sets of rows.
  if (group === "back") {
    if (entry !== undefined && isDeltIsolation(entry)) return Number.POSITIVE_INFINITY;
    return max - (weeklySets(week, group) - week.deltIsolationBackSets);
  }
  const otherRoom = max - weeklySets(week, group);
  if (group !== "shoulders") return otherRoom;
  const isolationRoom = deltIsolation.max - week.deltIsolationSets;
  if (entry === undefined) return Math.max(isolationRoom, otherRoom);
  if (!isDeltIsolation(entry)) return otherRoom;
  const rear = deltHeadOf(entry) === "rear";
  return rear ? Math.min(isolationRoom, deltIsolation.rearMax - week.rearDeltSets) : isolationRoom;
}

/** Sets of the week's slots of the group (its own exercises). */
export function directSets(week: WeekDraft, group: TargetGroup): number {
  let sets = 0;
  for (const day of week.days) for (const slot of day.slots) if (slot.group === group) sets += slot.sets;
  return sets;
}

function count(week: WeekDraft, entry: CatalogueEntry, sets: number): void {
  if (isPush(entry)) week.pushSets += sets;
  if (isPull(entry)) week.pullSets += sets;
  if (isDeltIsolation(entry)) {
    week.deltIsolationSets += sets;
    week.deltIsolationBackSets += (contribution(entry).get("back") ?? 0) * sets;
    if (deltHeadOf(entry) === "rear") week.rearDeltSets += sets;
  }
  for (const [group, weight] of contribution(entry)) {
    week.weekly.set(group, weeklySets(week, group) + weight * sets);
  }
}

export function hasT1(day: DayDraft): boolean {
  return day.slots.some((slot) => slot.tier === "T1");
}

/*
 * A day's seconds (cachedSeconds), worked out again only after a change to its slots (the passes
 * ask for them thousands of times a plan, mostly between changes). Every change to a slot in a day
 * goes through addSlot, changeSets, removeSlot or setTier, which mark the day changed.
 *
 * A day's supersets (cachedPairs), kept for its last two line-ups of slots (which slots, in which
 * order, with which tiers): the pairing reads only those (and the slots' fixed group, exercise,
 * position and seq), never their sets, so the many one-set changes reuse it, and so does the undo
 * of a tried slot (addSlot then removeSlot brings back the line-up before it).
 */
export interface DayPairs {
  slots: readonly SlotDraft[];
  tiers: readonly Tier[];
  pairs: readonly [SlotDraft, SlotDraft][];
  paired: ReadonlySet<SlotDraft>;
}

function changed(day: DayDraft): void {
  day.cachedSeconds = undefined;
}

/**
 * From here on, lifts left alone take fillers (WeekDraft.fillers): a pairing only saves rests, so
 * every day still fits its minutes, and the time it frees is the caller's to use.
 */
export function pairFillers(week: WeekDraft): void {
  week.fillers = true;
  for (const day of week.days) {
    day.cachedPairs = undefined;
    changed(day);
  }
}

export function daySeconds(week: WeekDraft, day: DayDraft): number {
  if (day.cachedSeconds === undefined) day.cachedSeconds = computeDaySeconds(week, day);
  return day.cachedSeconds;
}

/** Whether the day's work fits its minutes. */
export function fitsBudget(week: WeekDraft, day: DayDraft): boolean {
  return daySeconds(week, day) <= week.budgetSeconds;
}

function dayPairs(week: WeekDraft, day: DayDraft): DayPairs {
  const kept = day.cachedPairs ?? [];
  const hit = kept.find((entry) => sameLineUp(entry, day.slots));
  if (hit !== undefined) return hit;
  const pairs = supersetPairs(
    sessionOrder(day.slots),
    week.pairMain,
    !week.supersets,
    week.goal === "strength",
    week.fillers,
  );
  const entry: DayPairs = {
    slots: [...day.slots],
    tiers: day.slots.map((slot) => slot.tier),
    pairs,
    paired: new Set(pairs.flat()),
  };
  day.cachedPairs = [entry, ...kept.slice(0, 1)];
  return entry;
}

/** The day's supersets, each [first, second] in session order; none where the week pairs nothing. */
export function sessionPairs(week: WeekDraft, day: DayDraft): readonly [SlotDraft, SlotDraft][] {
  return week.supersets || week.armSupersets ? dayPairs(week, day).pairs : [];
}

/** The day's slots in the order the plan lists them: session order, each pair's rows together. */
export function listedOrder(week: WeekDraft, day: DayDraft): SlotDraft[] {
  const pairs = sessionPairs(week, day);
  const listed = withPairsAdjacent(sessionOrder(day.slots), pairs);
  // Core work a session does alone comes last: the trunk braces every lift before it (a coach read
  // crunches between the day's pull-downs and its curls). Paired, it stays beside its partner.
  const paired = new Set(pairs.flat());
  const coreLast = (slot: SlotDraft) => slot.group === "abdominals" && !paired.has(slot);
  return [...listed.filter((slot) => !coreLast(slot)), ...listed.filter(coreLast)];
}

function sameLineUp(entry: DayPairs, slots: readonly SlotDraft[]): boolean {
  if (entry.slots.length !== slots.length) return false;
  for (let i = 0; i < slots.length; i++) {
    if (entry.slots[i] !== slots[i] || entry.tiers[i] !== slots[i]?.tier) return false;
  }
  return true;
}

function computeDaySeconds(week: WeekDraft, day: DayDraft): number {
  let seconds = warmUpSeconds(week.goal, hasT1(day));
  if (!week.supersets && !week.armSupersets) {
    for (const slot of day.slots) seconds += slot.sets * setSeconds(week.goal, week.experience, slot.tier);
    return seconds;
  }
  const { pairs, paired } = dayPairs(week, day);
  for (const slot of day.slots) {
    if (!paired.has(slot)) seconds += slot.sets * setSeconds(week.goal, week.experience, slot.tier);
  }
  for (const [a, b] of pairs)
    seconds += supersetSeconds(week.goal, week.experience, a.tier, b.tier, a.sets, b.sets);
  return seconds;
}

/**
 * Days leaner than this share of the longest are uneven: a change may not leave them so, or make
 * them more so (finish-week.ts, evenDays; every pass that adds or moves sets checks it).
 */
export const EVEN_DAYS_RATIO = 0.6;

/** The shortest day's minutes over the longest's. */
export function evenness(week: WeekDraft): number {
  const minutes = week.days.map((day) => durationMinutes(daySeconds(week, day)));
  return Math.min(...minutes) / Math.max(...minutes);
}

/** A change leaves the days uneven and less even than they were. */
export function worsensEvenness(before: number, after: number): boolean {
  return after < EVEN_DAYS_RATIO && after < before;
}

export function maxSets(week: WeekDraft, tier: Tier): number {
  return prescription(week.goal, week.experience, tier).maxSets;
}

/**
 * A session's one calf or abdominal exercise stops at 3 sets (a coach read 4 sets of crunches and
 * 4 of calf raises beside 2 of leg curls: filler where the minutes belonged to the majors).
 */
const ANY_DAY_SLOT_SETS = 3;

/**
 * A barbell squat after the day's conventional deadlift stops at 3 sets: it is the day's second
 * heavy lift on a tired lower back (a coach read 4 sets of back squats after 5 of deadlifts).
 */
const SQUAT_AFTER_DEADLIFT_SETS = 3;

/**
 * A novice's deadlift as a day's second lift (after the squat, squatBeforeDeadlift) stops at 2 sets
 * of 5 (Rippetoe 2011 pulls one: a coach read 3 x 5 deadlifts straight after 3 x 5 squats as too
 * much for a beginner's lower back).
 */
const NOVICE_DEADLIFT_AFTER_SQUAT_SETS = 2;

/**
 * The most sets the slot may hold: its tier's; 3 for calves and abdominals and a squat after a
 * deadlift; 2 for a novice's deadlift as a second lift.
 */
export function slotMaxSets(week: WeekDraft, slot: SlotDraft): number {
  const tierMax = maxSets(week, slot.tier);
  if (slot.group === "calves" || slot.group === "abdominals") return Math.min(ANY_DAY_SLOT_SETS, tierMax);
  if (slot.tier === "T2" && isBarbellSquat(slot.entry) && afterDeadlift(week, slot))
    return Math.min(SQUAT_AFTER_DEADLIFT_SETS, tierMax);
  if (
    week.experience === "beginner" &&
    week.goal === "strength" &&
    slot.tier === "T2" &&
    isFloorDeadlift(slot.entry)
  )
    return Math.min(NOVICE_DEADLIFT_AFTER_SQUAT_SETS, tierMax);
  if (slot.group === "biceps" || slot.group === "triceps") {
    const day = dayOf(week, slot);
    if (day !== undefined && !armMayGrow(day, slot.group)) return Math.min(slot.sets, tierMax);
  }
  return tierMax;
}

const dayOf = (week: WeekDraft, slot: SlotDraft): DayDraft | undefined =>
  week.days.find((d) => d.slots.includes(slot));

/** The slot's day leads with a conventional deadlift. */
function afterDeadlift(week: WeekDraft, slot: SlotDraft): boolean {
  const day = dayOf(week, slot);
  return day?.slots.some((s) => s.tier === "T1" && CONVENTIONAL_DEADLIFT.test(s.entry.name.trim())) ?? false;
}

export function weeklySets(week: WeekDraft, group: TargetGroup): number {
  return week.weekly.get(group) ?? 0;
}

export function slotsOf(day: DayDraft, group: TargetGroup): SlotDraft[] {
  return day.slots.filter((slot) => slot.group === group);
}

/** The day's block for a group and its position, or undefined when the day does not train it. */
export function blockOf(day: DayDraft, group: TargetGroup): { block: Block; position: number } | undefined {
  // Majors then accessories, without joining them into a new array: the passes ask thousands of
  // times a plan.
  const { majors, accessories } = day.template;
  const major = majors.findIndex((block) => block.group === group);
  if (major !== -1) return { block: majors[major] as Block, position: major };
  const accessory = accessories.findIndex((block) => block.group === group);
  if (accessory === -1) return undefined;
  return { block: accessories[accessory] as Block, position: majors.length + accessory };
}

/**
 * The group a slot tires, for the day-before rule: rear-delt work (face pulls, reverse flyes) is a
 * pull and rests with the back, so it ends a pull day that follows a push day, as coaches write
 * it; the presses of the day before trained the front delts.
 */
function recoveryGroup(slot: Pick<SlotDraft, "entry" | "group">): TargetGroup {
  return slot.group === "shoulders" && deltHeadOf(slot.entry) === "rear" ? "back" : slot.group;
}

/** Neither neighbouring calendar day trains, or may later train, the group (the day-before rule). */
export function restedFor(week: WeekDraft, day: DayDraft, group: TargetGroup): boolean {
  // Full-body weeks of 4+ days train every group on consecutive days by design.
  if (week.days.length >= 4 && week.days.every((other) => other.template.kind === "full")) return true;
  const dow = day.template.dayOfWeek;
  return !week.days.some(
    (other) =>
      other !== day &&
      Math.abs(other.template.dayOfWeek - dow) === 1 &&
      (blockOf(other, group) !== undefined || other.slots.some((slot) => recoveryGroup(slot) === group)),
  );
}

/**
 * Whether the day's next row is taken supported (chest-supported, seated on a cable, a machine)
 * rather than held in a hinge, where one is at hand. Strength keeps its barbell rows. In hypertrophy
 * weeks: where the week already has a hinged row on another day, or the day or a day next to it
 * leads with the hamstrings (a Romanian deadlift) or holds a heavy hinge (a coach read a Pendlay
 * row on one upper day and a bent-over row on the other, the second the day before a Romanian
 * deadlift day). In general-fitness and endurance weeks: beside a barbell squat or hinge on the day
 * (a coach read a 30-minute day of a back squat, a barbell row and a Romanian deadlift as the lower
 * back's work three times over).
 */
function wantsSupportedRow(week: WeekDraft, day: DayDraft): boolean {
  if (week.goal === "general_fitness" || week.goal === "endurance")
    return day.slots.some((slot) => isBarbellLegLift(slot.entry));
  if (week.goal !== "hypertrophy") return false;
  const dow = day.template.dayOfWeek;
  return week.days.some(
    (other) =>
      (other !== day && other.slots.some((slot) => isHingedRow(slot.entry))) ||
      (Math.abs(other.template.dayOfWeek - dow) <= 1 &&
        (other.template.majors[0]?.group === "hamstrings" ||
          other.slots.some((slot) => isBarbellHinge(slot.entry)))),
  );
}

/**
 * A slot for the group's next exercise on the day, not yet added (0 sets), or undefined when the
 * day does not train the group or no unused exercise is left. A compound becomes the day's T1
 * when `mayLead` and the day has none yet, else T2; isolation work is T3.
 */
export function draftSlot(
  week: WeekDraft,
  day: DayDraft,
  group: TargetGroup,
  mayLead: boolean,
  extra?: { block: Block; position: number },
  accept?: (entry: CatalogueEntry) => boolean,
): SlotDraft | undefined {
  const found = blockOf(day, group) ?? extra;
  if (found === undefined || !roomForExercise(week, day)) return undefined;
  if (!takesAnother(week, day, group)) return undefined;
  if (!onAnotherDay(week, day, group) || !fitsDayKind(week, day, group)) return undefined;
  const leading = mayLead && !hasT1(day);
  // The day-before rule, for the group the exercise tires (recoveryGroup): a day that does not
  // train it takes it only when neither neighbour does. Rear-delt work rests with the back, so
  // it is not the day before or after a pull day, and on a pull day it needs no rest from the
  // shoulders. Abdominals and calves recover within a day.
  const mayTire = (as: TargetGroup): boolean =>
    as === "calves" || as === "abdominals" || blockOf(day, as) !== undefined || restedFor(week, day, as);
  const rested = mayTire(group);
  const backRested = group !== "shoulders" || mayTire("back");
  const rests = (entry: CatalogueEntry): boolean =>
    (group === "shoulders" && deltHeadOf(entry) === "rear" ? backRested : rested) &&
    (accept === undefined || accept(entry));
  const entry = chooseExercise(week.candidates.get(group) ?? [], found.block, slotsOf(day, group).length, {
    goal: week.goal,
    experience: week.experience,
    session: day.slots.map((slot) => slot.entry),
    weekUse: week.weekUse,
    mainUse: week.mainUse,
    leading,
    supportedRow: group === "back" && wantsSupportedRow(week, day),
    roomToVary: week.budgetSeconds >= VARY_PULLS_MINUTES * 60,
    quickSetups: week.goal !== "strength" && week.budgetSeconds <= SUPERSET_MAX_MINUTES * 60,
    accept: rests,
  });
  if (entry === undefined) return undefined;
  const tier: Tier = isCompound(entry) ? (leading ? "T1" : "T2") : "T3";
  return { entry, group, tier, sets: 0, position: found.position, seq: week.nextSeq };
}

/** Sessions this long or longer vary a pull day's second lift (choose-exercise.ts, varyBackPull). */
const VARY_PULLS_MINUTES = 60;

/**
 * Groups that take one exercise a session (a coach's read of the first plans: two calf raises,
 * two crunches or a beginner's two curls in one session is the same work twice): calves and
 * abdominals for everyone, arms except in intermediate and advanced hypertrophy, where a second
 * curl or extension at another angle is the point.
 */
function oneADay(week: Pick<WeekDraft, "goal" | "experience">, group: TargetGroup): boolean {
  if (group === "calves" || group === "abdominals") return true;
  if (group !== "biceps" && group !== "triceps") return false;
  return week.goal !== "hypertrophy" || week.experience === "beginner";
}

/**
 * A day with two exercises of an arm keeps the compound work they serve ahead of them: back sets at
 * least 1.5 times its biceps sets (a coach read a pull day of 6 back sets and 8 of curls), pressing
 * sets at least its triceps sets (a push day of 7 pressing sets and 8 of triceps isolation).
 */
const ARM_SHARE: Readonly<
  Partial<Record<TargetGroup, { per: number; serves: (slot: SlotDraft) => boolean }>>
> = {
  biceps: { per: 1.5, serves: (slot) => slot.group === "back" },
  triceps: { per: 1, serves: (slot) => PRESSES.has(patternOf(slot.entry)) },
};

const PRESSES: ReadonlySet<string> = new Set(["horizontal_push", "vertical_push"]);

/** Whether the day's arm work of the group may hold `more` sets beyond what it has. */
export function armShareHolds(day: DayDraft, group: TargetGroup, more: number): boolean {
  const share = ARM_SHARE[group];
  if (share === undefined) return true;
  const served = day.slots.reduce((sum, slot) => sum + (share.serves(slot) ? slot.sets : 0), 0);
  return served >= share.per * (setsOfGroup(day, group) + more);
}

const STRENGTH_PULLS_A_DAY = 2;

const strengthPullsCapped = (week: Pick<WeekDraft, "goal" | "experience">): boolean =>
  week.goal === "strength" && week.experience !== "beginner";

const setsOfGroup = (day: DayDraft, group: TargetGroup): number =>
  day.slots.reduce((sum, slot) => sum + (slot.group === group ? slot.sets : 0), 0);

/** Whether the day may take a new exercise of the group (oneADay): every new slot and move asks. */
export function takesAnother(week: WeekDraft, day: DayDraft, group: TargetGroup): boolean {
  if (!day.slots.some((slot) => slot.group === group)) return true;
  if (oneADay(week, group)) return false;
  // A trained strength lifter's upper or full-body session pulls with two exercises at most (a
  // coach read a row, a chin-up and an inverted row, 12 sets, beside the presses of one upper day):
  // more sets on them before a third. A pull day is for pulling.
  if (
    strengthPullsCapped(week) &&
    group === "back" &&
    day.template.kind !== "pull" &&
    slotsOf(day, group).length >= STRENGTH_PULLS_A_DAY
  )
    return false;
  // A novice's full-body day pulls with one exercise (templates.ts, NOVICE_MAJORS): a row or a
  // pull-down each day, not both on one day and none on the next.
  const noviceFull =
    week.goal === "strength" && week.experience === "beginner" && day.template.kind === "full";
  if (noviceFull && group === "back") return false;
  // The novice workouts' days press with one exercise too: the bench is an A day's chest work (a
  // coach read dumbbell flyes beside a novice's bench, where a curl or rear-delt work belonged).
  if (week.noviceWorkouts && day.template.kind === "full" && group === "chest") return false;
  return armShareHolds(day, group, MIN_SLOT_SETS);
}

/** The day's arm sets may grow by one: one exercise of the arm, or two within their share. */
function armMayGrow(day: DayDraft, group: TargetGroup): boolean {
  if (day.slots.filter((slot) => slot.group === group).length < 2) return true;
  return armShareHolds(day, group, 1);
}

/**
 * Calves and abdominals recover within a day, so any day may take them, but not most days (a
 * coach's read: calf raises on all six days of a push/pull/legs week): at most half the week's
 * days, rounded up, hold them. Whether the day may hold the group: it does already, or the cap
 * leaves room.
 */
export function onAnotherDay(week: WeekDraft, day: DayDraft, group: TargetGroup): boolean {
  if (group !== "calves" && group !== "abdominals") return true;
  if (day.slots.some((slot) => slot.group === group)) return true;
  const days = week.days.filter((other) => other.slots.some((slot) => slot.group === group)).length;
  return days < Math.ceil(week.days.length / 2);
}

/** A full-body day, or a day that holds leg work (a quadriceps, hamstrings or glutes exercise). */
const trainsLegs = (day: DayDraft): boolean =>
  day.template.kind === "full" || day.slots.some((slot) => LEG_GROUPS.has(slot.group));

/**
 * Calf raises go on the days that train the legs (a coach's read of a push/pull/legs week: calf
 * raises on both push days and neither legs day); any day only in a week with no such day.
 */
export function fitsDayKind(week: WeekDraft, day: DayDraft, group: TargetGroup): boolean {
  return group !== "calves" || trainsLegs(day) || !week.days.some(trainsLegs);
}

/**
 * A beginner's session holds at most this many exercises (issue 22, item 8): a short list, learnt
 * by repetition, rather than seven or eight new lifts a day.
 */
export const BEGINNER_MAX_EXERCISES = 6;

/** Whether the day may take one more exercise. */
export function roomForExercise(week: WeekDraft, day: DayDraft): boolean {
  return week.experience !== "beginner" || day.slots.length < BEGINNER_MAX_EXERCISES;
}

export function addSlot(week: WeekDraft, day: DayDraft, slot: SlotDraft): void {
  changed(day);
  day.slots.push(slot);
  week.nextSeq += 1;
  week.weekUse.set(slot.entry.exerciseId, (week.weekUse.get(slot.entry.exerciseId) ?? 0) + 1);
  if (slot.tier === "T1")
    week.mainUse.set(slot.entry.exerciseId, (week.mainUse.get(slot.entry.exerciseId) ?? 0) + 1);
  count(week, slot.entry, slot.sets);
}

/** Adds (or, negative, removes) sets; a slot left with none is dropped. */
export function changeSets(week: WeekDraft, day: DayDraft, slot: SlotDraft, delta: number): void {
  changed(day);
  slot.sets += delta;
  count(week, slot.entry, delta);
  if (slot.sets <= 0) removeSlot(week, day, slot);
}

/** Drops a slot and whatever sets it still holds. */
export function removeSlot(week: WeekDraft, day: DayDraft, slot: SlotDraft): void {
  // A stale copy would splice(-1) away the day's last slot: fail loudly instead.
  if (!day.slots.includes(slot))
    throw new Error(`removeSlot: ${slot.entry.name} is not on ${day.template.name}`);
  changed(day);
  if (slot.sets > 0) count(week, slot.entry, -slot.sets);
  slot.sets = 0;
  day.slots.splice(day.slots.indexOf(slot), 1);
  week.weekUse.set(slot.entry.exerciseId, (week.weekUse.get(slot.entry.exerciseId) ?? 1) - 1);
  if (slot.tier === "T1")
    week.mainUse.set(slot.entry.exerciseId, (week.mainUse.get(slot.entry.exerciseId) ?? 1) - 1);
}

/** The fewest sets a slot of the tier may hold: 3 for a main lift, 2 for anything else. */
export function minSlotSets(tier: Tier): number {
  return tier === "T1" ? 3 : 2;
}

export function setsOnDay(day: DayDraft, group: TargetGroup): number {
  let sets = 0;
  for (const slot of day.slots) if (slot.group === group) sets += slot.sets;
  return sets;
}

/** Changes a slot's tier, keeping the week's count of main-lift uses in step. */
export function setTier(week: WeekDraft, slot: SlotDraft, tier: SlotDraft["tier"]): void {
  for (const day of week.days) if (day.slots.includes(slot)) changed(day);
  if (slot.tier === "T1")
    week.mainUse.set(slot.entry.exerciseId, (week.mainUse.get(slot.entry.exerciseId) ?? 1) - 1);
  if (tier === "T1")
    week.mainUse.set(slot.entry.exerciseId, (week.mainUse.get(slot.entry.exerciseId) ?? 0) + 1);
  slot.tier = tier;
}

/**
 * Brings a day back within its time budget by taking sets from the slots `pickVictim` names, one
 * set at a time (a slot at its minimum is removed instead). True when the day fits; otherwise every
 * cut is undone and false is returned, so the caller can undo what it added.
 */
export function makeRoom(
  week: WeekDraft,
  day: DayDraft,
  pickVictim: (slots: readonly SlotDraft[]) => SlotDraft | undefined,
): boolean {
  // Tried whole: where no victim is left before the day fits, every trim and removal is undone
  // (attempt puts back the same slot objects, so callers' references stay valid).
  return attempt(week, () => {
    while (daySeconds(week, day) > week.budgetSeconds) {
      const victim = pickVictim(day.slots);
      if (victim === undefined) return false;
      if (victim.sets > minSlotSets(victim.tier)) changeSets(week, day, victim, -1);
      else removeSlot(week, day, victim);
    }
    return true;
  });
}

/** What a tried change may alter: each day's line-up with its slots' sets, tiers and order, and the counters. */
interface WeekSnapshot
  extends Pick<
    WeekDraft,
    | "weekly"
    | "weekUse"
    | "mainUse"
    | "pushSets"
    | "pullSets"
    | "deltIsolationSets"
    | "rearDeltSets"
    | "deltIsolationBackSets"
    | "nextSeq"
  > {
  days: { day: DayDraft; slots: SlotDraft[]; sets: number[]; tiers: Tier[]; seqs: number[] }[];
}

function snapshot(week: WeekDraft): WeekSnapshot {
  return {
    days: week.days.map((day) => ({
      day,
      slots: [...day.slots],
      sets: day.slots.map((slot) => slot.sets),
      tiers: day.slots.map((slot) => slot.tier),
      seqs: day.slots.map((slot) => slot.seq),
    })),
    weekly: new Map(week.weekly),
    weekUse: new Map(week.weekUse),
    mainUse: new Map(week.mainUse),
    pushSets: week.pushSets,
    pullSets: week.pullSets,
    deltIsolationSets: week.deltIsolationSets,
    rearDeltSets: week.rearDeltSets,
    deltIsolationBackSets: week.deltIsolationBackSets,
    nextSeq: week.nextSeq,
  };
}

function rollback(week: WeekDraft, saved: WeekSnapshot): void {
  for (const { day, slots, sets, tiers, seqs } of saved.days) {
    day.slots = slots;
    slots.forEach((slot, i) => {
      slot.sets = sets[i] as number;
      slot.tier = tiers[i] as Tier;
      slot.seq = seqs[i] as number;
    });
    changed(day);
  }
  for (const [target, source] of [
    [week.weekly, saved.weekly],
    [week.weekUse, saved.weekUse],
    [week.mainUse, saved.mainUse],
  ] as [Map<unknown, number>, Map<unknown, number>][]) {
    target.clear();
    for (const [key, value] of source) target.set(key, value);
  }
  week.pushSets = saved.pushSets;
  week.pullSets = saved.pullSets;
  week.deltIsolationSets = saved.deltIsolationSets;
  week.rearDeltSets = saved.rearDeltSets;
  week.deltIsolationBackSets = saved.deltIsolationBackSets;
  week.nextSeq = saved.nextSeq;
}

/**
 * Runs a change of several steps (remove, add, trim) and keeps it only when `change` returns true;
 * otherwise the week is put back exactly as it was, the same slot objects included, so callers'
 * references stay valid. For changes whose undo would otherwise be as long as the change.
 */
export function attempt(week: WeekDraft, change: () => boolean): boolean {
  const saved = snapshot(week);
  if (change()) return true;
  rollback(week, saved);
  return false;
}
