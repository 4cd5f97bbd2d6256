// A novice's linear progression: a beginner's fixed-rep barbell lift (3 x 5) adds load every
// session it is done, not once a week. StrongLifts 5x5 adds 2.5 kg a session, GZCLP's T1 a step
// a session while every set is made, Starting Strength 5 lb a session; docs/progression.md,
// "A novice's linear progression". The rollover writes a whole week ahead, so the week is judged
// on the lift's latest session that was logged: when that session earned a step, next week's
// sessions of the lift take its load and one step more each; otherwise they all repeat the load
// that session's judgement gives (a held load, or a cut after two misses).
// Reference model: the rollover's SQL (linear_base and linear_slot in src/db/queries/rollover.ts)
// does the same; tests/rollover/linear-progression.test.ts compares them.
import type { ProgressionResult, ProgressionRule } from "./progress-row.ts";
import { parseRepTarget } from "./rep-target.ts";

/** The judgements of a lift's latest session that earn next week's sessions a step each. */
export const EARNS_A_STEP: readonly ProgressionRule[] = ["increase", "increase_top"];

/** A beginner's loaded barbell row with a fixed rep count ("5", not "6-10"). */
export function isLinearLift(
  level: string | null,
  row: { equipment: string | null; reps: string; weight: number | null },
): boolean {
  if (level !== "beginner" || row.equipment !== "barbell") return false;
  if (row.weight === null || row.weight <= 0) return false;
  const target = parseRepTarget(row.reps);
  return target !== null && target.min === target.max;
}

export interface LinearBase {
  /** Next week's first session's load: the latest logged session's judged load. */
  weightKg: number;
  missStreak: number;
  /** How the latest logged session was judged. */
  rule: ProgressionRule;
  /** Whether each later session of the week adds a step. */
  steps: boolean;
  /** The latest logged session's progress line. */
  reason: string;
}

/**
 * The base of next week's sessions of one lift, from its rows of the week just ended in session
 * order, each judged on its own logs (progressRow); null when no row's logs were judged: each
 * row then keeps its own outcome.
 */
export function linearBase(
  judged: readonly { result: ProgressionResult; reason: string }[],
): LinearBase | null {
  const latest = [...judged].reverse().find((j) => j.result.rule !== "no_log");
  if (latest === undefined || latest.result.weight === null) return null;
  return {
    weightKg: latest.result.weight,
    missStreak: latest.result.missStreak,
    rule: latest.result.rule,
    steps: EARNS_A_STEP.includes(latest.result.rule),
    reason: latest.reason,
  };
}

/** The load of the lift's `k`-th session of next week (0 is the first). */
export function linearLoadKg(base: LinearBase, k: number, stepKg: number): number {
  return base.steps ? base.weightKg + k * stepKg : base.weightKg;
}

/** The progress line of the lift's `k`-th session of next week. */
export function linearReason(base: LinearBase, k: number, stepKg: number): string {
  if (!base.steps || k === 0) return base.reason;
  return `${base.reason}; +${String(k * stepKg)} kg for the lift's session ${k + 1} this week: a novice adds load every session`;
}

/**
 * A recovery session for the lift's muscle group (sets halved) never raises a load: each session
 * takes the lower of its own load and the base, with no steps; a cut on evidence still comes.
 */
export function linearRecoveryLoadKg(base: LinearBase, ownKg: number): number {
  return Math.min(ownKg, base.weightKg);
}
