// Requests of the request matrix and the lifters' exclusions for the swap tests (matrix-check.ts
// writes their plans).
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import type { PlanRequest } from "../../src/domain/plan/index.ts";
import { EXPERIENCE_LEVELS, GOALS, SPLITS } from "../../src/domain/vocabulary.ts";
import { EQUIPMENT_PROFILES } from "../domain/plan-matrix.ts";

/**
 * A stratified sample of the request matrix (tests/domain/plan-matrix.ts): every equipment profile
 * with every experience level, goal, split, days and minutes rotating through their values, so
 * each value appears; `variants` samples per profile and level.
 */
export function sampleRequests(weekStart: string, variants = 2): [string, PlanRequest][] {
  const out: [string, PlanRequest][] = [];
  let i = 0;
  for (const [profile, equipment] of Object.entries(EQUIPMENT_PROFILES))
    for (const experience of EXPERIENCE_LEVELS)
      for (let v = 0; v < variants; v += 1, i += 1)
        out.push([
          profile,
          {
            goal: GOALS[i % GOALS.length] as PlanRequest["goal"],
            experience,
            split: SPLITS[(i * 3 + v) % SPLITS.length] as PlanRequest["split"],
            daysPerWeek: 2 + ((i * 7 + v) % 5),
            equipment,
            weekStart,
            sessionMinutes: [30, 45, 60, 90][(i + v) % 4] as number,
          },
        ]);
  return out;
}

/**
 * About one catalogue entry in 13, chosen by a hash of its id: the lifters' exclusions in these
 * tests. By hash rather than by position, so adding an entry to a catalogue does not change which
 * of the others are excluded.
 */
export function someExclusions(catalogue: readonly CatalogueEntry[]): string[] {
  return catalogue
    .map((e) => e.exerciseId)
    .filter((id) => fnv1a(id) % 13 === 5)
    .sort();
}

/** 32-bit FNV-1a of a string: a stable, well-spread hash for picking test data. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
