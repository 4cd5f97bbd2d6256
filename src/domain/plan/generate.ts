// generatePlan: a request and a catalogue in, the first week of a plan out (PlanJson, ready for
// insert_full_plan). Pure and deterministic: no clock, no randomness, and the catalogue is sorted
// by exerciseId first, so its order never matters. The rules are in docs/programming-rules.md.

import { addDays, isMonday } from "../calendar.ts";
import type { CatalogueEntry } from "../catalogue-entry.ts";
import { firstWeekRir } from "../mesocycle/rir-ramp.ts";
import type { PlanJson, PlanSessionJson, PlanSlotJson } from "../plan-json.ts";
import type { ConcreteSplit, Equipment } from "../vocabulary.ts";
import { BACK_OFF_NOTE } from "./back-off-sets.ts";
import { keepsBalance, pullShare } from "./balance.ts";
import { FRONT_RAISE } from "./choose-exercise.ts";
import { allowedEquipment, isEligible, isWorkingSetExercise } from "./eligibility.ts";
import { PlanGenerationError } from "./errors.ts";
import { exclusionOf } from "./excluded-exercises.ts";
import { fillSpareTime } from "./fill-spare-time.ts";
import { finishWeek } from "./finish-week.ts";
import { bodyweightReps, isPowerLift, isStrengthPull, liftReps, STRENGTH_PULL_REPS } from "./lift-reps.ts";
import { isCompound, patternOf } from "./movement.ts";
import { noviceLiftSets } from "./novice-sets.ts";
import { repeatFirstWorkout } from "./novice-workouts.ts";
import { placeMinimums } from "./place-minimums.ts";
import { prescription } from "./prescription.ts";
import type { PlanRequest } from "./request.ts";
import { resolveSplit } from "./split.ts";
import { SUPERSET_MAIN_MAX_MINUTES, SUPERSET_MAX_MINUTES } from "./supersets.ts";
import {
  ACCESSORY_GROUPS,
  GROUP_MUSCLES,
  MAJOR_GROUPS,
  type MajorGroup,
  type TargetGroup,
  weeklyTarget,
} from "./targets.ts";
import { dayTemplates } from "./templates.ts";
import { durationMinutes } from "./time-model.ts";
import {
  type DayDraft,
  daySeconds,
  listedOrder,
  type SlotDraft,
  sessionPairs,
  type WeekDraft,
  weeklySets,
} from "./week-draft.ts";

/** A barbell press for the chest: a bench press, or a floor press that needs no bench. */
const isBarbellChestPress = (entry: CatalogueEntry): boolean =>
  entry.equipment === "barbell" && isCompound(entry) && patternOf(entry) === "horizontal_push";

/** A novice's A/B workouts (templates.ts, NOVICE_MAJORS) need a session this long: squat, press, pull. */
const NOVICE_WORKOUT_MINUTES = 45;

export function generatePlan(request: PlanRequest, catalogue: readonly CatalogueEntry[]): PlanJson {
  const { week, split, missing, excludedBy } = draftWeek(request, catalogue);
  const notes = planNotes(week, missing, request.equipment, excludedBy);
  return {
    split_type: split,
    week_start: request.weekStart,
    goal_type: request.goal,
    experience_level: request.experience,
    ...(notes === undefined ? {} : { notes }),
    sessions: week.days.map((day) => toSession(week, day, request.weekStart)),
  };
}

/**
 * The finished week as the passes leave it, before it is written as a plan: generatePlan's whole
 * work but the writing. Exported for the tests of its running counts (tests/domain/week-counts).
 */
