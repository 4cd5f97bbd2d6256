// The embedded port as a newcomer finds it (issue 18, item 7). Held by a program that is not
// PostgreSQL, the worker and the CLI used to crash with a TypeError that never named the port;
// held by our server on another data folder, the worker joined it silently. Both are now one line
// naming the port and the setting to change, exit 2; our server on the same folder (even through
// a link) is still joined.
import { chmod, mkdtemp, rm, symlink } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "../../src/db/embedded.ts";
import { EmbeddedServerConflictError } from "../../src/db/embedded-probe.ts";
import { createLogger } from "../../src/logger.ts";
import { spawnCli } from "../helpers/cli.ts";
import { startMain } from "../helpers/main-process.ts";
import { freePort } from "../helpers/scratch-postgres.ts";

const logger = createLogger("silent");

describe("the embedded port held by a program that is not PostgreSQL", () => {
  let server: Server;
  const sockets = new Set<Socket>();
  let port: number;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "te-port-"));
    await chmod(dir, 0o755);
    // Answers every connection with a line of text and hangs up, as an HTTP server or a dev tool would.
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it("the worker exits 2 with one line naming the port and EMBEDDED_PG_PORT", async () => {
    const run = startMain({
      EMBEDDED_PG_DIR: path.join(dir, "pg"),
      EMBEDDED_PG_PORT: String(port),
      HTTP_PORT: "0",
    });
    const exit = await run.exitCode();
    expect(exit.code, exit.log).toBe(2);
    const lines = run.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `port ${port} is in use by a program that is not this project's embedded PostgreSQL`,
    );
    expect(lines[0]).toContain("set EMBEDDED_PG_PORT to a free port");
  }, 60_000);

  it("the CLI exits 2 with the same line", async () => {
    const run = await spawnCli(["status"], {
      env: { EMBEDDED_PG_DIR: path.join(dir, "pg"), EMBEDDED_PG_PORT: String(port) },
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      new RegExp(`^error: embedded PostgreSQL: port ${port} is in use .*EMBEDDED_PG_PORT`),
    );
  }, 60_000);
});

describe("the embedded port held by our server on another data folder", () => {
  let root: string;
  let port: number;
  let owner: Awaited<ReturnType<typeof startEmbeddedDatabase>>;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "te-folders-"));
    await chmod(root, 0o755);
    port = await freePort();
    owner = await startEmbeddedDatabase({ dir: path.join(root, "a"), port, logger });
  }, 120_000);
  afterAll(async () => {
    await owner?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it("is refused, naming both folders and the port", async () => {
    const other = path.join(root, "b");
    const error = await startEmbeddedDatabase({ dir: other, port, logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddedServerConflictError);
    expect((error as Error).message).toBe(
      `embedded PostgreSQL: the server on port ${port} keeps its data in ${path.join(root, "a")}, not in ${other} (EMBEDDED_PG_DIR): ` +
        "stop that server, or set EMBEDDED_PG_PORT to another port to run one on this folder",
    );
  });

  it("the worker exits 2 instead of joining it", async () => {
    const run = startMain({
      EMBEDDED_PG_DIR: path.join(root, "b"),
      EMBEDDED_PG_PORT: String(port),
      HTTP_PORT: "0",
    });
    const exit = await run.exitCode();
    expect(exit.code, exit.log).toBe(2);
    expect(run.messages).not.toContain("joined the embedded PostgreSQL another process started");
    expect(run.stderr()).toContain(
      `keeps its data in ${path.join(root, "a")}, not in ${path.join(root, "b")}`,
    );
  }, 60_000);

  it("is joined when it is this folder, also through a link to it", async () => {
    const link = path.join(root, "link");
    await symlink(path.join(root, "a"), link, "dir");
    const joined = await startEmbeddedDatabase({ dir: link, port, logger });
    expect({ owned: joined.owned, dir: joined.dir }).toEqual({ owned: false, dir: path.join(root, "a") });
    await joined.stop(); // a joiner's stop leaves the owner's server running
    const again = await startEmbeddedDatabase({ dir: path.join(root, "a"), port, logger });
    expect(again.owned).toBe(false);
    // A joiner watches the server and would take it over when the owner stops it after this test.
    await again.stop();
  });
});
