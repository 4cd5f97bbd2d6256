// The weekly rollover (CONTRACT.md, "Weekly rollover, as observed from outside"): as of a date,
// every active plan whose latest week has ended gets its next week, again and again until its
// latest week contains the date. The job `plan.rollover` and the CLI's `rollover` both call
// rolloverAsOf. Set-based: per batch of plans, one INSERT ... SELECT statement per week step,
// never a query per plan or per row. docs/rollover.md has the design and the concurrency argument.
import type pg from "pg";
import { isDataFailure } from "../../db/data-failure.ts";
import { isPgError } from "../../db/pg-errors.ts";
import { pickDuePlans, rollOneWeek } from "../../db/queries/rollover.ts";
import { isIsoDate } from "../../domain/calendar.ts";
import type { Logger } from "../../logger.ts";
import { JobStoppedError } from "../runtime.ts";

/**
 * The most weeks one run gives one plan. A plan further behind (the date window allows about 53
 * weeks) gets the rest from the next runs, and every due plan's first week comes before any
 * plan's second (rounds, below), so a long catch-up never delays other users' weeks.
 */
export const ROLLOVER_MAX_WEEKS_PER_PLAN = 12;

export interface RolloverOptions {
  /** Plans per batch (ROLLOVER_BATCH_PLANS): bounds each statement's rows, locks and duration. */
  batchPlans: number;
  /**
   * Batches in flight at once (ROLLOVER_CONCURRENCY, default 1), each on its own connection.
   * Batches hold disjoint plans, and overlapping ones would still be safe (docs/rollover.md).
   */
  concurrency?: number;
  /** Weeks per plan per run (default ROLLOVER_MAX_WEEKS_PER_PLAN). */
  maxWeeksPerPlan?: number;
  logger: Logger;
  /** Called after each batch with the running totals (the CLI's progress bar). */
  onBatch?: (progress: RolloverResult & { batches: number }) => void;
  /**
   * Once aborted (the worker stops), no new batch starts; the batches in flight finish, each a
   * whole week in its own transaction, and the run throws JobStoppedError if work was left.
   */
  signal?: AbortSignal;
}

export interface RolloverResult {
  weeksCreated: number;
  plansRolled: number;
  /**
   * Plans left alone this run (docs/bounds.md): larger than the bounds allow (written before
   * them), or refused by the database on their own (a row past a CHECK); each is logged with why.
   * The other plans of their batches were rolled.
   */
  plansSkipped?: number;
}

// A deadlock (two statements waited on each other): plan-id order should prevent it; retry if not.
const ATTEMPTS = 3;

async function stepWithRetry(pool: pg.Pool, asOf: string, ids: readonly string[], logger: Logger) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rollOneWeek(pool, asOf, ids);
    } catch (error) {
      if (!isPgError(error, "deadlockDetected") || attempt >= ATTEMPTS) throw error;
      logger.warn({ attempt, err: error }, "rollover step deadlocked; retrying it");
    }
  }
}

const positiveInt = (name: string, value: number | undefined) => {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new RangeError(`${name} must be a positive integer (got ${value})`);
  }
};

/**
 * Rolls every due plan as of `asOf`, in rounds: round 1 gives every due plan (picked in batches,
 * keyset on plan id) one week; round r gives one more week to the plans still due after round
 * r-1, in batches of the same size; at most `maxWeeksPerPlan` rounds. So a plan weeks behind
 * never holds up another plan's current week, and one run's work per plan is bounded.
 */
