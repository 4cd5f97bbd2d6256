// PgBouncer (Debian's `pgbouncer`) in transaction mode in front of a PostgreSQL server, for the
// pooler lane (.ci/pooler) and tests/db/pooler.test.ts: its own config file in a temporary folder,
// a free loopback port, started in the foreground as a child process (never the system service).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

const BINARY = "/usr/sbin/pgbouncer";

export function pgbouncerInstalled(): boolean {
  try {
    execFileSync(BINARY, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PgBouncer {
  /** The pooler's URL for a database of the server (same user and password). */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** Starts PgBouncer (pool_mode = transaction) in front of the server of `serverUrl`. */
export async function startPgBouncer(serverUrl: string): Promise<PgBouncer> {
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username || "postgres");
  const password = decodeURIComponent(server.password);
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "te-pgbouncer-"));
  // PgBouncer will not run as root: it drops to the postgres user, which must read and write here.
  chmodSync(dir, 0o777);
  const target = `host=${server.hostname} port=${server.port || "5432"} user=${user}${password ? ` password=${password}` : ""}`;
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = ${target}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      "max_client_conn = 1000",
      "default_pool_size = 40",
      // After a server restart, log in again within a second (the default waits 15 s).
      "server_login_retry = 1",
      "ignore_startup_parameters = extra_float_digits,options,statement_timeout",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  for (const f of ["pgbouncer.ini", "userlist.txt"]) chmodSync(path.join(dir, f), 0o644);
  const args = [...(userInfo().uid === 0 ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")];
  const child: ChildProcess = spawn(BINARY, args, { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () => {
    try {
      return readFileSync(path.join(dir, "pgbouncer.log"), "utf8").split("\n").slice(-10).join("\n");
    } catch {
      return "(no log)";
    }
  };
  // Up once it accepts a TCP connection.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`pgbouncer did not start on port ${port}:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const auth = `${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ""}`;
  return {
    urlFor: (database) => `postgresql://${auth}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGINT");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
