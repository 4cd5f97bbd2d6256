// plan.swap (contract section 7; docs/swap.md): { userId, exerciseRowId, exerciseId? } in, the row
// swapped out ({ exerciseRowId, exerciseId, weight, laterRows }). For Node services that swap on a
// lifter's behalf; a signed-in user can call swap_exercise directly in SQL. A bad payload fails at
// once naming the field; a swap that cannot be done (not the user's row, an excluded exercise,
// equipment the plan's request did not allow, a row with logged sets) fails at once with the
// reason; both go to the dead letters without retries.
import type { PgBoss } from "pg-boss";
import { QUEUE_HEARTBEAT_SECONDS } from "../../boss.ts";
import { PLAN_SWAP_QUEUE } from "../../db/queries/queues.ts";
import type { JobModule, WorkerDeps } from "../job-module.ts";
import { checkPayload, ensureQueue, PermanentJobError, type QueueDefinition, workQueue } from "../runtime.ts";
import { type PlanSwapPayload, planSwapPayload } from "./payload.ts";
import { SwapRefusedError, swapRow } from "./swap.ts";

export * from "./payload.ts";
export * from "./swap.ts";
export { PLAN_SWAP_QUEUE };

export interface PlanSwapResult {
  exerciseRowId: string;
  exerciseId: string;
  weight: number | null;
  laterRows: number;
}

/** A payload that breaks the contract; the message names the field. */
export class InvalidSwapRequestError extends Error {}

export function planSwapDefinition(
  deps: Pick<WorkerDeps, "pool">,
): QueueDefinition<PlanSwapPayload, PlanSwapResult> {
  return {
    name: PLAN_SWAP_QUEUE,
    // A swap takes milliseconds; transient failures (the database gone) retry with backoff.
    queue: {
      retryLimit: 4,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds: 60,
      heartbeatSeconds: QUEUE_HEARTBEAT_SECONDS,
      notify: true,
    },
    work: { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 2 },
    payload: planSwapPayload,
    async handle(payload, ctx) {
      try {
        const swapped = await swapRow(deps.pool, payload);
        ctx.logger.info(
          { rowId: swapped.rowId, from: swapped.from, to: swapped.exerciseId, laterRows: swapped.laterRows },
          "exercise swapped",
        );
        return {
          exerciseRowId: swapped.rowId,
          exerciseId: swapped.exerciseId,
          weight: swapped.weight,
          laterRows: swapped.laterRows,
        };
      } catch (error) {
        if (error instanceof SwapRefusedError) throw new PermanentJobError(error.message, { cause: error });
        throw error;
      }
    },
  };
}

/** Validates and enqueues a swap; returns the job id. */
export async function sendSwapRequest(boss: PgBoss, payload: unknown): Promise<string> {
  const checked = checkPayload<PlanSwapPayload, PlanSwapResult>({ payload: planSwapPayload }, payload);
  if (!checked.ok) throw new InvalidSwapRequestError(checked.error);
  const id = await boss.send(PLAN_SWAP_QUEUE, checked.payload);
  if (!id) throw new Error(`pg-boss did not create a ${PLAN_SWAP_QUEUE} job`);
  return id;
}

export const planSwapJob: JobModule = {
  queue: PLAN_SWAP_QUEUE,
  async setup(deps) {
    const def = planSwapDefinition(deps);
    await ensureQueue(deps.boss, def.name, def.queue);
  },
  async start(deps) {
    await workQueue(deps.boss, planSwapDefinition(deps), deps.logger, deps.stopping);
  },
};
