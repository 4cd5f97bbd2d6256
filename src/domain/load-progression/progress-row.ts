// Load progression for one exercise row at the weekly rollover: next week's load is the load at
// which the lifter should reach the row's target reps (the bottom of its range) at its target RIR,
// estimated from every set logged against the row in the week that just ended, through the RTS
// chart. The load goes up by at most 10% a week, never down on a single bad week, and lands on a
// load the implement really has. The rules, their sources and the SQL form are in
// docs/progression.md; keep the three in step.
// Reference model: production runs these rules as SQL in the rollover (src/db/queries/rollover.ts);
// tests/rollover/progression-parity.test.ts compares the two on random rows and logs.

import { ceilLoadKg, floorLoadKg, smallestLoadKg } from "./load-rounding.ts";
import { parseRepTarget } from "./rep-target.ts";
import { rpePercent } from "./rpe-percent.ts";

/** Weeks in a row the estimate must fall below the prescription before the load is cut. */
export const MISSES_BEFORE_DECREASE = 2;

/** A logged RPE at or above this with fewer reps than the bottom of the range is a real miss. */
export const RPE_BLOCKS_INCREASE = 10;

/** Target RIR of a row that names none (the generator's usual middle value). */
export const DEFAULT_TARGET_RIR = 2;

/** Target RIR is read within 0..4 so the target RPE stays on the RTS chart (6..10). */
export const MAX_TARGET_RIR = 4;

/**
 * The week's estimate counts as a fall only below this percentage of the strength the
 * prescription assumed: 8 reps at 97.5 kg on a 100 kg row (97.5%) is a lifter's choice, not a fall.
 */
export const FALL_PERCENT = 97;

/**
 * A week's increase is capped at this percentage of the load: 10% for the lower body's big
 * muscles, 5% elsewhere. ACSM (Ratamess et al. 2009) gives +2-10%; NSCA (Essentials, 4th ed.)
 * steps the lower body about twice as far as the upper body (5-10 kg against 2.5-5 kg), as its
 * loads are about twice as heavy and rise faster.
 */
export const MAX_INCREASE_PERCENT = 110;
export const UPPER_BODY_MAX_INCREASE_PERCENT = 105;
export const LOWER_BODY_GROUPS: readonly string[] = [
  "quadriceps",
  "hamstrings",
  "glutes",
  "calves",
  "adductors",
  "abductors",
  "lower_back",
];

/** The cap of a week's increase for a row of this primary muscle (MAX_INCREASE_PERCENT). */
export function maxIncreasePercent(muscleGroup: string): number {
  return LOWER_BODY_GROUPS.includes(muscleGroup) ? MAX_INCREASE_PERCENT : UPPER_BODY_MAX_INCREASE_PERCENT;
}

/**
 * Where no real load lies within MAX_INCREASE_PERCENT (a 1 kg dumbbell step on 9 kg, a plate on
 * a 20 kg bar), one step up to this percentage is taken when the estimate supports it; a bigger
 * step (10 -> 12 kg dumbbells, 5 -> 7.5 kg on a cable) never is: reps carry the progress there.
 */
export const STEP_FIT_PERCENT = 112.5;

/**
 * Reps past the top (issue 20 item 3): where every set reached the top of the range but the next
 * load is too big a step (a 5 kg cable stack, 10 -> 12 kg dumbbells) or a bodyweight row has no
 * harder variation, the range's top rises by REPS_UP_STEP, never past REPS_CEILING: loads of
 * 30-80% of 1RM taken close to failure build muscle alike (Schoenfeld et al. 2017), so the extra
 * reps carry the progress until the step fits.
 */
export const REPS_UP_STEP = 2;
export const REPS_CEILING = 30;

/** The rep target with its top raised (reps_up). */
export function repsUp(target: { min: number; max: number }): string {
  return `${target.min}-${Math.min(target.max + REPS_UP_STEP, REPS_CEILING)}`;
}

/** Added to a load before rounding up, so the next real load above it is found. */
export const TOP_STEP_EPSILON_KG = 0.001;

/** A cut keeps at least this percentage of the load (a cut is at most 10%). */
export const MIN_CUT_PERCENT = 90;

export interface LoggedSet {
  setNo: number;
  repsDone: number;
  weightKg: number;
  rpe: number | null;
}