export function draftWeek(
  request: PlanRequest,
  catalogue: readonly CatalogueEntry[],
): {
  week: WeekDraft;
  split: ConcreteSplit;
  missing: readonly MajorGroup[];
  excludedBy: ReadonlyMap<MajorGroup, string>;
} {
  checkRequest(request);
  const split = resolveSplit(request.split, request.daysPerWeek);
  const sorted = sortedCatalogue(catalogue);
  const equipment = allowedEquipment(request.equipment);
  const { candidates, missing, excludedBy } = eligibleFor(request, sorted, equipment);
  const balanced = keepsBalance(request.goal, !missing.includes("back"));
  // Sessions of 45 minutes or more: a 30-minute day holds the squat and one more lift, paired; four
  // or more full-body days rotate their leads instead.
  const noviceWorkouts =
    request.goal === "strength" &&
    request.experience === "beginner" &&
    request.sessionMinutes >= NOVICE_WORKOUT_MINUTES &&
    request.daysPerWeek <= 3;
  const week: WeekDraft = {
    supersets: request.goal === "endurance" || request.sessionMinutes <= SUPERSET_MAX_MINUTES,
    armSupersets: request.goal === "hypertrophy" && request.experience !== "beginner",
    pairMain: request.sessionMinutes <= SUPERSET_MAIN_MAX_MINUTES,
    fillers: false,
    noviceWorkouts,
    balanced,
    pullShare: pullShare(request.goal, !missing.includes("back")),
    goal: request.goal,
    experience: request.experience,
    equipment,
    budgetSeconds: request.sessionMinutes * 60,
    candidates,
    days: dayTemplates(
      split,
      request.daysPerWeek,
      balanced,
      request.goal === "strength",
      noviceWorkouts,
      request.goal === "strength" &&
        equipment.has("barbell") &&
        !(candidates.get("chest") ?? []).some(isBarbellChestPress),
    ).map((template) => ({
      template,
      slots: [],
      // week-draft.ts's caches, present from the start so every day keeps one shape.
      cachedSeconds: undefined,
      cachedPairs: undefined,
    })),
    weekUse: new Map(),
    mainUse: new Map(),
    weekly: new Map(),
    pushSets: 0,
    pullSets: 0,
    deltIsolationSets: 0,
    rearDeltSets: 0,
    deltIsolationBackSets: 0,
    nextSeq: 0,
  };
  placeMinimums(week);
  fillSpareTime(week);
  finishWeek(week);
  repeatFirstWorkout(week);
  // Last: a novice's squat and presses at 3 x 5, isolation work of the day giving way where it must.
  noviceLiftSets(week);
  return { week, split, missing, excludedBy };
}

/** Defensive: the job validates first, but SQL-side callers and tests may not. */
function checkRequest(request: PlanRequest): void {
  const { daysPerWeek, sessionMinutes, weekStart } = request;
  if (!Number.isInteger(daysPerWeek) || daysPerWeek < 2 || daysPerWeek > 6) {
    throw new PlanGenerationError("daysPerWeek", `must be an integer from 2 to 6, got ${daysPerWeek}`);
  }
  if (!Number.isInteger(sessionMinutes) || sessionMinutes < 20 || sessionMinutes > 180) {
    throw new PlanGenerationError(
      "sessionMinutes",
      `must be an integer from 20 to 180, got ${sessionMinutes}`,
    );
  }
  if (!isMonday(weekStart)) throw new PlanGenerationError("weekStart", `${weekStart} is not a Monday`);
}

const SORTED = new WeakMap<readonly CatalogueEntry[], readonly CatalogueEntry[]>();

/** The catalogue in exerciseId order, sorted once per catalogue array (the job reuses one array). */
function sortedCatalogue(catalogue: readonly CatalogueEntry[]): readonly CatalogueEntry[] {
  let sorted = SORTED.get(catalogue);
  if (sorted === undefined) {
    sorted = [...catalogue].sort((a, b) => compareIds(a.exerciseId, b.exerciseId));
    SORTED.set(catalogue, sorted);
  }
  return sorted;
}

