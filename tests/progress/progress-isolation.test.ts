// One tenant cannot stop progress for the others (issue 18): a user whose refresh fails is set
// aside (recorded in progress_refresh_failure, counted in /metrics, retried later) while the sweep
// and the nightly rebuild go on for everyone else. The poison is a real database failure, injected
// as the table owner: a trigger on progress_exercise_weekly that refuses one user's rows, raising
// 22003 as the integer overflow did. So the isolation itself is tested, not the input bounds.
// Also: the sums that overflowed are bigint now (a sum past 2^31 is stored).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildProgressByUser, refreshProgress } from "../../src/jobs/progress-refresh/refresh.ts";
import { processRegistry } from "../../src/metrics/process-metrics.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { installProgressPoison } from "../helpers/progress-poison.ts";
import { type Fixture, logSet, makeLifter, SQUAT, seedCatalogue } from "./helpers.ts";

const W = monday(-2);

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedCatalogue(tdb.pool);
  await installProgressPoison(tdb.pool);
});
afterAll(() => tdb.drop());

const weeklyRows = async (userId: string) => {
  const { rows } = await tdb.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM progress_exercise_weekly WHERE user_id = $1",
    [userId],
  );
  return rows[0]?.n ?? 0;
};
const failureOf = async (userId: string) => {
  const { rows } = await tdb.pool.query<{ failures: number; last_error: string; due: boolean }>(
    "SELECT failures, last_error, retry_at <= now() AS due FROM progress_refresh_failure WHERE user_id = $1",
    [userId],
  );
  return rows[0];
};
const failuresCounted = async (mode: string) => {
  const metric = await processRegistry
    .getSingleMetric("training_engine_progress_refresh_user_failures_total")
    ?.get();
  return metric?.values.find((v) => v.labels.mode === mode)?.value ?? 0;
};

