// A novice's linear progression: a beginner's fixed-rep barbell lift (3 x 5) adds load every
// session it is done, not once a week. StrongLifts 5x5 adds 2.5 kg a session, GZCLP's T1 a step
// a session while every set is made, Starting Strength 5 lb a session; docs/progression.md,
// "A novice's linear progression". The rollover writes a whole week ahead, so the week is judged
// on the lift's latest session that was logged: when that session earned a step (its load went up,
// or every set was made: madeEverySet), next week's sessions of the lift take its load and one
// step more each; after a cut (the reset) too; after a load held with reps missed while the
// estimate is near it, the first two repeat it and the third steps (Starting Strength and
// StrongLifts repeat a missed load, not a week of it); where the estimate is below it, the week
// repeats it, two weeks running too (the estimate's cut waits for a third miss in a row, the
// reset). The lift keeps its sets: the load carries the progress.
// Reference model: the rollover's SQL (linear_base and linear_slot in src/db/queries/rollover.ts)
// does the same; tests/rollover/linear-progression.test.ts compares them.
import { loadStepKg } from "./load-increment.ts";
import { reducedLoadKg } from "./load-reduction.ts";
import {
  type ProgressionInput,
  type ProgressionResult,
  type ProgressionRule,
  targetRpe,
} from "./progress-row.ts";
import { parseRepTarget } from "./rep-target.ts";

/** The judgements of a lift's latest session that earn next week's sessions a step each. */
export const EARNS_A_STEP: readonly ProgressionRule[] = ["increase", "increase_top"];

/**
 * The estimate's holds and its two-week cut: a session made despite them still earns a step; a
 * session missed repeats the load until it is missed STALL_MISSES sessions running, then resets (an
 * RPE-10 cut, decrease_rpe10, stays a cut).
 */
const HELD_OR_CUT_BY_ESTIMATE: readonly ProgressionRule[] = ["hold", "hold_fell", "decrease"];

/** The line of a novice's lift restarted after a deload at its last load. */
export function restartHoldLine(weightKg: number, made: boolean): string {
  return made
    ? `${weightKg} kg made before it, repeated, then a step a session`
    : `${weightKg} kg missed before it, tried again`;
}

/** The line of a missed load repeated next week, not yet a reset. */
export function repeatLine(weightKg: number, misses: number): string {
  const running = misses > 1 ? ` ${misses} sessions running` : "";
  return `held: ${weightKg} kg missed${running}; the next session repeats it`;
}

/** The cuts: a reset the next sessions climb back from, a step each, as after a step earned. */
const CUTS: readonly ProgressionRule[] = ["decrease", "decrease_rpe10"];

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
  /**
   * From which of next week's sessions of the lift each adds a step: 0 after a step earned (or a
   * cut, the reset a novice climbs back from), 1 after a load held with reps missed but the
   * estimate near it (repeated once, then a step), null where nothing steps (the estimate below
   * the load, one week or two: the week repeats it; or a rep range raised instead).
   */
  stepFrom: number | null;
  /** Whether the judgement raised anything (a recovery session's line then says "load held"). */
  raised: boolean;
  /** The latest logged session's progress line. */
  reason: string;
}

/**
 * A made set of a novice's lift may be this hard: the reps are the target, the RIR a cap (a coach
 * counts any 5 at RPE 9 or easier; one past the target where that is higher).
 */
export const MADE_MAX_RPE = 9;

/**
 * Sessions missed in a row at one load after which the next session resets instead of repeating
 * it: StrongLifts 5x5 and Starting Strength take 10% off a lift failed three sessions running (a
 * coach read a novice's squat missed at 85 kg four sessions running before a cut). The weekly
 * rollover counts the week's sessions (linearBase); the within-week job, last week's too
 * (linear-midweek.ts).
 */
export const STALL_MISSES = 3;

