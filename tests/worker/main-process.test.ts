// The worker as `npm start` runs it: a real process, on the embedded PostgreSQL (DATABASE_URL
// unset) in a scratch folder, stopped with SIGTERM. Checks the order the README promises: drain
// the worker, then stop the embedded database, then exit 0.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { startMain } from "../helpers/main-process.ts";
import { freePort } from "../helpers/scratch-postgres.ts";

describe("npm start (src/main.ts)", () => {
  it("comes up on the embedded PostgreSQL, keeps its files, and stops cleanly on SIGTERM, database last", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "te-main-"));
    await chmod(dir, 0o755); // as root the server runs as the `postgres` user
    const port = await freePort();
    const env = { EMBEDDED_PG_DIR: path.join(dir, "pg"), EMBEDDED_PG_PORT: String(port) };
    try {
      const first = startMain(env);
      await first.waitFor("worker started", 60_000);
      // A second process can reach the server on its fixed port.
      const client = new pg.Client({
        connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/training`,
      });
      await client.connect();
      const { rows } = await client.query("SELECT count(*)::int AS n FROM exrcwiki");
      await client.end();
      expect(rows[0].n).toBeGreaterThanOrEqual(150); // the built-in catalogue was loaded

      first.child.kill("SIGTERM");
      const firstExit = await first.exitCode();
      expect(firstExit.code, firstExit.log).toBe(0);
      const order = [
        "shutting down: draining running jobs",
        "worker stopped",
        "embedded PostgreSQL stopped",
        "bye",
      ];
      expect(first.messages.filter((m) => order.includes(m))).toEqual(order);

      // Restarted, it finds its files again (no new initialisation) and the catalogue is still there.
      const second = startMain(env);
      await second.waitFor("worker started", 60_000);
      expect(second.messages).not.toContain("initialising the embedded PostgreSQL data folder");
      expect(second.messages).not.toContain("exrcwiki was empty: built-in catalogue loaded");
      second.child.kill("SIGTERM");
      const secondExit = await second.exitCode();
      expect(secondExit.code, secondExit.log).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("shuts down cleanly on a SIGTERM that arrives during start-up", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "te-main-"));
    await chmod(dir, 0o755);
    const env = { EMBEDDED_PG_DIR: path.join(dir, "pg"), EMBEDDED_PG_PORT: String(await freePort()) };
    try {
      const run = startMain(env);
      await run.waitFor("embedded PostgreSQL started", 60_000);
      run.child.kill("SIGTERM"); // before migrations and the worker are up
      const exit = await run.exitCode();
      expect(exit.code, exit.log).toBe(0);
      expect(run.messages).toContain("embedded PostgreSQL stopped");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("keeps the CLI's exit codes on the embedded PostgreSQL (its exit hook would turn them into 0)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "te-cli-"));
    await chmod(dir, 0o755);
    try {
      const run = await runCli(["plan", "show", "00000000-0000-4000-8000-000000000000"], {
        env: { EMBEDDED_PG_DIR: path.join(dir, "pg"), EMBEDDED_PG_PORT: String(await freePort()) },
      });
      expect({ code: run.code, stderr: run.stderr.trim() }).toEqual({
        code: 2,
        stderr: "error: plan not found: 00000000-0000-4000-8000-000000000000",
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("exits 2 with one line naming a bad setting", async () => {
    const run = startMain({ DB_POOL_SIZE: "lots" });
    expect(await run.exited).toBe(2);
  });
});
