// The worker as a real process (`npm start`'s src/main.ts) on a given database, for the fault
// scenarios: started, waited for by its log, killed.
import { spawn } from "node:child_process";

export interface WorkerProcess {
  pid: number;
  /** Resolves when the log has a line with this msg; rejects after `ms` with the log so far. */
  waitFor(msg: string, ms: number): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
  log(): string;
}

export function spawnWorker(databaseUrl: string, env: NodeJS.ProcessEnv = {}): WorkerProcess {
  const child = spawn(
    process.execPath,
    ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "src/main.ts"],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "info",
        MIGRATE_ON_START: "false",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  const msgs = new Set<string>();
  let buffer = "";
  const waiters: Array<{ msg: string; resolve: () => void }> = [];
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      try {
        msgs.add((JSON.parse(line) as { msg: string }).msg);
      } catch {
        msgs.add(line);
      }
    }
    for (const w of waiters.splice(0)) {
      if (msgs.has(w.msg)) w.resolve();
      else waiters.push(w);
    }
  });
  child.stderr.on("data", (d: Buffer) => lines.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const log = () => lines.slice(-40).join("\n");
  return {
    pid: child.pid as number,
    exited,
    log,
    kill: (signal) => {
      child.kill(signal);
    },
    waitFor: (msg, ms) =>
      new Promise<void>((resolve, reject) => {
        if (msgs.has(msg)) return resolve();
        const timer = setTimeout(() => reject(new Error(`no "${msg}" within ${ms} ms; log:\n${log()}`)), ms);
        waiters.push({
          msg,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
  };
}

/** Stops the workers that still run (SIGTERM, then SIGKILL after `ms`), and waits for them. */
export async function stopWorkers(workers: readonly WorkerProcess[], ms = 15_000): Promise<void> {
  await Promise.all(
    workers.map(async (w) => {
      w.kill("SIGTERM");
      const timer = setTimeout(() => w.kill("SIGKILL"), ms);
      await w.exited;
      clearTimeout(timer);
    }),
  );
}
