// plan.rollover: the weekly rollover as a job (docs/contract.md section 2). Payload { asOf?: YYYY-MM-DD }
// (default: today in ROLLOVER_TZ by the injected clock), result { weeksCreated, plansRolled }.
// A pg-boss cron schedule (ROLLOVER_CRON in ROLLOVER_TZ) sends it: boss.schedule is an upsert on
// (name, key), so every worker may call it at start and there is still one schedule, and pg-boss
// files each cron occurrence under one singleton key, so a tick makes one job however many
// workers run. The queue's `stately` policy allows one queued and one active job: two rollovers
// never run at once through the queue, and a backlog of ticks collapses into one. The CLI's
// `rollover` calls the same rolloverAsOf in its own process.

import { z } from "zod";
import { QUEUE_HEARTBEAT_SECONDS } from "../../boss.ts";
import type { Config } from "../../config.ts";
import { PLAN_ROLLOVER_QUEUE } from "../../db/queries/queues.ts";
import { isIsoDate, todayIn } from "../../domain/calendar.ts";
import { inDateWindow, outsideWindowMessage, planDateWindow } from "../../domain/date-window.ts";
import type { Logger } from "../../logger.ts";
import { shown } from "../bounds.ts";
import type { JobModule, WorkerDeps } from "../job-module.ts";
import { ensureQueue, type QueueDefinition, workQueue } from "../runtime.ts";
import { type RolloverOptions, type RolloverResult, rolloverAsOf } from "./rollover.ts";

export { PLAN_ROLLOVER_QUEUE };

export const planRolloverPayload = z.strictObject(
  {
    asOf: z
      .string({ error: (issue) => `must be a date YYYY-MM-DD (got ${shown(issue.input)})` })
      .refine(isIsoDate, { error: (issue) => `must be a date YYYY-MM-DD (got ${shown(issue.input)})` })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type" ? `must be a JSON object (got ${shown(issue.input)})` : undefined,
  },
);

export type PlanRolloverPayload = z.infer<typeof planRolloverPayload>;

/** The as-of date a run uses: the given one, or today in ROLLOVER_TZ by the clock. */
export const rolloverDate = (payload: PlanRolloverPayload, config: Config, now: () => Date): string =>
  payload.asOf ?? todayIn(config.ROLLOVER_TZ, now());

/**
 * asOf inside the date window around the clock's today (src/domain/date-window.ts): the rollover
 * creates weeks up to asOf, and the database refuses weeks outside the window.
 */
export function asOfProblem(payload: PlanRolloverPayload, now: Date): string | undefined {
  const window = planDateWindow(now);
  return payload.asOf !== undefined && !inDateWindow(payload.asOf, window)
    ? `asOf: ${outsideWindowMessage(payload.asOf, window)}`
    : undefined;
}

/** What the job and the CLI both run. */
export function runRollover(
  deps: Pick<WorkerDeps, "pool" | "config" | "now">,
  payload: PlanRolloverPayload,
  logger: Logger,
  onBatch?: RolloverOptions["onBatch"],
  signal?: AbortSignal,
): Promise<RolloverResult> {
  const asOf = rolloverDate(payload, deps.config, deps.now);
  return rolloverAsOf(deps.pool, asOf, {
    batchPlans: deps.config.ROLLOVER_BATCH_PLANS,
    concurrency: deps.config.ROLLOVER_CONCURRENCY,
    maxWeeksPerPlan: deps.config.ROLLOVER_MAX_WEEKS_PER_PLAN,
    logger,
    onBatch,
    signal,
  });
}

export function planRolloverDefinition(
  deps: Pick<WorkerDeps, "pool" | "config" | "now">,
): QueueDefinition<PlanRolloverPayload, RolloverResult> {
  return {
    name: PLAN_ROLLOVER_QUEUE,
    queue: {
      policy: "stately",
      // A run is idempotent, so a failed one is simply run again: soon (5, 10, 20 s), so a killed
      // worker's run resumes within 30 s. The heartbeat finds a dead worker; the hour of expiry
      // bounds a live but hung one (a run over millions of plans takes minutes).
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 3600,
      heartbeatSeconds: QUEUE_HEARTBEAT_SECONDS,
      notify: true,
    },
    // A retry coming due sends no NOTIFY: poll for it every 5 s (pg-boss's default with notify is 30 s).
    work: { batchSize: 1, pollingIntervalSeconds: 5, notifyPollingIntervalSeconds: 5 },
    payload: planRolloverPayload,
    check: (payload) => asOfProblem(payload, deps.now()),
    handle: (payload, ctx) => runRollover(deps, payload, ctx.logger, undefined, ctx.signal),
  };
}

export const planRolloverJob: JobModule = {
  queue: PLAN_ROLLOVER_QUEUE,
  async setup(deps) {
    const def = planRolloverDefinition(deps);
    await ensureQueue(deps.boss, def.name, def.queue);
    // Upsert: one schedule row however many workers run this. `missed: once` sends one job for a
    // tick that came due while no worker ran; the rollover itself catches up every missed week.
    await deps.boss.schedule(
      PLAN_ROLLOVER_QUEUE,
      deps.config.ROLLOVER_CRON,
      {},
      {
        tz: deps.config.ROLLOVER_TZ,
        missed: "once",
      },
    );
    deps.logger.info(
      { queue: PLAN_ROLLOVER_QUEUE, cron: deps.config.ROLLOVER_CRON, tz: deps.config.ROLLOVER_TZ },
      "rollover scheduled",
    );
  },
  async start(deps) {
    await workQueue(deps.boss, planRolloverDefinition(deps), deps.logger, deps.stopping);
  },
};
