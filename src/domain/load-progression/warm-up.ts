// The warm-up ramp a loaded main lift carries in its notes (issue 20, item 7): the empty bar for
// 10 on a barbell, then about 50% x 5, 70% x 3 and 85% x 1 of the working load, each rounded down
// to a load the implement has, leaving out a step no heavier than the one before it or not lighter
// than the working load. RTS-style work-up sets climb toward the top set in shrinking sets so the
// lifter arrives practised but not tired (/work/shared/spec/COACHING.md section 4).
// Reference model: the rollover's SQL writes the same text (src/db/queries/rollover.ts).
import { floorLoadKg } from "./load-rounding.ts";

/** An Olympic barbell; the ramp's first step on a barbell. */
export const EMPTY_BAR_KG = 20;

/** [percent of the working load, reps] after the empty bar. */
export const WARM_UP_STEPS: readonly (readonly [number, number])[] = [
  [50, 5],
  [70, 3],
  [85, 1],
];

const PREFIX = "warm-up: ";

/** Rows that warm up: a loaded T1, and a loaded barbell T2. */
export function takesWarmUp(tier: string | null, equipment: string | null): boolean {
  return tier === "T1" || (tier === "T2" && equipment === "barbell");
}

export function warmUpRamp(weight: number | null, equipment: string, tier: string | null): string | null {
  if (weight === null || !(weight > 0) || !takesWarmUp(tier, equipment)) return null;
  const steps: string[] = [];
  let prev = 0;
  if (equipment === "barbell" && weight > EMPTY_BAR_KG) {
    steps.push(`${EMPTY_BAR_KG} kg x 10`);
    prev = EMPTY_BAR_KG;
  }
  for (const [percent, reps] of WARM_UP_STEPS) {
    const load = floorLoadKg((weight * percent) / 100, equipment);
    if (load > prev && load < weight) steps.push(`${String(load)} kg x ${reps}`);
    prev = Math.max(prev, load);
  }
  return steps.length === 0 ? null : PREFIX + steps.join(", ");
}

/**
 * The row's notes with its warm-up segment replaced by `ramp` (segments are joined by "; "). Notes
 * without a warm-up stay exactly as they are when there is no ramp to add.
 */
export function withWarmUp(notes: string | null, ramp: string | null): string | null {
  const segments = notes === null ? [] : notes.split("; ");
  if (ramp === null && !segments.some((s) => s.startsWith(PREFIX))) return notes;
  const kept = segments.filter((s) => s !== "" && !s.startsWith(PREFIX));
  if (ramp !== null) kept.push(ramp);
  return kept.length === 0 ? null : kept.join("; ");
}
