// Seeded fuzzing of insert_full_plan and insert_full_plans (docs/contract.md section 3): every
// call ends in a plan written whole, or in a named error (SQLSTATE 22023, the function's prefix,
// at most 1,024 characters), and a refused call leaves no row behind.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PG_ERROR } from "../../src/db/pg-errors.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { liftBoundsForLoad } from "./load-bounds.ts";
import { fuzzedPlan } from "./plan-json-fuzz.ts";
import { runPool } from "./run-pool.ts";
import { announceSeed } from "./seed.ts";

// Half of what they were (5,000 and 1,000): CI's 30 minutes; every run draws a new seed, so the
// cases over many runs still grow.
const SINGLE_CASES = 2_500;
const BATCH_CASES = 500;

interface Outcome {
  ok: boolean;
  code?: string;
  message?: string;
}

describe("fuzzed insert_full_plan / insert_full_plans", () => {
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
    await liftBoundsForLoad(tdb.pool);
  });
  afterAll(() => tdb.drop());

  const settle = async (run: () => Promise<unknown>): Promise<Outcome> => {
    try {
      await run();
      return { ok: true };
    } catch (error) {
      const e = error as { code?: string; message?: string };
      return { ok: false, code: e.code, message: e.message };
    }
  };

  /** Whatever a refused call left behind: rows of the user beyond what the accepted calls made. */
  const rowCounts = async (userId: string) => {
    const { rows } = await tdb.pool.query(
      `SELECT (SELECT count(*) FROM modular_training_plan WHERE user_id = $1)::int AS plans,
              (SELECT count(*) FROM modular_training_week WHERE user_id = $1)::int AS weeks,
              (SELECT count(*) FROM modular_training_session WHERE user_id = $1)::int AS sessions,
              (SELECT count(*) FROM modular_training_exercise WHERE user_id = $1)::int AS exercises`,
      [userId],
    );
    return rows[0];
  };

  // Named and bounded: 22023 with the function's prefix, at most 1,024 characters. Or 22P05: a
  // string holding \u0000, which PostgreSQL's jsonb refuses before any function runs.
  const named = (o: Outcome, prefix: RegExp) =>
    (o.code === PG_ERROR.invalidParameterValue &&
      prefix.test(o.message ?? "") &&
      (o.message?.length ?? 0) <= 1024) ||
    (o.code === "22P05" && o.message === "unsupported Unicode escape sequence");
  const badOutcomes = (outcomes: Outcome[], prefix: RegExp) =>
    outcomes.flatMap((o, i) =>
      o.ok || named(o, prefix) ? [] : [{ case: i, code: o.code, message: o.message?.slice(0, 300) }],
    );

  it(`insert_full_plan: ${SINGLE_CASES} fuzzed plans`, async () => {
    const seed = announceSeed("insert_full_plan");
    const userId = await createUser(tdb.pool);
    const cases = fc.sample(fuzzedPlan, { seed, numRuns: SINGLE_CASES });
    const outcomes = await runPool(cases, 4, (c) =>
      settle(() =>
        tdb.pool.query("SELECT insert_full_plan($1, $2::jsonb)", [userId, JSON.stringify(c.plan)]),
      ),
    );
    expect(badOutcomes(outcomes, /^insert_full_plan: /).slice(0, 5)).toEqual([]);
    const accepted = cases.filter((_, i) => outcomes[i]?.ok);
    expect(await rowCounts(userId)).toEqual({
      plans: accepted.length,
      weeks: accepted.length,
      sessions: accepted.reduce((n, c) => n + c.sessions, 0),
      exercises: accepted.reduce((n, c) => n + c.slots, 0),
    });
    console.log(`insert_full_plan: ${accepted.length} accepted, ${cases.length - accepted.length} refused`);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(cases.length);
  });

  it(`insert_full_plans: ${BATCH_CASES} fuzzed batches of 1-4 plans`, async () => {
    const seed = announceSeed("insert_full_plans");
    const userId = await createUser(tdb.pool);
    const batches = fc.sample(fc.array(fuzzedPlan, { minLength: 1, maxLength: 4 }), {
      seed: seed + 1,
      numRuns: BATCH_CASES,
    });
    const outcomes = await runPool(batches, 4, (batch) =>
      settle(() =>
        tdb.pool.query("SELECT insert_full_plans($1::uuid[], $2::jsonb[])", [
          batch.map(() => userId),
          batch.map((c) => JSON.stringify(c.plan)),
        ]),
      ),
    );
    expect(badOutcomes(outcomes, /^insert_full_plans: plans\[\d+\]: /).slice(0, 5)).toEqual([]);
    const accepted = batches.filter((_, i) => outcomes[i]?.ok).flat();
    expect(await rowCounts(userId)).toEqual({
      plans: accepted.length,
      weeks: accepted.length,
      sessions: accepted.reduce((n, c) => n + c.sessions, 0),
      exercises: accepted.reduce((n, c) => n + c.slots, 0),
    });
    console.log(
      `insert_full_plans: ${accepted.length} plans accepted in ${outcomes.filter((o) => o.ok).length} batches`,
    );
  });
});
