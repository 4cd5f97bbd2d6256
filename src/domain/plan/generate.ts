// generatePlan: a request and a catalogue in, the first week of a plan out (PlanJson, ready for
// insert_full_plan). Pure and deterministic: no clock, no randomness, and the catalogue is sorted
// by exerciseId first, so its order never matters. The rules are in docs/programming-rules.md.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { PlanJson, PlanSessionJson, PlanSlotJson } from "../plan-json.ts";
import type { Equipment, ExperienceLevel } from "../vocabulary.ts";
import { addDays, isMonday } from "./dates.ts";
import { allowedEquipment, isEligible, isWorkingSetExercise } from "./eligibility.ts";
import { PlanGenerationError } from "./errors.ts";
import { fillSpareTime } from "./fill-spare-time.ts";
import { placeMinimums } from "./place-minimums.ts";
import { prescription } from "./prescription.ts";
import type { PlanRequest } from "./request.ts";
import { resolveSplit } from "./split.ts";
import { ACCESSORY_GROUPS, GROUP_MUSCLES, MAJOR_GROUPS, type TargetGroup, weeklyTarget } from "./targets.ts";
import { dayTemplates } from "./templates.ts";
import { durationMinutes } from "./time-model.ts";
import { type DayDraft, daySeconds, type WeekDraft, weeklySets } from "./week-draft.ts";

const TIER_RANK = { T1: 0, T2: 1, T3: 2 } as const;

export function generatePlan(request: PlanRequest, catalogue: readonly CatalogueEntry[]): PlanJson {
  checkRequest(request);
  const split = resolveSplit(request.split, request.daysPerWeek);
  const sorted = [...catalogue].sort((a, b) => compareIds(a.exerciseId, b.exerciseId));
  const candidates = eligibleByGroup(request, sorted);
  const week: WeekDraft = {
    goal: request.goal,
    experience: request.experience,
    budgetSeconds: request.sessionMinutes * 60,
    candidates,
    days: dayTemplates(split, request.daysPerWeek).map((template) => ({ template, slots: [] })),
    weekUse: new Map(),
    weekly: new Map(),
    nextSeq: 0,
  };
  placeMinimums(week);
  fillSpareTime(week);
  const notes = shortfallNote(week);
  return {
    split_type: split,
    week_start: request.weekStart,
    goal_type: request.goal,
    experience_level: request.experience,
    ...(notes === undefined ? {} : { notes }),
    sessions: week.days.map((day) => toSession(week, day, request.weekStart)),
  };
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

/** Code-unit order, not localeCompare: the same on every machine and locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function eligibleByGroup(
  request: PlanRequest,
  sorted: readonly CatalogueEntry[],
): Map<TargetGroup, readonly CatalogueEntry[]> {
  const equipment = allowedEquipment(request.equipment);
  const result = new Map<TargetGroup, readonly CatalogueEntry[]>();
  for (const group of [...MAJOR_GROUPS, ...ACCESSORY_GROUPS]) {
    const muscles = GROUP_MUSCLES[group];
    const ofGroup = sorted.filter((entry) => muscles.includes(entry.primaryMuscle));
    const eligible = ofGroup.filter((entry) => isEligible(entry, request.experience, equipment));
    // Every split trains every major group: without one, no plan can meet its rules.
    if (eligible.length === 0 && (MAJOR_GROUPS as readonly string[]).includes(group)) {
      throw missingGroupError(group, ofGroup, request.experience, request.equipment, equipment);
    }
    result.set(group, eligible);
  }
  return result;
}

function missingGroupError(
  group: TargetGroup,
  ofGroup: readonly CatalogueEntry[],
  experience: ExperienceLevel,
  requested: readonly Equipment[],
  equipment: ReadonlySet<Equipment>,
): PlanGenerationError {
  const label = group === "back" ? "back (lats or middle_back)" : group;
  const list = `[${requested.join(",")}] (bodyweight is always allowed)`;
  const working = ofGroup.filter(isWorkingSetExercise);
  if (working.length === 0) {
    return new PlanGenerationError("catalogue", `has no working-set exercise for ${label}`);
  }
  if (working.some((entry) => equipment.has(entry.equipment))) {
    return new PlanGenerationError(
      "experience",
      `no exercise for ${label} is possible for ${experience === "intermediate" ? "an" : "a"} ${experience} lifter with ${list}`,
    );
  }
  return new PlanGenerationError("equipment", `no exercise for ${label} is possible with ${list}`);
}

/** Says which majors stayed under their minimum, so the shortfall is visible, not silent. */
function shortfallNote(week: WeekDraft): string | undefined {
  const short = MAJOR_GROUPS.flatMap((group) => {
    const { min } = weeklyTarget(week.goal, week.experience, group);
    const sets = weeklySets(week, group);
    return sets < min ? [`${group} ${sets} of ${min}`] : [];
  });
  if (short.length === 0) return undefined;
  return `Weekly sets below the minimum (session time or exercise choice ran out): ${short.join(", ")}.`;
}

function toSession(week: WeekDraft, day: DayDraft, weekStart: string): PlanSessionJson {
  const ordered = [...day.slots].sort(
    (a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.position - b.position || a.seq - b.seq,
  );
  const slots = ordered.map((slot, index): PlanSlotJson => {
    const { reps, rir } = prescription(week.goal, week.experience, slot.tier);
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
