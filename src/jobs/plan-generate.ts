// plan.generate: a plan request in, a plan written through insert_full_plan out ({ planId }).
// Jobs come from Node (sendPlanRequest), from the CLI, and from SQL (a plan_request row's trigger,
// payload { planRequestId, userId, ...params }). A batch of jobs is handled set-based: a few
// statements for the whole batch, plans generated in memory against a cached catalogue, and all of
// them written in one statement, falling back to one at a time when that statement fails so a
// bad job cannot fail the others. docs/plan-pipeline.md has the rules and the numbers.

import type pg from "pg";
import type { JobResult, JobWithMetadata, PgBoss, QueueOptions, WorkOptions } from "pg-boss";
import { z } from "zod";
import type { Config } from "../config.ts";
import {
  catalogueVersion,
  enqueueQueuedPlanRequests,
  existingUserIds,
  insertPlans,
  markPlanRequestsFailed,
  markPlanRequestsRunning,
  markPlanRequestsSucceeded,
  type PlanToWrite,
  plansByRequestId,
  readCatalogue,
  singlePlanMessage,
} from "../db/queries/plan-generate.ts";
import type { CatalogueEntry } from "../domain/catalogue-entry.ts";
import { generatePlan, PlanGenerationError, type PlanRequest } from "../domain/plan/index.ts";
import type { PlanJson } from "../domain/plan-json.ts";
import { EQUIPMENT, EXPERIENCE_LEVELS, GOALS, SPLITS } from "../domain/vocabulary.ts";
import type { Logger } from "../logger.ts";
import type { JobModule, WorkerDeps } from "./index.ts";
import { deadLetterQueueOf, ensureQueue } from "./runtime.ts";

export const PLAN_GENERATE_QUEUE = "plan.generate";
/** Where pg-boss moves a plan.generate job that failed for good (retries spent, expired, deadletter). */
export const PLAN_DEAD_LETTER_QUEUE = deadLetterQueueOf(PLAN_GENERATE_QUEUE);

/** The contract's default equipment: a full gym, every value of the vocabulary. */
export const FULL_GYM = EQUIPMENT;

// ---------------------------------------------------------------------------------------------
// The payload

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date YYYY-MM-DD that is a Monday (UTC, so no time zone can move it). */
function isMondayDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getUTCDay() === 1;
}

