// The plan.generate batch handler: validate each job, generate plans against the cached catalogue,
// write the batch in one statement (one by one when that fails, so a bad job fails alone), and
// settle every job on its own; plan_request rows of the SQL path follow their job.

import type pg from "pg";
import type { JobResult } from "pg-boss";
import { isPgError } from "../../db/pg-errors.ts";
import { excludedExercisesByUser } from "../../db/queries/exercise-exclusion.ts";
import { applyFirstLoads } from "../../db/queries/first-loads.ts";
import {
  existingUserIds,
  insertPlans,
  markPlanRequestsFailed,
  markPlanRequestsRunning,
  markPlanRequestsSucceeded,
  type PlanToWrite,
  plansByRequestId,
  singlePlanMessage,
} from "../../db/queries/plan-generate.ts";
import { PlanGenerationError, type PlanRequest } from "../../domain/plan/index.ts";
import type { PlanJson } from "../../domain/plan-json.ts";
import { uuidInput } from "../../domain/uuid.ts";
import type { Logger } from "../../logger.ts";
import { type PlanFailureCause, planGenerationFailures } from "../../metrics/process-metrics.ts";
import { boundedErr, boundedText } from "../bounds.ts";
import {
  type FetchedJob,
  type JobOutcome,
  type QueueDefinition,
  runBatch,
  type SettledJob,
  type ValidJob,
} from "../runtime.ts";
import { type CatalogueCache, generateWithExclusions, type PlanGenerator } from "./catalogue-cache.ts";
import {
  describePayloadError,
  type PlanRequestPayload,
  planRequestPayload,
  resolvePlanRequest,
  weekStartProblem,
} from "./payload.ts";
import { PLAN_GENERATE_QUEUE, PLAN_QUEUE_OPTIONS } from "./settings.ts";

export interface PlanJobDeps {
  pool: pg.Pool;
  logger: Logger;
  now: () => Date;
  catalogue: CatalogueCache;
  /** generatePlan unless given (the worker passes a memoised one, createPlanGenerator). */
  generate?: PlanGenerator;
}

/** What the handler needs of a pg-boss job. */
export type PlanJob = FetchedJob;

type Outcome =
  | { status: "completed"; planId: string }
  | { status: "deadletter"; error: string; reason: PlanFailureCause }
  | { status: "failed"; error: string; cause?: unknown };

interface Item {
  job: PlanJob;
  log: Logger;
  payload?: PlanRequestPayload;
  request?: PlanRequest;
  /** The plan's request_id: the caller's requestId, else the plan_request row id, else the job id. */
  requestKey?: string;
  plan?: PlanJson;
  outcome?: Outcome;
}

// Every stored and logged message is bounded (src/jobs/bounds.ts; the runtime bounds them again):
// no input can make its own error large.
const permanent = (reason: PlanFailureCause, error: string): Outcome => ({
  status: "deadletter",
  error: boundedText(error),
  reason,
});
const transient = (error: unknown): Outcome => ({
  status: "failed",
  error: boundedText(error instanceof Error ? error.message : String(error)),
  cause: error,
});

const pgConstraint = (error: unknown) => (error as { constraint?: string } | null)?.constraint;

/**
 * plan.generate on the shared job runtime (runtime.ts), which validates each payload, logs and
 * settles each job. What is particular to this queue: a fetched batch is handled set-based
 * (handleBatch), and plan_request rows of the SQL path follow their jobs (afterSettled).
 */
export function planGenerateDefinition(
  deps: PlanJobDeps,
  work: QueueDefinition<PlanRequestPayload, { planId: string }>["work"] = {},
): QueueDefinition<PlanRequestPayload, { planId: string }> {
  return {
    name: PLAN_GENERATE_QUEUE,
    queue: PLAN_QUEUE_OPTIONS,
    work,
    payload: planRequestPayload,
    // The size limit comes first (the runtime's checkPayload), then the shape, then this.
    check: (payload) => weekStartProblem(payload, deps.now()),
    describeInvalid: describePayloadError,
    handleBatch: (jobs) => handlePlanBatch(jobs, deps),
    afterSettled: async (settled) => {
      countFailures(settled);
      await reportToPlanRequests(settled, deps.pool);
    },
  };
}

/**
 * Settles a batch of plan.generate jobs as the worker does (the runtime's runBatch):
 * completed with { planId }, deadletter (no retries) for a request that can never succeed, failed
 * (retried) otherwise; plan_request rows go running -> succeeded / failed alongside.
 */
export function processPlanJobs(jobs: readonly PlanJob[], deps: PlanJobDeps): Promise<JobResult[]> {
  return runBatch(planGenerateDefinition(deps), jobs, deps.logger);
}

