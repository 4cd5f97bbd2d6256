// Seeded fuzzing of plan_request params, the SQL path end to end: a signed-in user inserts the
// row, its trigger enqueues the job, a running worker settles it. Each insert is refused at once
// (params over 4 KiB: the size constraint; a \u0000 jsonb cannot hold) or ends `succeeded` with
// exactly one plan, or `failed` with a bounded error naming the field.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { PG_ERROR } from "../../src/db/pg-errors.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { asUser, createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { waitFor } from "../helpers/wait.ts";
import { applyChanges, hostileValue, keyChange } from "./arbitraries.ts";
import { liftBoundsForLoad } from "./load-bounds.ts";
import { namesAField } from "./named-error.ts";
import { runPool } from "./run-pool.ts";
import { announceSeed } from "./seed.ts";

const REQUESTS = 600;

describe("fuzzed plan_request params", () => {
  let tdb: TestDatabase;
  let worker: RunningWorker;
  let userId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
    worker = await startWorker({
      url: tdb.url,
      config: loadConfig({ LOG_LEVEL: "silent" }),
      logger: createLogger("silent"),
    });
    await liftBoundsForLoad(tdb.pool);
    userId = await createUser(tdb.pool);
  });
  afterAll(async () => {
    await worker?.stop(5_000);
    await tdb.drop();
  });

  it(`${REQUESTS} fuzzed requests: refused at insert, or settled with one plan or a named error`, async () => {
    const seed = announceSeed("plan_request params");
    const valid = {
      daysPerWeek: 3,
      goal: "hypertrophy",
      weekStart: monday(1),
      equipment: ["dumbbell"],
      sessionMinutes: 45,
    };
    const keys = [...Object.keys(valid), "split", "experience", "requestId", "userId", "planRequestId"];
    const params = fc.sample(
      fc.oneof(
        {
          weight: 9,
          arbitrary: fc.array(keyChange(keys), { maxLength: 3 }).map((c) => applyChanges(valid, c)),
        },
        { weight: 1, arbitrary: hostileValue },
      ),
      { seed: seed + 5, numRuns: REQUESTS },
    );

    type Inserted = { id: string } | { id?: undefined; code?: string; constraint?: string; message?: string };
    const inserted = await runPool(params, 4, async (p): Promise<Inserted> => {
      try {
        return await asUser(tdb.pool, userId, async (c) => {
          const { rows } = await c.query<{ id: string }>(
            "INSERT INTO plan_request (params) VALUES ($1) RETURNING id",
            [JSON.stringify(p)],
          );
          return { id: rows[0]?.id as string };
        });
      } catch (error) {
        const e = error as { code?: string; constraint?: string; message?: string };
        return { code: e.code, constraint: e.constraint, message: e.message };
      }
    });
    const refusedAtInsert = inserted.flatMap((r) => (r.id === undefined ? [r] : []));
    expect(
      refusedAtInsert.filter(
        (r) =>
          !(r.code === PG_ERROR.checkViolation && r.constraint === "plan_request_params_size_check") &&
          !(r.code === "22P05" && r.message === "unsupported Unicode escape sequence"),
      ),
    ).toEqual([]);
    const ids = inserted.flatMap((r) => (r.id === undefined ? [] : [r.id]));

    const rows = await waitFor(
      async () => {
        const { rows } = await tdb.pool.query<{
          id: string;
          status: string;
          plan_id: string | null;
          error: string | null;
        }>("SELECT id, status, plan_id, error FROM plan_request WHERE id = ANY($1::uuid[])", [ids]);
        return rows.every((r) => r.status === "succeeded" || r.status === "failed") ? rows : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250, what: `${ids.length} plan_request rows to settle` },
    );
    const succeeded = rows.filter((r) => r.status === "succeeded");
    const failed = rows.filter((r) => r.status === "failed");
    expect(failed.filter((r) => !namesAField(r.error))).toEqual([]);
    expect(succeeded.filter((r) => !r.plan_id)).toEqual([]);
    // Exactly one plan per succeeded request, none for a failed one.
    const { rows: plans } = await tdb.pool.query<{ request_id: string; n: number }>(
      "SELECT request_id, count(*)::int AS n FROM modular_training_plan WHERE request_id = ANY($1::uuid[]) GROUP BY request_id",
      [ids],
    );
    expect(plans.filter((p) => p.n !== 1)).toEqual([]);
    expect(new Set(plans.map((p) => p.request_id))).toEqual(new Set(succeeded.map((r) => r.id)));
    console.log(
      `plan_request params: ${refusedAtInsert.length} refused at insert, ${succeeded.length} succeeded, ${failed.length} failed`,
    );
    expect(succeeded.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
  });
});
