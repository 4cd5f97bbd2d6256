// Property: any sequence of inserts, updates and deletes on training_set, with incremental
// refreshes between some of the steps, leaves progress_exercise_weekly, progress_muscle_weekly
// and personal_record equal, row for row, to a full rebuild from the sets.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshProgress } from "../../src/jobs/progress-refresh/refresh.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { BENCH, CARRY, type Fixture, makeLifter, readProgress, SQUAT, seedCatalogue } from "./helpers.ts";

// Weeks from the clock: the database keeps plan dates within a year of today.
const WEEKS = [monday(-4), plusDays(monday(-4), 7), plusDays(monday(-4), 14)] as const;
const KEYS = [SQUAT, BENCH, CARRY] as const;

const values = fc.record({
  reps: fc.integer({ min: 1, max: 12 }),
  kg: fc.integer({ min: 0, max: 80 }).map((n) => n * 2.5),
  rpe: fc.option(fc.integer({ min: 6, max: 10 }), { nil: null }),
  minute: fc.integer({ min: 0, max: 30 }), // few distinct times, so ties happen
});
const target = fc.record({
  lifter: fc.integer({ min: 0, max: 1 }),
  key: fc.constantFrom(...KEYS),
  week: fc.constantFrom(...WEEKS),
});
const step = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("insert" as const), at: target, v: values }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("update" as const),
      pick: fc.nat(),
      v: values,
      move: fc.option(fc.record({ key: fc.constantFrom(...KEYS), week: fc.constantFrom(...WEEKS) }), {
        nil: null,
      }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("refresh" as const), sweep: fc.boolean() }) },
);

describe("incremental refresh = full rebuild", () => {
  let tdb: TestDatabase;
  let lifters: Fixture[];
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedCatalogue(tdb.pool);
    lifters = [await makeLifter(tdb.pool, WEEKS), await makeLifter(tdb.pool, WEEKS)];
  });
  afterAll(() => tdb.drop());

  it("after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        await tdb.pool.query("DELETE FROM training_set");
        await refreshProgress(tdb.pool, { full: true });
        const sets: { id: string; lifter: number }[] = [];
        for (const s of steps) {
          if (s.op === "insert") {
            const lifter = lifters[s.at.lifter] as Fixture;
            const { rows } = await tdb.pool.query<{ id: string }>(
              `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe, recorded_at)
               VALUES ($1, 1, $2, $3, $4, '2026-02-01T00:00:00Z'::timestamptz + $5 * interval '1 minute')
               RETURNING id`,
              [lifter.row(s.at.key, s.at.week), s.v.reps, s.v.kg, s.v.rpe, s.v.minute],
            );
            sets.push({ id: (rows[0] as { id: string }).id, lifter: s.at.lifter });
          } else if (s.op === "update" && sets.length > 0) {
            const set = sets[s.pick % sets.length] as { id: string; lifter: number };
            const lifter = lifters[set.lifter] as Fixture;
            await tdb.pool.query(
              `UPDATE training_set SET reps_done = $2, weight_kg = $3, rpe = $4,
                 recorded_at = '2026-02-01T00:00:00Z'::timestamptz + $5 * interval '1 minute',
                 exercise_row_id = coalesce($6, exercise_row_id)
               WHERE id = $1`,
              [
                set.id,
                s.v.reps,
                s.v.kg,
                s.v.rpe,
                s.v.minute,
                s.move ? lifter.row(s.move.key, s.move.week) : null,
              ],
            );
          } else if (s.op === "delete" && sets.length > 0) {
            const [set] = sets.splice(s.pick % sets.length, 1);
            await tdb.pool.query("DELETE FROM training_set WHERE id = $1", [set?.id]);
          } else if (s.op === "refresh") {
            if (s.sweep) await refreshProgress(tdb.pool, {});
            else await refreshProgress(tdb.pool, { userId: lifters[0]?.userId as string });
          }
        }
        await refreshProgress(tdb.pool, {});
        const incremental = await readProgress(tdb.pool);
        const { rows } = await tdb.pool.query("SELECT count(*)::int AS n FROM progress_dirty");
        expect(rows[0]).toEqual({ n: 0 });
        await refreshProgress(tdb.pool, { full: true });
        expect(incremental).toEqual(await readProgress(tdb.pool));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
