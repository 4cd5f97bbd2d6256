// Estimated one-rep max of a performed set, exactly as docs/contract.md section 3 defines it, with the
// RTS chart of section 5. progress_exercise_weekly.e1rm_kg is the best of a week's sets.
// Reference model: production computes e1RM in SQL (src/db/sql/e1rm_kg.sql, rts_percent.sql);
// this module is what tests/progress/progress-sql.test.ts holds that SQL against.

export interface RtsChartRow {
  rpe: number;
  /** Percent of 1RM for 1..10 reps: percentByReps[reps - 1]. */
  percentByReps: readonly number[];
}

/** docs/contract.md section 5 (Tuchscherer, The Reactive Training Manual, 2008), RPE 10 down to 6. */
export const RTS_CHART: readonly RtsChartRow[] = [
  { rpe: 10, percentByReps: [100, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9] },
  { rpe: 9.5, percentByReps: [97.8, 93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3] },
  { rpe: 9, percentByReps: [95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7] },
  { rpe: 8.5, percentByReps: [93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4] },
  { rpe: 8, percentByReps: [92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0] },
  { rpe: 7.5, percentByReps: [90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7] },
  { rpe: 7, percentByReps: [89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3] },
  { rpe: 6.5, percentByReps: [87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0] },
  { rpe: 6, percentByReps: [86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6] },
];

/**
 * The chart's percentage for `reps` (a whole number 1..10) at `rpe` (exactly one of the chart's
 * rows: 6, 6.5, ... 10), or null when either is off the chart.
 */
export function rtsPercent(reps: number, rpe: number): number | null {
  if (!Number.isInteger(reps) || reps < 1 || reps > 10) return null;
  const row = RTS_CHART.find((r) => r.rpe === rpe);
  return row?.percentByReps[reps - 1] ?? null;
}

/**
 * e1RM in kg. 0 when reps <= 0 or weight <= 0 (nothing was lifted, so nothing is estimated, and
 * a 0 never wins "best of the week"). 1 rep: the weight. An RPE on the chart and 2..10 reps:
 * weight / (percent / 100). Otherwise (no RPE, an RPE off the chart, more than 10 reps): Epley,
 * weight * (1 + reps / 30). Not rounded; the SQL computes the same in numeric.
 */
export function estimateOneRepMax(weightKg: number, reps: number, rpe: number | null): number {
  if (reps <= 0 || weightKg <= 0) return 0;
  if (reps === 1) return weightKg;
  const percent = rpe === null ? null : rtsPercent(reps, rpe);
  if (percent !== null) return weightKg / (percent / 100);
  return weightKg * (1 + reps / 30);
}
