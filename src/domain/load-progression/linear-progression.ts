// A novice's linear progression: a beginner's fixed-rep barbell lift (3 x 5) adds load every
// session it is done, not once a week. StrongLifts 5x5 adds 2.5 kg a session, GZCLP's T1 a step
// a session while every set is made, Starting Strength 5 lb a session; docs/progression.md,
// "A novice's linear progression". The rollover writes a whole week ahead, so the week is judged
// on the lift's latest session that was logged: when that session earned a step (its load went up,
// or every set was made: madeEverySet), next week's sessions of the lift take its load and one
// step more each; otherwise they all repeat the load that session's judgement gives (a held load,
// or a cut after two misses). The lift keeps its sets: the load carries the progress.
// Reference model: the rollover's SQL (linear_base and linear_slot in src/db/queries/rollover.ts)
// does the same; tests/rollover/linear-progression.test.ts compares them.
import { loadStepKg } from "./load-increment.ts";
import {
  type ProgressionInput,
  type ProgressionResult,
  type ProgressionRule,
  targetRpe,
} from "./progress-row.ts";
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
  /** Next week's first session's load: the latest logged session's judged load (plus a step). */
  weightKg: number;
  missStreak: number;
  /** Whether each later session of the week adds a step. */
  steps: boolean;
  /** Whether the judgement raised anything (a recovery session's line then says "load held"). */
  raised: boolean;
  /** The latest logged session's progress line. */
  reason: string;
}

/**
 * Every prescribed set made at the row's load, its reps at the top, at most one RPE past the
 * target (the drift of a last set; a coach adds load when all 15 reps of a 3 x 5 are made): a
 * novice's step, where the estimate alone would hold the load.
 */
export function madeEverySet(input: ProgressionInput): boolean {
  const target = parseRepTarget(input.reps);
  if (target === null || input.weight === null || input.weight <= 0) return false;
  const limit = targetRpe(input.rir) + 1;
  const made = input.logged.filter(
    (s) =>
      s.weightKg >= (input.weight as number) &&
      s.repsDone >= target.max &&
      (s.rpe === null || s.rpe <= limit),
  );
  return made.length >= Math.max(1, input.sets);
}

/** The line of a step earned by madeEverySet. */
export function madeLine(input: ProgressionInput): string {
  const target = parseRepTarget(input.reps);
  return `+${String(loadStepKg(input.equipment))} kg: every set made (${target?.max ?? 0} reps) at RPE ${Math.min(10, targetRpe(input.rir) + 1)} or easier`;
}

/**
 * The base of next week's sessions of one lift, from its rows of the week just ended in session
 * order (after a deload, of the week before it: `restore`), each judged on its own logs
 * (progressRow); null when no row's logs were judged: each row then keeps its own outcome.
 */
export function linearBase(
  judged: readonly { input: ProgressionInput; result: ProgressionResult; reason: string }[],
  restore = false,
): LinearBase | null {
  const latest = [...judged].reverse().find((j) => j.result.rule !== "no_log");
  if (latest === undefined || latest.result.weight === null) return null;
  const { input, result } = latest;
  const weightKg = latest.result.weight;
  const heldMade = !restore && (result.rule === "hold" || result.rule === "hold_fell") && madeEverySet(input);
  const steps = EARNS_A_STEP.includes(result.rule) || heldMade;
  return {
    weightKg: heldMade ? weightKg + loadStepKg(input.equipment) : weightKg,
    missStreak: heldMade ? 0 : result.missStreak,
    steps,
    raised: steps || result.rule === "reps_up",
    reason: heldMade ? madeLine(input) : latest.reason,
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
