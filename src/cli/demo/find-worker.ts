// Is a worker serving a queue on this database right now? pg-boss records every PgBoss object in
// its instance table (pgboss.instance, read with boss.getInstances()): `live` means not stopped
// and heard from within three heartbeats, and `workers` lists the queues its work() calls serve
// as of its last heartbeat. A worker that started less than one heartbeat ago (30 s) has no
// entries yet, so an instance registered under the worker's name counts too.
import type { Instance, PgBoss } from "pg-boss";
import { INSTANCE_NAMES } from "../../boss.ts";

/** True when the registry row says this instance serves the queue (or is one of our workers). */
export function servesQueue(instance: Instance, queue: string): boolean {
  if (!instance.live) return false;
  return instance.name === INSTANCE_NAMES.worker || instance.workers.some((w) => w.queue === queue);
}

/** The live instances serving `queue`, oldest first. */
export async function liveWorkersServing(boss: PgBoss, queue: string): Promise<Instance[]> {
  // Dead rows are kept (up to 1,000, pg-boss prunes the rest) and come first: read them all.
  const instances = await boss.getInstances({ limit: 100_000 });
  return instances.filter((instance) => servesQueue(instance, queue));
}

/** "pid 123 on host-a" for the log line that says which worker was found. */
export const describeInstance = (instance: Instance) =>
  `${instance.name ?? "pg-boss"} pid ${instance.pid} on ${instance.host}`;
