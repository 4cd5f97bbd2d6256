// Seeded fuzzing of every queue's payload, through the code that runs the jobs, on a real
// database: plan.generate batches through processPlanJobs, plan.rollover and progress.refresh
// jobs through runBatch (the runtime every queue shares). Each job ends completed (a plan written once, or the job's real work) or
// dead-lettered with a bounded error naming the field; none is left to retry.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { JobWithMetadata } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { seedBuiltinCatalogueIfEmpty } from "../../src/db/queries/seed-builtin-catalogue.ts";
import {
  createCatalogueCache,
  createPlanGenerator,
  processPlanJobs,
} from "../../src/jobs/plan-generate/index.ts";
import { planRolloverDefinition } from "../../src/jobs/plan-rollover/index.ts";
import { progressRefreshDefinition } from "../../src/jobs/progress-refresh/index.ts";
import { type QueueDefinition, runBatch } from "../../src/jobs/runtime.ts";
import { createLogger } from "../../src/logger.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { applyChanges, hostileValue, keyChange } from "./arbitraries.ts";
import { liftBoundsForLoad } from "./load-bounds.ts";
import { namesAField } from "./named-error.ts";
import { announceSeed } from "./seed.ts";

const PLAN_JOBS = 1_500;
const ROLLOVER_JOBS = 1_000;
const PROGRESS_JOBS = 1_000;
const logger = createLogger("silent");

/** A payload: usually the valid one with changes, sometimes any JSON value at all. */
const fuzzedPayload = (valid: Record<string, unknown>, keys: readonly string[]) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.array(keyChange(keys), { maxLength: 3 }).map((c) => applyChanges(valid, c)) },
    { weight: 1, arbitrary: hostileValue },
  );

const asJob = (data: unknown) =>
  ({ id: randomUUID(), data, retryCount: 0, retryLimit: 3 }) as unknown as JobWithMetadata<unknown>;

/** Runs the payloads 20 to a batch: each job completes, or is dead-lettered with a named field. */
async function expectSettledOrNamed<P, R>(def: QueueDefinition<P, R>, payloads: readonly unknown[]) {
  const results = [];
  for (let i = 0; i < payloads.length; i += 20) {
    results.push(...(await runBatch(def, payloads.slice(i, i + 20).map(asJob), logger)));
  }
  const wrong = results.filter(
    (r) =>
      r.status !== "completed" &&
      !(r.status === "deadletter" && namesAField((r.output as { error?: unknown }).error)),
  );
  expect(wrong.slice(0, 5)).toEqual([]);
  expect(results.some((r) => r.status === "completed")).toBe(true);
}

describe("fuzzed queue payloads", () => {
  let tdb: TestDatabase;
  let userId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
    await seedBuiltinCatalogueIfEmpty(tdb.pool);
    await liftBoundsForLoad(tdb.pool);
    userId = await createUser(tdb.pool);
  });
  afterAll(() => tdb.drop());

  it(`plan.generate: ${PLAN_JOBS} fuzzed jobs in batches`, async () => {
    const seed = announceSeed("plan.generate payloads");
    const valid = {
      userId,
      daysPerWeek: 4,
      goal: "strength",
      experience: "beginner",
      split: "auto",
      equipment: ["barbell", "dumbbell"],
      weekStart: monday(1),
      sessionMinutes: 60,
    };
    const payloads = fc.sample(fuzzedPayload(valid, [...Object.keys(valid), "requestId", "planRequestId"]), {
      seed: seed + 2,
      numRuns: PLAN_JOBS,
    });
    const deps = {
      pool: tdb.pool,
      logger,
      now: () => new Date(),
      catalogue: createCatalogueCache(tdb.pool),
      generate: createPlanGenerator(),
    };
    const jobs = payloads.map(asJob);
    const results = [];
    for (let i = 0; i < jobs.length; i += 50)
      results.push(...(await processPlanJobs(jobs.slice(i, i + 50), deps)));

    const wrong = results.filter((r, i) =>
      r.status === "completed"
        ? false
        : !(r.status === "deadletter" && namesAField((r.output as { error?: unknown }).error)) || !jobs[i],
    );
    expect(wrong.slice(0, 5)).toEqual([]);
    // A completed job's plan exists once, found by its request key.
    const completed = results.filter((r) => r.status === "completed");
    const planIds = completed.map((r) => (r.output as { planId: string }).planId);
    const { rows } = await tdb.pool.query<{ n: number; distinct_requests: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT request_id)::int AS distinct_requests FROM modular_training_plan WHERE id = ANY($1::uuid[])",
      [planIds],
    );
    expect(rows[0]?.n).toBe(new Set(planIds).size);
    console.log(
      `plan.generate payloads: ${completed.length} completed, ${results.length - completed.length} refused`,
    );
    expect(completed.length).toBeGreaterThan(0);
  });

  it(`plan.rollover: ${ROLLOVER_JOBS} fuzzed jobs`, async () => {
    const seed = announceSeed("plan.rollover payloads");
    const config = loadConfig({});
    const def = planRolloverDefinition({ pool: tdb.pool, config, now: () => new Date() });
    const payloads = fc.sample(fuzzedPayload({ asOf: monday(0) }, ["asOf"]), {
      seed: seed + 3,
      numRuns: ROLLOVER_JOBS,
    });
    await expectSettledOrNamed(def, payloads);
  });

  it(`progress.refresh: ${PROGRESS_JOBS} fuzzed jobs`, async () => {
    const seed = announceSeed("progress.refresh payloads");
    const def = progressRefreshDefinition({ pool: tdb.pool });
    const payloads = fc.sample(fuzzedPayload({ userId, full: false }, ["userId", "full"]), {
      seed: seed + 4,
      numRuns: PROGRESS_JOBS,
    });
    await expectSettledOrNamed(def, payloads);
  });
});
