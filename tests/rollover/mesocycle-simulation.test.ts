// Mesocycles through the REAL rollover (real database, real SQL), on both catalogues: plans the
// generator writes (an intermediate 4-day hypertrophy plan, a beginner 3-day strength plan) are
// lived for two mesocycles by modelled lifters, and a one-row plan per cell of RP's soreness x
// performance table checks the set change of each cell. The rules are docs/mesocycles.md.
import { readFileSync, writeFileSync } from "node:fs";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjustLinearWeek } from "../../src/db/queries/linear-midweek.ts";
import { upsertCatalogue } from "../../src/db/queries/upsert-catalogue.ts";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import { mapFreeExerciseDb } from "../../src/domain/catalogue/free-exercise-db.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import { isLinearLift } from "../../src/domain/load-progression/linear-progression.ts";
import { reducedLoadKg } from "../../src/domain/load-progression/load-reduction.ts";
import { parseRepTarget } from "../../src/domain/load-progression/rep-target.ts";
import { rpePercent } from "../../src/domain/load-progression/rpe-percent.ts";
import { groupOf, MAX_SETS_PER_ROW, mrv, SESSION_OVERRUN_PERCENT } from "../../src/domain/mesocycle/caps.ts";
import { accumulationWeeks } from "../../src/domain/mesocycle/length.ts";
import { DELOAD_MIN_RIR } from "../../src/domain/mesocycle/rir-ramp.ts";
import { halfSets, RECOVERY, setChange } from "../../src/domain/mesocycle/set-change.ts";
import { generatePlan } from "../../src/domain/plan/index.ts";
import { setSeconds, warmUpSeconds } from "../../src/domain/plan/time-model.ts";
import { EQUIPMENT, type ExperienceLevel, type Goal, type Tier } from "../../src/domain/vocabulary.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import {
  builtinCatalogueDatabase,
  type LogSet,
  logSets,
  makePlan,
  rollover,
  setRow,
  weekRows,
} from "./helpers.ts";

const FREE_EXERCISE_DB = JSON.parse(
  readFileSync(new URL("../fixtures/free-exercise-db.exercises.json", import.meta.url), "utf8"),
) as unknown;
const FULL_GYM = EQUIPMENT.filter((e) => e !== "foam_roll");
const DOC = new URL("../../docs/mesocycle-simulation.md", import.meta.url);

interface Row {
  id: string;
  session_id: string;
  /** The session's place in its week (its weekday and label). */
  slot: string;
  day_label: string;
  /** The row of the week before this one was carried from. */
  carried_from_id: string | null;
  duration_minutes: number | null;
  muscle_group: string | null;
  tier: Tier | null;
  equipment: string | null;
  reps: string;
  rir: number | null;
  sets: number;
  weight: number | null;
  order_in_session: number;
  progress_reason: string | null;
  swap_suggested: boolean;
  exercise_name: string;
}

interface Week {
  week_number: number;
  mesocycle: number;
  mesocycle_week: number;
  is_deload: boolean;
  recovery_muscles: string[];
}

async function rowsOf(pool: pg.Pool, planId: string, week: number): Promise<Row[]> {
  const { rows } = await pool.query<Row>(
    `SELECT e.id, e.session_id, s.day_of_week || ' ' || s.day_label AS slot, s.day_label, e.carried_from_id, s.duration_minutes, e.muscle_group, e.tier, e.equipment,
            e.reps, e.rir, e.sets, e.weight::float8 AS weight, e.order_in_session, e.progress_reason,
            e.swap_suggested, e.exercise_name
     FROM modular_training_week w
     JOIN modular_training_session s ON s.week_id = w.id
     JOIN modular_training_exercise e ON e.session_id = s.id
     WHERE w.plan_id = $1 AND w.week_number = $2
     ORDER BY s.session_date, s.day_label, e.order_in_session, e.display_order`,
    [planId, week],
  );
  return rows;
}

async function weeksOf(pool: pg.Pool, planId: string): Promise<Week[]> {
  const { rows } = await pool.query<Week>(
    `SELECT week_number, mesocycle, mesocycle_week, is_deload, recovery_muscles
     FROM modular_training_week WHERE plan_id = $1 ORDER BY week_number`,
    [planId],
  );
  return rows;
}

/** Weekly direct sets per muscle group (lats and middle_back are the back). */
function setsByGroup(rows: readonly Row[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const g = groupOf(r.muscle_group);
    if (g !== null) out.set(g, (out.get(g) ?? 0) + r.sets);
  }
  return out;
}

const total = (rows: readonly Row[]) => rows.reduce((n, r) => n + r.sets, 0);