const show = (input: unknown) => (input === undefined ? "nothing" : JSON.stringify(input));
const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${what} (got ${show(issue.input)})`;
const oneOf = (values: readonly string[]) => (issue: { input: unknown }) =>
  issue.input === undefined
    ? "is required"
    : `must be one of ${values.join(", ")} (got ${show(issue.input)})`;
const uuid = () => z.uuid({ error: required("a uuid") });
const intBetween = (min: number, max: number) => {
  const message = (issue: { input: unknown }) =>
    `must be an integer from ${min} to ${max} (got ${show(issue.input)})`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? "is required" : message(issue)) })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

const PAYLOAD_SHAPE = {
  userId: uuid(),
  goal: z.enum(GOALS, { error: oneOf(GOALS) }).optional(),
  experience: z.enum(EXPERIENCE_LEVELS, { error: oneOf(EXPERIENCE_LEVELS) }).optional(),
  split: z.enum(SPLITS, { error: oneOf(SPLITS) }).optional(),
  daysPerWeek: intBetween(2, 6),
  equipment: z
    .array(z.enum(EQUIPMENT, { error: oneOf(EQUIPMENT) }), {
      error: required("an array of equipment values"),
    })
    .min(1, { error: "must name at least one piece of equipment" })
    .refine((list) => new Set(list).size === list.length, { error: "must not repeat a value" })
    .optional(),
  weekStart: z
    .string({ error: required("a date YYYY-MM-DD") })
    .refine(isMondayDate, { error: (issue) => `must be a Monday as YYYY-MM-DD (got ${show(issue.input)})` })
    .optional(),
  sessionMinutes: intBetween(20, 180).optional(),
  requestId: uuid().optional(),
  /** Set by the plan_request trigger, never by a user: the row to report to. */
  planRequestId: uuid().optional(),
};

const PAYLOAD_KEYS = Object.keys(PAYLOAD_SHAPE);

/** A plan request as it travels in a job (CONTRACT.md section 2), validated at the edge. */
export const planRequestPayload = z.strictObject(PAYLOAD_SHAPE, {
  error: (issue) =>
    issue.code === "invalid_type" ? `must be a JSON object (got ${show(issue.input)})` : undefined,
});

export type PlanRequestPayload = z.infer<typeof planRequestPayload>;

/** `field: problem` for the first problem, so every message names the field (`equipment[2]: ...`). */
export function describePayloadError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "payload: invalid";
  if (issue.code === "unrecognized_keys") {
    const s = issue.keys.length > 1 ? "s" : "";
    return `${issue.keys.join(", ")}: unknown field${s} (a plan request has ${PAYLOAD_KEYS.join(", ")})`;
  }
  const field = issue.path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join("");
  return `${field || "payload"}: ${issue.message}`;
}

/** The first Monday strictly after `now`'s UTC date. */
export function nextMonday(now: Date): string {
  const day = now.getUTCDay();
  const ahead = (8 - day) % 7 || 7;
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight + ahead * 86_400_000).toISOString().slice(0, 10);
}

/** Applies the contract's defaults to a validated payload. */
export function resolvePlanRequest(payload: PlanRequestPayload, now: Date): PlanRequest {
  return {
    goal: payload.goal ?? "general_fitness",
    experience: payload.experience ?? "intermediate",
    split: payload.split ?? "auto",
    daysPerWeek: payload.daysPerWeek,
    equipment: payload.equipment ?? FULL_GYM,
    weekStart: payload.weekStart ?? nextMonday(now),
    sessionMinutes: payload.sessionMinutes ?? 60,
  };
}

// ---------------------------------------------------------------------------------------------
// Sending and waiting (the CLI and other Node callers)

/** A payload that breaks the contract; the message names the field. The CLI exits 2 on it. */
export class InvalidPlanRequestError extends Error {}

/** The job failed for good (bad request, unknown user, no plan possible); the message says why. */
export class PlanRequestFailedError extends Error {}

/**
 * Validates and enqueues a plan request; returns the job id. With a requestId the job id is the
 * requestId, so sending it again creates no second job (and, should the first job be gone, the
 * handler finds the plan by request_id): the same request always yields the same plan.
 */
export async function sendPlanRequest(boss: PgBoss, payload: unknown): Promise<string> {
  const parsed = planRequestPayload.safeParse(payload);
  if (!parsed.success) throw new InvalidPlanRequestError(describePayloadError(parsed.error));
  const { requestId } = parsed.data;
  const id = await boss.send(PLAN_GENERATE_QUEUE, parsed.data, requestId ? { id: requestId } : {});
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

// ---------------------------------------------------------------------------------------------
// Queue and worker settings

/**
 * Generation takes milliseconds: a job active for a minute belongs to a dead worker, so it
 * expires and is retried then. Transient failures (database gone) back off 2, 4, 8 s... up to a
 * minute; bad requests never retry (dead letter). `notify` wakes idle workers at once.
 */
export const PLAN_QUEUE_OPTIONS: QueueOptions & { notify: boolean } = {
  retryLimit: 4,
  retryDelay: 2,
  retryBackoff: true,
  retryDelayMax: 60,
  expireInSeconds: 60,
  retentionSeconds: 7 * 86_400,
  deleteAfterSeconds: 7 * 86_400,
  notify: true,
};

/** Throughput: full batches fetch again at once (burst); an idle worker waits for NOTIFY. */
export function planWorkOptions(config: Pick<Config, "PLAN_BATCH_SIZE" | "PLAN_LOCAL_CONCURRENCY">) {
  return {
    batchSize: config.PLAN_BATCH_SIZE,
    localConcurrency: config.PLAN_LOCAL_CONCURRENCY,
    pollingIntervalSeconds: 0.5,
    burstWhenBatchFull: true,
  } satisfies WorkOptions;
}

// ---------------------------------------------------------------------------------------------
// The catalogue, cached

export interface CatalogueCache {
  get(): Promise<readonly CatalogueEntry[]>;
}

/**
 * The catalogue for the generator, read from exrcwiki once and kept in memory: a batch of 1,000
 * jobs must not read 260 rows 1,000 times. At most every `checkMs` a one-row query (row count and
 * latest updated_at) tells whether exrcwiki changed, and only then is it read again; so an import
 * reaches running workers within `checkMs`. Concurrent callers share one read.
 */
export function createCatalogueCache(db: pg.Pool, checkMs = 2_000): CatalogueCache {
  let cached: { version: string; entries: readonly CatalogueEntry[]; checkedAt: number } | undefined;
  let refreshing: Promise<readonly CatalogueEntry[]> | undefined;
  const refresh = async () => {
    const version = await catalogueVersion(db);
    if (cached?.version === version) {
      cached.checkedAt = Date.now();
      return cached.entries;
    }
    const entries = await readCatalogue(db);
    cached = { version, entries, checkedAt: Date.now() };
    return entries;
  };
  return {
    async get() {
      if (cached && Date.now() - cached.checkedAt < checkMs) return cached.entries;
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
  };
}

/**
 * generatePlan, memoised: the generator is deterministic (same request and catalogue, same plan)
 * and costs about 2 ms of CPU per plan, while many users ask for the same thing in the same week.
 * The memo holds the last `maxEntries` distinct requests for the current catalogue array (the
 * cache hands out a new array when exrcwiki changes, which empties the memo). Plans are shared:
 * callers copy before changing them (the handler spreads in request_id). Failures are not kept.
 */
export function createPlanGenerator(maxEntries = 2_000): PlanGenerator {
  let forCatalogue: readonly CatalogueEntry[] | undefined;
  let memo = new Map<string, PlanJson>();
  return (request, catalogue) => {
    if (catalogue !== forCatalogue) {
      forCatalogue = catalogue;
      memo = new Map();
    }
    const key = JSON.stringify([
      request.goal,
      request.experience,
      request.split,
      request.daysPerWeek,
      request.equipment,
      request.weekStart,
      request.sessionMinutes,
    ]);
    const hit = memo.get(key);
    if (hit) {
      memo.delete(key);
      memo.set(key, hit);
      return hit;
    }
    const plan = generatePlan(request, catalogue);
    if (memo.size >= maxEntries) memo.delete(memo.keys().next().value as string);
    memo.set(key, plan);
    return plan;
  };
}

export type PlanGenerator = (request: PlanRequest, catalogue: readonly CatalogueEntry[]) => PlanJson;

// ---------------------------------------------------------------------------------------------
// The handler

export interface PlanJobDeps {
  pool: pg.Pool;
  logger: Logger;
  now: () => Date;
  catalogue: CatalogueCache;
  /** generatePlan unless given (the worker passes a memoised one, createPlanGenerator). */
  generate?: PlanGenerator;
}

/** What the handler needs of a pg-boss job. */
export type PlanJob = Pick<JobWithMetadata<unknown>, "id" | "data" | "retryCount" | "retryLimit">;

type Outcome =
  | { status: "completed"; planId: string }
  | { status: "deadletter"; error: string }
  | { status: "failed"; error: string };

interface Item {
  job: PlanJob;
  log: Logger;
  payload?: PlanRequestPayload;
  request?: PlanRequest;
  /** The plan's request_id: the caller's requestId, else the plan_request row id. */
  requestKey?: string;
  plan?: PlanJson;
  outcome?: Outcome;
}

const permanent = (error: string): Outcome => ({ status: "deadletter", error });
const transient = (error: unknown): Outcome => ({
  status: "failed",
  error: error instanceof Error ? error.message : String(error),
});

const pgCode = (error: unknown) => (error as { code?: string } | null)?.code;
const pgConstraint = (error: unknown) => (error as { constraint?: string } | null)?.constraint;

/**
 * Settles a batch of plan.generate jobs (pg-boss perJobResults): completed with { planId },
 * deadletter (no retries) for a request that can never succeed, failed (retried) otherwise.
 * plan_request rows of the SQL path go running -> succeeded / failed alongside.
 */
export async function processPlanJobs(jobs: readonly PlanJob[], deps: PlanJobDeps): Promise<JobResult[]> {
  const started = performance.now();
  const items: Item[] = jobs.map((job) => ({
    job,
    log: deps.logger.child({
      queue: PLAN_GENERATE_QUEUE,
      jobId: job.id,
      attempt: job.retryCount + 1,
      of: job.retryLimit + 1,
    }),
  }));
  const now = deps.now();
  for (const item of items) {
    const parsed = planRequestPayload.safeParse(item.job.data ?? {});
    if (!parsed.success) {
      item.outcome = permanent(describePayloadError(parsed.error));
      continue;
    }
    item.payload = parsed.data;
    item.request = resolvePlanRequest(parsed.data, now);
    item.requestKey = parsed.data.requestId ?? parsed.data.planRequestId;
  }
  try {
    await handleValid(items, deps);
  } catch (error) {
    for (const item of items) item.outcome ??= transient(error);
  }
  await reportToPlanRequests(items, deps.pool).catch((error) =>
    deps.logger.error({ err: error }, "could not record plan_request outcomes; the job results stand"),
  );
  const ms = Math.round((performance.now() - started) * 10) / 10;
  return items.map(({ job, log, outcome = transient("no outcome") }) => {
    if (outcome.status === "completed") {
      log.info({ ms, batch: items.length, planId: outcome.planId }, "job completed");
      return { id: job.id, status: "completed", output: { planId: outcome.planId } };
    }
    if (outcome.status === "deadletter") log.warn({ ms, error: outcome.error }, "job failed permanently");
    else log.error({ ms, error: outcome.error }, "job failed; pg-boss retries it while attempts remain");
    return { id: job.id, status: outcome.status, output: { error: outcome.error } };
  });
}

async function handleValid(items: Item[], deps: PlanJobDeps): Promise<void> {
  const open = () => items.filter((i) => i.outcome === undefined && i.payload !== undefined);

  const rowIds = open().flatMap((i) => (i.payload?.planRequestId ? [i.payload.planRequestId] : []));
  await markPlanRequestsRunning(deps.pool, rowIds);

  const users = await existingUserIds(deps.pool, [...new Set(open().map((i) => i.payload?.userId ?? ""))]);
  for (const item of open()) {
    const userId = item.payload?.userId ?? "";
    if (!users.has(userId)) item.outcome = permanent(`userId: no such user ${userId}`);
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
  const generate = deps.generate ?? generatePlan;
  if (catalogue.length === 0) throw new Error("catalogue: exrcwiki is empty; import or seed a catalogue");
  for (const item of open()) {
    try {
      const plan = generate(item.request as PlanRequest, catalogue);
      item.plan = item.requestKey ? { ...plan, request_id: item.requestKey } : plan;
    } catch (error) {
      item.outcome = error instanceof PlanGenerationError ? permanent(error.message) : transient(error);
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
        ? permanent(`requestId: ${item.requestKey} is already used by another user's request`)
        : leaderOutcome;
  }
}

