// Where the embedded PostgreSQL keeps its files. The configured folder (./.data/pg by default)
// when the server's user can reach it; as root in a folder only root can enter, a folder of its
// own under /var/lib, with the configured path made a link to it, so the data still survives
// restarts and `ls -l .data` shows where it is.
import { createHash } from "node:crypto";
import { lstat, mkdir, realpath, rmdir, symlink } from "node:fs/promises";
import path from "node:path";
import { firstBlockedFolder, runsAsRoot, serverIdentity } from "./postgres-user-access.ts";

export const RELOCATED_DATA_ROOT = "/var/lib/training-engine";

/**
 * The folder under RELOCATED_DATA_ROOT that holds this configured folder's data when it had to be
 * relocated. Keyed by the configured path, so every clone keeps its own data and finds it again.
 */
export function relocatedFolderFor(configured: string): string {
  const key = createHash("sha256").update(path.resolve(configured)).digest("hex").slice(0, 12);
  return path.join(RELOCATED_DATA_ROOT, key);
}

export interface DataFolder {
  /** The folder the server is given. */
  dir: string;
  /** Set when the configured folder is a link to `dir` because the server could not reach it. */
  relocatedBecause?: string;
}

export async function resolveDataFolder(configured: string): Promise<DataFolder> {
  const wanted = path.resolve(configured);
  const link = await lstat(wanted).catch(() => undefined);
  // A link made by an earlier run (or by hand): the data is wherever it points.
  const dir = link?.isSymbolicLink() ? await realpath(wanted) : wanted;
  if (!runsAsRoot()) return { dir };
  const blocked = firstBlockedFolder(dir, serverIdentity());
  if (!blocked) return { dir };
  // An empty folder left by a run that could not start the server is replaced by the link.
  if (link && !link.isSymbolicLink()) await rmdir(wanted).catch(() => {});
  if (await lstat(wanted).catch(() => undefined)) {
    throw new Error(
      `the embedded PostgreSQL runs as the postgres user, which cannot enter ${blocked} to reach its data in ${dir}; ` +
        "move that folder somewhere it can reach and set EMBEDDED_PG_DIR, or set DATABASE_URL",
    );
  }
  const relocated = path.join(relocatedFolderFor(wanted), "pg");
  await mkdir(path.dirname(relocated), { recursive: true, mode: 0o755 });
  await mkdir(path.dirname(wanted), { recursive: true });
  await symlink(relocated, wanted, "dir");
  return { dir: relocated, relocatedBecause: `the postgres user cannot enter ${blocked}` };
}
