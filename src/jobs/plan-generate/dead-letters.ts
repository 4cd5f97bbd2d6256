// Dead letters: no plan_request row stays `running` when its job fails for good.

import type { JobWithMetadata, PgBoss } from "pg-boss";
import { markPlanRequestsFailed } from "../../db/queries/plan-generate.ts";
import { boundedText } from "../bounds.ts";
import { type PlanJobDeps, rawPlanRequestId } from "./handler.ts";
import { PLAN_DEAD_LETTER_QUEUE } from "./settings.ts";

/** What the dead-letter handler needs of a pg-boss job. */
export type PlanDeadLetter = Pick<JobWithMetadata<unknown>, "id" | "data" | "sourceOutput">;

/**
 * The error a dead-lettered job's source ended with: its `{ error }`, pg-boss's `{ message }`, or
 * the JSON; bounded (src/jobs/bounds.ts).
 */
export function deadLetterError(output: unknown): string {
  return boundedText(unboundedDeadLetterError(output));
}

function unboundedDeadLetterError(output: unknown): string {
  if (output && typeof output === "object") {
    const { error, message } = output as { error?: unknown; message?: unknown };
    if (typeof error === "string") return error;
    if (typeof message === "string") return message;
    if (Object.keys(output).length > 0) return JSON.stringify(output);
  }
  return "plan.generate job failed after its last attempt (no error recorded)";
}

/**
 * A plan.generate job that ends in the dead-letter queue (its retries spent, its last attempt
 * expired, a worker that died with it, or a permanent failure) leaves its plan_request row `failed`
 * with the job's error. Rows the handler already settled are left as they are (only `queued` and
 * `running` rows change), so this is idempotent with the handler's own reporting.
 */
export async function processPlanDeadLetters(
  jobs: readonly PlanDeadLetter[],
  deps: Pick<PlanJobDeps, "pool" | "logger">,
): Promise<void> {
  const failures = jobs.flatMap((job) => {
    const id = rawPlanRequestId(job.data);
    return id ? [{ id, error: deadLetterError(job.sourceOutput) }] : [];
  });
  await markPlanRequestsFailed(deps.pool, failures);
  if (failures.length > 0) {
    deps.logger.info(
      { queue: PLAN_DEAD_LETTER_QUEUE, jobs: jobs.length, rows: failures.length },
      "dead-lettered plan requests marked failed",
    );
  }
}

/** Subscribes the dead-letter worker (started with the plan.generate worker). */
export async function workPlanDeadLetters(boss: PgBoss, deps: Pick<PlanJobDeps, "pool" | "logger">) {
  return boss.work(
    PLAN_DEAD_LETTER_QUEUE,
    { batchSize: 100, pollingIntervalSeconds: 1, includeMetadata: true },
    (jobs: JobWithMetadata<unknown>[]) => processPlanDeadLetters(jobs, deps),
  );
}
