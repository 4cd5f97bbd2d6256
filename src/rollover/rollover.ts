// The weekly rollover (docs/contract.md, "The weekly rollover, as seen from outside"): as of a date,
// every active plan whose latest week has ended gets its next week, again and again until its
// latest week contains the date. The job `plan.rollover` and the CLI's `rollover` both call
// rolloverAsOf. Set-based: per batch of plans, one INSERT ... SELECT statement per week step,
// never a query per plan or per row. docs/rollover.md has the design and the concurrency argument.
import type pg from "pg";
import { pickDuePlans, rollOneWeek } from "../db/queries/rollover.ts";
import type { Logger } from "../logger.ts";
import { isIsoDate } from "./as-of.ts";

export interface RolloverOptions {
  /** Plans per batch (ROLLOVER_BATCH_PLANS): bounds each statement's rows, locks and duration. */
  batchPlans: number;
  /**
   * Batches in flight at once (ROLLOVER_CONCURRENCY, default 1), each on its own connection.
   * Batches hold disjoint plans, and overlapping ones would still be safe (docs/rollover.md).
   */
  concurrency?: number;
  logger: Logger;
  /** Called after each batch with the running totals (the CLI's progress bar). */
  onBatch?: (progress: RolloverResult & { batches: number }) => void;
}

export interface RolloverResult {
  weeksCreated: number;
  plansRolled: number;
}

/** 40P01: two statements waited on each other. Plan-id order should prevent it; retry if not. */
const DEADLOCK = "40P01";
const ATTEMPTS = 3;

async function stepWithRetry(pool: pg.Pool, asOf: string, ids: readonly string[], logger: Logger) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rollOneWeek(pool, asOf, ids);
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= ATTEMPTS) throw error;
      logger.warn({ attempt, err: error }, "rollover step deadlocked; retrying it");
    }
  }
}

export async function rolloverAsOf(
  pool: pg.Pool,
  asOf: string,
  opts: RolloverOptions,
): Promise<RolloverResult> {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD (got ${asOf})`);
  if (!Number.isInteger(opts.batchPlans) || opts.batchPlans < 1) {
    throw new RangeError(`batchPlans must be a positive integer (got ${opts.batchPlans})`);
  }
  if (opts.concurrency !== undefined && (!Number.isInteger(opts.concurrency) || opts.concurrency < 1)) {
    throw new RangeError(`concurrency must be a positive integer (got ${opts.concurrency})`);
  }
  const log = opts.logger.child({ component: "rollover", asOf });
  const started = performance.now();
  let weeksCreated = 0;
  let plansRolled = 0;
  let batches = 0;
  let after: string | null = null;

  // One batch: a week step for its due plans, repeated while some are still due (catch-up).
  const rollBatch = async (batch: readonly string[], n: number) => {
    const batchStarted = performance.now();
    const rolled = new Set<string>();
    let weeks = 0;
    let sessions = 0;
    let exercises = 0;
    let steps = 0;
    // Each step gives every still-due plan of the batch one week; a plan's later weeks are built
    // from the week the previous step made. Weeks missed while nothing ran have no logged sets,
    // so they carry over (deload and restore weeks still fall where they belong).
    let ids: readonly string[] = batch;
    while (ids.length > 0) {
      const step = await stepWithRetry(pool, asOf, ids, log);
      steps++;
      for (const id of step.rolled) rolled.add(id);
      weeks += step.rolled.length;
      sessions += step.sessions;
      exercises += step.exercises;
      ids = step.stillDue;
    }
    weeksCreated += weeks;
    plansRolled += rolled.size;
    opts.onBatch?.({ weeksCreated, plansRolled, batches });
    const totalMs = performance.now() - started;
    log.info(
      {
        batch: n,
        plans: batch.length,
        steps,
        weeks,
        sessions,
        exercises,
        ms: Math.round(performance.now() - batchStarted),
        weeksCreated,
        plansRolled,
        plansPerSecond: Math.round((plansRolled * 1000) / Math.max(1, totalMs)),
      },
      "rollover batch done",
    );
  };

  // Batches are picked one after another (keyset on plan id) and rolled by up to `concurrency`
  // at once. The first failure stops picking; batches in flight finish before it is thrown.
  const concurrency = opts.concurrency ?? 1;
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  while (failure === undefined) {
    const batch = await pickDuePlans(pool, asOf, after, opts.batchPlans);
    if (batch.length === 0) break;
    after = batch[batch.length - 1] ?? null;
    batches++;
    const running: Promise<void> = rollBatch(batch, batches)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure.error;

  log.info(
    { weeksCreated, plansRolled, batches, ms: Math.round(performance.now() - started) },
    "rollover finished",
  );
  return { weeksCreated, plansRolled };
}