/** A lifter who meets each row's target with a rep to spare (RP performance 1), at its target RPE. */
function meets(row: Row): LogSet[] {
  const t = parseRepTarget(row.reps);
  if (t === null) return [];
  const rpe = Math.min(10, Math.max(6, 10 - (row.rir ?? 2)));
  const kg = row.equipment === "bodyweight" && !row.weight ? 0 : (row.weight ?? 20);
  return Array.from({ length: row.sets }, () => ({ reps: t.min + 1, kg, rpe }));
}

/** A lifter who misses the bottom of the range at RPE 10 (RP performance 3). */
function crashes(row: Row): LogSet[] {
  const t = parseRepTarget(row.reps);
  if (t === null) return [];
  const kg = row.equipment === "bodyweight" && !row.weight ? 0 : (row.weight ?? 20);
  return Array.from({ length: row.sets }, () => ({ reps: Math.max(1, t.min - 3), kg, rpe: 10 }));
}

/**
 * Every row's sets, recorded on the row's session date (user_bounds caps the sets a user logs in
 * one calendar week: weeks of simulated training must not all land in today's).
 */
async function logWeek(pool: pg.Pool, rows: readonly Row[], how: (r: Row) => LogSet[]) {
  for (const r of rows) {
    const sets = how(r);
    if (sets.length === 0) continue;
    await pool.query(
      `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe, recorded_at)
       SELECT $1, n, r, w, p, (SELECT s.session_date FROM modular_training_session s WHERE s.id = $5)::timestamptz
       FROM unnest($2::int[], $3::real[], $4::int[]) WITH ORDINALITY AS x(r, w, p, n)`,
      [r.id, sets.map((s) => s.reps), sets.map((s) => s.kg), sets.map((s) => s.rpe ?? null), r.session_id],
    );
  }
}

/** The session's time by the generator's model: warm-up plus every set's work and rest. */
function sessionSeconds(goal: Goal, level: ExperienceLevel, rows: readonly Row[]): number {
  const hasT1 = rows.some((r) => r.tier === "T1");
  return (
    warmUpSeconds(goal, hasT1) +
    rows.reduce((n, r) => n + r.sets * setSeconds(goal, level, r.tier ?? "T3"), 0)
  );
}

async function generatedPlan(
  pool: pg.Pool,
  catalogue: readonly CatalogueEntry[],
  goal: Goal,
  experience: ExperienceLevel,
  daysPerWeek: number,
  weekStart: string,
): Promise<string> {
  const plan = generatePlan(
    { goal, experience, split: "auto", daysPerWeek, equipment: FULL_GYM, weekStart, sessionMinutes: 60 },
    catalogue,
  );
  const { rows } = await pool.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [
    await createUser(pool),
    JSON.stringify(plan),
  ]);
  return rows[0]?.id as string;
}

