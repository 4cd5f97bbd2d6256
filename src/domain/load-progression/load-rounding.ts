// Loads a lifter can really set up: a barbell moves in 2.5 kg (two 1.25 kg plates), a machine or
// cable stack in 2.5 kg, kettlebells in 4 kg, and fixed dumbbells in the steps of a usual rack:
// 1 kg up to 10 kg, 2 kg up to 30 kg, 2.5 kg above (docs/progression.md, "Steps that fit the lift").
// Reference model: the rollover's SQL rounds with the same arithmetic, the rack bound as
// parameters (src/db/queries/rollover.ts).
import { loadStepKg } from "./load-increment.ts";

/** [small step, first break, middle step, second break, large step] of a fixed-dumbbell rack. */
export const DUMBBELL_RACK: readonly number[] = [1, 10, 2, 30, 2.5];

const rack = DUMBBELL_RACK as [number, number, number, number, number];

/** The heaviest real load at or below `kg` (0 when none is). */
export function floorLoadKg(kg: number, equipment: string): number {
  if (equipment === "dumbbell") {
    const [s1, b1, s2, b2, s3] = rack;
    if (kg < b1) return Math.floor(kg / s1) * s1;
    if (kg < b2) return b1 + Math.floor((kg - b1) / s2) * s2;
    return b2 + Math.floor((kg - b2) / s3) * s3;
  }
  const step = loadStepKg(equipment);
  return Math.floor(kg / step) * step;
}

/** The lightest real load at or above `kg`. */
export function ceilLoadKg(kg: number, equipment: string): number {
  if (equipment === "dumbbell") {
    const [s1, b1, s2, b2, s3] = rack;
    if (kg <= b1) return Math.ceil(kg / s1) * s1;
    if (kg <= b2) return b1 + Math.ceil((kg - b1) / s2) * s2;
    return b2 + Math.ceil((kg - b2) / s3) * s3;
  }
  const step = loadStepKg(equipment);
  return Math.ceil(kg / step) * step;
}

/** The lightest load the implement has (one dumbbell of the rack's first size, one plate step). */
export function smallestLoadKg(equipment: string): number {
  return equipment === "dumbbell" ? rack[0] : loadStepKg(equipment);
}
