// Following a job by its state in pg-boss (boss.findJobs), with a deadline: never a sleep for a
// guessed duration. A failed attempt that pg-boss will retry (`retry`) is waited through.
import type { JobWithMetadata, PgBoss } from "pg-boss";

const SETTLED = new Set(["completed", "failed", "cancelled"]);
const POLL_MS = 50;

export async function findJob(boss: PgBoss, queue: string, id: string) {
  const [job] = await boss.findJobs<unknown>(queue, { id });
  return job;
}

/** Resolves with the job once it is completed, failed or cancelled; rejects after `timeoutMs`. */
export async function waitForSettled(
  boss: PgBoss,
  queue: string,
  id: string,
  timeoutMs: number,
): Promise<JobWithMetadata<unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await findJob(boss, queue, id);
    if (job && SETTLED.has(job.state)) return job;
    if (Date.now() > deadline) {
      throw new Error(`${queue} job ${id} is still ${job?.state ?? "missing"} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** True once a worker has fetched the job (its state left `created`); false at the deadline. */
export async function pickedUpWithin(boss: PgBoss, queue: string, id: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await findJob(boss, queue, id);
    if (job && job.state !== "created") return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The error a failed job ended with, as the job runtime records it ({ error } or { message }). */
export function jobError(job: JobWithMetadata<unknown>): string {
  const output = (job.output ?? {}) as { error?: unknown; message?: unknown };
  return String(output.error ?? output.message ?? `job ${job.state}`);
}