/** Code-unit order, not localeCompare: the same on every machine and locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Eligible {
  candidates: ReadonlyMap<TargetGroup, readonly CatalogueEntry[]>;
  /** Major groups no eligible exercise trains directly: covered as secondary muscles, or noted. */
  missing: readonly MajorGroup[];
  /**
   * Of those, the groups the catalogue does have exercises for, all struck by the exclusion list:
   * the rule that struck the first (its name), so the note tells the lifter why, not "none exists".
   */
  excludedBy: ReadonlyMap<MajorGroup, string>;
}

/**
 * Eligible entries per catalogue array and (goal, experience, equipment), the only parts of a
 * request they depend on: the worker sees one catalogue and a few equipment lists, and filtering
 * the whole catalogue through the eligibility and exclusion rules was a tenth of every plan's time.
 * Shared read-only by the plans (WeekDraft's candidates are read-only). Emptied past
 * ELIGIBLE_CACHE_SIZE keys, so odd equipment lists cannot grow it without bound.
 */
const ELIGIBLE = new WeakMap<readonly CatalogueEntry[], Map<string, Eligible>>();
const ELIGIBLE_CACHE_SIZE = 1_000;

function eligibleFor(
  request: PlanRequest,
  sorted: readonly CatalogueEntry[],
  equipment: ReadonlySet<Equipment>,
): Eligible {
  let byKey = ELIGIBLE.get(sorted);
  if (byKey === undefined) {
    byKey = new Map();
    ELIGIBLE.set(sorted, byKey);
  }
  const key = `${request.goal}|${request.experience}|${[...equipment].sort().join(",")}`;
  let eligible = byKey.get(key);
  if (eligible === undefined) {
    // Throws (nothing to build) before anything is kept: such requests are worked out each time.
    eligible = eligibleByGroup(request, sorted, equipment);
    if (byKey.size >= ELIGIBLE_CACHE_SIZE) byKey.clear();
    byKey.set(key, eligible);
  }
  return eligible;
}

/**
 * Eligible entries per group. A major group without any is not an error: compounds that train it
 * as a secondary muscle still count for it, and the notes say so. Only when no major group has an
 * exercise at all is there nothing sensible to build, and the error names what is missing: the
 * catalogue's working sets, or equipment (never a field the lifter cannot honestly change).
 */
function eligibleByGroup(
  request: PlanRequest,
  sorted: readonly CatalogueEntry[],
  equipment: ReadonlySet<Equipment>,
): Eligible {
  const candidates = new Map<TargetGroup, readonly CatalogueEntry[]>();
  const missing: MajorGroup[] = [];
  const excludedBy = new Map<MajorGroup, string>();
  const byGroup = entriesByGroup(sorted);
  const groups = [...MAJOR_GROUPS, ...ACCESSORY_GROUPS];
  const allowed = groups.map((group) =>
    (byGroup.get(group) ?? []).filter((entry) => isEligible(entry, request.experience, equipment)),
  );
  // The product's exclusion list (excluded-exercises.ts) sees everything the lifter could do instead.
  const context = { goal: request.goal, experience: request.experience, equipment, eligible: allowed.flat() };
  groups.forEach((group, index) => {
    const eligible = withoutFrontRaises(
      (allowed[index] ?? []).filter((entry) => exclusionOf(entry, context) === undefined),
    );
    if (eligible.length === 0 && isMajor(group)) {
      missing.push(group);
      const first = allowed[index]?.[0];
      const exclusion = first === undefined ? undefined : exclusionOf(first, context);
      if (exclusion !== undefined) excludedBy.set(group, exclusion.rule);
    }
    candidates.set(group, eligible);
  });
  if (missing.length === MAJOR_GROUPS.length) throw nothingToBuild(sorted, request.equipment);
  return { candidates, missing, excludedBy };
}

const BY_GROUP = new WeakMap<
  readonly CatalogueEntry[],
  ReadonlyMap<TargetGroup, readonly CatalogueEntry[]>
>();

