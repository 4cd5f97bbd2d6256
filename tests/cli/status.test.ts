// `status` lists every queue with its counts by state, the schedules, and the dead-letter queues
// with the last dead-lettered jobs' errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss } from "../../src/boss.ts";
import { deadLetterQueueOf, ensureQueue } from "../../src/jobs/runtime.ts";
import { createLogger } from "../../src/logger.ts";
import { runCli } from "../helpers/cli.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});

const cli = (...args: string[]) => runCli(args, { databaseUrl: tdb.url });

describe("status", () => {
  it("on a database no worker has used yet, says so", async () => {
    const run = await cli("status");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("queues (0)");
    expect(run.stdout).toContain("schedules (0)");
    expect(run.stdout).toContain("dead letters (0 queues)");
  });

  it("lists queues with counts by state, schedules, and dead letters with their errors", async () => {
    const boss = createBoss(tdb.url, createLogger("silent"), { max: 2 });
    await boss.start();
    try {
      await ensureQueue(boss, "te.cli.test", { retryLimit: 0 });
      await boss.schedule("te.cli.test", "15 4 * * *", {}, { tz: "Europe/Berlin" });
      for (let i = 0; i < 3; i++) await boss.send("te.cli.test", { i });
      const [job] = await boss.fetch("te.cli.test");
      if (!job) throw new Error("no job fetched");
      await boss.fail("te.cli.test", job.id, { error: "payload.daysPerWeek: too big" });
      const [done] = await boss.fetch("te.cli.test");
      if (!done) throw new Error("no second job fetched");
      await boss.complete("te.cli.test", done.id);
    } finally {
      await boss.stop({ graceful: false, close: true });
    }

    const run = await cli("status");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = run.stdout;
    const dead = deadLetterQueueOf("te.cli.test");
    expect(out).toMatch(/queue\s+policy\s+created\s+retry\s+active\s+completed\s+cancelled\s+failed\s+total/);
    // created 1, retry 0, active 0, completed 1, cancelled 0, failed 1, total 3
    expect(out).toMatch(
      new RegExp(`te\\.cli\\.test\\s+standard\\s+1\\s+0\\s+0\\s+1\\s+0\\s+1\\s+3\\s+${dead}`),
    );
    expect(out).toMatch(/te\.cli\.test\s+\S*\s*15 4 \* \* \*\s+Europe\/Berlin/);
    expect(out).toMatch(new RegExp(`${dead.replace(/\./g, "\\.")}\\s+te\\.cli\\.test\\s+1\\s+1`));
    expect(out).toContain(`last 1 in ${dead}`);
    expect(out).toContain("payload.daysPerWeek: too big");
    expect(out).not.toContain("__pgboss__");
  });
});
