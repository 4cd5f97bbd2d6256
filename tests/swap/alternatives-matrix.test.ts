// exercise_alternatives over a sample of the request matrix on both catalogues (issue 23): the top
// three share the row's movement pattern and primary muscle in at least 95% of rows; no alternative
// needs equipment the request did not allow; no plan row and no alternative is an excluded exercise.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import { allowedEquipment, isEligible } from "../../src/domain/plan/eligibility.ts";
import { patternOf } from "../../src/domain/plan/movement.ts";
import { estimateOneRepMax } from "../../src/domain/progress-aggregates/e1rm.ts";
import { asUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { rollover } from "../rollover/helpers.ts";
import { CATALOGUES, loadCatalogue } from "./catalogues.ts";
import { sampleRequests, someExclusions, type WrittenPlan, writeSamplePlans } from "./fixtures.ts";
import { expectedLoad, loadStep, logHistory } from "./helpers.ts";

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;

interface SlotRow {
  reps: string;
  rir: number | null;
  order_in_session: number;
  day_of_week: number;
}

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

interface AlternativeRow {
  plan_id: string;
  row_id: string;
  session_id: string;
  row_exercise: string;
  rank: number;
  exercise_id: string | null;
  reason: string | null;
}

describe.each(Object.keys(CATALOGUES))("alternatives on the %s catalogue", (name) => {
  let catalogue: readonly CatalogueEntry[];
  let plans: WrittenPlan[];
  let excluded: string[];
  let rows: AlternativeRow[];

  beforeAll(async () => {
    catalogue = await loadCatalogue(tdb.pool, name);
    excluded = someExclusions(catalogue);
    plans = await writeSamplePlans(tdb.pool, catalogue, sampleRequests(monday(1)), excluded);
    ({ rows } = await tdb.pool.query<AlternativeRow>(
      `SELECT w.plan_id, x.id AS row_id, s.id AS session_id, x.exercise_id AS row_exercise, a.rank::int, a.exercise_id, a.reason
       FROM modular_training_week w
       JOIN modular_training_session s ON s.week_id = w.id
       JOIN modular_training_exercise x ON x.session_id = s.id
       LEFT JOIN LATERAL (
         SELECT alt.*, row_number() OVER () AS rank FROM exercise_alternatives(x.id, 4) alt
       ) a ON true
       WHERE w.plan_id = ANY($1::uuid[])`,
      [plans.map((p) => p.planId)],
    ));
  }, 300_000);

  // The issue asks for the top 3 to share the row's pattern and primary muscle in 95% of rows. Where
  // the allowed equipment leaves fewer than three such exercises (bodyweight only, bands only), no
  // ranking can: those rows are counted apart and reported, and the ranking is held to 95% on the
  // rows where three exist, and to 100% on putting every alike alternative before any other.
  it("ranks alternatives with the same pattern and primary muscle first", () => {
    const byId = new Map(catalogue.map((e) => [e.exerciseId, e]));
    const planOf = new Map(plans.map((p) => [p.planId, p]));
    const out = new Set(excluded);
    const byRow = new Map<string, AlternativeRow[]>();
    for (const r of rows) byRow.set(r.row_id, [...(byRow.get(r.row_id) ?? []), r]);
    const misses: string[] = [];
    const outOfOrder: string[] = [];
    let rowsWithThree = 0;
    let goodWithThree = 0;
    let goodAll = 0;
    for (const list of byRow.values()) {
      const first = list[0] as AlternativeRow;
      const row = byId.get(first.row_exercise) as CatalogueEntry;
      const plan = planOf.get(first.plan_id) as WrittenPlan;
      const alike = (e: CatalogueEntry | undefined) =>
        !!e && patternOf(e) === patternOf(row) && e.primaryMuscle === row.primaryMuscle;
      const inSession = new Set(
        rows.filter((r) => r.session_id === first.session_id).map((r) => r.row_exercise),
      );
      const allowed = allowedEquipment(plan.request.equipment);
      const possible = catalogue.filter(
        (e) =>
          alike(e) &&
          !inSession.has(e.exerciseId) &&
          !out.has(e.exerciseId) &&
          isEligible(e, plan.request.experience, allowed),
      ).length;
      const offered = list.filter((a) => a.exercise_id).sort((a, b) => a.rank - b.rank);
      const flags = offered.map((a) => alike(byId.get(a.exercise_id ?? "")));
      if (flags.some((f, i) => f && flags.slice(0, i).some((g) => !g))) outOfOrder.push(row.name);
      const top3Alike = offered.length >= 3 && flags.slice(0, 3).every(Boolean);
      if (top3Alike) goodAll += 1;
      if (possible >= 3) {
        rowsWithThree += 1;
        if (top3Alike) goodWithThree += 1;
        else if (misses.length < 20)
          misses.push(`${row.name}: ${offered.map((a) => a.exercise_id).join(", ")}`);
      }
    }
    console.info(
      `${name}: ${byRow.size} rows of ${plans.length} plans; top 3 alike in ${pct(goodAll, byRow.size)} of all rows, ` +
        `in ${pct(goodWithThree, rowsWithThree)} of the ${rowsWithThree} rows whose equipment leaves three alike`,
    );
    expect(byRow.size).toBeGreaterThan(200);
    expect(rowsWithThree).toBeGreaterThan(byRow.size / 3);
    expect(outOfOrder).toEqual([]);
    expect(goodWithThree / rowsWithThree, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("offers no equipment the request did not allow", () => {
    const byId = new Map(catalogue.map((e) => [e.exerciseId, e]));
    const planOf = new Map(plans.map((p) => [p.planId, p]));
    const violations = rows.flatMap((r) => {
      const alt = byId.get(r.exercise_id ?? "");
      if (!alt) return [];
      const allowed = allowedEquipment((planOf.get(r.plan_id) as WrittenPlan).request.equipment);
      return allowed.has(alt.equipment) && alt.requires.every((q) => allowed.has(q)) ? [] : [alt.name];
    });
    expect(rows.filter((r) => r.exercise_id).length).toBeGreaterThan(500);
    expect(violations).toEqual([]);
  });

  it("never puts an excluded exercise in a plan or among the alternatives", () => {
    const out = new Set(excluded);
    expect(excluded.length).toBeGreaterThan(3);
    expect(rows.filter((r) => out.has(r.row_exercise))).toEqual([]);
    expect(rows.filter((r) => r.exercise_id && out.has(r.exercise_id))).toEqual([]);
  });

  it("gives every alternative a one-line reason naming the pattern, muscles and equipment", () => {
    const offered = rows.filter((r) => r.exercise_id);
    expect(
      offered.every((r) =>
        /^(same|other) pattern \([a-z ]+\), [a-z +]+, [a-z +]+(, logged before)?$/.test(r.reason ?? ""),
      ),
    ).toBe(true);
  });

  it("a swapped row's next weeks keep the new exercise, loaded from its history; no week holds an excluded one", async () => {
    const swapped: { planId: string; day: number; order: number; exerciseId: string; load: number }[] = [];
    // One row of every fifth plan: its first alternative, after the lifter logged it before.
    for (const plan of plans.filter((_, i) => i % 5 === 0)) {
      const first = rows.find((r) => r.plan_id === plan.planId && r.rank === 1 && r.exercise_id);
      if (!first) continue;
      const exerciseId = first.exercise_id as string;
      await logHistory(tdb.pool, plan.userId, monday(-3), exerciseId, { weightKg: 20, reps: 10, rpe: 8 });
      const { rows: target } = await tdb.pool.query<SlotRow>(
        `SELECT x.reps, x.rir, x.order_in_session, s.day_of_week
         FROM modular_training_exercise x JOIN modular_training_session s ON s.id = x.session_id
         WHERE x.id = $1`,
        [first.row_id],
      );
      const { reps, rir, order_in_session: order, day_of_week: day } = target[0] as SlotRow;
      await asUser(tdb.pool, plan.userId, (c) =>
        c.query("SELECT swap_exercise($1, $2)", [first.row_id, exerciseId]),
      );
      const equipment = catalogue.find((e) => e.exerciseId === exerciseId)?.equipment ?? null;
      // A row without a numeric target (the generator's "AMRAP") is taken as 8 reps (docs/swap.md).
      const bottom = Math.min(Math.max(Number.parseInt(reps, 10) || 8, 1), 30);
      const load = expectedLoad(estimateOneRepMax(20, 10, 8), bottom, 10 - (rir ?? 2), loadStep(equipment));
      swapped.push({ planId: plan.planId, day, order, exerciseId, load });
    }
    console.info(`${name}: ${swapped.length} rows swapped`);
    expect(swapped.length).toBeGreaterThanOrEqual(10);

    await rollover(tdb.pool, monday(3));
    const { rows: later } = await tdb.pool.query<{
      plan_id: string;
      week_number: number;
      day_of_week: number;
      order_in_session: number;
      exercise_id: string;
      weight: number | null;
    }>(
      `SELECT w.plan_id, w.week_number, s.day_of_week, x.order_in_session, x.exercise_id, x.weight::float8 AS weight
       FROM modular_training_week w
       JOIN modular_training_session s ON s.week_id = w.id
       JOIN modular_training_exercise x ON x.session_id = s.id
       WHERE w.plan_id = ANY($1::uuid[]) AND w.week_number > 1`,
      [plans.map((p) => p.planId)],
    );
    expect(new Set(later.map((r) => r.week_number))).toEqual(new Set([2, 3]));
    const out = new Set(excluded);
    expect(later.filter((r) => out.has(r.exercise_id))).toEqual([]);
    for (const s of swapped) {
      const slot = later.filter(
        (r) => r.plan_id === s.planId && r.day_of_week === s.day && r.order_in_session === s.order,
      );
      expect(slot.map((r) => `${r.week_number}:${r.exercise_id}`).sort()).toEqual([
        `2:${s.exerciseId}`,
        `3:${s.exerciseId}`,
      ]);
      expect(slot.map((r) => r.weight)).toEqual([s.load, s.load]);
    }
  }, 300_000);
});
