// A throwaway embedded PostgreSQL on a free port in a fresh temporary folder: the test run's
// server when TEST_DATABASE_URL is unset, and the benchmarks' when BENCH_DATABASE_URL is unset.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { importEmbeddedPostgres } from "../../src/db/import-embedded-postgres.ts";
import { firstBlockedFolder, runsAsRoot, serverIdentity } from "../../src/db/postgres-user-access.ts";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts the server with these `-c` settings; `url` is an admin URL to its `postgres` database.
 * `restart` stops and starts it on the same files and port (the fault suite's restart scenario).
 */
export async function startScratchPostgres(
  settings: Record<string, string>,
): Promise<{ url: string; restart(): Promise<void>; stop(): Promise<void> }> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const dir = await mkdtemp(path.join(tmpdir(), "te-scratch-pg-"));
  // mkdtemp makes it 0700; as root the server runs as the `postgres` user, which must get in.
  await chmod(dir, 0o755);
  const blocked = runsAsRoot() ? firstBlockedFolder(dir, serverIdentity()) : undefined;
  if (blocked) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `the scratch PostgreSQL runs as the postgres user, which cannot enter ${blocked}; set TMPDIR to a folder it can reach, or TEST_DATABASE_URL`,
    );
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    port,
    user: "postgres",
    password: "postgres",
    // Kept across restart(); stop() removes the folder.
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: Object.entries(settings).flatMap(([key, value]) => ["-c", `${key}=${value}`]),
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    restart: async () => {
      await server.stop();
      await server.start();
    },
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