/** Every valid job of a batch: a few set-based statements for all of them, one outcome each. */
async function handlePlanBatch(
  jobs: readonly ValidJob<PlanRequestPayload>[],
  deps: PlanJobDeps,
): Promise<JobOutcome<{ planId: string }>[]> {
  const now = deps.now();
  const items: Item[] = jobs.map(({ job, payload, ctx }) => ({
    job,
    log: ctx.logger,
    payload,
    request: resolvePlanRequest(payload, now),
    // Every job has a key, so a job run twice (a retry after a lost heartbeat while the first run
    // still finished) finds its plan instead of writing a second one: the caller's requestId, the
    // plan_request row, else the job's own id.
    requestKey: payload.requestId ?? payload.planRequestId ?? uuidOrUndefined(job.id),
  }));
  try {
    await handleValid(items, deps);
  } catch (error) {
    for (const item of items) item.outcome ??= transient(error);
  }
  return items.map(({ outcome = transient("no outcome") }) =>
    outcome.status === "completed" ? { status: "completed", output: { planId: outcome.planId } } : outcome,
  );
}

async function handleValid(items: Item[], deps: PlanJobDeps): Promise<void> {
  const open = () => items.filter((i) => i.outcome === undefined);

  const rowIds = open().flatMap((i) => (i.payload?.planRequestId ? [i.payload.planRequestId] : []));
  await markPlanRequestsRunning(deps.pool, rowIds);

  const users = await existingUserIds(deps.pool, [...new Set(open().map((i) => i.payload?.userId ?? ""))]);
  for (const item of open()) {
    const userId = item.payload?.userId ?? "";
    if (!users.has(userId)) item.outcome = permanent("unknown_user", `userId: no such user ${userId}`);
  }

  // A request seen before: its plan, never a second one.
  const keys = [...new Set(open().flatMap((i) => (i.requestKey ? [i.requestKey] : [])))];
  const existing = await plansByRequestId(deps.pool, keys);
  for (const item of open()) {
    const found = item.requestKey ? existing.get(item.requestKey) : undefined;
    if (found) item.outcome = samePlanOrConflict(item, found);
  }
  if (open().length === 0) return;

  const catalogue = await deps.catalogue.get();
  const generate = deps.generate ?? generateWithExclusions;
  if (catalogue.length === 0) throw new Error("catalogue: exrcwiki is empty; import or seed a catalogue");
  // The lifters' exclusions leave the catalogue before generating (docs/swap.md).
  const exclusions = await excludedExercisesByUser(deps.pool, [
    ...new Set(open().map((i) => i.payload?.userId ?? "")),
  ]);
  for (const item of open()) {
    try {
      const plan = generate(
        item.request as PlanRequest,
        catalogue,
        exclusions.get(item.payload?.userId ?? ""),
      );
      item.plan = item.requestKey ? { ...plan, request_id: item.requestKey } : plan;
    } catch (error) {
      item.outcome =
        error instanceof PlanGenerationError ? permanent("cannot_generate", error.message) : transient(error);
    }
  }

  // One writer per request key; repeats of a key in the same batch share its outcome.
  const writers: Item[] = [];
  const followers = new Map<Item, Item>();
  const leaderOf = new Map<string, Item>();
  for (const item of open()) {
    const leader = item.requestKey ? leaderOf.get(item.requestKey) : undefined;
    if (leader) followers.set(item, leader);
    else {
      writers.push(item);
      if (item.requestKey) leaderOf.set(item.requestKey, item);
    }
  }
  await writePlans(writers, deps);
  for (const [item, leader] of followers) {
    const leaderOutcome = leader.outcome ?? transient("no outcome");
    item.outcome =
      leaderOutcome.status === "completed" && leader.payload?.userId !== item.payload?.userId
        ? permanent(
            "request_id_conflict",
            `requestId: ${item.requestKey} is already used by another user's request`,
          )
        : leaderOutcome;
  }
}

function samePlanOrConflict(item: Item, found: { planId: string; userId: string }): Outcome {
  return found.userId === item.payload?.userId
    ? { status: "completed", planId: found.planId }
    : permanent(
        "request_id_conflict",
        `requestId: ${item.requestKey} is already used by another user's request`,
      );
}

const toWrite = (item: Item): PlanToWrite => ({
  userId: item.payload?.userId as string,
  plan: item.plan as PlanJson,
  planRequestId: item.payload?.planRequestId ?? null,
  allowedEquipment: item.request?.equipment ?? [],
});

