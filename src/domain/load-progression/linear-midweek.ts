// A novice's week, session by session (docs/progression.md, "Within the week"): the weekly rollover
// writes a linear lift's sessions a step apart (80, 82.5, 85 kg), from the week before. A set
// missed on Monday is known on Monday: the lift's later sessions of the week then repeat Monday's
// load instead of stepping past it (80, 80, 82.5), as Starting Strength and StrongLifts repeat a
// missed load at the next session; a load missed three sessions running is reset (STALL_MISSES);
// a made session keeps the steps from its own load. Before this the later sessions kept their steps
// until the week ended. Reference model: production runs it as SQL after a user's sets are
// refreshed (src/db/queries/linear-midweek.ts, the progress.refresh job).
import { madeRpeLimit, STALL_MISSES } from "./linear-progression.ts";
import { reducedLoadKg } from "./load-reduction.ts";
import { parseRepTarget } from "./rep-target.ts";

export { STALL_MISSES };

export interface MidweekRow {
  weightKg: number;
  sets: number;
  /** A fixed target ("5"). */
  reps: string;
  rir: number | null;
}

export interface MidweekSet {
  repsDone: number;
  weightKg: number;
  rpe: number | null;
}

/**
 * A logged session of the lift: "missed" once a set falls short (reps under the target, lighter
 * than the row's load, or harder than madeRpeLimit), whatever sets follow; "made" once every
 * prescribed set is logged and made; "open" while sets are still to come.
 */
export function sessionVerdict(row: MidweekRow, logged: readonly MidweekSet[]): "made" | "missed" | "open" {
  const target = parseRepTarget(row.reps);
  if (target === null || logged.length === 0) return "open";
  const limit = madeRpeLimit(row.rir);
  const missed = logged.some(
    (s) => s.repsDone < target.max || s.weightKg < row.weightKg || (s.rpe !== null && s.rpe > limit),
  );
  if (missed) return "missed";
  return logged.length >= Math.max(1, row.sets) ? "made" : "open";
}

/**
 * The load of the lift's `index`-th later session of the week (1 the next), from the judged
 * session's load: a step a session after a made one; after a missed one the next repeats it, or,
 * the load missed STALL_MISSES sessions running, takes the reset (reducedLoadKg: 10% off, to the
 * plates), and the ones after step from there.
 */
export function laterSessionKg(
  fromKg: number,
  verdict: "made" | "missed",
  index: number,
  stepKg: number,
  missesInARow = 1,
): number {
  if (verdict === "made") return fromKg + index * stepKg;
  const base = missesInARow >= STALL_MISSES ? (reducedLoadKg(fromKg, "barbell") ?? fromKg) : fromKg;
  return base + (index - 1) * stepKg;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The weekday of a YYYY-MM-DD date: what the lifter knows a session by. */
function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as string;
}

/** The reason a later session's load changed, naming the judged session by its weekday. */
export function midweekReason(
  verdict: "made" | "missed",
  fromKg: number,
  fromDate: string,
  missesInARow = 1,
): string {
  const day = weekdayOf(fromDate);
  if (verdict === "made") return `+step: every set made on ${day} at ${fromKg} kg`;
  if (missesInARow >= STALL_MISSES)
    return `reset: ${fromKg} kg missed ${missesInARow} sessions running (the last on ${day}); 10% off`;
  return `held: a set missed on ${day} at ${fromKg} kg; the next session repeats it`;
}
