// exercise_alternatives decides in SQL what the generator decides in TypeScript: an entry's movement
// pattern, whether it can be a working set, whether it is an advanced skill, which head of the
// deltoid it trains, which angle an arm exercise trains the elbow at. On every entry of
// both catalogues the two must agree, or a swap could offer what generation never would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { armAngleOf } from "../../src/domain/plan/arm-angle.ts";
import { deltHeadOf } from "../../src/domain/plan/delt-head.ts";
import { isAdvancedSkill, isWorkingSetExercise } from "../../src/domain/plan/eligibility.ts";
import { isAlwaysExcluded } from "../../src/domain/plan/excluded-exercises.ts";
import { patternOf } from "../../src/domain/plan/movement.ts";
import { sameLiftByName } from "../../src/domain/swap/same-lift.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { CATALOGUES, loadCatalogue } from "./catalogues.ts";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

describe.each(Object.keys(CATALOGUES))("SQL and TypeScript agree on the %s catalogue", (name) => {
  it("pattern, working set and advanced skill, entry by entry", async () => {
    const entries = await loadCatalogue(tdb.pool, name);
    const { rows } = await tdb.pool.query<{
      exercise_id: string;
      pattern: string;
      working: boolean;
      advanced: boolean;
      delt: string | null;
      unsafe: boolean;
      arm: string | null;
    }>(
      `SELECT exercise_id,
              exercise_pattern(movement_pattern, category, muscle_group, mechanic, force) AS pattern,
              exercise_is_working_set(name, category, force, equipment,
                exercise_pattern(movement_pattern, category, muscle_group, mechanic, force)) AS working,
              exercise_is_advanced_skill(name) AS advanced,
              exercise_delt_head(name, muscle_group,
                exercise_pattern(movement_pattern, category, muscle_group, mechanic, force)) AS delt,
              exercise_is_unsafe(name) AS unsafe,
              exercise_arm_angle(name, mechanic,
                exercise_pattern(movement_pattern, category, muscle_group, mechanic, force)) AS arm
       FROM exrcwiki`,
    );
    const sql = new Map(rows.map((r) => [r.exercise_id, r]));
    const differences = entries.flatMap((e) => {
      const s = sql.get(e.exerciseId);
      const ts = {
        pattern: patternOf(e),
        working: isWorkingSetExercise(e),
        advanced: isAdvancedSkill(e),
        delt: deltHeadOf(e) ?? null,
        unsafe: isAlwaysExcluded(e),
        arm: armAngleOf(e) ?? null,
      };
      const got = s && {
        pattern: s.pattern,
        working: s.working,
        advanced: s.advanced,
        delt: s.delt,
        unsafe: s.unsafe,
        arm: s.arm,
      };
      return JSON.stringify(got) === JSON.stringify(ts)
        ? []
        : [`${e.name}: sql ${JSON.stringify(got)} ts ${JSON.stringify(ts)}`];
    });
    expect(entries.length).toBeGreaterThan(50);
    expect(differences).toEqual([]);
    // Not vacuous: free-exercise-db holds entries the always-on rules strike (the built-in one none).
    if (name !== "builtin") expect(rows.filter((r) => r.unsafe).length).toBeGreaterThan(0);
  });

  it("the same lift by another name, for every pair of entries of one pattern", async () => {
    const entries = await loadCatalogue(tdb.pool, name);
    const byId = new Map(entries.map((e) => [e.exerciseId, e]));
    const { rows } = await tdb.pool.query<{ row_id: string; other_id: string; same: boolean }>(
      `WITH e AS (SELECT exercise_id, name, equipment, mechanic,
                         exercise_pattern(movement_pattern, category, muscle_group, mechanic, force) AS pattern
                  FROM exrcwiki)
       SELECT a.exercise_id AS row_id, b.exercise_id AS other_id,
              exercise_same_lift(a.name, a.equipment, a.mechanic, b.name, b.equipment) AS same
       FROM e a JOIN e b ON b.pattern = a.pattern AND b.exercise_id <> a.exercise_id`,
    );
    const differences = rows.flatMap((r) => {
      const row = byId.get(r.row_id) as (typeof entries)[number];
      const other = byId.get(r.other_id) as (typeof entries)[number];
      return sameLiftByName(row, other) === r.same ? [] : [`${row.name} / ${other.name}: sql ${r.same}`];
    });
    expect(rows.length).toBeGreaterThan(1000);
    expect(differences.slice(0, 10)).toEqual([]);
    // Not vacuous: free-exercise-db names some lifts twice ("Barbell Full Squat", "Barbell Squat").
    if (name !== "builtin") expect(rows.filter((r) => r.same).length).toBeGreaterThan(0);
  });
});
