// One exit-code rule for the worker and the CLI (docs/cli.md, "Exit codes"): 2 for bad usage, bad
// input and bad configuration, 1 for failures at run time; and one wording: `error: <reason>`.
// A bad setting is the case both meet: the same line and the same code from `npm start`,
// `npm run cli` and `npm run db:migrate`.
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spawnCli } from "../helpers/cli.ts";
import { startMain } from "../helpers/main-process.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BAD = { DB_POOL_SIZE: "lots" };
const LINE = 'error: configuration: DB_POOL_SIZE: must be an integer from 2 to 100 (got "lots")';

function migrate(env: Record<string, string>) {
  return new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "src/db/migrate-cli.ts"],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, _stdout, stderr) => resolve({ code: typeof error?.code === "number" ? error.code : 0, stderr }),
    );
  });
}

describe("a bad setting", () => {
  it("the CLI exits 2 with one line naming the variable, its range and the value", async () => {
    const run = await spawnCli(["status"], { env: BAD });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: `${LINE}\n` });
  }, 60_000);

  it("the worker exits 2 with the same line", async () => {
    const worker = startMain(BAD);
    const { code, log } = await worker.exitCode();
    expect(code).toBe(2);
    expect(log.split("\n")).toContain(LINE);
  }, 60_000);

  it("db:migrate exits 2 with the same line", async () => {
    const run = await migrate(BAD);
    expect(run).toEqual({ code: 2, stderr: `${LINE}\n` });
  }, 60_000);
});