/** The hardest RPE at which a set of the row counts as made. */
export function madeRpeLimit(rir: number | null | undefined): number {
  return Math.min(10, Math.max(targetRpe(rir) + 1, MADE_MAX_RPE));
}

/**
 * Every prescribed set made at the row's load, its reps at the top, at RPE 9 or easier
 * (madeRpeLimit; a coach adds load when all 15 reps of a 3 x 5 are made): a novice's step, where
 * the estimate alone would hold the load.
 */
export function madeEverySet(input: ProgressionInput): boolean {
  const target = parseRepTarget(input.reps);
  if (target === null || input.weight === null || input.weight <= 0) return false;
  const limit = madeRpeLimit(input.rir);
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
  return `+${String(loadStepKg(input.equipment))} kg: every set made (${target?.max ?? 0} reps) at RPE ${madeRpeLimit(input.rir)} or easier`;
}

/**
 * The base of next week's sessions of one lift, from its rows of the week just ended in session
 * order (after a deload, of the week before it: `restore`), each judged on its own logs
 * (progressRow); null when no row's logs were judged: each row then keeps its own outcome.
 * `before`: the lift's rows of the week before that one, in session order (not around a deload):
 * a load missed at every logged session of the week counts that week's trailing misses at it too,
 * so a two-day week's third miss running, on its last session, resets rather than being tried a
 * fourth time.
 */
export function linearBase(
  judged: readonly { input: ProgressionInput; result: ProgressionResult; reason: string }[],
  restore = false,
  before: readonly { input: ProgressionInput }[] = [],
): LinearBase | null {
  const latest = [...judged].reverse().find((j) => j.result.rule !== "no_log");
  if (latest === undefined || latest.result.weight === null) return null;
  const { input, result } = latest;
  const weightKg = latest.result.weight;
  // After a deload a novice's lift restarts at its last load, never lower and without a step of
  // its own (the restart is for a new mesocycle's RIR): a made load is repeated and stepped from, a
  // missed one tried again (a coach read made lifts cut at the restart by the estimate's rule, 85 kg
  // made, then 80 kg, while missed ones were repeated, and a made squat stepped at once).
  if (restore && input.weight !== null && input.weight > 0) {
    const made = madeEverySet(input);
    return {
      weightKg: input.weight,
      missStreak: 0,
      stepFrom: made ? 0 : null,
      raised: false,
      reason: restartHoldLine(input.weight, made),
    };
  }
  // Held or cut by the estimate at the row's RIR, with every set made: the step is earned anyway.
  const heldMade = !restore && HELD_OR_CUT_BY_ESTIMATE.includes(result.rule) && madeEverySet(input);
  // Held with the load missed STALL_MISSES sessions running (this week's, and the week before's
  // where the run crosses the week's start): reset 10% (the novice programmes' reset;
  // linear-midweek.ts resets within the week, this at the week's end).
  // (Counted only where a miss is judged, never in a restore: missedAtLoad below.)
  const misses = missesInARow(
    [...before, ...judged],
    before.length + judged.lastIndexOf(latest),
    input.weight,
  );
  const missedAtLoad = !restore && HELD_OR_CUT_BY_ESTIMATE.includes(result.rule) && !madeEverySet(input);
  const stalled = missedAtLoad && misses >= STALL_MISSES;
  if (stalled) {
    const reset = reducedLoadKg(input.weight, "barbell") ?? weightKg;
    return {
      weightKg: reset,
      missStreak: 0,
      stepFrom: 0,
      raised: false,
      reason: `reset: ${input.weight} kg missed ${misses} sessions running; 10% off`,
    };
  }
  // The estimate's two-week cut, for a load missed fewer sessions running than a reset takes: a
  // novice repeats a missed load until the third miss (a coach read a squat held at 105 kg within
  // the week, then cut to 97.5 kg by the estimate at the week's end).
  // Held by the estimate (hold_fell) the same: its line says the load is repeated, not that a cut
  // is coming ("week 1 of 2 before a cut"), which for a novice's lift it never is.
  if (missedAtLoad && (result.rule === "decrease" || result.rule === "hold_fell") && input.weight !== null) {
    return {
      weightKg: input.weight,
      missStreak: result.missStreak,
      stepFrom: null,
      raised: false,
      reason: repeatLine(input.weight, misses),
    };
  }
  const earned = EARNS_A_STEP.includes(result.rule) || heldMade;
  const stepFrom = earned || CUTS.includes(result.rule) ? 0 : result.rule === "hold" ? 1 : null;
  // One step a session, as the novice programmes add it: the estimate's bigger increase (up to 10%
  // for the lower body) took a lift 5 kg up in one session straight after a reset (a coach's read).
  const step = loadStepKg(input.equipment);
  const capped =
    EARNS_A_STEP.includes(result.rule) &&
    input.weight !== null &&
    input.weight > 0 &&
    weightKg > input.weight + step;
  return {
    weightKg: heldMade || capped ? (input.weight ?? 0) + step : weightKg,
    missStreak: heldMade ? 0 : result.missStreak,
    stepFrom,
    raised: earned || result.rule === "reps_up",
    reason: heldMade
      ? madeLine(input)
      : capped
        ? oneStepLine(step, weightKg - (input.weight ?? 0))
        : latest.reason,
  };
}

