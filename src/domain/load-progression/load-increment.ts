// How much load one progression step adds, and the smallest practical change of load, per
// equipment. Both are tables so the SQL rollover can carry them as VALUES lists; the reasons and
// sources are in docs/progression.md ("Load increments").
// Production reads these tables as bound VALUES lists in the rollover's SQL
// (src/db/queries/rollover.ts); loadIncrementKg and loadStepKg are the reference model of that SQL.

import type { Equipment, MuscleGroup } from "../vocabulary.ts";

/**
 * Muscle groups that take the lower-body increment on barbell and EZ-bar lifts. NSCA's guidance
 * gives lower-body exercises roughly twice the upper-body increment, because the muscles moving
 * the load are larger and the loads heavier. Every other group (and any unknown text) is upper.
 */
export const LOWER_BODY_MUSCLES: readonly MuscleGroup[] = [
  "quadriceps",
  "hamstrings",
  "glutes",
  "adductors",
  "abductors",
  "calves",
  "lower_back",
];

/**
 * Load added by one increase, in kg, by equipment and body half. 0 means the load is not
 * progressed (reps progress instead, within the row's range). Equipment missing here
 * (medicine_ball, exercise_ball, foam_roll, other, unknown text) also gets 0.
 */
export const LOAD_INCREMENT_KG: Readonly<Partial<Record<Equipment, { upper: number; lower: number }>>> = {
  // Smallest common plate pair is 2 x 1.25 kg; lower-body lifts take two pairs.
  barbell: { upper: 2.5, lower: 5 },
  ez_bar: { upper: 2.5, lower: 5 },
  // One step of the usual fixed-dumbbell rack (2 kg steps); 1 kg per hand if the row records a pair.
  dumbbell: { upper: 2, lower: 2 },
  // Kettlebells come in 4 kg steps (8, 12, 16, 20, 24 ...).
  kettlebell: { upper: 4, lower: 4 },
  // Stack plates are usually 5 kg with a 2.5 kg add-on weight.
  machine: { upper: 2.5, lower: 2.5 },
  cable: { upper: 2.5, lower: 2.5 },
  bodyweight: { upper: 0, lower: 0 },
  bands: { upper: 0, lower: 0 },
};

/**
 * The smallest change of load the equipment allows, in kg: reductions (decrease, deload) round
 * down to a multiple of it. Equipment missing here gets DEFAULT_LOAD_STEP_KG.
 */
export const LOAD_STEP_KG: Readonly<Partial<Record<Equipment, number>>> = {
  barbell: 2.5,
  ez_bar: 2.5,
  dumbbell: 2,
  kettlebell: 4,
  machine: 2.5,
  cable: 2.5,
};

/** Rounding step for loads on equipment without a step of its own (bodyweight with a vest, other). */
export const DEFAULT_LOAD_STEP_KG = 0.5;

export function isLowerBody(muscleGroup: string): boolean {
  return (LOWER_BODY_MUSCLES as readonly string[]).includes(muscleGroup);
}

export function loadIncrementKg(equipment: string, muscleGroup: string): number {
  const row = LOAD_INCREMENT_KG[equipment as Equipment];
  if (row === undefined) return 0;
  return isLowerBody(muscleGroup) ? row.lower : row.upper;
}

export function loadStepKg(equipment: string): number {
  return LOAD_STEP_KG[equipment as Equipment] ?? DEFAULT_LOAD_STEP_KG;
}
