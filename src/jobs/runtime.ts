// What every queue shares: creation with its own policy and dead-letter queue, payload
// validation at the edge, one child logger per job, the duration of every job, and the rule that
// a job that can never succeed fails at once (dead letter) instead of burning its retries.

import type { JobResult, JobWithMetadata, PgBoss, Queue, WorkOptions } from "pg-boss";
import type { z } from "zod";
import { QUEUE_HEARTBEAT_SECONDS } from "../boss.ts";
import { isConnectionError } from "../db/connection-outage.ts";
import { deadLetterQueueOf } from "../db/queries/queues.ts";
import type { Logger } from "../logger.ts";
import { observeJob } from "../metrics/process-metrics.ts";
import { boundedErr, boundedText, payloadSizeProblem, shown } from "./bounds.ts";

/** An error retrying cannot fix (bad payload, unknown user): the job goes to the dead letters. */
export class PermanentJobError extends Error {}

/**
 * A long job (a rollover, a rebuild) that saw ctx.signal and stopped between two batches, with
 * work left: it fails, and pg-boss retries it, which does the rest (every batch is idempotent).
 */
export class JobStoppedError extends Error {}

/** A signal that never aborts: for a job fetched without one (tests hand-make jobs). */
const NEVER = new AbortController().signal;

export interface JobContext {
  logger: Logger;
  jobId: string;
  attempt: number;
  /**
   * Aborted when the worker stops, or when pg-boss gives the job up (its shutdown grace spent, its
   * claim lost). A long job checks it between batches and throws JobStoppedError.
   */
  signal: AbortSignal;
}

/** What the runtime needs of a fetched pg-boss job (pg-boss gives each one its abort signal). */
export type FetchedJob = Pick<JobWithMetadata<unknown>, "id" | "data" | "retryCount" | "retryLimit"> & {
  signal?: AbortSignal;
};

/** How a job ends: completed with its result, dead-lettered at once (permanent), or failed and retried. */
export type JobOutcome<Result> =
  | { status: "completed"; output: Result }
  | { status: "deadletter"; error: string; reason?: string }
  | { status: "failed"; error: string; cause?: unknown };

/** A fetched job whose payload passed validation. */
export interface ValidJob<Payload> {
  job: FetchedJob;
  payload: Payload;
  ctx: JobContext;
}

/** A job of a batch with how it ended; `payload` is missing when the payload was invalid. */
export interface SettledJob<Payload, Result> {
  job: FetchedJob;
  payload?: Payload;
  outcome: JobOutcome<Result>;
}

export interface QueueDefinition<Payload, Result> {
  name: string;
  /** Queue policy: retries, backoff, expiry, notify... The dead-letter queue is added here. */
  queue: Omit<Queue, "name" | "deadLetter">;
  work: Omit<WorkOptions, "perJobResults" | "includeMetadata" | "transactional">;
  payload: z.ZodType<Payload>;
  /** A check of the parsed payload that needs more than its shape (the date window, by the clock). */
  check?(payload: Payload): string | undefined;
  /** Words a payload that breaks the schema, naming the field (default: describeZodError). */
  describeInvalid?(error: z.ZodError): string;
  /** Handles one job; throws PermanentJobError for a job that can never succeed. */
  handle?(payload: Payload, ctx: JobContext): Promise<Result>;
  /**
   * Or handles every valid job of a fetched batch at once (set-based work): one outcome per job,
   * in order. A throw fails them all, to be retried.
   */
  handleBatch?(jobs: readonly ValidJob<Payload>[]): Promise<JobOutcome<Result>[]>;
  /**
   * Called once the batch is settled, with every job (invalid ones too) and its outcome: to mirror
   * outcomes elsewhere. A throw is logged and the jobs' results stand.
   */
  afterSettled?(settled: readonly SettledJob<Payload, Result>[]): Promise<void>;
}

export { deadLetterQueueOf };

