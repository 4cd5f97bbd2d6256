// `npm start` as a real process (src/main.ts), with its log parsed line by line so a test can
// wait for a message with a deadline, and its exit code with the whole log attached.
import { spawn } from "node:child_process";

/** Starts src/main.ts with the given environment on top of this one's (DATABASE_URL unset unless given). */
export function startMain(env: NodeJS.ProcessEnv) {
  const { DATABASE_URL: _unset, ...rest } = process.env;
  const child = spawn(
    process.execPath,
    ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "src/main.ts"],
    { env: { ...rest, LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
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
  return { child, messages, exited, exitCode, waitFor };
}
