// `npm start` as a real process (src/main.ts), with its log parsed line by line so a test can
// wait for a message with a deadline, and its exit code with the whole log attached.
import { spawn } from "node:child_process";

const NODE_ARGS = ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "src/main.ts"];

/**
 * Starts src/main.ts with the given environment on top of this one's (DATABASE_URL unset unless
 * given). `group`: in a process group of its own (setsid, as a terminal runs a command), so a test
 * can signal the whole group with process.kill(-pid, signal) as Ctrl-C does. `viaNpm`: as
 * `npm start`, npm in front (it forwards signals to the worker once more).
 */
export function startMain(env: NodeJS.ProcessEnv, opts: { group?: boolean; viaNpm?: boolean } = {}) {
  const { DATABASE_URL: _unset, ...rest } = process.env;
  const [command, args] = opts.viaNpm ? ["npm", ["start", "--silent"]] : [process.execPath, NODE_ARGS];
  const child = spawn(command, args, {
    env: { ...rest, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: opts.group ?? false,
  });
  const messages: string[] = [];
  const raw: string[] = [];
  let buffer = "";
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      raw.push(line);
      try {
        messages.push((JSON.parse(line) as { msg: string }).msg);
      } catch {
        messages.push(line);
      }
      for (const w of waiters.splice(0)) {
        if (messages.includes(w.text)) w.resolve();
        else waiters.push(w);
      }
    }
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const waitFor = (text: string, ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (messages.includes(text)) return resolve();
      const timer = setTimeout(
        () =>
          reject(new Error(`no "${text}" within ${ms} ms; log: ${messages.join(" | ")}; stderr: ${stderr}`)),
        ms,
      );
      waiters.push({
        text,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  /** The exit code, with the process's whole log attached when it is not the expected one. */
  const exitCode = async () => ({ code: await exited, log: [...raw, stderr].join("\n") });
  /** Every log line at warn or above (pino levels 40+), for "nothing went wrong" checks. */
  const problems = () =>
    raw.filter((line) => {
      try {
        return (JSON.parse(line) as { level: number }).level >= 40;
      } catch {
        return false;
      }
    });
  return { child, messages, exited, exitCode, waitFor, problems, stderr: () => stderr };
}
