// What `reset` removes: everything the embedded PostgreSQL keeps for this clone. That is the data
// folder (EMBEDDED_PG_DIR, ./.data/pg by default), and, when running as root made them necessary,
// the relocated data under /var/lib/training-engine and the staged binaries under
// /var/tmp/training-engine (embedded-data-folder.ts, stage-embedded-postgres.ts), which deleting
// the clone leaves behind. Nothing is removed while a server runs on that data folder: deleting
// files under a running PostgreSQL corrupts nothing we keep but leaves a server serving nothing.
import { lstat, readdir, readFile, readlink, rm } from "node:fs/promises";
import path from "node:path";
import { relocatedFolderFor } from "./embedded-data-folder.ts";
import { stagedCopiesOfThisClone } from "./stage-embedded-postgres.ts";

export interface ResetTarget {
  path: string;
  what: string;
  bytes: number;
  /** A process running a program from inside it (a server on staged binaries): kept, not removed. */
  inUseBy?: number;
}

/** Bytes under `target` (a link counts as itself, not what it points to). */
async function sizeOf(target: string): Promise<number> {
  const stat = await lstat(target).catch(() => undefined);
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  const entries = await readdir(target).catch(() => [] as string[]);
  let total = stat.size;
  for (const entry of entries) total += await sizeOf(path.join(target, entry));
  return total;
}

const exists = async (p: string) => (await lstat(p).catch(() => undefined)) !== undefined;

/** The folder the data really is in: the configured one, or where its link points. */
async function dataFolderOf(configured: string): Promise<string | undefined> {
  const stat = await lstat(configured).catch(() => undefined);
  if (!stat) return undefined;
  if (!stat.isSymbolicLink()) return configured;
  return path.resolve(path.dirname(configured), await readlink(configured));
}

/** Everything `reset` would remove for this configured data folder, with sizes. */
export async function resetTargets(configuredDir: string): Promise<ResetTarget[]> {
  const configured = path.resolve(configuredDir);
  const targets: ResetTarget[] = [];
  const data = await dataFolderOf(configured);
  if (data && data !== configured) {
    targets.push({ path: configured, what: "link to the data folder", bytes: 0 });
  }
  const relocated = relocatedFolderFor(configured);
  const inRelocated = data?.startsWith(`${relocated}${path.sep}`) ?? false;
  if (data && (await exists(data))) {
    // Relocated data goes with its whole keyed folder, not only the pg/ inside it.
    const folder = inRelocated ? relocated : data;
    const what = inRelocated ? "relocated embedded PostgreSQL data" : "embedded PostgreSQL data";
    targets.push({ path: folder, what, bytes: await sizeOf(folder) });
  }
  if (!inRelocated && (await exists(relocated))) {
    targets.push({
      path: relocated,
      what: "relocated embedded PostgreSQL data",
      bytes: await sizeOf(relocated),
    });
  }
  for (const staged of await stagedCopiesOfThisClone()) {
    targets.push({
      path: staged,
      what: "staged embedded PostgreSQL binaries",
      bytes: await sizeOf(staged),
      inUseBy: await processRunningFrom(staged),
    });
  }
  return targets;
}

/**
 * The pid of a process whose program lies under `folder`, if any. A staged copy is this clone's,
 * not one server's: a test run's scratch server, or a server on another data folder of the same
 * clone, runs from it too, and removing it under them takes their libraries away (plpgsql). As
 * root, which is when copies are staged, every process's exe link can be read.
 */
async function processRunningFrom(folder: string): Promise<number | undefined> {
  const pids = (await readdir("/proc").catch(() => [] as string[])).filter((n) => /^\d+$/.test(n));
  for (const pid of pids) {
    const exe = await readlink(`/proc/${pid}/exe`).catch(() => "");
    if (exe.startsWith(`${folder}${path.sep}`)) return Number(pid);
  }
  return undefined;
}

/** The pid of a server running on this data folder (its postmaster.pid, and the process alive). */
export async function runningServerPid(configuredDir: string): Promise<number | undefined> {
  const data = await dataFolderOf(path.resolve(configuredDir));
  if (!data) return undefined;
  const text = await readFile(path.join(data, "postmaster.pid"), "utf8").catch(() => "");
  const pid = Number(text.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return pid;
  } catch (error) {
    // EPERM: it exists, under another user (the `postgres` user when we are not root).
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

/** Removes every target no process runs from. */
export async function removeTargets(targets: readonly ResetTarget[]): Promise<void> {
  for (const target of targets) {
    if (target.inUseBy === undefined) await rm(target.path, { recursive: true, force: true });
  }
}
