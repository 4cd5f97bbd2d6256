// Runs the real CLI. `runCli` calls its entry function in this process with its own environment
// and captured output: the same code as `npm run cli`, without a Node start-up per call.
// `spawnCli` runs it as a child process, the way a user does, for what only a process shows: its
// exit code as the shell sees it, and the embedded database when DATABASE_URL is unset.
import { execFile } from "node:child_process";
import path from "node:path";
import { runCli as runCliInProcess } from "../../src/cli/main.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

interface CliOptions {
  /** The database to work on; spawnCli without one uses the embedded PostgreSQL. */
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Options for the node process itself (spawnCli only), e.g. `--import` of a hook. */
  nodeOptions?: string[];
  /** How long spawnCli lets the process run before killing it (default 120 s). */
  timeoutMs?: number;
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const ENTRY = path.join(ROOT, "src/cli/index.ts");

function cliEnv(opts: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: opts.databaseUrl, ...opts.env };
  if (opts.databaseUrl === undefined) delete env.DATABASE_URL;
  delete env.LOG_LEVEL;
  return env;
}

export async function runCli(args: string[], opts: CliOptions & { databaseUrl: string }): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCliInProcess(args, {
    env: cliEnv(opts),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

export function spawnCli(args: string[], opts: CliOptions) {
  return new Promise<CliRun>((resolve, reject) => {
    execFile(
      process.execPath,
      [
        "--experimental-strip-types",
        "--disable-warning=ExperimentalWarning",
        ...(opts.nodeOptions ?? []),
        ENTRY,
        ...args,
      ],
      { cwd: ROOT, env: cliEnv(opts), timeout: opts.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** The first line of stderr: the one-line reason the CLI gives for exit 2. */
export const firstLine = (s: string) => s.split("\n")[0] ?? "";
