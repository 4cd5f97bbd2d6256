// What every queue shares: creation with its own policy and dead-letter queue, payload
// validation at the edge, one child logger per job, the duration of every job, and the rule that
// a job that can never succeed fails at once (dead letter) instead of burning its retries.
import type { JobResult, JobWithMetadata, PgBoss, Queue, WorkOptions } from "pg-boss";
import type { z } from "zod";
import { QUEUE_HEARTBEAT_SECONDS } from "../boss.ts";
import type { Logger } from "../logger.ts";
import { boundedText, payloadSizeProblem, shown } from "./bounds.ts";

/** An error retrying cannot fix (bad payload, unknown user): the job goes to the dead letters. */
export class PermanentJobError extends Error {}

export interface JobContext {
  logger: Logger;
  jobId: string;
  attempt: number;
}

export interface QueueDefinition<Payload, Result> {
  name: string;
  /** A check of the parsed payload that needs more than its shape (the date window, by the clock). */
  check?(payload: Payload): string | undefined;
  /** Queue policy: retries, backoff, expiry, notify... The dead-letter queue is added here. */
  queue: Omit<Queue, "name" | "deadLetter">;
  work: Omit<WorkOptions, "perJobResults" | "includeMetadata" | "transactional">;
  payload: z.ZodType<Payload>;
  handle(payload: Payload, ctx: JobContext): Promise<Result>;
}

export const deadLetterQueueOf = (name: string) => `${name}.dead`;

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

/**
 * A payload's whole check: the size limit first (a payload over it is refused before it is parsed,
 * so its message never quotes it), then the zod schema, then the definition's own check. The
 * message names the field and is bounded.
 */
export function checkPayload<Payload, Result>(
  def: Pick<QueueDefinition<Payload, Result>, "payload" | "check">,
  data: unknown,
): { ok: true; payload: Payload } | { ok: false; error: string } {
  const tooLarge = payloadSizeProblem(data);
  if (tooLarge) return { ok: false, error: tooLarge };
  const parsed = def.payload.safeParse(data ?? {});
  if (!parsed.success) return { ok: false, error: boundedText(describeZodError(parsed.error)) };
  const problem = def.check?.(parsed.data);
  return problem ? { ok: false, error: boundedText(problem) } : { ok: true, payload: parsed.data };
}

/** Runs one job: validate, handle, log the outcome with its duration, settle it. */
export async function runJob<Payload, Result>(
  def: QueueDefinition<Payload, Result>,
  job: JobWithMetadata<unknown>,
  logger: Logger,
): Promise<JobResult> {
  const attempt = job.retryCount + 1;
  const log = logger.child({ queue: def.name, jobId: job.id, attempt, of: job.retryLimit + 1 });
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  const checked = checkPayload(def, job.data);
  if (!checked.ok) {
    log.warn({ ms: ms(), error: checked.error }, "job rejected: invalid payload");
    return { id: job.id, status: "deadletter", output: { error: checked.error } };
  }
  try {
    const output = await def.handle(checked.payload, { logger: log, jobId: job.id, attempt });
    log.info({ ms: ms() }, "job completed");
    return { id: job.id, status: "completed", output: output as object };
  } catch (error) {
    // Stored in the job's output and logged: bounded, whatever the error quotes.
    const message = boundedText(error instanceof Error ? error.message : String(error));
    if (error instanceof PermanentJobError) {
      log.warn({ ms: ms(), error: message }, "job failed permanently");
      return { id: job.id, status: "deadletter", output: { error: message } };
    }
    log.error({ ms: ms(), error: message }, "job failed; pg-boss retries it while attempts remain");
    return { id: job.id, status: "failed", output: { error: message } };
  }
}

/** Subscribes a worker to the queue; each job of a fetched batch is settled on its own. */
export async function workQueue<Payload, Result>(
  boss: PgBoss,
  def: QueueDefinition<Payload, Result>,
  logger: Logger,
): Promise<string> {
  return boss.work(
    def.name,
    { ...def.work, includeMetadata: true, perJobResults: true },
    async (jobs: JobWithMetadata<unknown>[]) => Promise.all(jobs.map((job) => runJob(def, job, logger))),
  );
}