describe("a user whose progress refresh fails", () => {
  let poisoned: Fixture;
  let healthy: Fixture[];

  beforeAll(async () => {
    // The poisoned user logs first: their marks are the oldest, so they head every sweep batch.
    poisoned = await makeLifter(tdb.pool, [W]);
    await logSet(tdb.pool, poisoned.row(SQUAT, W), { reps: 5, kg: 100 });
    healthy = [];
    for (let i = 0; i < 4; i++) {
      const f = await makeLifter(tdb.pool, [W]);
      await logSet(tdb.pool, f.row(SQUAT, W), { reps: 5, kg: 80 + i });
      healthy.push(f);
    }
    await tdb.pool.query("INSERT INTO poisoned_user VALUES ($1)", [poisoned.userId]);
  });

  it("is set aside by the sweep, which refreshes everyone else", async () => {
    const counted = await failuresCounted("sweep");
    const counts = await refreshProgress(tdb.pool, {});
    expect(counts.setAside).toBe(1);
    for (const f of healthy) expect(await weeklyRows(f.userId)).toBeGreaterThan(0);
    expect(await weeklyRows(poisoned.userId)).toBe(0);
    const failure = await failureOf(poisoned.userId);
    expect(failure).toMatchObject({ failures: 1, due: false });
    expect(failure?.last_error).toMatch(/^22003: integer out of range/);
    expect(await failuresCounted("sweep")).toBe(counted + 1);
    // Their marks wait for the retry; the others' are drained.
    const { rows } = await tdb.pool.query<{ user_id: string }>("SELECT DISTINCT user_id FROM progress_dirty");
    expect(rows.map((r) => r.user_id)).toEqual([poisoned.userId]);
  });

  it("is skipped by the next sweep until its retry is due, while new sets of others are refreshed", async () => {
    const other = healthy[0] as Fixture;
    await logSet(tdb.pool, other.row(SQUAT, W), { reps: 3, kg: 120, setNo: 2 });
    const counts = await refreshProgress(tdb.pool, {});
    expect(counts.setAside).toBe(0);
    expect(counts.users).toBe(1);
    expect(await failureOf(poisoned.userId)).toMatchObject({ failures: 1 });
    const { rows } = await tdb.pool.query<{ sets: number }>(
      "SELECT sets::int AS sets FROM progress_exercise_weekly WHERE user_id = $1 AND exercise_key = $2",
      [other.userId, SQUAT],
    );
    expect(rows).toEqual([{ sets: 2 }]);
  });

  it("does not stop the nightly rebuild: every other batch and batch-mate is rebuilt", async () => {
    await tdb.pool.query("TRUNCATE progress_exercise_weekly, progress_muscle_weekly, personal_record");
    const counted = await failuresCounted("full");
    const setAside: string[] = [];
    // Batches of two, one lane: the poisoned user's batch-mate and the later batches must all run.
    const counts = await rebuildProgressByUser(tdb.pool, {
      batchUsers: 2,
      concurrency: 1,
      onSetAside: (f) => setAside.push(f.userId),
    });
    expect(setAside).toEqual([poisoned.userId]);
    expect(counts.setAside).toBe(1);
    for (const f of healthy) expect(await weeklyRows(f.userId)).toBeGreaterThan(0);
    expect(await failureOf(poisoned.userId)).toMatchObject({ failures: 2 });
    expect(await failuresCounted("full")).toBe(counted + 1);
  });

  it("is refreshed once its retry is due and the fault is gone, and its failure forgotten", async () => {
    await tdb.pool.query("DELETE FROM poisoned_user");
    // The retry's time coming due (the database's clock cannot be moved): as if 24 h had passed.
    await tdb.pool.query("UPDATE progress_refresh_failure SET retry_at = now() - interval '1 second'");
    const counts = await refreshProgress(tdb.pool, {});
    expect(counts.setAside).toBe(0);
    expect(await weeklyRows(poisoned.userId)).toBeGreaterThan(0);
    expect(await failureOf(poisoned.userId)).toBeUndefined();
  });

  it("throws a failure that is not the data's (a cancel, a lost connection) without setting anyone aside", async () => {
    const f = await makeLifter(tdb.pool, [W]);
    await logSet(tdb.pool, f.row(SQUAT, W), { reps: 5, kg: 90 });
    // 57014 (query_canceled) is what a statement timeout or an operator's cancel raises: it says
    // nothing of the user whose rows were being written, so nobody may be set aside for it.
    await tdb.pool.query(`CREATE OR REPLACE FUNCTION public.poison_progress() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'canceling statement (injected)' USING ERRCODE = 'query_canceled'; END $$`);
    try {
      await expect(refreshProgress(tdb.pool, {})).rejects.toMatchObject({ code: "57014" });
      expect(await failureOf(f.userId)).toBeUndefined();
    } finally {
      await tdb.pool.query(`CREATE OR REPLACE FUNCTION public.poison_progress() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN RETURN NEW; END $$`);
    }
    await refreshProgress(tdb.pool, {});
    expect(await weeklyRows(f.userId)).toBeGreaterThan(0);
  });
});

describe("the weekly sums", () => {
  it("hold a user's reps past 2^31 (66,000 sets at 32,767 reps, the input bounds bypassed as the table owner)", async () => {
    const f = await makeLifter(tdb.pool, [W]);
    // The bounds refuse such sets today; rows like these may predate them (their CHECKs are NOT VALID).
    await tdb.pool.query("ALTER TABLE training_set DROP CONSTRAINT training_set_reps_done_range_check");
    await tdb.pool.query("ALTER TABLE training_set DISABLE TRIGGER training_set_bounds_insert");
    await tdb.pool.query(
      `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg)
       SELECT $1, 1 + g % 100, 32767, 20 FROM generate_series(1, 66000) g`,
      [f.row(SQUAT, W)],
    );
    const counts = await refreshProgress(tdb.pool, { userId: f.userId });
    expect(counts.setAside).toBe(0);
    const { rows } = await tdb.pool.query<{ sets: string; reps: string }>(
      "SELECT sets::text, reps::text FROM progress_exercise_weekly WHERE user_id = $1 AND exercise_key = $2",
      [f.userId, SQUAT],
    );
    expect(rows).toEqual([{ sets: "66000", reps: String(66000 * 32767) }]);
  });
});
