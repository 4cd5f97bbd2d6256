// A plan.generate job that fails for good ends in plan.generate.dead; the dead-letter worker
// leaves its plan_request row `failed` with the job's error, so no row stays `running`.
import type { JobWithMetadata, PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss } from "../../src/boss.ts";
import {
  deadLetterError,
  PLAN_GENERATE_QUEUE,
  PLAN_QUEUE_OPTIONS,
  workPlanDeadLetters,
} from "../../src/jobs/plan-generate/index.ts";
import { ensureQueue } from "../../src/jobs/runtime.ts";
import { createLogger } from "../../src/logger.ts";
import { asUser, createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { waitFor } from "../helpers/wait.ts";

const logger = createLogger("silent");

describe("plan.generate dead letters", () => {
  let tdb: TestDatabase;
  let boss: PgBoss;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
    boss = createBoss(tdb.url, logger, { max: 4, listenNotify: tdb.url === tdb.directUrl });
    boss.on("error", () => {});
    await boss.start();
    // No retries: the first failure is the last one.
    await ensureQueue(boss, PLAN_GENERATE_QUEUE, { ...PLAN_QUEUE_OPTIONS, retryLimit: 0 });
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: true });
    await tdb?.drop();
  });

  it("marks the plan_request of a job that always fails `failed` with the job's error", async () => {
    const user = await createUser(tdb.pool);
    const rowId = await asUser(tdb.pool, user, async (c) => {
      const { rows } = await c.query<{ id: string }>(
        "INSERT INTO plan_request (params) VALUES ($1) RETURNING id",
        [JSON.stringify({ daysPerWeek: 3 })],
      );
      return rows[0]?.id as string;
    });
    // A worker that picked the row up (running) and then failed on every attempt.
    await tdb.pool.query("UPDATE plan_request SET status = 'running' WHERE id = $1", [rowId]);
    await boss.work(PLAN_GENERATE_QUEUE, { pollingIntervalSeconds: 0.5, includeMetadata: true }, async () => {
      throw new Error("database on fire");
    });
    await workPlanDeadLetters(boss, { pool: tdb.pool, logger });

    const row = await waitFor(
      async () => {
        const { rows } = await tdb.pool.query<{
          status: string;
          error: string | null;
          plan_id: string | null;
        }>("SELECT status, error, plan_id FROM plan_request WHERE id = $1", [rowId]);
        return rows[0]?.status === "failed" ? rows[0] : undefined;
      },
      { what: "the plan_request row to end failed", timeoutMs: 20_000 },
    );
    expect(row).toEqual({ status: "failed", error: "database on fire", plan_id: null });
    const [job] = await boss.findJobs<unknown>(PLAN_GENERATE_QUEUE, { id: rowId });
    expect(job?.state).toBe("failed");
  });

  it("takes the error from the source job's output", () => {
    const out = (o: unknown) => deadLetterError(o);
    expect(out({ error: "userId: no such user x" })).toBe("userId: no such user x");
    expect(out({ message: "job heartbeat timeout" })).toBe("job heartbeat timeout");
    expect(out({ code: 7 })).toBe('{"code":7}');
    expect(out(null)).toMatch(/no error recorded/);
  });

  it("leaves rows that already ended alone", async () => {
    const user = await createUser(tdb.pool);
    const { rows } = await tdb.pool.query<{ id: string }>(
      "INSERT INTO plan_request (user_id, params, status, error) VALUES ($1, '{}', 'failed', 'first') RETURNING id",
      [user],
    );
    const id = rows[0]?.id as string;
    const { processPlanDeadLetters } = await import("../../src/jobs/plan-generate/index.ts");
    const job = { id: "x", data: { planRequestId: id }, sourceOutput: { error: "second" } };
    await processPlanDeadLetters([job as unknown as JobWithMetadata<unknown>], { pool: tdb.pool, logger });
    const { rows: after } = await tdb.pool.query("SELECT status, error FROM plan_request WHERE id = $1", [
      id,
    ]);
    expect(after).toEqual([{ status: "failed", error: "first" }]);
  });
});