export interface ProgressionInput {
  /** The row's prescribed load; null or <= 0 means "unloaded" (not prescribed yet). */
  weight: number | null;
  reps: string;
  sets: number;
  /** The row's target reps in reserve; null or absent: DEFAULT_TARGET_RIR. */
  rir?: number | null;
  /**
   * Next week's target RIR (the mesocycle's ramp, src/domain/mesocycle/rir-ramp.ts): the new load
   * is the one for the bottom of the range at that RIR. Absent: the row's own `rir`. The week's
   * logs are always judged against the row's own `rir`.
   */
  nextRir?: number | null;
  equipment: string;
  muscleGroup: string;
  /** Consecutive weeks the estimate fell below the prescription, as stored on the row. */
  missStreak: number;
  /** Every `training_set` of this row (`exercise_row_id` = the row), i.e. of the week just ended. */
  logged: readonly LoggedSet[];
  /**
   * The row's exercise's neighbours on its bodyweight variation ladder (exercise ids; null at an
   * end or off any ladder). Absent: no ladder.
   */
  ladder?: { harder: string | null; easier: string | null };
}

export type ProgressionRule =
  | "no_log"
  | "unparsed_reps"
  | "bodyweight"
  | "seed_from_log"
  | "increase"
  | "increase_top"
  | "reps_up"
  | "hold"
  | "hold_fell"
  | "decrease"
  | "decrease_rpe10"
  | "ladder_up"
  | "ladder_down"
  | "bodyweight_missed";

export interface ProgressionResult {
  weight: number | null;
  missStreak: number;
  rule: ProgressionRule;
  /** The week's estimated 1RM (mean over the loaded sets), null when no loaded set was logged. */
  e1rmKg: number | null;
  /** The exercise id the row moves to on its ladder (ladder_up, ladder_down); absent otherwise. */
  moveTo?: string;
  /** The row's new rep target (reps_up); absent: unchanged. */
  reps?: string;
}

/** Target RPE of a row: 10 - RIR, the RIR read within 0..MAX_TARGET_RIR. */
export function targetRpe(rir: number | null | undefined): number {
  return 10 - Math.min(MAX_TARGET_RIR, Math.max(0, rir ?? DEFAULT_TARGET_RIR));
}

/**
 * One set's e1RM through the RTS chart at its logged RPE or, without one, at the target RPE (a set
 * logged without effort counts as done as prescribed).
 */
export function setE1rmKg(set: LoggedSet, rpeTarget: number): number {
  return set.weightKg / rpePercent(set.repsDone, set.rpe ?? rpeTarget);
}

/**
 * The mean of the sets' e1RMs (setE1rmKg). Summed in set order, as the SQL does, so both give the
 * same float. Sets at 0 kg carry no load and are left out.
 */
export function estimateE1rmKg(logged: readonly LoggedSet[], rpeTarget: number): number | null {
  const loaded = logged.filter((s) => s.weightKg > 0).sort((a, b) => a.setNo - b.setNo);
  if (loaded.length === 0) return null;
  let sum = 0;
  for (const s of loaded) sum += setE1rmKg(s, rpeTarget);
  return sum / loaded.length;
}

/**
 * The best set's e1RM (through the RTS chart as estimateE1rmKg): what the fall test reads. At one
 * load and one RPE, a week's later sets lose reps to fatigue (set drop-off), so the mean of the
 * sets reads lower than the lifter's strength: an intermediate who stopped every set at its RIR, as
 * asked, was "held, under the load asked" in week 2 (a coach's read). A fall is a best set under
 * what the prescription assumed. Sets at 0 kg are left out.
 */
export function bestE1rmKg(logged: readonly LoggedSet[], rpeTarget: number): number | null {
  let best: number | null = null;
  for (const s of logged) {
    if (s.weightKg <= 0) continue;
    const e1rm = setE1rmKg(s, rpeTarget);
    if (best === null || e1rm > best) best = e1rm;
  }
  return best;
}

/**
 * An unloaded row logged without load (docs/progression.md, "Bodyweight rows"): every prescribed
 * set at the top of the range at the target RPE or easier (no RPE counts as on target) moves the
 * row one rung up its ladder; a set below the bottom at RPE 10 is a missed week, and the second in
 * a row moves it one rung down. At an end of the ladder (or off any) the row stays.
 */
function bodyweight(
  input: ProgressionInput,
  target: { min: number; max: number },
  rpe: number,
): ProgressionResult {
  const base = { weight: input.weight, e1rmKg: null };
  const atTop = input.logged.filter((s) => s.repsDone >= target.max && (s.rpe === null || s.rpe <= rpe));
  const harder = input.ladder?.harder ?? null;
  const easier = input.ladder?.easier ?? null;
  if (atTop.length >= Math.max(1, input.sets)) {
    if (harder !== null) return { ...base, missStreak: 0, rule: "ladder_up", moveTo: harder };
    if (target.max < REPS_CEILING) return { ...base, missStreak: 0, rule: "reps_up", reps: repsUp(target) };
    return { ...base, missStreak: 0, rule: "bodyweight" };
  }
  const missed = input.logged.some(
    (s) => s.repsDone < target.min && s.rpe !== null && s.rpe >= RPE_BLOCKS_INCREASE,
  );
  if (!missed) return { ...base, missStreak: 0, rule: "bodyweight" };
  const streak = input.missStreak + 1;
  if (streak >= MISSES_BEFORE_DECREASE && easier !== null) {
    return { ...base, missStreak: 0, rule: "ladder_down", moveTo: easier };
  }
  return { ...base, missStreak: streak, rule: "bodyweight_missed" };
}

