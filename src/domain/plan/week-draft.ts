// The mutable week the generator builds before it is frozen into PlanJson: per day its slots,
// plus weekly counters. Every change goes through these functions so the counters and the T1 flag
// stay in step with the slots.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { ExperienceLevel, Goal, Tier } from "../vocabulary.ts";
import { chooseExercise } from "./choose-exercise.ts";
import { isCompound } from "./movement.ts";
import { prescription } from "./prescription.ts";
import type { TargetGroup } from "./targets.ts";
import type { Block, DayTemplate } from "./templates.ts";
import { setSeconds, warmUpSeconds } from "./time-model.ts";

export interface SlotDraft {
  entry: CatalogueEntry;
  group: TargetGroup;
  tier: Tier;
  sets: number;
  /** The block's position in the day (majors, then accessories): session order within a tier. */
  position: number;
  /** Creation order in the week: the last tie-breaker. */
  seq: number;
}

export interface DayDraft {
  template: DayTemplate;
  slots: SlotDraft[];
}

export interface WeekDraft {
  goal: Goal;
  experience: ExperienceLevel;
  budgetSeconds: number;
  /** Eligible entries per group, sorted by exerciseId. */
  candidates: ReadonlyMap<TargetGroup, readonly CatalogueEntry[]>;
  days: DayDraft[];
  weekUse: Map<string, number>;
  weekly: Map<TargetGroup, number>;
  nextSeq: number;
}

export function hasT1(day: DayDraft): boolean {
  return day.slots.some((slot) => slot.tier === "T1");
}

export function daySeconds(week: WeekDraft, day: DayDraft): number {
  let seconds = warmUpSeconds(week.goal, hasT1(day));
  for (const slot of day.slots) seconds += slot.sets * setSeconds(week.goal, week.experience, slot.tier);
  return seconds;
}

export function maxSets(week: WeekDraft, tier: Tier): number {
  return prescription(week.goal, week.experience, tier).maxSets;
}

export function weeklySets(week: WeekDraft, group: TargetGroup): number {
  return week.weekly.get(group) ?? 0;
}

export function slotsOf(day: DayDraft, group: TargetGroup): SlotDraft[] {
  return day.slots.filter((slot) => slot.group === group);
}

/** The day's block for a group and its position, or undefined when the day does not train it. */
export function blockOf(day: DayDraft, group: TargetGroup): { block: Block; position: number } | undefined {
  const blocks = [...day.template.majors, ...day.template.accessories];
  const position = blocks.findIndex((block) => block.group === group);
  const block = blocks[position];
  return block === undefined ? undefined : { block, position };
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
): SlotDraft | undefined {
  const found = blockOf(day, group);
  if (found === undefined) return undefined;
  const entry = chooseExercise(week.candidates.get(group) ?? [], found.block, slotsOf(day, group).length, {
    experience: week.experience,
    session: day.slots.map((slot) => slot.entry),
    weekUse: week.weekUse,
  });
  if (entry === undefined) return undefined;
  const tier: Tier = isCompound(entry) ? (mayLead && !hasT1(day) ? "T1" : "T2") : "T3";
  return { entry, group, tier, sets: 0, position: found.position, seq: week.nextSeq };
}

export function addSlot(week: WeekDraft, day: DayDraft, slot: SlotDraft): void {
  day.slots.push(slot);
  week.nextSeq += 1;
  week.weekUse.set(slot.entry.exerciseId, (week.weekUse.get(slot.entry.exerciseId) ?? 0) + 1);
  week.weekly.set(slot.group, weeklySets(week, slot.group) + slot.sets);
}

/** Adds (or, negative, removes) sets; a slot left with none is dropped. */
export function changeSets(week: WeekDraft, day: DayDraft, slot: SlotDraft, delta: number): void {
  slot.sets += delta;
  week.weekly.set(slot.group, weeklySets(week, slot.group) + delta);
  if (slot.sets <= 0) {
    day.slots.splice(day.slots.indexOf(slot), 1);
    week.weekUse.set(slot.entry.exerciseId, (week.weekUse.get(slot.entry.exerciseId) ?? 1) - 1);
  }
}

export function setsOnDay(day: DayDraft, group: TargetGroup): number {
  return slotsOf(day, group).reduce((sum, slot) => sum + slot.sets, 0);
}
