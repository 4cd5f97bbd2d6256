// The rollover's SQL progression equals the TypeScript reference (src/domain/load-progression) for
// random rows and logs: each case is a one-row plan on a real database, logged through
// training_set and rolled over by rolloverAsOf, then compared with progressRow /
// deloadPrescription. Loads are multiples of 0.25 kg, which float4 (`real`) holds exactly, so the
// comparison is exact.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import { deloadPrescription } from "../../src/domain/load-progression/deload.ts";
import { progressReason } from "../../src/domain/load-progression/progress-reason.ts";
import { type LoggedSet, progressRow, targetRpe } from "../../src/domain/load-progression/progress-row.ts";
import { parseRepTarget } from "../../src/domain/load-progression/rep-target.ts";
import { warmUpRamp, withWarmUp } from "../../src/domain/load-progression/warm-up.ts";
import { groupOf, MAX_SETS_PER_ROW, mrv } from "../../src/domain/mesocycle/caps.ts";
import { performanceScore } from "../../src/domain/mesocycle/performance.ts";
import { restartLine, restartLoadKg } from "../../src/domain/mesocycle/restart.ts";
import { DELOAD_MIN_RIR, rampRir } from "../../src/domain/mesocycle/rir-ramp.ts";
import { halfSets, RECOVERY, setChange } from "../../src/domain/mesocycle/set-change.ts";
import {
  deloadReason,
  type VolumeDecision,
  withVolumeReason,
} from "../../src/domain/mesocycle/volume-reason.ts";
import { EQUIPMENT, MUSCLE_GROUPS } from "../../src/domain/vocabulary.ts";
import { createUser } from "../helpers/auth.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import {
  builtinCatalogueDatabase,
  ladderNeighbours,
  logSets,
  makePlan,
  rollover,
  setRow,
  weekRows,
} from "./helpers.ts";

const LADDER_IDS = BUILTIN_CATALOGUE.filter((c) => c.ladder !== undefined).map((c) => c.exerciseId);

const quarterKg = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((q) => q / 4);

// Mostly parseable targets (where the rules have something to decide), plus the texts that must
// carry over.
const reps = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }).map(String) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 6 }))
      .map(([a, d]) => `${a}-${a + d}`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom("8 – 12", " 10 ", "12-8", "0", "AMRAP", "30s", "1000", "8–10", "", "6-"),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).filter((s) => !s.includes("\u0000")) },
);

const row = fc.record({
  weight: fc.oneof(fc.constant(null), fc.constant(0), quarterKg(250)),
  reps,
  sets: fc.integer({ min: 1, max: 5 }),
  equipment: fc.oneof(fc.constant(null), fc.constantFrom(...EQUIPMENT)),
  muscleGroup: fc.oneof(fc.constant(null), fc.constantFrom(...MUSCLE_GROUPS)),
  missStreak: fc.integer({ min: 0, max: 3 }),
  rir: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 6 })),
  // Rungs of the built-in ladders (ends included) and exercises on none.
  exerciseId: fc.constantFrom(...LADDER_IDS, "te_barbell_bench_press", "te_ex_0_0", null),
  tier: fc.constantFrom("T1", "T2", "T3", null),
  notes: fc.constantFrom(
    null,
    "",
    "superset A",
    "superset A; warm-up: 20 kg x 10",
    "warm-up: 1 kg x 5",
    "a; ; b",
  ),
});

type RowInput = typeof row extends fc.Arbitrary<infer T> ? T : never;

/** Logged sets near the row's own numbers (its load, the ends of its range), so every rule fires. */
function logged(r: RowInput) {
  const target = parseRepTarget(r.reps);
  const w = r.weight ?? 0;
  const repsDone = target
    ? fc.oneof(
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(target.min, target.max, target.max + 1, Math.max(1, target.min - 1)),
      )
    : fc.integer({ min: 1, max: 20 });
  const set = fc.record({
    repsDone,
    weightKg: fc.oneof(
      { weight: 3, arbitrary: fc.constant(w) },
      { weight: 1, arbitrary: fc.constantFrom(w + 2.5, Math.max(0, w - 1.25), 0) },
      { weight: 1, arbitrary: quarterKg(250) },
    ),
    rpe: fc.oneof(fc.constant(null), fc.integer({ min: 6, max: 10 }), fc.constant(10)),
  });
  return fc.oneof(
    fc.constant([]),
    fc.array(set, { minLength: r.sets, maxLength: r.sets + 2 }),
    fc.array(set, { maxLength: r.sets + 2 }),
  );
}