export async function rolloverAsOf(
  pool: pg.Pool,
  asOf: string,
  opts: RolloverOptions,
): Promise<RolloverResult> {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD (got ${asOf})`);
  positiveInt("batchPlans", opts.batchPlans);
  positiveInt("concurrency", opts.concurrency);
  positiveInt("maxWeeksPerPlan", opts.maxWeeksPerPlan);
  const maxRounds = opts.maxWeeksPerPlan ?? ROLLOVER_MAX_WEEKS_PER_PLAN;
  const concurrency = opts.concurrency ?? 1;
  const log = opts.logger.child({ component: "rollover", asOf });
  const started = performance.now();
  const rolled = new Set<string>();
  const skipped = new Set<string>();
  let weeksCreated = 0;
  let batches = 0;
  let stopped = false;

  // One week step for a batch; returns the plans of the batch still due after it.
  const rollBatch = async (batch: readonly string[], round: number): Promise<string[]> => {
    const batchStarted = performance.now();
    const step = await stepWithRetry(pool, asOf, batch, log);
    for (const id of step.rolled) rolled.add(id);
    weeksCreated += step.rolled.length;
    batches++;
    opts.onBatch?.({ weeksCreated, plansRolled: rolled.size, batches });
    const totalMs = performance.now() - started;
    log.info(
      {
        round,
        batch: batches,
        plans: batch.length,
        weeks: step.rolled.length,
        sessions: step.sessions,
        exercises: step.exercises,
        ms: Math.round(performance.now() - batchStarted),
        weeksCreated,
        plansRolled: rolled.size,
        plansPerSecond: Math.round((rolled.size * 1000) / Math.max(1, totalMs)),
      },
      "rollover batch done",
    );
    return step.stillDue;
  };

  // One plan's data must not stop the others' weeks: a batch the database refuses on its data is
  // split in halves down to single plans, and a plan refused on its own is skipped and logged
  // (the next run tries it again). A failure that is not the data's is thrown as before.
  const rollIsolating = async (batch: readonly string[], round: number): Promise<string[]> => {
    try {
      return await rollBatch(batch, round);
    } catch (error) {
      if (!isDataFailure(error)) throw error;
      if (batch.length === 1) {
        skipped.add(batch[0] as string);
        log.warn({ round, planId: batch[0], err: error }, "rollover skipped a plan the database refused");
        return [];
      }
      const half = Math.ceil(batch.length / 2);
      const left = await rollIsolating(batch.slice(0, half), round);
      return [...left, ...(await rollIsolating(batch.slice(half), round))];
    }
  };

  // Runs the batches a source yields, up to `concurrency` at once; the first failure stops taking
  // new ones and is thrown once the batches in flight finished. Returns the plans still due.
  const runRound = async (round: number, nextBatch: () => Promise<readonly string[]>) => {
    const stillDue: string[] = [];
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    while (failure === undefined) {
      if (opts.signal?.aborted) {
        stopped = true;
        break;
      }
      const batch = await nextBatch();
      if (batch.length === 0) break;
      const running: Promise<void> = rollIsolating(batch, round)
        .then((due) => {
          stillDue.push(...due);
        })
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure.error;
    return stillDue;
  };

  // Round 1: every due plan, picked batch by batch (keyset on plan id).
  let after: string | null = null;
  let stillDue = await runRound(1, async () => {
    for (;;) {
      const due = await pickDuePlans(pool, asOf, after, opts.batchPlans);
      after = due.last ?? after;
      for (const id of due.overBound) {
        skipped.add(id);
        log.warn(
          { planId: id, bound: "user_bounds.max_sessions_per_plan x max_slots_per_session" },
          "rollover skipped a plan larger than the bounds per user allow",
        );
      }
      // A batch of nothing but oversized plans is not the end: pick on past it.
      if (due.ids.length > 0 || due.last === null) return due.ids;
    }
  });
  // Rounds 2..max: the plans still behind, in plan id order (the deadlock argument).
  for (let round = 2; round <= maxRounds && stillDue.length > 0 && !stopped; round++) {
    const queue = stillDue.sort();
    let next = 0;
    stillDue = await runRound(round, async () => {
      const batch = queue.slice(next, next + opts.batchPlans);
      next += batch.length;
      return batch;
    });
  }

  if (stopped) {
    log.info({ weeksCreated, plansRolled: rolled.size, batches }, "rollover stopped between batches");
    throw new JobStoppedError(
      `rollover as of ${asOf} stopped between batches after ${batches} (${weeksCreated} weeks created); the next run rolls the rest`,
    );
  }
  log.info(
    {
      weeksCreated,
      plansRolled: rolled.size,
      batches,
      plansStillBehind: stillDue.length,
      plansSkipped: skipped.size,
      ms: Math.round(performance.now() - started),
    },
    stillDue.length > 0
      ? "rollover finished; plans still behind get their next weeks from the next runs"
      : "rollover finished",
  );
  // plansSkipped only when some were: the job's result stays { weeksCreated, plansRolled } otherwise.
  return skipped.size > 0
    ? { weeksCreated, plansRolled: rolled.size, plansSkipped: skipped.size }
    : { weeksCreated, plansRolled: rolled.size };
}
