// What a newcomer runs into at the CLI's edges: a reader that closes the pipe early, a user that
// does not exist, an email the column cannot hold, an --svg target that is not a folder of regular
// files, and one wording for every bad value: `<command>: <flag as typed>: <problem> (got <value>)`,
// the value cut the same way everywhere.
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, newId } from "../helpers/auth.ts";
import { firstLine, runCli, spawnCli } from "../helpers/cli.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NOWHERE = "postgresql://nobody@127.0.0.1:1/none";

let tdb: TestDatabase;
let dir: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "te-edges-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await tdb?.drop();
});
const cli = (...args: string[]) => runCli(args, { databaseUrl: tdb.url });

describe("a closed stdout", () => {
  it("`status | head`: the reader goes away, the CLI exits 0 without an EPIPE crash", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: tdb.url };
    delete env.LOG_LEVEL;
    const child = spawn(
      process.execPath,
      ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "src/cli/index.ts", "status"],
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    // The reader closes before the first line: every write of the command meets a closed pipe.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  }, 60_000);
});

describe("progress show for a user that does not exist", () => {
  it("exits 2 naming --user, instead of printing made-up defaults", async () => {
    const id = newId();
    const run = await cli("progress", "show", "--user", id);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: progress show: --user: no such user ${id}\n`,
    });
  });
});

describe("user create --email", () => {
  it("a 5,000-character email exits 2 naming the limit, before the database", async () => {
    const long = `${"a".repeat(4990)}@example.test`;
    const run = await runCli(["user", "create", "--email", long], { databaseUrl: NOWHERE });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(firstLine(run.stderr)).toMatch(
      /^error: user create: --email: must be at most 255 characters \(got "a{79}\.\.\. \(5005 characters\)\)$/,
    );
  });

  it("one of exactly 255 characters is taken", async () => {
    const email = `${"b".repeat(255 - "@example.test".length)}@example.test`;
    const run = await cli("user", "create", "--email", email);
    expect(run.code).toBe(0);
    const { rows } = await tdb.pool.query("SELECT email FROM auth.users WHERE id = $1", [run.stdout.trim()]);
    expect(rows).toEqual([{ email }]);
  });
});

describe("progress show --svg", () => {
  let userId: string;
  beforeAll(async () => {
    userId = await createUser(tdb.pool);
  });

  it("a folder under /proc fails at once with exit 2 naming --svg (it used to spin at 100% CPU)", async () => {
    const run = await spawnCli(["progress", "show", "--user", userId, "--svg", "/proc/x"], {
      databaseUrl: tdb.url,
      timeoutMs: 20_000,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(firstLine(run.stderr)).toMatch(
      /^error: progress show: --svg: cannot create the folder \/proc\/x \(E\w+\)$/,
    );
  }, 30_000);

  it("a file where the folder should be is refused", async () => {
    const file = path.join(dir, "a-file");
    await writeFile(file, "keep me");
    const run = await cli("progress", "show", "--user", userId, "--svg", file);
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toBe(`error: progress show: --svg: ${file} exists and is not a folder`);
    expect(await readFile(file, "utf8")).toBe("keep me");
  });

  it("a FIFO or a symlink where a chart goes is refused, not waited on or followed", async () => {
    const fifoDir = path.join(dir, "fifo");
    await rm(fifoDir, { recursive: true, force: true });
    execFileSync("mkdir", ["-p", fifoDir]);
    execFileSync("mkfifo", [path.join(fifoDir, "e1rm-trend.svg")]);
    const fifo = await cli("progress", "show", "--user", userId, "--svg", fifoDir);
    expect(fifo.code).toBe(2);
    expect(firstLine(fifo.stderr)).toBe(
      `error: progress show: --svg: ${path.join(fifoDir, "e1rm-trend.svg")} exists and is not a regular file`,
    );

    const linkDir = path.join(dir, "link");
    const target = path.join(dir, "elsewhere.txt");
    await writeFile(target, "untouched");
    execFileSync("mkdir", ["-p", linkDir]);
    execFileSync("ln", ["-sf", target, path.join(linkDir, "e1rm-trend.svg")]);
    const link = await cli("progress", "show", "--user", userId, "--svg", linkDir);
    expect(link.code).toBe(2);
    expect(await readFile(target, "utf8")).toBe("untouched");
  });

  it("a fresh folder gets both charts", async () => {
    const out = path.join(dir, "new", "charts");
    const run = await cli("progress", "show", "--user", userId, "--svg", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${path.join(out, "weekly-sets.svg")}`);
    expect(await readFile(path.join(out, "e1rm-trend.svg"), "utf8")).toMatch(/^<\?xml /);
  });
});

describe("one wording for a bad value", () => {
  const LONG = "x".repeat(5000);
  // Every value-taking flag and argument, given 5,000 characters: the flag as typed, the value cut
  // to 80 characters of its JSON with its length, whatever the command (src/jobs/bounds.ts `shown`).
  const user = newId();
  const cases: [string, string[]][] = [
    ["plan request: --user: must be a uuid", ["plan", "request", "--user", LONG, "--days", "3"]],
    ["plan request: --days: must be an integer", ["plan", "request", "--user", user, "--days", LONG]],
    [
      "plan request: --goal: must be one of",
      ["plan", "request", "--user", user, "--days", "3", "--goal", LONG],
    ],
    [
      "plan request: --week-start: must be a Monday",
      ["plan", "request", "--user", user, "--days", "3", "--week-start", LONG],
    ],
    [
      "plan request: --request-id: must be a uuid",
      ["plan", "request", "--user", user, "--days", "3", "--request-id", LONG],
    ],
    [
      "plan request: --timeout-seconds: must be a number of seconds",
      ["plan", "request", "--user", user, "--days", "3", "--wait", "--timeout-seconds", LONG],
    ],
    ["plan show: <plan-id>: must be a uuid", ["plan", "show", LONG]],
    ["progress show: --user: must be a uuid", ["progress", "show", "--user", LONG]],
    ["progress refresh: --user: must be a uuid", ["progress", "refresh", "--user", LONG]],
    ["rollover: --as-of: must be a date YYYY-MM-DD", ["rollover", "--as-of", LONG]],
    ["user create: --email: must be at most 255 characters", ["user", "create", "--email", LONG]],
    ["catalogue import: <file>: cannot be read: ENAMETOOLONG", ["catalogue", "import", LONG]],
  ];
  it.each(cases)("%s", async (start, args) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    const line = firstLine(run.stderr);
    expect(line.startsWith(`error: ${start}`), line.slice(0, 200)).toBe(true);
    expect(line).toMatch(/\(got "x{79}\.\.\. \(5002 characters\)\)$/);
  });

  it("a job's payload field becomes the flag it came from", async () => {
    const past = await cli("rollover", "--as-of", "1990-01-01");
    expect(past.code).toBe(2);
    expect(firstLine(past.stderr)).toMatch(/^error: rollover: --as-of: /);
    const userId = await createUser(tdb.pool);
    const far = await cli("plan", "request", "--user", userId, "--days", "3", "--week-start", "2090-01-02");
    expect(far.code).toBe(2);
    expect(firstLine(far.stderr)).toMatch(/^error: plan request: --week-start: /);
    expect(far.stderr).not.toMatch(/weekStart|asOf|userId/);
  });
});