function mesocycleSuite(name: string, load: (db: TestDatabase) => Promise<readonly CatalogueEntry[]>) {
  describe(`mesocycles on the ${name} catalogue`, () => {
    let tdb: TestDatabase;
    let catalogue: readonly CatalogueEntry[];
    beforeAll(async () => {
      tdb = await createTestDatabase();
      tdb.pool.on("error", () => {});
      catalogue = await load(tdb);
    });
    afterAll(() => tdb.drop());

    const cases: Array<[Goal, ExperienceLevel, number]> = [
      ["hypertrophy", "intermediate", 4],
      ["strength", "beginner", 3],
    ];
    it.each(cases)(
      "a recovering %s %s lifter: two mesocycles",
      async (goal, level, days) => {
        const len = accumulationWeeks(null, goal, level);
        const weeks = 2 * (len + 1) + 1;
        const w1 = monday(-(weeks + 1));
        const planId = await generatedPlan(tdb.pool, catalogue, goal, level, days, w1);
        const byWeek: Row[][] = [];
        for (let n = 1; n <= weeks; n += 1) {
          const rows = await rowsOf(tdb.pool, planId, n);
          byWeek.push(rows);
          await logWeek(tdb.pool, rows, meets);
          if (n < weeks) await rollover(tdb.pool, plusDays(w1, 7 * n));
        }
        const wk = await weeksOf(tdb.pool, planId);
        // Week columns: len accumulation weeks, a deload, then the next mesocycle.
        const expectedWeeks = Array.from({ length: weeks }, (_, i) => {
          const meso = Math.floor(i / (len + 1)) + 1;
          const k = (i % (len + 1)) + 1;
          return [meso, k, k === len + 1];
        });
        expect(wk.map((w) => [w.mesocycle, w.mesocycle_week, w.is_deload])).toEqual(expectedWeeks);
        expect(wk.every((w) => w.recovery_muscles.length === 0)).toBe(true);

        // A novice's A B A week alternates with B A B (the rollover's alternating weeks): a week's
        // groups compare with the week of its layout, two weeks before; rows with their own row
        // the week before (carried_from_id).
        const labels = (byWeek[0] ?? []).map((r) => r.day_label);
        const dayLabels = [...new Set((byWeek[0] ?? []).map((r) => r.slot))].map(
          (slot) => slot.split(" ")[1],
        );
        const step = dayLabels.length === 3 && dayLabels[0] === dayLabels[2] ? 2 : 1;
        expect(step).toBe(level === "beginner" ? 2 : 1);
        expect(labels.length).toBeGreaterThan(0);
        const carried = (r: Row, before: readonly Row[]) => {
          const from = before.find((b) => b.id === r.carried_from_id);
          expect(from, `${r.exercise_name}: the row it was carried from`).toBeDefined();
          return from as Row;
        };
        for (const meso of [0, 1]) {
          const first = meso * (len + 1);
          const acc = byWeek.slice(first, first + len);
          // Sets per group never fall through the accumulation, and the plan's total rises.
          for (let i = step; i < acc.length; i += 1) {
            const [a, b] = [setsByGroup(acc[i - step] ?? []), setsByGroup(acc[i] ?? [])];
            for (const [g, n] of a)
              expect(b.get(g) ?? 0, `${g}, week ${first + i + 1}`).toBeGreaterThanOrEqual(n);
          }
          // (The novice's 60-minute sessions are full after week 2's added sets, 65 of their 66
          // minutes: the second mesocycle, which starts at week 2's sets, holds them.)
          const lastOfFirstLayout = acc.length - 1 - ((acc.length - 1) % step);
          const [end, start] = [total(acc[lastOfFirstLayout] ?? []), total(acc[0] ?? [])];
          if (step === 2 && meso === 1) expect(end).toBeGreaterThanOrEqual(start);
          else expect(end).toBeGreaterThan(start);
          // RIR falls (never rises) row by row from week 2 on; the last week is below the first
          // (the generator's, or the restart's RIR 3).
          for (let i = 2; i < acc.length; i += 1) {
            for (const r of acc[i] ?? []) {
              expect(r.rir ?? 0).toBeLessThanOrEqual(carried(r, acc[i - 1] ?? []).rir ?? 0);
            }
          }
          const rirSum = (rows: readonly Row[]) => rows.reduce((n, r) => n + (r.rir ?? 0), 0);
          expect(rirSum(acc.at(-1) ?? [])).toBeLessThan(rirSum(acc[0] ?? []));
          // Never below the floors: beginners 2, barbell lifts 1.
          for (const r of acc.at(-1) ?? []) {
            if (level === "beginner") expect(r.rir).toBeGreaterThanOrEqual(2);
            if (r.equipment === "barbell") expect(r.rir).toBeGreaterThanOrEqual(1);
          }
          // Caps: 5 a row, the group's MRV, the session's time (where the rollover added sets).
          for (const [i, rows] of acc.entries()) {
            if (i === 0 && meso === 0) continue; // the generator's week
            for (const r of rows) expect(r.sets).toBeLessThanOrEqual(MAX_SETS_PER_ROW);
            for (const [g, n] of setsByGroup(rows)) {
              const start = setsByGroup(byWeek[0] ?? []).get(g) ?? 0;
              expect(n, g).toBeLessThanOrEqual(Math.max(start, mrv(g, level)));
            }
            const sessions = new Map<string, Row[]>();
            for (const r of rows) sessions.set(r.slot, [...(sessions.get(r.slot) ?? []), r]);
            for (const s of sessions.values()) {
              const budget = ((s[0]?.duration_minutes ?? 0) * 60 * (100 + SESSION_OVERRUN_PERCENT)) / 100;
              const firstWeek = (byWeek[0] ?? []).filter((r) => r.slot === s[0]?.slot);
              expect(sessionSeconds(goal, level, s)).toBeLessThanOrEqual(
                Math.max(budget, sessionSeconds(goal, level, firstWeek)),
              );
            }
          }
          // The deload: half the sets (rounded up), RIR 4 or more, loads below the week before.
          const last = acc.at(-1) ?? [];
          const deload = byWeek[first + len] ?? [];
          deload.forEach((r) => {
            const before = carried(r, last);
            expect(r.sets).toBe(halfSets(before.sets));
            expect(r.rir ?? 0).toBeGreaterThanOrEqual(DELOAD_MIN_RIR);
            // Lighter, unless the implement has no load within 15% below (a 20 kg kettlebell's
            // next is 16 kg): then the halved sets alone lighten the week (load-reduction.ts).
            if (before.weight !== null && before.weight > 0) {
              const why = `${r.exercise_name} (${r.equipment}): ${before.weight} -> ${r.weight}`;
              if (reducedLoadKg(before.weight, r.equipment ?? "") === before.weight)
                expect(r.weight, why).toBe(before.weight);
              else expect(r.weight ?? 0, why).toBeLessThan(before.weight);
            }
            expect(r.progress_reason).toMatch(/^deload \(planned, end of mesocycle \d+\): sets \d+ -> \d+, /);
          });
        }
        // The next mesocycle starts below the last peak: mesocycle 1's week 2 sets, slot by slot
        // (the session by its label: an alternating week moves its workouts between days).
        const restart = byWeek[len + 1] ?? [];
        const peak = byWeek[len - 1] ?? [];
        if (step === 2) expect(total(restart)).toBeLessThanOrEqual(total(peak));
        else expect(total(restart)).toBeLessThan(total(peak));
        for (const r of restart) {
          const week2 = (byWeek[1] ?? []).find(
            (b) => b.day_label === r.day_label && b.order_in_session === r.order_in_session,
          );
          expect(r.sets, `${r.slot} ${r.exercise_name}`).toBe(week2?.sets);
        }
        // ... and back at the ramp's start of effort: RIR 3 on every row.
        expect(new Set(restart.map((r) => r.rir))).toEqual(new Set([3]));
      },
      180_000,
    );

    it("a crashing lifter gets a recovery session; a fatigued one an early deload", async () => {
      const w1 = monday(-8);
      const crashing = await generatedPlan(tdb.pool, catalogue, "hypertrophy", "intermediate", 4, w1);
      const fatigued = await generatedPlan(tdb.pool, catalogue, "hypertrophy", "intermediate", 4, w1);
      // Week 1: both meet their targets. Week 2: the crashing lifter's chest collapses; every
      // muscle of the fatigued lifter does, two weeks running.
      for (const p of [crashing, fatigued]) await logWeek(tdb.pool, await rowsOf(tdb.pool, p, 1), meets);
      await rollover(tdb.pool, plusDays(w1, 7));
      const c2 = await rowsOf(tdb.pool, crashing, 2);
      await logWeek(tdb.pool, c2, (r) => (groupOf(r.muscle_group) === "chest" ? crashes(r) : meets(r)));
      await logWeek(tdb.pool, await rowsOf(tdb.pool, fatigued, 2), crashes);
      await rollover(tdb.pool, plusDays(w1, 14));

      const c3 = await rowsOf(tdb.pool, crashing, 3);
      const chest3 = c3.filter((r) => groupOf(r.muscle_group) === "chest");
      expect(chest3.length).toBeGreaterThan(0);
      chest3.forEach((r) => {
        const before = c2.find((b) => b.slot === r.slot && b.order_in_session === r.order_in_session);
        expect(r.sets).toBe(halfSets(before?.sets ?? 0));
        expect(r.weight ?? 0).toBeLessThanOrEqual(before?.weight ?? 0);
        expect(r.progress_reason).toMatch(/^recovery session for chest: sets \d+ -> \d+/);
      });
      const cw = await weeksOf(tdb.pool, crashing);
      expect(cw[2]?.recovery_muscles).toEqual(["chest"]);
      expect(cw[2]?.is_deload).toBe(false);

      // The fatigued lifter: every group had a recovery session in week 3; they crash again, and
      // week 4 is a deload (mesocycle week 4 of a 5-week accumulation): fatigue, not the plan.
      const f3 = await rowsOf(tdb.pool, fatigued, 3);
      const fw3 = (await weeksOf(tdb.pool, fatigued))[2];
      expect(fw3?.recovery_muscles.length).toBe(setsByGroup(f3).size);
      await logWeek(tdb.pool, f3, crashes);
      await logWeek(tdb.pool, await rowsOf(tdb.pool, crashing, 3), meets);
      await rollover(tdb.pool, plusDays(w1, 21));
      const fw = await weeksOf(tdb.pool, fatigued);
      expect(fw.map((w) => [w.mesocycle, w.mesocycle_week, w.is_deload])).toEqual([
        [1, 1, false],
        [1, 2, false],
        [1, 3, false],
        [1, 4, true],
      ]);
      const f4 = await rowsOf(tdb.pool, fatigued, 4);
      for (const r of f4) {
        expect(r.rir ?? 0).toBeGreaterThanOrEqual(DELOAD_MIN_RIR);
        expect(r.progress_reason).toMatch(
          /^deload \(fatigue: \d+ of \d+ muscle groups needed a recovery session\)/,
        );
      }
      // The crashing lifter's chest is back to its sets from before the recovery, and no deload.
      const c4 = await rowsOf(tdb.pool, crashing, 4);
      expect((await weeksOf(tdb.pool, crashing))[3]?.is_deload).toBe(false);
      c4.filter((r) => groupOf(r.muscle_group) === "chest").forEach((r) => {
        const before = c2.find((b) => b.slot === r.slot && b.order_in_session === r.order_in_session);
        expect(r.sets).toBe(before?.sets);
        expect(r.progress_reason).toMatch(/back from the recovery session$/);
      });
    }, 120_000);
  });
}

