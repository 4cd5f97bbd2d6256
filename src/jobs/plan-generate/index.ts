// plan.generate: a plan request in, a plan written through insert_full_plan out ({ planId }).
// Jobs come from Node (sendPlanRequest), from the CLI, and from SQL (a plan_request row's trigger,
// payload { planRequestId, userId, ...params }). A batch of jobs is handled set-based: a few
// statements for the whole batch, plans generated in memory against a cached catalogue, and all of
// them written in one statement, falling back to one at a time when that statement fails so a
// bad job cannot fail the others. It runs on the shared job runtime (runtime.ts: validation at the
// edge, outcomes, per-job logging) with a batch handler. docs/plan-pipeline.md has the rules and
// the numbers.

import { enqueueQueuedPlanRequests } from "../../db/queries/plan-generate.ts";
import type { JobModule, WorkerDeps } from "../job-module.ts";
import { ensureQueue, workQueue } from "../runtime.ts";
import { createCatalogueCache, createPlanGenerator } from "./catalogue-cache.ts";
import { workPlanDeadLetters } from "./dead-letters.ts";
import { type PlanJobDeps, planGenerateDefinition } from "./handler.ts";
import { PLAN_GENERATE_QUEUE, PLAN_QUEUE_OPTIONS, planWorkOptions } from "./settings.ts";

export * from "./catalogue-cache.ts";
export * from "./dead-letters.ts";
export * from "./handler.ts";
export * from "./payload.ts";
export * from "./send.ts";
export * from "./settings.ts";

export const planGenerateJob: JobModule = {
  queue: PLAN_GENERATE_QUEUE,
  async setup(deps: WorkerDeps) {
    await ensureQueue(deps.boss, PLAN_GENERATE_QUEUE, PLAN_QUEUE_OPTIONS);
    // plan_request rows inserted while pg-boss or this queue did not exist yet have no job.
    const enqueued = await enqueueQueuedPlanRequests(deps.pool);
    if (enqueued > 0) deps.logger.info({ enqueued }, "enqueued plan_request rows queued while no worker ran");
  },
  async start(deps: WorkerDeps) {
    const handlerDeps: PlanJobDeps = {
      pool: deps.pool,
      logger: deps.logger,
      now: deps.now,
      catalogue: createCatalogueCache(deps.pool),
      generate: createPlanGenerator(),
    };
    await workQueue(
      deps.boss,
      planGenerateDefinition(handlerDeps, planWorkOptions(deps.config)),
      deps.logger,
    );
    await workPlanDeadLetters(deps.boss, handlerDeps);
  },
};
