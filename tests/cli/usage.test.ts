// Bad usage exits 2 with a one-line reason first on stderr (then the usage), before any database
// work; nothing is printed on stdout. The CLI runs in this process (runCli); one check spawns it,
// so the exit code is also the one a shell sees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, firstLine, runCli, spawnCli } from "../helpers/cli.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});

const cli = (...args: string[]) => runCli(args, { databaseUrl: tdb.url });
const USER = "7d6a6f1e-3f5b-4f43-9d64-5b0c1b0f4a11";

function expectUsageError(run: CliRun, reason: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(firstLine(run.stderr)).toMatch(/^error: /);
  expect(firstLine(run.stderr)).toMatch(reason);
  expect(run.stderr).toContain("usage: training-engine");
}

describe("bad usage exits 2 with a one-line reason", () => {
  it("no command", async () => {
    expectUsageError(await cli(), /no command given/);
  });

  it("an unknown command", async () => {
    expectUsageError(await cli("frobnicate", "now"), /unknown command: frobnicate now/);
  });

  it("exits 2 as a process too, with the reason on its stderr", async () => {
    const run = await spawnCli(["frobnicate", "now"], { databaseUrl: tdb.url });
    expectUsageError(run, /unknown command: frobnicate now/);
  });

  it("plan request without --user", async () => {
    expectUsageError(
      await cli("plan", "request", "--days", "3"),
      /^error: plan request: --user: is required$/,
    );
  });

  it("plan request without --days", async () => {
    expectUsageError(
      await cli("plan", "request", "--user", USER),
      /^error: plan request: --days: is required$/,
    );
  });

  it("--days 9 names the flag", async () => {
    expectUsageError(await cli("plan", "request", "--user", USER, "--days", "9"), /--days: /);
  });

  it("--days that is not a number names the flag", async () => {
    expectUsageError(await cli("plan", "request", "--user", USER, "--days", "three"), /--days: /);
  });

  it("a user id that is not a uuid names --user", async () => {
    expectUsageError(await cli("plan", "request", "--user", "bob", "--days", "3"), /--user: /);
  });

  it("an unknown goal and an unknown equipment value name their flags", async () => {
    expectUsageError(
      await cli("plan", "request", "--user", USER, "--days", "3", "--goal", "bulk"),
      /--goal: /,
    );
    expectUsageError(
      await cli("plan", "request", "--user", USER, "--days", "3", "--equipment", "barbell,anvil"),
      /--equipment: /,
    );
  });

  it("an unknown flag", async () => {
    expectUsageError(
      await cli("plan", "request", "--user", USER, "--days", "3", "--colour", "red"),
      /Unknown option '--colour'/,
    );
    expectUsageError(await cli("status", "--verbose"), /Unknown option '--verbose'/);
  });

  it("--timeout-seconds without --wait, or not a number", async () => {
    expectUsageError(
      await cli("plan", "request", "--user", USER, "--days", "3", "--timeout-seconds", "5"),
      /^error: plan request: --timeout-seconds: needs --wait$/,
    );
    expectUsageError(
      await cli("plan", "request", "--user", USER, "--days", "3", "--wait", "--timeout-seconds", "soon"),
      /--timeout-seconds: /,
    );
  });

  it("plan show with a malformed id, or without one", async () => {
    expectUsageError(
      await cli("plan", "show", "42"),
      /^error: plan show: <plan-id>: must be a uuid \(got "42"\)$/,
    );
    expectUsageError(await cli("plan", "show"), /expected 1 argument, got 0/);
  });

  it("catalogue import without a file", async () => {
    expectUsageError(await cli("catalogue", "import"), /expected 1 argument, got 0/);
  });

  it("--help prints the usage and exits 0", async () => {
    const run = await cli("--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("plan request --user <uuid> --days <n>");
  });
});