export function progressRow(input: ProgressionInput): ProgressionResult {
  const { weight, logged, missStreak } = input;
  const hold = (rule: ProgressionRule, streak: number, e1rmKg: number | null = null): ProgressionResult => ({
    weight,
    missStreak: streak,
    rule,
    e1rmKg,
  });
  if (logged.length === 0) return hold("no_log", missStreak);
  const target = parseRepTarget(input.reps);
  if (target === null) return hold("unparsed_reps", missStreak);

  const rpe = targetRpe(input.rir);
  const share = rpePercent(target.min, rpe);
  const nextShare = rpePercent(
    target.min,
    targetRpe(input.nextRir === undefined ? input.rir : input.nextRir),
  );
  const e1rm = estimateE1rmKg(logged, rpe);
  const unloaded = weight === null || weight <= 0;
  if (unloaded) {
    // Bodyweight work logged without load: the reps and the variation carry the progress.
    if (e1rm === null) return bodyweight(input, target, rpe);
    const seed = Math.max(smallestLoadKg(input.equipment), floorLoadKg(e1rm * nextShare, input.equipment));
    return { weight: seed, missStreak: 0, rule: "seed_from_log", e1rmKg: e1rm };
  }
  if (e1rm === null) return hold("no_log", missStreak);

  const candidate = e1rm * nextShare;
  const w = weight;
  // The bottom of the range missed with nothing left (RPE 10) at the prescribed load or more.
  const missedAtRpe10 = logged.some(
    (s) => s.weightKg >= w && s.repsDone < target.min && s.rpe !== null && s.rpe >= RPE_BLOCKS_INCREASE,
  );
  const top = bestE1rmKg(logged, rpe) ?? e1rm;
  const fell = top * 100 < (w / share) * FALL_PERCENT;
  const streak = fell ? missStreak + 1 : 0;
  if (missedAtRpe10 || streak >= MISSES_BEFORE_DECREASE) {
    const floor = ceilLoadKg((w * MIN_CUT_PERCENT) / 100, input.equipment);
    // To the load for the RIR the lifter fell short at (the row's own), not next week's lower one.
    const cut = Math.min(w, Math.max(floor, floorLoadKg(top * share, input.equipment)));
    return { weight: cut, missStreak: 0, rule: missedAtRpe10 ? "decrease_rpe10" : "decrease", e1rmKg: e1rm };
  }
  if (fell) return hold("hold_fell", streak, e1rm);
  const within = floorLoadKg(
    Math.min(candidate, (w * maxIncreasePercent(input.muscleGroup)) / 100),
    input.equipment,
  );
  const up =
    within > w ? within : floorLoadKg(Math.min(candidate, (w * STEP_FIT_PERCENT) / 100), input.equipment);
  if (up > w) return { weight: up, missStreak: 0, rule: "increase", e1rmKg: e1rm };
  // Double progression (Liftosaur; NSCA "2-for-2"; a novice's linear progression, GZCLP's T1):
  // every prescribed set at the prescribed load and the top of the range, at the target RPE or
  // easier, earns the implement's next load when that step fits, even where the mean e1RM rounds
  // down to today's load (a fixed 5-rep target, RPE logged no lower than 6, or the drop-off of later
  // sets hide how much was left).
  const next = ceilLoadKg(w + TOP_STEP_EPSILON_KG, input.equipment);
  const aboveTarget = (s: LoggedSet) =>
    s.weightKg >= w && s.repsDone >= target.max && (s.rpe === null || s.rpe <= rpe);
  const allTop = logged.filter(aboveTarget).length >= Math.max(1, input.sets);
  if (allTop && next * 100 <= w * STEP_FIT_PERCENT) {
    return { weight: next, missStreak: 0, rule: "increase_top", e1rmKg: e1rm };
  }
  if (allTop && target.max < REPS_CEILING) {
    return { weight: w, missStreak: 0, rule: "reps_up", e1rmKg: e1rm, reps: repsUp(target) };
  }
  return hold("hold", 0, e1rm);
}