/** The line of a novice's step held to one where the estimate allowed more. */
export function oneStepLine(stepKg: number, allowedKg: number): string {
  return `+${String(stepKg)} kg: one step a session (the estimate allowed +${String(allowedKg)} kg)`;
}

/**
 * The lift's sessions missed in a row at `weight`, back from the `latest`-th judged row: rows with
 * sets logged, not made (madeEverySet), at that load; one made or at another load ends the run.
 */
function missesInARow(
  judged: readonly { input: ProgressionInput }[],
  latest: number,
  weight: number | null,
): number {
  let misses = 0;
  for (let i = latest; i >= 0; i -= 1) {
    const { input } = judged[i] as { input: ProgressionInput };
    if (input.logged.length === 0) continue;
    if (madeEverySet(input) || input.weight !== weight) break;
    misses += 1;
  }
  return misses;
}

/** How many steps the lift's `k`-th session of next week (0 is the first) is above the base. */
function stepsAt(base: LinearBase, k: number): number {
  return base.stepFrom === null ? 0 : Math.max(0, k - base.stepFrom);
}

/** The load of the lift's `k`-th session of next week (0 is the first). */
export function linearLoadKg(base: LinearBase, k: number, stepKg: number): number {
  return base.weightKg + stepsAt(base, k) * stepKg;
}

/** The progress line of the lift's `k`-th session of next week. */
export function linearReason(base: LinearBase, k: number, stepKg: number): string {
  const n = stepsAt(base, k);
  if (n === 0) return base.reason;
  return `${base.reason}; +${String(n * stepKg)} kg for the lift's session ${k + 1} this week: a novice adds load every session`;
}

/**
 * A recovery session for the lift's muscle group (sets halved) never raises a load: each session
 * takes the lower of its own load and the base, with no steps; a cut on evidence still comes.
 */
export function linearRecoveryLoadKg(base: LinearBase, ownKg: number): number {
  return Math.min(ownKg, base.weightKg);
}

/**
 * A deload takes every session of the lift to the deload of its heaviest load of the week (its
 * latest step), not each row's own (which left one lift at 77.5, 80 and 77.5 kg in a deload week);
 * never above the row's own load (`ownKg`: a light bar's first session can sit below it, and a
 * deload raises nothing).
 */
export function linearDeloadKg(weekLoadsKg: readonly number[], ownKg: number): number | null {
  if (weekLoadsKg.length === 0) return null;
  const reduced = reducedLoadKg(Math.max(...weekLoadsKg), "barbell");
  return reduced === null ? null : Math.min(ownKg, reduced);
}