mesocycleSuite("built-in", async (tdb) => {
  await upsertCatalogue(tdb.pool, BUILTIN_CATALOGUE, "builtin");
  return BUILTIN_CATALOGUE;
});
mesocycleSuite("free-exercise-db", async (tdb) => {
  const { entries } = mapFreeExerciseDb(FREE_EXERCISE_DB);
  await upsertCatalogue(tdb.pool, entries, "free-exercise-db");
  return entries;
});

// RP's table through the real rollover: a one-row plan per cell (a chest row of 2 sets, so +3
// stays under 5 a row), logged to one performance score, with a muscle_feedback row of one
// soreness (pump not sent), then a few cells with the pump, joint pain, and no feedback at all.
describe("RP's soreness x performance table through the rollover", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
  });
  afterAll(() => tdb.drop());

  const W1 = monday(-3);
  // What the lifter logs for each performance score on a 2 x 8-12 row at 50 kg, target RIR 2.
  const PERFORMANCE: Record<number, LogSet[]> = {
    0: [
      { reps: 10, kg: 50, rpe: 8 },
      { reps: 10, kg: 50, rpe: 8 },
    ], // the bottom beaten by 2
    1: [
      { reps: 9, kg: 50, rpe: 8 },
      { reps: 8, kg: 50, rpe: 8 },
    ], // met, 0-1 to spare
    2: [{ reps: 9, kg: 50, rpe: 8 }], // a set skipped
    3: [
      { reps: 5, kg: 50, rpe: 10 },
      { reps: 5, kg: 50, rpe: 10 },
    ], // the bottom missed at RPE 10
  };

  async function cell(
    performance: number,
    feedback: { soreness: number | null; pump: number | null; jointPain?: boolean } | null,
  ): Promise<string> {
    const userId = await createUser(tdb.pool);
    const planId = await makePlan(tdb.pool, userId, { weekStart: W1, sessions: 1, slots: 1 });
    const [row] = await weekRows(tdb.pool, planId, 1);
    const id = row?.id as string;
    await setRow(tdb.pool, id, {
      weight: 50,
      reps: "8-12",
      sets: 2,
      rir: 2,
      equipment: "machine",
      muscleGroup: "chest",
      tier: "T2",
    });
    await logSets(tdb.pool, id, PERFORMANCE[performance] ?? []);
    if (feedback !== null) {
      await tdb.pool.query(
        `INSERT INTO muscle_feedback (user_id, session_id, muscle_group, soreness, pump, joint_pain)
         SELECT $1, e.session_id, 'chest', $3, $4, $5 FROM modular_training_exercise e WHERE e.id = $2`,
        [userId, id, feedback.soreness, feedback.pump, feedback.jointPain ?? null],
      );
    }
    return planId;
  }

  async function outcome(planId: string) {
    const [row] = await rowsOf(tdb.pool, planId, 2);
    const [week] = (await weeksOf(tdb.pool, planId)).slice(1);
    return { row: row as Row, week: week as Week };
  }

  it("every one of the 16 cells (soreness 0-3 x performance 0-3), the pump's ends, no feedback, joint pain", async () => {
    const grid: Array<{ p: number; s: number | null; pump: number | null; none?: boolean; joint?: boolean }> =
      [];
    for (let s = 0; s <= 3; s += 1) for (let p = 0; p <= 3; p += 1) grid.push({ p, s, pump: null });
    grid.push(
      { p: 0, s: 0, pump: 0 },
      { p: 0, s: 0, pump: 3 },
      { p: 1, s: 0, pump: 1 },
      { p: 1, s: 1, pump: 0 },
    );
    for (let p = 0; p <= 3; p += 1) grid.push({ p, s: null, pump: null, none: true });
    grid.push({ p: 0, s: 0, pump: null, joint: true });
    const plans = [];
    for (const g of grid) {
      plans.push(
        await cell(
          g.p,
          g.none ? null : { soreness: g.s, pump: g.pump, ...(g.joint ? { jointPain: true } : {}) },
        ),
      );
    }
    await rollover(tdb.pool, plusDays(W1, 7), 50);
    const seen: string[] = [];
    for (const [i, g] of grid.entries()) {
      const { row, week } = await outcome(plans[i] as string);
      const label = `soreness ${g.none ? "none" : g.s}, pump ${g.pump}, performance ${g.p}${g.joint ? ", joint pain" : ""}`;
      if (g.joint) {
        expect(row, label).toMatchObject({ sets: 2, weight: 50, swap_suggested: true });
        expect(row.progress_reason).toBe("held: joint pain reported on chest, swap suggested");
        continue;
      }
      const change = setChange(g.p, g.s, g.pump);
      if (change === RECOVERY) {
        expect(row.sets, label).toBe(halfSets(2));
        expect(row.weight, label).toBeLessThanOrEqual(50);
        expect(week.recovery_muscles, label).toEqual(["chest"]);
      } else {
        expect(row.sets, label).toBe(2 + change);
        expect(week.recovery_muscles, label).toEqual([]);
      }
      expect(row.swap_suggested, label).toBe(false);
      seen.push(`${label}: ${row.sets}`);
    }
    // RP's table, as written in COACHING section 2 (pump unknown: the middle of each range).
    expect(seen.slice(0, 16)).toEqual([
      "soreness 0, pump null, performance 0: 4",
      "soreness 0, pump null, performance 1: 3",
      "soreness 0, pump null, performance 2: 2",
      "soreness 0, pump null, performance 3: 1",
      "soreness 1, pump null, performance 0: 3",
      "soreness 1, pump null, performance 1: 2",
      "soreness 1, pump null, performance 2: 2",
      "soreness 1, pump null, performance 3: 1",
      "soreness 2, pump null, performance 0: 2",
      "soreness 2, pump null, performance 1: 2",
      "soreness 2, pump null, performance 2: 2",
      "soreness 2, pump null, performance 3: 1",
      "soreness 3, pump null, performance 0: 2",
      "soreness 3, pump null, performance 1: 2",
      "soreness 3, pump null, performance 2: 2",
      "soreness 3, pump null, performance 3: 1",
    ]);
    expect(seen.slice(16, 20)).toEqual([
      "soreness 0, pump 0, performance 0: 5",
      "soreness 0, pump 3, performance 0: 3",
      "soreness 0, pump 1, performance 1: 4",
      "soreness 1, pump 0, performance 1: 3",
    ]);
    expect(seen.slice(20)).toEqual([
      "soreness none, pump null, performance 0: 4",
      "soreness none, pump null, performance 1: 3",
      "soreness none, pump null, performance 2: 2",
      "soreness none, pump null, performance 3: 1",
    ]);
  });

  it("joint pain's swap suggestion carries forward while the exercise stays", async () => {
    const planId = await cell(0, { soreness: 0, pump: null, jointPain: true });
    await rollover(tdb.pool, plusDays(W1, 7));
    const [w2] = await rowsOf(tdb.pool, planId, 2);
    expect(w2?.swap_suggested).toBe(true);
    await logSets(tdb.pool, w2?.id as string, PERFORMANCE[1] ?? []);
    await rollover(tdb.pool, plusDays(W1, 14));
    const [w3] = await rowsOf(tdb.pool, planId, 3);
    // No feedback this week: the group progresses again, and the suggestion stays.
    expect(w3).toMatchObject({ swap_suggested: true, sets: 3 });
  });
});

