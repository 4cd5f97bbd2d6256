// Week-1 loads of a new plan for a lifter with history: the load at which they should reach the
// row's target reps (the bottom of its range) at one RIR more than the row asks for, from their
// latest e1RM for the exercise (progress_exercise_weekly, docs/progress.md), or else for the same
// movement on another implement, converted by the factors a swap uses (implement_load_factor,
// docs/swap.md): a lifter who logged the dumbbell bench gets a first barbell bench load. JuggernautAI and RTS
// start conservative; RP starts week 1 at RIR 4 (/work/shared/spec/COACHING.md section 4).
// Without history, or for work without a load to set, the load stays null.
// Reference model: production runs this as SQL after the plan is written
// (src/db/queries/first-loads.ts); tests/jobs/first-loads.test.ts holds the two together.
import { floorLoadKg, smallestLoadKg } from "./load-rounding.ts";
import { DEFAULT_TARGET_RIR, targetRpe } from "./progress-row.ts";
import { parseRepTarget } from "./rep-target.ts";
import { rpePercent } from "./rpe-percent.ts";

/** Implements with a load to set: bodyweight, bands and the rest get no first load. */
export const LOADABLE_EQUIPMENT: readonly string[] = [
  "barbell",
  "ez_bar",
  "dumbbell",
  "kettlebell",
  "machine",
  "cable",
];

/** Reps in reserve added to the row's own for a first load. */
export const FIRST_LOAD_EXTRA_RIR = 1;

export function firstLoadKg(
  e1rmKg: number,
  reps: string,
  rir: number | null,
  equipment: string,
): number | null {
  const target = parseRepTarget(reps);
  if (target === null || !LOADABLE_EQUIPMENT.includes(equipment) || !(e1rmKg > 0)) return null;
  const rpe = targetRpe((rir ?? DEFAULT_TARGET_RIR) + FIRST_LOAD_EXTRA_RIR);
  return Math.max(smallestLoadKg(equipment), floorLoadKg(e1rmKg * rpePercent(target.min, rpe), equipment));
}

/**
 * A novice's linear lift (isLinearLift: a beginner's barbell lift for a fixed rep count) steps
 * within week 1 as in every week after it: the lift's n-th session of the week (0 first; two rows of
 * one session alike) takes n steps more than its first load, from a start one RIR more
 * conservative (Starting Strength and StrongLifts add load every session from the first week; a
 * coach read a novice's squat at one load on all three days of week 1).
 */
export function firstWeekLoadKg(firstKg: number, sessionIndex: number, stepKg: number): number {
  return firstKg + sessionIndex * stepKg;
}

/** The note's tail for a stepped week-1 session (empty for the first). */
export function firstWeekStepNote(sessionIndex: number, stepKg: number): string {
  if (sessionIndex <= 0) return "";
  return `, +${sessionIndex * stepKg} kg: the lift's session ${sessionIndex + 1} this week, ${stepKg} kg a session`;
}

/** The row's note, so the lifter knows where the number came from. */
export function firstLoadNote(e1rmKg: number): string {
  return `first load from your e1RM ${Math.round(e1rmKg)} kg, one RIR more conservative`;
}

/**
 * The note of a first load converted from the same movement on another exercise: where the number
 * came from, so the lifter can judge it (`first load from your e1RM 30 kg on Dumbbell Bench Press
 * (dumbbell), converted to 75 kg for the barbell, one RIR more conservative`).
 */
export function firstLoadNoteFrom(
  fromE1rmKg: number,
  fromName: string,
  fromEquipment: string,
  convertedKg: number,
  equipment: string,
): string {
  const words = (value: string) => value.replaceAll("_", " ");
  return (
    `first load from your e1RM ${Math.round(fromE1rmKg)} kg on ${fromName} (${words(fromEquipment)}), ` +
    `converted to ${Math.round(convertedKg)} kg for the ${words(equipment)}, one RIR more conservative`
  );
}
