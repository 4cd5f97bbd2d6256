// Runs the real CLI as a child process, the way a user does: `node src/cli/index.ts ...` with
// DATABASE_URL pointing at a test database, or unset (the embedded PostgreSQL) without one.
import { execFile } from "node:child_process";
import path from "node:path";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const ENTRY = path.join(ROOT, "src/cli/index.ts");

export function runCli(args: string[], opts: { databaseUrl?: string; env?: Record<string, string> }) {
  return new Promise<CliRun>((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: opts.databaseUrl, ...opts.env };
    if (opts.databaseUrl === undefined) delete env.DATABASE_URL;
    delete env.LOG_LEVEL;
    execFile(
      process.execPath,
      ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", ENTRY, ...args],
      { cwd: ROOT, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** The first line of stderr: the one-line reason the CLI gives for exit 2. */
export const firstLine = (s: string) => s.split("\n")[0] ?? "";