// Two mesocycles of two generated plans, lived by a lifter with a modelled strength per row, for
// docs/mesocycle-simulation.md (a drift test: WRITE_SIMULATION_DOCS=1 rewrites the file).
/** Week-1 loads: a plausible working load by tier and implement (the generator writes none). */
function firstLoad(r: Row): number | null {
  if (r.equipment === "bodyweight" || r.equipment === null) return null;
  if (r.equipment === "barbell") return r.tier === "T1" ? 80 : 60;
  if (r.equipment === "dumbbell") return r.tier === "T3" ? 10 : 20;
  return r.tier === "T3" ? 25 : 40;
}

/** Most reps at `kg` for a 1RM (RTS chart at RPE 10). */
function maxReps(kg: number, oneRepMax: number): number {
  let n = 0;
  while (n < 40 && kg <= oneRepMax * rpePercent(n + 1, 10)) n += 1;
  return n;
}

/**
 * The lifter: each row's 1RM is what makes week 1's load the bottom of the range at the row's
 * target RIR, and
 * grows `gain` a week (a beginner's 2%, an intermediate's 0.5%); sets stop at the row's target RIR, each set 1.5% weaker than the one before;
 * RPE logged. Bodyweight rows: the bottom of the range + 4 reps in week 1, +1 rep every two weeks.
 */