function samePlanOrConflict(item: Item, found: { planId: string; userId: string }): Outcome {
  return found.userId === item.payload?.userId
    ? { status: "completed", planId: found.planId }
    : permanent(`requestId: ${item.requestKey} is already used by another user's request`);
}

const toWrite = (item: Item): PlanToWrite => ({
  userId: item.payload?.userId as string,
  plan: item.plan as PlanJson,
  planRequestId: item.payload?.planRequestId ?? null,
});

/** All plans in one statement; when it fails, each on its own so only the bad ones fail. */
async function writePlans(writers: Item[], deps: PlanJobDeps): Promise<void> {
  if (writers.length === 0) return;
  if (writers.length > 1) {
    try {
      const planIds = await insertPlans(deps.pool, writers.map(toWrite));
      writers.forEach((item, i) => {
        item.outcome = { status: "completed", planId: planIds[i] as string };
      });
      return;
    } catch (error) {
      deps.logger.warn(
        { queue: PLAN_GENERATE_QUEUE, batch: writers.length, err: error },
        "batch insert failed; writing the plans one by one",
      );
    }
  }
  for (const item of writers) item.outcome = await writeOne(item, deps);
}

async function writeOne(item: Item, deps: PlanJobDeps): Promise<Outcome> {
  try {
    const [planId] = await insertPlans(deps.pool, [toWrite(item)]);
    return { status: "completed", planId: planId as string };
  } catch (error) {
    // A concurrent duplicate (another worker wrote this request's plan first): return that plan.
    if (
      pgCode(error) === "23505" &&
      pgConstraint(error) === "modular_training_plan_request_key" &&
      item.requestKey
    ) {
      const found = (await plansByRequestId(deps.pool, [item.requestKey])).get(item.requestKey);
      if (found) return samePlanOrConflict(item, found);
    }
    // insert_full_plans refused the plan JSON: the generator and the SQL disagree; retrying won't help.
    if (pgCode(error) === "22023") return permanent(singlePlanMessage((error as Error).message));
    return transient(error);
  }
}

