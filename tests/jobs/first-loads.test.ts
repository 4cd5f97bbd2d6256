// Week-1 loads of a new plan from the lifter's e1RM history: the SQL (applyFirstLoads) against
// the TypeScript reference (firstLoadKg, warmUpRamp) on random rows and e1RMs, on a real database;
// and the same-movement fallback (a logged dumbbell bench gives a barbell bench its first load).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyFirstLoads } from "../../src/db/queries/first-loads.ts";
import { upsertCatalogue } from "../../src/db/queries/upsert-catalogue.ts";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import {
  firstLoadKg,
  firstLoadNote,
  firstLoadNoteFrom,
  firstWeekLoadKg,
  firstWeekStepNote,
} from "../../src/domain/load-progression/first-load.ts";
import { warmUpRamp } from "../../src/domain/load-progression/warm-up.ts";
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
    tier: fc.constantFrom("T1", "T2", "T3", null),
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
          tier: r.tier,
          notes: null,
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
        // The note, then the warm-up ramp of a T1 or barbell T2 row (warm-up.ts) from week 1 on.
        if (expected !== null)
          expect(rows[0]?.notes).toBe(
            [firstLoadNote(r.e1rm), warmUpRamp(expected, r.equipment, r.tier)].filter(Boolean).join("; "),
          );
        else expect(rows[0]?.notes ?? null).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  describe("from the same movement on another implement", () => {
    beforeAll(async () => {
      await upsertCatalogue(tdb.pool, BUILTIN_CATALOGUE, "builtin");
    });

    async function planWith(
      userId: string,
      exerciseId: string,
      equipment: string,
      reps: string,
      tier: string,
    ) {
      const planId = await makePlan(tdb.pool, userId, { weekStart: monday(0), sessions: 1, slots: 1 });
      const [row] = await weekRows(tdb.pool, planId, 1);
      await setRow(tdb.pool, row?.id as string, {
        exerciseId,
        weight: null,
        reps,
        rir: 2,
        equipment,
        tier,
        notes: null,
      });
      await applyFirstLoads(tdb.pool, [planId]);
      const { rows } = await tdb.pool.query<{ weight: number | null; notes: string | null }>(
        "SELECT weight::float8 AS weight, notes FROM modular_training_exercise WHERE id = $1",
        [row?.id],
      );
      return rows[0] as { weight: number | null; notes: string | null };
    }

    it("a lifter who logged the dumbbell bench gets a barbell bench load, converted, with a note and a warm-up", async () => {
      const userId = await createUser(tdb.pool);
      // 32 kg dumbbells: an e1RM of 40 kg each is 100 kg on a barbell (0.40 per dumbbell, docs/swap.md).
      await history(userId, "te_dumbbell_bench_press", [44, 40]);
      const row = await planWith(userId, "te_barbell_bench_press", "barbell", "5", "T1");
      const expected = firstLoadKg(100, "5", 2, "barbell") as number;
      // 5 reps at RPE 7 (RIR 2, one more for the first week) = 78.6% of 100 kg, down to 77.5 kg.
      expect(expected).toBe(77.5);
      expect(row.weight).toBe(expected);
      expect(row.notes).toBe(
        [
          firstLoadNoteFrom(40, "Dumbbell Bench Press", "dumbbell", 100, "barbell"),
          warmUpRamp(expected, "barbell", "T1"),
        ].join("; "),
      );
      expect(row.notes).toContain("warm-up: 20 kg x 10, 37.5 kg x 5, 52.5 kg x 3, 65 kg x 1");
    });

    it("the exercise's own history wins over the same movement", async () => {
      const userId = await createUser(tdb.pool);
      await history(userId, "te_dumbbell_bench_press", [60]);
      await history(userId, "te_barbell_bench_press", [90]);
      const row = await planWith(userId, "te_barbell_bench_press", "barbell", "8-12", "T2");
      expect(row.weight).toBe(firstLoadKg(90, "8-12", 2, "barbell"));
      expect(row.notes?.startsWith(firstLoadNote(90))).toBe(true);
    });

    it("no load from another pattern or muscle group, or from a machine (no factor), or without history", async () => {
      const userId = await createUser(tdb.pool);
      await history(userId, "te_barbell_back_squat", [140]);
      await history(userId, "te_machine_chest_press", [120]);
      expect(await planWith(userId, "te_barbell_bench_press", "barbell", "5", "T1")).toEqual({
        weight: null,
        notes: null,
      });
      const fresh = await createUser(tdb.pool);
      expect(await planWith(fresh, "te_dumbbell_bench_press", "dumbbell", "8-12", "T2")).toEqual({
        weight: null,
        notes: null,
      });
    });

    it("converts a barbell e1RM to a dumbbell row: 100 kg -> 40 kg per dumbbell, no warm-up on a dumbbell T2", async () => {
      const userId = await createUser(tdb.pool);
      await history(userId, "te_barbell_incline_bench_press", [100]);
      const row = await planWith(userId, "te_dumbbell_bench_press", "dumbbell", "8-12", "T2");
      const expected = firstLoadKg(40, "8-12", 2, "dumbbell") as number;
      expect(row.weight).toBe(expected);
      expect(row.notes).toBe(
        firstLoadNoteFrom(100, "Barbell Incline Bench Press", "barbell", 40, "dumbbell"),
      );
    });
  });

  it("steps a novice's fixed-rep barbell lifts within week 1, 2.5 kg a session of the lift", async () => {
    const loads = async (level: string) => {
      const userId = await createUser(tdb.pool);
      const planId = await makePlan(tdb.pool, userId, { weekStart: monday(0), sessions: 3, slots: 2 });
      await tdb.pool.query("UPDATE modular_training_plan SET experience_level = $2 WHERE id = $1", [
        planId,
        level,
      ]);
      // A B A: the squat every day; the bench on A, the press on B.
      const rows = await weekRows(tdb.pool, planId, 1);
      const bySession = [...new Set(rows.map((r) => r.session_date))].map((d) =>
        rows.filter((r) => r.session_date === d),
      );
      for (const [i, session] of bySession.entries()) {
        const second = i === 1 ? "te_barbell_overhead_press" : "te_barbell_bench_press";
        for (const [row, exerciseId] of [
          [session[0], "te_barbell_back_squat"],
          [session[1], second],
        ] as const)
          await setRow(tdb.pool, row?.id as string, {
            exerciseId,
            weight: null,
            reps: "5",
            rir: 2,
            equipment: "barbell",
            tier: "T1",
            notes: null,
          });
      }
      await history(userId, "te_barbell_back_squat", [100]);
      await history(userId, "te_barbell_bench_press", [80]);
      await history(userId, "te_barbell_overhead_press", [50]);
      await applyFirstLoads(tdb.pool, [planId]);
      const after = await weekRows(tdb.pool, planId, 1);
      const of = (id: string) => after.filter((r) => r.exercise_id === id);
      return {
        squat: of("te_barbell_back_squat").map((r) => r.weight),
        bench: of("te_barbell_bench_press").map((r) => r.weight),
        press: of("te_barbell_overhead_press").map((r) => r.weight),
        notes: of("te_barbell_back_squat").map((r) => r.notes ?? ""),
      };
    };
    const squat = firstLoadKg(100, "5", 2, "barbell") as number;
    const bench = firstLoadKg(80, "5", 2, "barbell") as number;
    const press = firstLoadKg(50, "5", 2, "barbell") as number;
    const novice = await loads("beginner");
    expect(novice.squat).toEqual([0, 1, 2].map((k) => firstWeekLoadKg(squat, k, 2.5)));
    expect(novice.squat).toEqual([squat, squat + 2.5, squat + 5]);
    expect(novice.bench).toEqual([bench, bench + 2.5]);
    expect(novice.press).toEqual([press]);
    expect(novice.notes[2]).toContain(firstWeekStepNote(2, 2.5));
    expect(novice.notes[2]).toContain("+5 kg: the lift's session 3 this week, 2.5 kg a session");
    // An intermediate lifter's week 1 starts every session at the first load.
    const trained = await loads("intermediate");
    expect(trained.squat).toEqual([squat, squat, squat]);
  });

  it("is one RIR more conservative than the row: 100 kg e1RM, 5 reps at RIR 2 -> the chart's 5 at RPE 7", () => {
    // 5 reps at RPE 7 = 78.6% of 1RM -> 78.6 kg, down to the bar's 77.5 kg.
    expect(firstLoadKg(100, "5", 2, "barbell")).toBe(77.5);
    expect(firstLoadKg(100, "5", 2, "bodyweight")).toBeNull();
    expect(firstLoadKg(100, "AMRAP", 2, "barbell")).toBeNull();
  });
});