function strengthModel(
  base: ReadonlyMap<string, number>,
  root: ReadonlyMap<string, string>,
  week: number,
  gain: number,
) {
  return (r: Row): LogSet[] => {
    const t = parseRepTarget(r.reps);
    if (t === null) return [];
    const rir = r.rir ?? 2;
    const key = root.get(r.id) ?? r.id;
    return Array.from({ length: r.sets }, (_, i) => {
      const fatigue = 1 - 0.015 * i;
      const max =
        r.weight === null || r.weight <= 0
          ? Math.floor((t.min + 4 + Math.floor((week - 1) / 2)) * fatigue)
          : maxReps(r.weight, (base.get(key) ?? 100) * (1 + gain) ** (week - 1) * fatigue);
      // A fixed target (a novice's 5) is done whenever a rep is left after it, as novices on 3 x 5
      // do; a range stops at the row's target RIR.
      const reps = Math.max(1, Math.min(t.max, max - (t.min === t.max ? 1 : rir)));
      return { reps, kg: r.weight ?? 0, rpe: Math.min(10, Math.max(6, 10 - (max - reps))) };
    });
  };
}

const GROUPS = ["chest", "back", "shoulders", "quadriceps", "hamstrings", "glutes", "biceps", "triceps"];

function table(
  title: string,
  level: ExperienceLevel,
  byWeek: readonly Row[][],
  weeks: readonly Week[],
): string[] {
  // One column a lift: the main lifts, and a novice's barbell lifts of fixed reps (their linear
  // progression, linear-progression.ts), whichever tier; a novice's squat leads every day.
  const lift = (r: Row) => (r.tier === "T1" && r.weight !== null) || isLinearLift(level, r);
  const mains = [...(byWeek[0] ?? []), ...(byWeek[1] ?? [])]
    .filter(lift)
    .filter((r, i, all) => all.findIndex((x) => x.exercise_name === r.exercise_name) === i)
    .slice(0, 4);
  const lines = [
    `### ${title}`,
    "",
    `| week | meso.week | ${GROUPS.join(" | ")} | RIR (T1 / others) | ${mains.map((m) => m.exercise_name).join(" | ")} |`,
    `| --- | --- | ${GROUPS.map(() => "---:").join(" | ")} | --- | ${mains.map(() => "---:").join(" | ")} |`,
  ];
  byWeek.forEach((rows, i) => {
    const w = weeks[i] as Week;
    const g = setsByGroup(rows);
    const rir = (pick: (r: Row) => boolean) =>
      [...new Set(rows.filter(pick).map((r) => r.rir))].sort().join("/");
    // Each session's load of the lift, in session order (an alternating week moves workouts
    // between days); one figure when they are all the same.
    const loads = mains.map((m) => {
      const ws = rows.filter((x) => x.exercise_name === m.exercise_name && lift(x)).map((x) => x.weight);
      const shown = ws.map((w) => (w === null ? "-" : String(w)));
      return shown.length === 0 ? "-" : new Set(shown).size === 1 ? (shown[0] as string) : shown.join(" / ");
    });
    const tag = `${w.mesocycle}.${w.mesocycle_week}${w.is_deload ? " deload" : ""}${w.recovery_muscles.length > 0 ? ` (recovery: ${w.recovery_muscles.join(", ")})` : ""}`;
    lines.push(
      `| ${i + 1} | ${tag} | ${GROUPS.map((x) => g.get(x) ?? 0).join(" | ")} | ${rir((r) => r.tier === "T1")} / ${rir((r) => r.tier !== "T1")} | ${loads.join(" | ")} |`,
    );
  });
  const main = mains[0];
  if (main !== undefined) {
    lines.push("", `Why, week by week, for ${main.exercise_name}:`, "");
    byWeek.forEach((rows, i) => {
      const r = rows.findLast((x) => x.exercise_name === main.exercise_name && lift(x));
      if (i > 0 && r)
        lines.push(
          `- week ${i + 1}: ${r.sets} x ${r.reps} @ ${r.weight} kg, RIR ${r.rir}: ${r.progress_reason}`,
        );
    });
  }
  lines.push("");
  return lines;
}