/** Creates the queue and its dead-letter queue, or brings an existing queue's options up to date. */
export async function ensureQueue(boss: PgBoss, name: string, options: Omit<Queue, "name" | "deadLetter">) {
  const deadLetter = deadLetterQueueOf(name);
  // Dead letters are kept for 30 days so an operator can look at them (`status` lists them). The
  // plan.generate dead letters have a worker too: a heartbeat, so a killed one is retried soon.
  const deadLetterOptions = {
    retentionSeconds: 30 * 86_400,
    deleteAfterSeconds: 30 * 86_400,
    heartbeatSeconds: QUEUE_HEARTBEAT_SECONDS,
  };
  await boss.createQueue(deadLetter, deadLetterOptions);
  await boss.updateQueue(deadLetter, deadLetterOptions);
  await boss.createQueue(name, { ...options, deadLetter });
  const { policy: _policy, partition: _partition, heartbeatSeconds, retryDelayMax, ...updatable } = options;
  await boss.updateQueue(name, {
    ...updatable,
    deadLetter,
    heartbeatSeconds: heartbeatSeconds ?? null,
    retryDelayMax: retryDelayMax ?? null,
  });
}

/**
 * `field: problem` for the first issue, so every message names the field (`equipment[2]: ...`).
 * An unknown key is named as the field; `knownHint` (e.g. the fields a payload may have) follows it.
 */
export function describeZodError(error: z.ZodError, knownHint?: string): string {
  const issue = error.issues[0];
  if (!issue) return "payload: invalid";
  if (issue.code === "unrecognized_keys") {
    const s = issue.keys.length > 1 ? "s" : "";
    // A key that is not a plain name is quoted (and cut), so the message still reads "field: problem".
    const names = issue.keys.map((key) => (/^[\w-]{1,64}$/.test(key) ? key : shown(key)));
    return `${names.join(", ")}: unknown field${s}${knownHint ? ` (${knownHint})` : ""}`;
  }
  const field = issue.path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join("");
  return `${field || "payload"}: ${issue.message}`;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A payload's whole check: the size limit first (a payload over it is refused before it is parsed,
 * so its message never quotes it), then the zod schema, then the definition's own check. The
 * message names the field and is bounded (src/jobs/bounds.ts).
 */
export function checkPayload<Payload, Result>(
  def: Pick<QueueDefinition<Payload, Result>, "payload" | "check" | "describeInvalid">,
  data: unknown,
): { ok: true; payload: Payload } | { ok: false; error: string } {
  const tooLarge = payloadSizeProblem(data);
  if (tooLarge) return { ok: false, error: tooLarge };
  const parsed = def.payload.safeParse(data ?? {});
  if (!parsed.success) {
    return { ok: false, error: boundedText((def.describeInvalid ?? describeZodError)(parsed.error)) };
  }
  const problem = def.check?.(parsed.data);
  return problem ? { ok: false, error: boundedText(problem) } : { ok: true, payload: parsed.data };
}

/** handle(), one job at a time, as outcomes: PermanentJobError dead-letters, any other error retries. */
async function handleEach<Payload, Result>(
  def: QueueDefinition<Payload, Result>,
  jobs: readonly ValidJob<Payload>[],
): Promise<JobOutcome<Result>[]> {
  const handle = def.handle;
  if (!handle) throw new Error(`queue ${def.name}: the definition has neither handle nor handleBatch`);
  return Promise.all(
    jobs.map(async ({ payload, ctx }): Promise<JobOutcome<Result>> => {
      try {
        return { status: "completed", output: await handle(payload, ctx) };
      } catch (error) {
        if (error instanceof PermanentJobError)
          return { status: "deadletter", error: boundedText(error.message) };
        return { status: "failed", error: boundedText(errorText(error)), cause: error };
      }
    }),
  );
}

/**
 * Runs a fetched batch: validates each payload (an invalid one is dead-lettered at once, with a
 * message naming the field), handles the valid ones (handleBatch, or handle per job), reports the
 * outcomes to afterSettled, and logs each job's outcome with the batch's duration on the job's
 * own child logger (queue, job id, attempt N of M). Returns pg-boss's per-job results.
 */
