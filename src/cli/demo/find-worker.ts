// Is a worker serving a queue on this database right now? pg-boss records every PgBoss object in
// its instance table (pgboss.instance, read with boss.getInstances()): `live` means not stopped
// and heard from within three heartbeats, and `workers` lists the queues its work() calls serve
// as of its last heartbeat. A worker that started less than one heartbeat ago (30 s) has no
// entries yet, so an instance registered under the worker's name counts too.
//
// `live` alone trusts a dead worker for up to three heartbeats (90 s): a worker killed by a forced
// exit or SIGKILL never marks its row stopped, and the demo then waited its whole pickup time for
// it. A row is also taken as stale when its process is provably gone (same host, no such pid) or
// its heartbeat is older than one and a half beats (a running pg-boss refreshes it every beat).
import { hostname } from "node:os";
import type { Instance, PgBoss } from "pg-boss";
import { INSTANCE_NAMES } from "../../boss.ts";

/** True when the registry row says this instance serves the queue (or is one of our workers). */
export function servesQueue(instance: Instance, queue: string): boolean {
  if (!instance.live) return false;
  return instance.name === INSTANCE_NAMES.worker || instance.workers.some((w) => w.queue === queue);
}

/** Where the demo runs: its host, whether a pid runs here, and the database's clock. */
export interface Here {
  host: string;
  pidRunning(pid: number): boolean;
  now: Date;
}

/** Signal 0 asks whether the process exists; EPERM means it does, under another user. */
export function pidRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Why a row pg-boss calls live is a dead worker's, or undefined when it may well be running. */
export function staleReason(instance: Instance, here: Here): string | undefined {
  if (instance.host === here.host && !here.pidRunning(instance.pid)) {
    return `pid ${instance.pid} is not running on this host`;
  }
  const lateMs = here.now.getTime() - new Date(instance.heartbeatOn).getTime();
  if (lateMs > instance.heartbeatSeconds * 1_500) {
    return `no heartbeat for ${Math.round(lateMs / 1000)} s (one is due every ${instance.heartbeatSeconds} s)`;
  }
  return undefined;
}

/** The live instances serving `queue`, oldest first, and the rows that only look live. */
export async function liveWorkersServing(
  boss: PgBoss,
  queue: string,
): Promise<{ live: Instance[]; stale: Array<{ instance: Instance; reason: string }> }> {
  // Dead rows are kept (up to 1,000, pg-boss prunes the rest) and come first: read them all.
  const instances = await boss.getInstances({ limit: 100_000 });
  // The embedded server and the demo share this machine's clock, which wrote heartbeatOn.
  const here: Here = { host: hostname(), pidRunning, now: new Date() };
  const live: Instance[] = [];
  const stale: Array<{ instance: Instance; reason: string }> = [];
  for (const instance of instances.filter((i) => servesQueue(i, queue))) {
    const reason = staleReason(instance, here);
    if (reason) stale.push({ instance, reason });
    else live.push(instance);
  }
  return { live, stale };
}

/** "pid 123 on host-a" for the log line that says which worker was found. */
export const describeInstance = (instance: Instance) =>
  `${instance.name ?? "pg-boss"} pid ${instance.pid} on ${instance.host}`;
