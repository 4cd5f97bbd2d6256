// A worker that joined the embedded PostgreSQL another process started, when that process stops
// it (issue 18, item 7). It used to keep running on a database that was gone, logging about seven
// connection-error stacks a second. Now it logs one line, starts the server itself on the same
// folder, carries on (pg-boss and its pools reconnect), and stops that server last on SIGTERM.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "../../src/db/embedded.ts";
import { createLogger } from "../../src/logger.ts";
import { startMain } from "../helpers/main-process.ts";
import { freePort } from "../helpers/scratch-postgres.ts";
import { waitFor } from "../helpers/wait.ts";

const TAKE_OVER =
  "the embedded PostgreSQL this process joined was stopped by the process that started it: starting it here on the same folder";

describe("a worker that joined another process's embedded PostgreSQL", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "te-joiner-"));
    await chmod(root, 0o755);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("takes the server over with one line when its owner stops it, then stops it last", async () => {
    const dir = path.join(root, "pg");
    const port = await freePort();
    // The owner: what a CLI command does when it finds no server (starts one, stops it at the end).
    const owner = await startEmbeddedDatabase({ dir, port, logger: createLogger("silent") });
    const worker = startMain(
      { EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(port), HTTP_PORT: "0" },
      { group: true },
    );
    try {
      await worker.waitFor("worker started", 90_000);
      expect(worker.messages).toContain("joined the embedded PostgreSQL another process started");
      const before = worker.problems().length;
      await owner.stop();
      await worker.waitFor("embedded PostgreSQL started", 20_000);
      // Let pg-boss's loops run into the gap and reconnect.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      const problems = worker
        .problems()
        .slice(before)
        .map((line) => JSON.parse(line) as { msg: string; err?: unknown });
      expect(problems.map((p) => p.msg)).toContain(TAKE_OVER);
      // One line for the lost connection and one for the take-over (plus one per job the stop cut
      // off, which pg-boss retries); no stacks.
      const lines = problems.filter(
        (p) => p.msg !== "job failed: database connection lost; pg-boss retries it",
      );
      expect(lines.length, lines.map((p) => p.msg).join("\n")).toBeLessThanOrEqual(3);
      expect(problems.filter((p) => p.err !== undefined)).toEqual([]);

      // The worker goes on working on the server it now runs.
      const client = new pg.Client({
        connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/training`,
      });
      await client.connect();
      await waitFor(
        async () => {
          const { rows } = await client.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'training-engine-boss'",
          );
          return rows[0].n > 0 ? true : undefined;
        },
        { what: "pg-boss to reconnect", timeoutMs: 20_000 },
      );
      await client.end();

      process.kill(-(worker.child.pid as number), "SIGTERM");
      const exit = await worker.exitCode();
      expect(exit.code, exit.log).toBe(0);
      const order = ["worker stopped", "embedded PostgreSQL stopped", "bye"];
      expect(worker.messages.filter((m) => order.includes(m))).toEqual(order);
    } finally {
      if (worker.child.exitCode === null) process.kill(-(worker.child.pid as number), "SIGKILL");
      await owner.stop();
    }
  }, 180_000);
});