/** The sorted catalogue split by target group, once per catalogue array. */
function entriesByGroup(
  sorted: readonly CatalogueEntry[],
): ReadonlyMap<TargetGroup, readonly CatalogueEntry[]> {
  let byGroup = BY_GROUP.get(sorted);
  if (byGroup === undefined) {
    const map = new Map<TargetGroup, CatalogueEntry[]>();
    for (const group of [...MAJOR_GROUPS, ...ACCESSORY_GROUPS]) {
      map.set(
        group,
        sorted.filter((entry) => GROUP_MUSCLES[group].includes(entry.primaryMuscle)),
      );
    }
    byGroup = map;
    BY_GROUP.set(sorted, byGroup);
  }
  return byGroup;
}

/**
 * Front raises only where no other shoulder isolation is possible: lateral and rear-delt work is
 * what the shoulders lack, since every press already trains the front delts.
 */
function withoutFrontRaises(entries: CatalogueEntry[]): CatalogueEntry[] {
  const isFront = (entry: CatalogueEntry) => FRONT_RAISE.test(entry.name);
  const others = entries.filter((entry) => !isFront(entry) && patternOf(entry) === "shoulder_isolation");
  return others.length > 0 ? entries.filter((entry) => !isFront(entry)) : entries;
}

function isMajor(group: TargetGroup): group is MajorGroup {
  return (MAJOR_GROUPS as readonly string[]).includes(group);
}

function nothingToBuild(
  sorted: readonly CatalogueEntry[],
  requested: readonly Equipment[],
): PlanGenerationError {
  if (!sorted.some(isWorkingSetExercise)) {
    return new PlanGenerationError("catalogue", "has no working-set exercise for any major muscle group");
  }
  return new PlanGenerationError(
    "equipment",
    `the catalogue has no exercise for any major muscle group with [${requested.join(",")}] plus bodyweight`,
  );
}

/**
 * What a coach would tell the lifter: groups no exercise trains directly with their equipment (and
 * what would open them up), and groups left under their weekly minimum.
 */
function planNotes(
  week: WeekDraft,
  missing: readonly MajorGroup[],
  requested: readonly Equipment[],
  excludedBy: ReadonlyMap<MajorGroup, string> = new Map(),
): string | undefined {
  const lines: string[] = [];
  for (const group of missing) {
    const sets = round(weeklySets(week, group));
    const label = group === "back" ? "back (lats, middle back)" : group;
    const have = requested.length === 0 ? "bodyweight only" : `[${requested.join(",")}] plus bodyweight`;
    const rule = excludedBy.get(group);
    const directly = sets > 0 ? " directly" : "";
    // The catalogue has such exercises, but the exclusion list strikes them (a coach read "no
    // exercise trains glutes" beside a bridge the file holds): the note names the rule.
    const none =
      rule === undefined
        ? `No exercise in the catalogue trains ${label}${directly} with ${have}`
        : `The exercises that train ${label} with ${have} are left out (${rule}), so none trains it${directly}`;
    lines.push(
      sets > 0
        ? `${none}; it gets ${sets} sets a week as a secondary muscle of other lifts.`
        : `${none}; it is left out this week.`,
    );
  }
  const short = MAJOR_GROUPS.flatMap((group) => {
    if (missing.includes(group)) return [];
    const { min } = weeklyTarget(week.goal, week.experience, group);
    const sets = weeklySets(week, group);
    return sets < min - 1e-9 ? [`${group} ${round(sets)} of ${min}`] : [];
  });
  if (short.length > 0) {
    lines.push(
      `Weekly sets below the minimum (session time or exercise choice ran out): ${short.join(", ")}.`,
    );
  }
  return lines.length === 0 ? undefined : lines.join(" ");
}

function round(sets: number): number {
  return Math.round(sets * 10) / 10;
}

/** A strength T2 deadlift from the floor: a conventional, deficit or paused deadlift (lift-reps.ts). */
function isFloorPull(slot: SlotDraft): boolean {
  return slot.tier === "T2" && isPowerLift(slot.entry) && patternOf(slot.entry) === "hinge";
}