const caseArb = row.chain((r) => fc.tuple(fc.constant(r), logged(r)));

/** What progressRow reads of a generated row and its logged sets: the SQL's inputs, in TypeScript. */
function progressInput(r: RowInput, logs: LoggedSet[]) {
  return {
    weight: r.weight,
    reps: r.reps,
    sets: r.sets,
    equipment: r.equipment ?? "other",
    muscleGroup: r.muscleGroup ?? "",
    missStreak: r.missStreak,
    rir: r.rir,
    logged: logs,
    ladder: ladderNeighbours(BUILTIN_CATALOGUE, r.exerciseId),
  };
}

describe("SQL progression = progressRow (property)", () => {
  const tdb = builtinCatalogueDatabase();

  const W1 = monday(-4);

  /** A one-session, one-row plan with the row set as given and its sets logged. */
  async function onePlan(r: RowInput, sets: LoggedSet[], deload: number | null) {
    // A user per plan: one user may hold only user_bounds.max_active_plans active plans.
    const planId = await makePlan(tdb.pool, await createUser(tdb.pool), {
      weekStart: W1,
      sessions: 1,
      slots: 1,
      deloadEveryWeeks: deload,
    });
    const [first] = await weekRows(tdb.pool, planId, 1);
    const id = first?.id as string;
    await setRow(tdb.pool, id, r);
    await logSets(
      tdb.pool,
      id,
      sets.map((s) => ({ reps: s.repsDone, kg: s.weightKg, rpe: s.rpe })),
    );
    return planId;
  }

  // The sample plan is an intermediate hypertrophy plan: 5 accumulation weeks when the worker decides.
  const GOAL = "hypertrophy";
  const LEVEL = "intermediate";

  /**
   * What the rollover writes for a one-row plan's week 2 (an accumulation week): the load
   * progression, then the row's muscle group's set change (the row is the whole group).
   */
  function expectedWeek2(r: RowInput, logs: LoggedSet[]) {
    const input = {
      ...progressInput(r, logs),
      nextRir: rampRir(GOAL, LEVEL, 2, 5, { equipment: r.equipment, tier: r.tier }),
    };
    const judged = progressRow(input);
    const group = groupOf(r.muscleGroup);
    const perf = performanceScore(judged.rule, parseRepTarget(r.reps), targetRpe(r.rir), r.sets, logs);
    const change = group === null ? 0 : setChange(perf, null, null);
    const add =
      change > 0 && r.sets < MAX_SETS_PER_ROW
        ? Math.min(MAX_SETS_PER_ROW - r.sets, Math.max(0, Math.min(change, mrv(group ?? "", LEVEL) - r.sets)))
        : 0;
    const raised = ["increase", "increase_top", "ladder_up", "reps_up"].includes(judged.rule);
    let decision: VolumeDecision = { kind: "none" };
    let sets = r.sets;
    let weight = judged.weight;
    let moveTo = judged.moveTo;
    let reps = judged.reps ?? r.reps;
    if (group !== null && change === RECOVERY) {
      sets = halfSets(r.sets);
      decision = { kind: "recovery", group, from: r.sets, to: sets, raised };
      if (r.weight !== null && r.weight > 0) weight = Math.min(r.weight, judged.weight ?? r.weight);
      if (judged.rule === "ladder_up") moveTo = undefined;
      reps = r.reps;
    } else if (group !== null && add > 0) {
      sets = r.sets + add;
      decision = { kind: "added", group, add, performance: perf ?? 0, soreness: null, pump: null };
    }
    return {
      input,
      judged,
      weight,
      sets,
      moveTo,
      reps,
      reason: withVolumeReason(progressReason(input, judged, "progress"), decision),
    };
  }

  it("for random rows and logs (progress weeks)", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ([r, sets]) => {
        const logs = sets.map((s, i) => ({ ...s, setNo: i + 1 }));
        const planId = await onePlan(r, logs, null);
        await rollover(tdb.pool, plusDays(W1, 7));
        const [next] = await weekRows(tdb.pool, planId, 2);
        const expected = expectedWeek2(r, logs);
        expect({
          weight: next?.weight,
          missStreak: next?.miss_streak,
          sets: next?.sets,
          rir: next?.rir,
          reps: next?.reps,
          exerciseId: next?.exercise_id,
          reason: next?.progress_reason,
        }).toEqual({
          weight: expected.weight === null ? null : Math.fround(expected.weight),
          missStreak: expected.judged.missStreak,
          sets: expected.sets,
          rir: rampRir(GOAL, LEVEL, 2, 5, { equipment: r.equipment, tier: r.tier }),
          reps: expected.reps,
          exerciseId: expected.moveTo ?? r.exerciseId,
          reason: expected.reason,
        });
        expect(next?.notes).toBe(
          withWarmUp(r.notes, warmUpRamp(expected.weight, r.equipment ?? "other", r.tier)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("for random rows and logs (deload weeks, and the restore judging the week before)", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ([r, sets]) => {
        // Every 2nd week is a deload (a 1-week accumulation): week 2 is the deload of week 1 (not
        // judged up), and week 3 (the next mesocycle's first week) carries week 1's judged outcome
        // at full sets.
        const logs = sets.map((s, i) => ({ ...s, setNo: i + 1 }));
        const planId = await onePlan(r, logs, 2);
        await rollover(tdb.pool, plusDays(W1, 14));
        const [deload] = await weekRows(tdb.pool, planId, 2);
        const [restore] = await weekRows(tdb.pool, planId, 3);
        // The restore's load is for the next mesocycle's first-week RIR.
        const input = {
          ...progressInput(r, logs),
          nextRir: rampRir(GOAL, LEVEL, 1, 1, { equipment: r.equipment, tier: r.tier }),
        };
        const judged = progressRow(input);
        const expected = deloadPrescription({
          weight: r.weight,
          sets: r.sets,
          ...(r.equipment === null ? {} : { equipment: r.equipment, tier: r.tier }),
        });
        const rir = Math.max(r.rir ?? 2, DELOAD_MIN_RIR);
        const f = (w: number | null) => (w === null ? null : Math.fround(w));
        expect({
          weight: deload?.weight,
          sets: deload?.sets,
          rir: deload?.rir,
          missStreak: deload?.miss_streak,
          exerciseId: deload?.exercise_id,
          reason: deload?.progress_reason,
        }).toEqual({
          weight: f(expected.weight),
          sets: expected.sets,
          rir,
          missStreak: r.missStreak,
          exerciseId: r.exerciseId,
          reason: deloadReason(
            "planned, end of mesocycle 1",
            { from: r.sets, to: expected.sets },
            { from: r.weight, to: expected.weight },
            rir,
          ),
        });
        const restart = restartLoadKg(input, judged);
        expect(restore?.progress_reason).toBe(
          restart === null
            ? progressReason(input, judged, "restore")
            : `after the deload; ${restartLine(r.weight ?? 0, restart, judged.e1rmKg ?? 0, input.nextRir)}`,
        );
        const ramp = (w: number | null) => warmUpRamp(w, r.equipment ?? "other", r.tier);
        expect(deload?.notes).toBe(withWarmUp(r.notes, ramp(expected.weight)));
        expect(restore?.notes).toBe(
          withWarmUp(withWarmUp(r.notes, ramp(expected.weight)), ramp(restart ?? judged.weight)),
        );
        expect({
          weight: restore?.weight,
          sets: restore?.sets,
          rir: restore?.rir,
          missStreak: restore?.miss_streak,
        }).toEqual({
          weight: f(restart ?? judged.weight),
          sets: r.sets,
          rir: rampRir(GOAL, LEVEL, 1, 1, { equipment: r.equipment, tier: r.tier }),
          missStreak: judged.missStreak,
        });
      }),
      { numRuns: 60 },
    );
  });
});
