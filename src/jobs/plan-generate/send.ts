// Sending a plan request and waiting for its plan: the CLI and other Node callers.

import type { PgBoss } from "pg-boss";
import { checkPlanRequestPayload } from "./payload.ts";
import { PLAN_GENERATE_QUEUE } from "./settings.ts";

/** A payload that breaks the contract; the message names the field. The CLI exits 2 on it. */
export class InvalidPlanRequestError extends Error {}

/** The job failed for good (bad request, unknown user, no plan possible); the message says why. */
export class PlanRequestFailedError extends Error {}

/**
 * Validates and enqueues a plan request; returns the job id. With a requestId the job id is the
 * requestId, so sending it again creates no second job (and, should the first job be gone, the
 * handler finds the plan by request_id): the same request always yields the same plan.
 */
export async function sendPlanRequest(boss: PgBoss, payload: unknown, now = new Date()): Promise<string> {
  const checked = checkPlanRequestPayload(payload, now);
  if (!checked.ok) throw new InvalidPlanRequestError(checked.error);
  const { requestId } = checked.payload;
  const id = await boss.send(PLAN_GENERATE_QUEUE, checked.payload, requestId ? { id: requestId } : {});
  const jobId = id ?? requestId;
  if (!jobId) throw new Error(`pg-boss did not create a ${PLAN_GENERATE_QUEUE} job`);
  return jobId;
}

/**
 * Waits until a running worker finished the job, polling its state every `pollMs`: resolves with
 * { planId }, rejects with PlanRequestFailedError when it failed for good, or with an Error after
 * `timeoutMs` (no worker running?). A failed attempt that will be retried is waited through.
 */
export async function waitForPlan(
  boss: PgBoss,
  jobId: string,
  opts: { timeoutMs?: number; pollMs?: number } = {},
): Promise<{ planId: string }> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    const [job] = await boss.findJobs<unknown>(PLAN_GENERATE_QUEUE, { id: jobId });
    const output = (job?.output ?? {}) as { planId?: string; error?: string; message?: string };
    if (job?.state === "completed" && output.planId) return { planId: output.planId };
    if (job?.state === "failed" || job?.state === "cancelled") {
      throw new PlanRequestFailedError(output.error ?? output.message ?? `job ${job.state}`);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no plan after ${opts.timeoutMs ?? 30_000} ms: job ${jobId} is ${job?.state ?? "missing"}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, opts.pollMs ?? 100));
  }
}
