// The embedded server's user must be able to enter every folder on the way to its binaries and
// data; a clone in a folder only root can enter is found and its data kept elsewhere.
import { chmod, lstat, mkdir, mkdtemp, readlink, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveDataFolder } from "../../src/db/embedded-data-folder.ts";
import { firstBlockedFolder, type ServerIdentity } from "../../src/db/postgres-user-access.ts";

const cleanups: string[] = [];
afterEach(async () => {
  for (const dir of cleanups.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function folder(mode: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "te-access-"));
  cleanups.push(dir);
  await chmod(dir, mode);
  return dir;
}

// A user that owns nothing here and is in no group that does.
const stranger: ServerIdentity = { uid: 54_321, gid: 54_321, groups: [] };

describe("firstBlockedFolder", () => {
  it("names the private folder on the way, and nothing when the way is open", async () => {
    const open = await folder(0o755);
    await mkdir(path.join(open, "a/b"), { recursive: true });
    expect(firstBlockedFolder(path.join(open, "a/b/c/d"), stranger)).toBeUndefined();

    const closed = await folder(0o700);
    await mkdir(path.join(closed, "clone/node_modules"), { recursive: true, mode: 0o755 });
    expect(firstBlockedFolder(path.join(closed, "clone/node_modules/bin"), stranger)).toBe(closed);
  });

  it("lets the owner and the group in by their own bits", async () => {
    const dir = await folder(0o710);
    const { uid, gid } = userInfo();
    expect(firstBlockedFolder(dir, { uid, gid: 1, groups: [] })).toBeUndefined();
    expect(firstBlockedFolder(dir, { uid: 54_321, gid, groups: [] })).toBeUndefined();
    expect(firstBlockedFolder(dir, { uid: 54_321, gid: 1, groups: [gid] })).toBeUndefined();
    expect(firstBlockedFolder(dir, stranger)).toBe(dir);
  });
});

describe.runIf(userInfo().uid === 0)("resolveDataFolder as root", () => {
  it("keeps the data outside a private clone behind a link, and finds it again", async () => {
    const clone = await folder(0o700);
    const configured = path.join(clone, ".data/pg");

    const first = await resolveDataFolder(configured);
    expect(first.relocatedBecause).toContain(clone);
    expect(first.dir.startsWith("/var/lib/training-engine/")).toBe(true);
    cleanups.push(path.dirname(first.dir));
    expect((await lstat(configured)).isSymbolicLink()).toBe(true);
    expect(await readlink(configured)).toBe(first.dir);

    await mkdir(first.dir, { recursive: true });
    const again = await resolveDataFolder(configured);
    expect(again).toEqual({ dir: first.dir });
  });

  it("uses the configured folder in place when the server can reach it", async () => {
    const open = await folder(0o755);
    expect(await resolveDataFolder(path.join(open, "pg"))).toEqual({ dir: path.join(open, "pg") });
  });
});
