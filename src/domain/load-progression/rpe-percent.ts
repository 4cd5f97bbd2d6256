// The share of a one-rep max a set of `reps` at `rpe` takes: the RTS chart where it has a cell
// (1-10 reps, RPE 6-10), and off it (more than 10 reps) the closed form that stays within 0.6
// points of the chart (Liftosaur's Weight_rpeMultiplier, from OpenPowerlifting's RPE calculator;
// /work/shared/spec/COACHING.md section 1). Reference model: the rollover's SQL computes the same
// with public.rts_percent and RPE_CLOSED_FORM bound as a parameter (src/db/queries/rollover.ts).
import { rtsPercent } from "../progress-aggregates/e1rm.ts";

/** [a, b, c, knee, d, e, floor]: x <= knee: (a x^2 + b x + c) / 100, else max(floor, (d x + e) / 100). */
export const RPE_CLOSED_FORM: readonly number[] = [0.347619, -4.60714, 99.9667, 2.92, -2.64249, 97.0955, 0.5];

/** Share of 1RM (0..1) for `reps` (>= 1) done at `rpe` (6..10). */
export function rpePercent(reps: number, rpe: number): number {
  const chart = rtsPercent(reps, rpe);
  if (chart !== null) return chart / 100;
  const [a, b, c, knee, d, e, floor] = RPE_CLOSED_FORM as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const x = 10 - rpe + (reps - 1);
  if (x <= knee) return (a * x * x + b * x + c) / 100;
  return Math.max(floor, (d * x + e) / 100);
}