/**
 * SQL-path rows: permanent failures, and transient ones on the job's last attempt, end `failed`
 * with the message; a plan found for a repeated request ends `succeeded` (new plans were marked in
 * the statement that wrote them). A failure that pg-boss will retry leaves the row `running`.
 */
async function reportToPlanRequests(items: readonly Item[], pool: pg.Pool): Promise<void> {
  const failed: { id: string; error: string }[] = [];
  const succeeded: { id: string; planId: string }[] = [];
  for (const { job, payload, outcome } of items) {
    const rowId = payload?.planRequestId ?? rawPlanRequestId(job.data);
    if (!rowId || !outcome) continue;
    if (outcome.status === "completed") succeeded.push({ id: rowId, planId: outcome.planId });
    else if (outcome.status === "deadletter" || job.retryCount >= job.retryLimit) {
      failed.push({ id: rowId, error: outcome.error });
    }
  }
  await markPlanRequestsFailed(pool, failed);
  await markPlanRequestsSucceeded(pool, succeeded);
}

/** The row id of a payload that failed validation elsewhere, when it carries a valid one. */
function rawPlanRequestId(data: unknown): string | undefined {
  const id = (data as { planRequestId?: unknown } | null)?.planRequestId;
  return typeof id === "string" && z.uuid().safeParse(id).success ? id : undefined;
}

// ---------------------------------------------------------------------------------------------
// Dead letters: no plan_request row stays `running`

/** What the dead-letter handler needs of a pg-boss job. */
export type PlanDeadLetter = Pick<JobWithMetadata<unknown>, "id" | "data" | "sourceOutput">;

/** The error a dead-lettered job's source ended with: its `{ error }`, pg-boss's `{ message }`, or the JSON. */
export function deadLetterError(output: unknown): string {
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

// ---------------------------------------------------------------------------------------------
// The module

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
    await deps.boss.work(
      PLAN_GENERATE_QUEUE,
      { ...planWorkOptions(deps.config), includeMetadata: true, perJobResults: true },
      (jobs: JobWithMetadata<unknown>[]) => processPlanJobs(jobs, handlerDeps),
    );
    await workPlanDeadLetters(deps.boss, handlerDeps);
  },
};