/**
 * The slot's rep target. Nothing to load: a wider range the rollover can judge (bodyweightReps),
 * not AMRAP; except a strength plan's pull-ups and chin-ups, which take the strength pulls' 6-10
 * (lift-reps.ts) like the loaded rows and pull-downs: the rollover judges any "a-b" range.
 */
function slotReps(week: WeekDraft, slot: SlotDraft, tierReps: string): string {
  const { goal } = week;
  // A strength deadlift from the floor that is not the day's main lift keeps the main lift's reps
  // (a novice's deadlift after the squat, squatBeforeDeadlift; a deficit deadlift for 6-8 was a
  // coach's safety flag: heavy pulls break down at the lower back as reps climb).
  if (goal === "strength" && isFloorPull(slot)) return prescription(goal, week.experience, "T1").reps;
  // A novice's squat, bench and press take the same 5s on every day, main lift or not: one load to
  // add to each session (Rippetoe 2011, 3 x 5; a coach read a beginner's squat at 3 x 5 on two days
  // and 3 x 6-8 on the third as muddying the linear progression).
  if (goal === "strength" && week.experience === "beginner" && isPowerLift(slot.entry))
    return prescription(goal, week.experience, "T1").reps;
  // Any other beginner's lift that leads one day and comes back as a T2 on another keeps the T2's
  // range on both: one range to progress by (a coach read a beginner's dumbbell bench at 6-8 on one
  // day and 8-12 on the two others).
  if (week.experience === "beginner" && slot.tier === "T1" && repeatedAsT2(week, slot))
    return slotReps(week, { ...slot, tier: "T2" }, prescription(goal, week.experience, "T2").reps);
  if (slot.entry.equipment !== "bodyweight") return liftReps(goal, slot.tier, slot.entry, tierReps);
  if (isStrengthPull(goal, slot.tier, slot.entry)) return STRENGTH_PULL_REPS;
  return bodyweightReps(slot.tier, slot.entry);
}

function repeatedAsT2(week: WeekDraft, slot: SlotDraft): boolean {
  return week.days.some((day) =>
    day.slots.some((other) => other.tier === "T2" && other.entry.exerciseId === slot.entry.exerciseId),
  );
}

function toSession(week: WeekDraft, day: DayDraft, weekStart: string): PlanSessionJson {
  const pairs = sessionPairs(week, day);
  // Both rows of a pair carry "superset A" (B, C... in session order) and sit next to each other.
  const marks = new Map<SlotDraft, string>();
  pairs.forEach(([a, b], index) => {
    const mark = `superset ${String.fromCharCode(65 + index)}`;
    marks.set(a, mark);
    marks.set(b, mark);
  });
  const ordered = listedOrder(week, day);
  const slots = ordered.map((slot, index): PlanSlotJson => {
    const { reps: tierReps } = prescription(week.goal, week.experience, slot.tier);
    // Week 1 opens the mesocycle's effort ramp (src/domain/mesocycle/rir-ramp.ts); the rollover
    // lowers it week by week.
    const rir = firstWeekRir(week.goal, week.experience, { equipment: slot.entry.equipment });
    const reps = slotReps(week, slot, tierReps);
    return {
      exercise_id: slot.entry.exerciseId,
      name: slot.entry.name,
      muscle_group: slot.entry.primaryMuscle,
      secondary_muscles: [...slot.entry.secondaryMuscles],
      equipment: slot.entry.equipment,
      tier: slot.tier,
      sets: slot.sets,
      reps,
      rir,
      weight: null,
      order_in_session: index + 1,
      ...(slot.backOff ? { notes: BACK_OFF_NOTE } : marks.has(slot) ? { notes: marks.get(slot) } : {}),
    };
  });
  const { template } = day;
  return {
    day_name: template.name,
    date: addDays(weekStart, template.dayOfWeek - 1),
    day_of_week: template.dayOfWeek,
    focus_area: [...new Set(slots.map((slot) => slot.muscle_group))].join(","),
    duration_minutes: durationMinutes(daySeconds(week, day)),
    slots,
  };
}