export async function runBatch<Payload, Result>(
  def: QueueDefinition<Payload, Result>,
  jobs: readonly FetchedJob[],
  logger: Logger,
  stopping?: AbortSignal,
): Promise<JobResult[]> {
  const started = performance.now();
  const settled: SettledJob<Payload, Result>[] = [];
  const valid: Array<ValidJob<Payload> & { index: number }> = [];
  const logs = jobs.map((job) =>
    logger.child({ queue: def.name, jobId: job.id, attempt: job.retryCount + 1, of: job.retryLimit + 1 }),
  );
  jobs.forEach((job, index) => {
    const checked = checkPayload(def, job.data);
    if (checked.ok) {
      const signals = [job.signal, stopping].filter((s): s is AbortSignal => s !== undefined);
      const signal = signals.length > 1 ? AbortSignal.any(signals) : (signals[0] ?? NEVER);
      const ctx = { logger: logs[index] as Logger, jobId: job.id, attempt: job.retryCount + 1, signal };
      valid.push({ job, payload: checked.payload, ctx, index });
      settled[index] = { job, payload: checked.payload, outcome: { status: "failed", error: "no outcome" } };
    } else {
      settled[index] = {
        job,
        outcome: { status: "deadletter", error: checked.error, reason: "invalid_payload" },
      };
    }
  });
  if (valid.length > 0) {
    let outcomes: JobOutcome<Result>[];
    try {
      outcomes = def.handleBatch ? await def.handleBatch(valid) : await handleEach(def, valid);
    } catch (error) {
      outcomes = valid.map(() => ({ status: "failed", error: boundedText(errorText(error)), cause: error }));
    }
    valid.forEach((v, i) => {
      const outcome = outcomes[i] ?? { status: "failed", error: "no outcome" };
      // Stored (job output, plan_request.error) and logged: bounded, whatever the error quotes.
      (settled[v.index] as SettledJob<Payload, Result>).outcome =
        outcome.status === "completed" ? outcome : { ...outcome, error: boundedText(outcome.error) };
    });
  }
  if (def.afterSettled) {
    await def
      .afterSettled(settled)
      .catch((error: unknown) =>
        logger.error(
          { queue: def.name, err: boundedErr(error) },
          "could not report the batch's outcomes; the job results stand",
        ),
      );
  }
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const batch = jobs.length;
  return settled.map(({ job, payload, outcome }, index): JobResult => {
    const log = logs[index] as Logger;
    // Jobs of a batch are handled together, so each is observed with the batch's duration.
    observeJob(def.name, outcome.status, ms / 1000);
    if (outcome.status === "completed") {
      log.info({ ms, batch, result: outcome.output }, "job completed");
      return { id: job.id, status: "completed", output: outcome.output as object };
    }
    if (outcome.status === "deadletter") {
      log.warn(
        { ms, batch, error: outcome.error },
        payload === undefined ? "job rejected: invalid payload" : "job failed permanently",
      );
    } else if (outcome.cause instanceof JobStoppedError) {
      log.warn({ ms, batch, error: outcome.error }, "job stopped between batches; pg-boss retries it");
    } else if (isConnectionError(outcome.cause)) {
      // The server went away under the job (a restart, the embedded server stopped): news about
      // the connection, already logged once per outage, not a fault of the job; no stack.
      const reason = outcome.error.split("\n")[0];
      log.warn({ ms, batch, reason }, "job failed: database connection lost; pg-boss retries it");
    } else {
      const err = boundedErr(outcome.cause ?? outcome.error);
      log.error({ ms, batch, err }, "job failed; pg-boss retries it while attempts remain");
    }
    return { id: job.id, status: outcome.status, output: { error: outcome.error } };
  });
}

/**
 * Subscribes a worker to the queue; each job of a fetched batch is settled on its own (perJobResults).
 * `stopping` (the worker's stop) reaches every job's ctx.signal beside pg-boss's own signal.
 */
export async function workQueue<Payload, Result>(
  boss: PgBoss,
  def: QueueDefinition<Payload, Result>,
  logger: Logger,
  stopping?: AbortSignal,
): Promise<string> {
  return boss.work(
    def.name,
    { ...def.work, includeMetadata: true, perJobResults: true },
    (jobs: JobWithMetadata<unknown>[]) => runBatch(def, jobs, logger, stopping),
  );
}
