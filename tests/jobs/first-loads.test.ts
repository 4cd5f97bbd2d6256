// Week-1 loads of a new plan from the lifter's e1RM history: the SQL (applyFirstLoads) against
// the TypeScript reference (firstLoadKg) on random rows and e1RMs, on a real database.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyFirstLoads } from "../../src/db/queries/first-loads.ts";
import { firstLoadKg, firstLoadNote } from "../../src/domain/load-progression/first-load.ts";
import { EQUIPMENT } from "../../src/domain/vocabulary.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { makePlan, setRow, weekRows } from "../rollover/helpers.ts";

describe("first loads from history", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb.drop());

  async function history(userId: string, exerciseKey: string, e1rms: readonly number[]) {
    for (const [i, e1rm] of e1rms.entries()) {
      await tdb.pool.query(
        `INSERT INTO progress_exercise_weekly (user_id, exercise_key, week_start, sets, reps, volume_kg, top_set_kg, e1rm_kg)
         VALUES ($1, $2, $3, 3, 24, 1000, 80, $4)`,
        [userId, exerciseKey, monday(-10 + i), e1rm],
      );
    }
  }

  const rowArb = fc.record({
    reps: fc.constantFrom("5", "3-5", "6-8", "8-12", "12-15", "15-20", "AMRAP"),
    rir: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 4 })),
    equipment: fc.constantFrom(...EQUIPMENT),
    e1rm: fc.integer({ min: 4, max: 1200 }).map((q) => q / 4),
    withHistory: fc.boolean(),
  });

  it("equals firstLoadKg, takes the latest week's e1RM, and leaves rows without history null", async () => {
    await fc.assert(
      fc.asyncProperty(rowArb, async (r) => {
        const userId = await createUser(tdb.pool);
        const planId = await makePlan(tdb.pool, userId, { weekStart: monday(0), sessions: 1, slots: 1 });
        const [row] = await weekRows(tdb.pool, planId, 1);
        await setRow(tdb.pool, row?.id as string, {
          exerciseId: "te_squat",
          weight: null,
          reps: r.reps,
          rir: r.rir,
          equipment: r.equipment,
        });
        // An older, heavier week: the latest one counts.
        if (r.withHistory) await history(userId, "te_squat", [r.e1rm * 2, r.e1rm]);
        await applyFirstLoads(tdb.pool, [planId]);
        const { rows } = await tdb.pool.query<{ weight: number | null; notes: string | null }>(
          "SELECT weight::float8 AS weight, notes FROM modular_training_exercise WHERE id = $1",
          [row?.id],
        );
        const expected = r.withHistory ? firstLoadKg(r.e1rm, r.reps, r.rir, r.equipment) : null;
        expect(rows[0]?.weight ?? null).toBe(expected === null ? null : Math.fround(expected));
        if (expected !== null) expect(rows[0]?.notes).toContain(firstLoadNote(r.e1rm));
        else expect(rows[0]?.notes ?? "").not.toContain("first load");
      }),
      { numRuns: 60 },
    );
  });

  it("is one RIR more conservative than the row: 100 kg e1RM, 5 reps at RIR 2 -> the chart's 5 at RPE 7", () => {
    // 5 reps at RPE 7 = 78.6% of 1RM -> 78.6 kg, down to the bar's 77.5 kg.
    expect(firstLoadKg(100, "5", 2, "barbell")).toBe(77.5);
    expect(firstLoadKg(100, "5", 2, "bodyweight")).toBeNull();
    expect(firstLoadKg(100, "AMRAP", 2, "barbell")).toBeNull();
  });
});