/** All plans in one statement; when it fails, each on its own so only the bad ones fail. */
async function writePlans(writers: Item[], deps: PlanJobDeps): Promise<void> {
  if (writers.length === 0) return;
  if (writers.length > 1) {
    try {
      const planIds = await insertPlans(deps.pool, writers.map(toWrite));
      await firstLoads(planIds, deps);
      writers.forEach((item, i) => {
        item.outcome = { status: "completed", planId: planIds[i] as string };
      });
      return;
    } catch (error) {
      deps.logger.warn(
        { queue: PLAN_GENERATE_QUEUE, batch: writers.length, err: boundedErr(error) },
        "batch insert failed; writing the plans one by one",
      );
    }
  }
  for (const item of writers) item.outcome = await writeOne(item, deps);
}

/**
 * Week-1 loads from the lifter's history (src/db/queries/first-loads.ts). The plan is written
 * already: a failure here leaves its loads null (as for a lifter without history) and is logged,
 * rather than failing a job whose plan exists.
 */
async function firstLoads(planIds: readonly string[], deps: PlanJobDeps): Promise<void> {
  try {
    await applyFirstLoads(deps.pool, planIds);
  } catch (error) {
    deps.logger.warn(
      { queue: PLAN_GENERATE_QUEUE, plans: planIds.length, err: boundedErr(error) },
      "first loads failed",
    );
  }
}

async function writeOne(item: Item, deps: PlanJobDeps): Promise<Outcome> {
  try {
    const [planId] = await insertPlans(deps.pool, [toWrite(item)]);
    await firstLoads([planId as string], deps);
    return { status: "completed", planId: planId as string };
  } catch (error) {
    // A concurrent duplicate (another worker wrote this request's plan first): return that plan.
    if (
      isPgError(error, "uniqueViolation") &&
      pgConstraint(error) === "modular_training_plan_request_key" &&
      item.requestKey
    ) {
      const found = (await plansByRequestId(deps.pool, [item.requestKey])).get(item.requestKey);
      if (found) return samePlanOrConflict(item, found);
    }
    // A bound per user (docs/bounds.md), e.g. the user's active plans: nothing was written, and
    // retrying won't help until the user archives a plan; the message names the bound.
    if (isPgError(error, "checkViolation") && pgConstraint(error)?.startsWith("user_bounds_"))
      return permanent("over_bound", (error as Error).message);
    // insert_full_plans refused the plan JSON: the generator and the SQL disagree; retrying won't help.
    if (isPgError(error, "invalidParameterValue"))
      return permanent("rejected_by_database", singlePlanMessage((error as Error).message));
    return transient(error);
  }
}

/** The plan generation failures metric, by cause; a retried failure is `transient`. */
function countFailures(settled: readonly SettledJob<PlanRequestPayload, { planId: string }>[]): void {
  for (const { outcome } of settled) {
    if (outcome.status === "completed") continue;
    const cause = outcome.status === "failed" ? "transient" : (outcome.reason ?? "invalid_payload");
    planGenerationFailures.inc({ cause });
  }
}

/**
 * SQL-path rows: permanent failures (an invalid payload included), and transient ones on the
 * job's last attempt, end `failed` with the message; a plan found for a repeated request ends
 * `succeeded` (new plans were marked in the statement that wrote them). A failure that pg-boss
 * will retry leaves the row `running`.
 */
async function reportToPlanRequests(
  settled: readonly SettledJob<PlanRequestPayload, { planId: string }>[],
  pool: pg.Pool,
): Promise<void> {
  const failed: { id: string; error: string }[] = [];
  const succeeded: { id: string; planId: string }[] = [];
  for (const { job, payload, outcome } of settled) {
    const rowId = payload?.planRequestId ?? rawPlanRequestId(job.data);
    if (!rowId) continue;
    if (outcome.status === "completed") succeeded.push({ id: rowId, planId: outcome.output.planId });
    else if (outcome.status === "deadletter" || job.retryCount >= job.retryLimit) {
      failed.push({ id: rowId, error: outcome.error });
    }
  }
  await markPlanRequestsFailed(pool, failed);
  await markPlanRequestsSucceeded(pool, succeeded);
}

const uuid = uuidInput();
const uuidOrUndefined = (id: unknown) => {
  const parsed = uuid.safeParse(id);
  return parsed.success ? parsed.data : undefined;
};

/** The row id of a payload that failed validation elsewhere, when it carries a valid one (lower-cased). */
export function rawPlanRequestId(data: unknown): string | undefined {
  return uuidOrUndefined((data as { planRequestId?: unknown } | null)?.planRequestId);
}