describe("two mesocycles, week by week (docs/mesocycle-simulation.md)", () => {
  const tdb = builtinCatalogueDatabase();

  it("an intermediate hypertrophy lifter (4 days) and a beginner strength lifter (3 days)", async () => {
    const doc = [
      "# Two mesocycles, week by week",
      "",
      "Generated by `tests/rollover/mesocycle-simulation.test.ts` through the real rollover (built-in",
      "catalogue, plans from the generator, 60-minute sessions, full gym): do not edit by hand; run it",
      "with `WRITE_SIMULATION_DOCS=1` to rewrite. The lifter's strength on each row makes week 1's load",
      "the bottom of the range at the row's target RIR and grows 0.5% a week (the beginner's 2%, as novices gain",
      "fastest); every set stops at the row's target RIR (a fixed target, the novice's 5, is done whenever",
      "a rep is left after it),",
      "each set 1.5% weaker than the one before, RPE logged; week-1 loads are set by tier and",
      "implement (the generator writes none without history). Columns: direct sets per muscle group",
      "(lats and middle back are the back), the RIR of the T1 rows and of the others, and the main",
      "lifts' loads (kg; a lift done on several days shows each day's load, as a novice's barbell lifts",
      "step up each session). Sets are logged session by session, and a novice's judged session reloads",
      "the lift's later sessions of the week (a set missed: the next repeats the load), as the",
      '`progress.refresh` job does ([progression.md](progression.md), "Within the week"). The rules are',
      "[mesocycles.md](mesocycles.md).",
      "",
    ];
    const profiles: Array<[string, Goal, ExperienceLevel, number, number]> = [
      ["Intermediate hypertrophy, 4 days", "hypertrophy", "intermediate", 4, 0.005],
      ["Beginner strength, 3 days", "strength", "beginner", 3, 0.02],
    ];
    const checks: Array<() => void> = [];
    for (const [title, goal, level, days, gain] of profiles) {
      const len = accumulationWeeks(null, goal, level);
      const weeks = 2 * (len + 1) + 1;
      const w1 = monday(-(weeks + 1));
      const planId = await generatedPlan(tdb.pool, BUILTIN_CATALOGUE, goal, level, days, w1);
      // The lifter's strength per week-1 row, and each later row's week-1 row (its lineage by
      // carried_from_id: an alternating week moves workouts between days).
      const base = new Map<string, number>();
      const root = new Map<string, string>();
      for (const r of await rowsOf(tdb.pool, planId, 1)) {
        root.set(r.id, r.id);
        const kg = firstLoad(r);
        if (kg === null) continue;
        await setRow(tdb.pool, r.id, { weight: kg });
        const t = parseRepTarget(r.reps);
        base.set(r.id, kg / rpePercent(t?.min ?? 8, 10 - (r.rir ?? 2)));
      }
      const { rows: owner } = await tdb.pool.query<{ user_id: string }>(
        "SELECT user_id FROM modular_training_plan WHERE id = $1",
        [planId],
      );
      const userId = owner[0]?.user_id as string;
      const byWeek: Row[][] = [];
      for (let n = 1; n <= weeks; n += 1) {
        for (const r of await rowsOf(tdb.pool, planId, n))
          if (n > 1) root.set(r.id, root.get(r.carried_from_id ?? "") ?? r.id);
        // Session by session: a novice's judged session reloads the lift's later sessions of the
        // week (linear-midweek.ts), as the progress.refresh job does once the sets arrive.
        const { rows: sessions } = await tdb.pool.query<{ id: string; session_date: string }>(
          `SELECT s.id, s.session_date::text AS session_date FROM modular_training_session s
           JOIN modular_training_week w ON w.id = s.week_id
           WHERE w.plan_id = $1 AND w.week_number = $2 ORDER BY s.session_date, s.day_label`,
          [planId, n],
        );
        for (const session of sessions) {
          const rows = (await rowsOf(tdb.pool, planId, n)).filter((r) => r.session_id === session.id);
          await logWeek(tdb.pool, rows, strengthModel(base, root, n, gain));
          await adjustLinearWeek(tdb.pool, userId, session.session_date);
        }
        byWeek.push(await rowsOf(tdb.pool, planId, n));
        if (n < weeks) await rollover(tdb.pool, plusDays(w1, 7 * n));
      }
      const wk = await weeksOf(tdb.pool, planId);
      doc.push(...table(title, level, byWeek, wk));
      // No row is ever written heavier than the modelled lifter can lift for the bottom of its
      // range at RPE 10 that week (a novice's steps of 7.5 kg a week against its 2% included: the
      // holds and cuts keep the loads within what the lifter has).
      const overreach = byWeek.flatMap((rows, i) =>
        rows.flatMap((r) => {
          const t = parseRepTarget(r.reps);
          const oneRm = base.get(root.get(r.id) ?? r.id);
          if (t === null || r.weight === null || r.weight <= 0 || oneRm === undefined) return [];
          const can = oneRm * (1 + gain) ** i * rpePercent(t.min, 10);
          return r.weight > can
            ? [`week ${i + 1} ${r.exercise_name} ${r.weight} kg, can ${can.toFixed(1)}`]
            : [];
        }),
      );
      checks.push(() => {
        expect(overreach, title).toEqual([]);
        // A coach's reading: the deload is the planned one (a novice's stalls are reset lift by lift,
        // never a whole-programme fatigue deload: a coach read four in 19 weeks), and the second
        // mesocycle starts at most at the first's peak (below it where the first added sets after
        // its week 2).
        const firstDeload = wk.findIndex((w) => w.is_deload);
        expect(firstDeload, title).toBe(len);
        const peak = Math.max(...byWeek.slice(0, firstDeload).map(total));
        expect(total(byWeek[firstDeload + 1] ?? []), title).toBeLessThanOrEqual(peak);
        expect(total(byWeek[firstDeload + 1] ?? []), title).toBe(total(byWeek[1] ?? []));
      });
    }
    const text = doc.join("\n");
    if (process.env.WRITE_SIMULATION_DOCS === "1") writeFileSync(DOC, text);
    for (const check of checks) check();
    expect(readFileSync(DOC, "utf8")).toBe(text);
  }, 180_000);
});
