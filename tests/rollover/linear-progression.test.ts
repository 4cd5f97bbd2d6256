// A novice's linear progression through the REAL rollover: a beginner's fixed-rep barbell lifts
// (3 x 5) add load every session, not once a week (docs/progression.md, "A novice's linear
// progression"). A gaining novice's A B A weeks, read as a coach reads them; then random weeks
// of made, drifting, missed, ground-out and skipped sessions, each compared with the TypeScript reference
// (linearBase / linearLoadKg / linearReason over progressRow).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustLinearWeek } from "../../src/db/queries/linear-midweek.ts";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import {
  isLinearLift,
  linearBase,
  linearDeloadKg,
  linearLoadKg,
  linearReason,
  linearRecoveryLoadKg,
} from "../../src/domain/load-progression/linear-progression.ts";
import { loadStepKg } from "../../src/domain/load-progression/load-increment.ts";
import { reducedLoadKg } from "../../src/domain/load-progression/load-reduction.ts";
import { progressReason } from "../../src/domain/load-progression/progress-reason.ts";
import { type LoggedSet, progressRow } from "../../src/domain/load-progression/progress-row.ts";
import { rpePercent } from "../../src/domain/load-progression/rpe-percent.ts";
import { accumulationWeeks } from "../../src/domain/mesocycle/length.ts";
import { rampRir } from "../../src/domain/mesocycle/rir-ramp.ts";
import { halfSets } from "../../src/domain/mesocycle/set-change.ts";
import { generatePlan, type PlanRequest } from "../../src/domain/plan/index.ts";
import { EQUIPMENT } from "../../src/domain/vocabulary.ts";
import { createUser } from "../helpers/auth.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { builtinCatalogueDatabase, logSets, type RowView, rollover, setRow, weekRows } from "./helpers.ts";

const liftOf = (r: RowView) => `${r.exercise_id ?? r.exercise_name}|${r.reps}`;
const loadsOf = (rows: readonly RowView[], name: string) =>
  rows.filter((r) => r.exercise_name === name).map((r) => r.weight);

const NOVICE: Omit<PlanRequest, "weekStart" | "split" | "equipment"> = {
  goal: "strength",
  experience: "beginner",
  daysPerWeek: 3,
  sessionMinutes: 60,
};
const LEN = accumulationWeeks(null, NOVICE.goal, NOVICE.experience);

describe("a novice adds load every session (linear progression)", () => {
  const tdb = builtinCatalogueDatabase();

  /**
   * A generated novice plan (A B A), its barbell rows at `load(i)` kg on the week's i-th day, each
   * with `missStreak` weeks already below its prescription.
   */
  async function novicePlan(w1: string, load: (day: number) => number, missStreak = 0): Promise<string> {
    const json = generatePlan(
      { ...NOVICE, split: "auto", equipment: EQUIPMENT, weekStart: w1 },
      BUILTIN_CATALOGUE,
    );
    const { rows } = await tdb.pool.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [
      await createUser(tdb.pool),
      JSON.stringify(json),
    ]);
    const planId = rows[0]?.id as string;
    const week1 = await weekRows(tdb.pool, planId, 1);
    const days = [...new Set(week1.map((r) => r.session_date))];
    for (const r of week1)
      if (r.equipment === "barbell")
        await setRow(tdb.pool, r.id, { weight: load(days.indexOf(r.session_date)), missStreak });
    return planId;
  }

  /** The squat rows of the plan's week `week`, in session order. */
  const squatsOf = async (planId: string, week: number) =>
    (await weekRows(tdb.pool, planId, week)).filter((r) => r.exercise_name === "Barbell Back Squat");

  /** Logs each squat row of week 1 with its sets, each `reps` at `kg` and `rpe`. */
  async function logWeekOneSquats(planId: string, set: { reps: number; kg: number; rpe: number }) {
    for (const r of await squatsOf(planId, 1))
      await logSets(
        tdb.pool,
        r.id,
        Array.from({ length: r.sets }, () => set),
      );
  }

  /** Every set made: the reps asked for at the row's target RPE. */
  const made = (r: RowView) =>
    Array.from({ length: r.sets }, () => ({
      reps: Number.parseInt(r.reps, 10),
      kg: r.weight ?? 0,
      rpe: 10 - (r.rir ?? 2),
    }));

  it("steps a lift up each session while every set is made, across A B A and B A B weeks", async () => {
    const w1 = monday(-4);
    const planId = await novicePlan(w1, () => 60);
    for (let week = 1; week <= 2; week += 1) {
      for (const r of await weekRows(tdb.pool, planId, week))
        if (r.equipment === "barbell") await logSets(tdb.pool, r.id, made(r));
      await rollover(tdb.pool, plusDays(w1, 7 * week));
    }
    const [week1, week2, week3] = await Promise.all([1, 2, 3].map((n) => weekRows(tdb.pool, planId, n)));
    const squat = [week1, week2, week3].map((w) => loadsOf(w ?? [], "Barbell Back Squat"));
    // Week 1 at one load; then the squat comes three times a week, 2.5 kg more each time.
    expect(squat[0]).toEqual([60, 60, 60]);
    const first2 = squat[1]?.[0] as number;
    expect(first2).toBeGreaterThan(60);
    expect(squat[1]).toEqual([first2, first2 + 2.5, first2 + 5]);
    const first3 = squat[2]?.[0] as number;
    expect(first3).toBeGreaterThan(first2 + 5);
    expect(squat[2]).toEqual([first3, first3 + 2.5, first3 + 5]);
    // B A B: the deadlift and the overhead press come twice, the second time heavier; the bench
    // once, above week 1's last bench.
    expect(loadsOf(week2 ?? [], "Barbell Deadlift")).toHaveLength(2);
    const [dl1, dl2] = loadsOf(week2 ?? [], "Barbell Deadlift") as number[];
    expect(dl2).toBe((dl1 as number) + 2.5);
    const bench2 = loadsOf(week2 ?? [], "Barbell Bench Press");
    expect(bench2).toHaveLength(1);
    expect(bench2[0]).toBeGreaterThan(60);
    const bench3 = loadsOf(week3 ?? [], "Barbell Bench Press") as number[];
    expect(bench3).toEqual([bench3[0], (bench3[0] as number) + 2.5]);
    expect(bench3[0]).toBeGreaterThan(bench2[0] as number);
    const second = week2?.filter((r) => r.exercise_name === "Barbell Back Squat")[1];
    expect(second?.progress_reason).toMatch(
      /; \+2\.5 kg for the lift's session 2 this week: a novice adds load every session$/,
    );
    // A lift with a rep range (the row, 6-10) progresses by the week, as before.
    const rows2 = week2?.filter((r) => r.exercise_name === "Barbell Bent-Over Row") ?? [];
    expect(new Set(rows2.map((r) => r.weight)).size).toBe(1);
  });

  /** Week 1 at 60, 62.5, 65 kg; the squat's last session logged as `last`, the others made. */
  async function squatWeek(last: (r: RowView) => { reps: number; kg: number; rpe: number }[]) {
    const w1 = monday(-4);
    const planId = await novicePlan(w1, (day) => 60 + 2.5 * day);
    const rows = await weekRows(tdb.pool, planId, 1);
    const lastDay = rows.at(-1)?.session_date;
    for (const r of rows)
      if (r.exercise_name === "Barbell Back Squat")
        await logSets(tdb.pool, r.id, r.session_date === lastDay ? last(r) : made(r));
    await rollover(tdb.pool, plusDays(w1, 7));
    return loadsOf(await weekRows(tdb.pool, planId, 2), "Barbell Back Squat");
  }

  it("repeats a held load once, then steps; climbs back a step a session from a cut", async () => {
    // The 65 kg session a rep short on its last set at the target RPE 7: held with the estimate
    // near the load, so next week repeats it twice and steps on the third (Starting Strength
    // repeats a missed load, not a week of it).
    const held = await squatWeek((r) =>
      Array.from({ length: r.sets }, (_, i) => ({
        reps: i === r.sets - 1 ? 4 : 5,
        kg: r.weight ?? 0,
        rpe: 7,
      })),
    );
    expect(held).toEqual([65, 65, 67.5]);
    // Reps short on two sets at RPE 9: the estimate below the load, so the week repeats it.
    const below = await squatWeek((r) =>
      Array.from({ length: r.sets }, (_, i) => ({ reps: i === 0 ? 5 : 4, kg: r.weight ?? 0, rpe: 9 })),
    );
    expect(below).toEqual([65, 65, 65]);
    // Missed at RPE 10 (3 reps): cut, and the quadriceps' recovery session (RP's performance 3)
    // takes no steps: every session at the cut load.
    const cut = await squatWeek((r) =>
      Array.from({ length: r.sets }, () => ({ reps: 3, kg: r.weight ?? 0, rpe: 10 })),
    );
    expect(cut[0]).toBeLessThan(65);
    expect(new Set(cut).size).toBe(1);
    // Every set of 5 made at RPE 9, two past the week's target (RIR 3): a step, as a coach counts
    // any 5 with a rep to spare.
    const ground = await squatWeek((r) =>
      Array.from({ length: r.sets }, () => ({ reps: 5, kg: r.weight ?? 0, rpe: 9 })),
    );
    expect(ground).toEqual([67.5, 70, 72.5]);
  });

  it("adds one step a session where the estimate would allow more (every set easy at RPE 6)", async () => {
    // 80 kg x 7 at RPE 6 where 5 were asked: an e1RM of about 114 kg, whose load for 5 at next
    // week's RPE 7 is about 90 kg, 87.5 within the week's 10% cap.
    const w1 = monday(-4);
    const planId = await novicePlan(w1, () => 80);
    await logWeekOneSquats(planId, { reps: 7, kg: 80, rpe: 6 });
    await rollover(tdb.pool, plusDays(w1, 7));
    const week2 = await squatsOf(planId, 2);
    expect(week2.map((r) => r.weight)).toEqual([82.5, 85, 87.5]);
    expect(week2[0]?.progress_reason).toBe("+2.5 kg: one step a session (the estimate allowed +7.5 kg)");
  });

  it("resets a load missed three sessions running: 10% off, then a step a session (STALL_MISSES)", async () => {
    const w1 = monday(-4);
    const planId = await novicePlan(w1, () => 85);
    const missed = (r: RowView) =>
      Array.from({ length: r.sets }, (_, i) => ({ reps: i === 0 ? 5 : 4, kg: r.weight ?? 0, rpe: 9 }));
    for (const r of await weekRows(tdb.pool, planId, 1))
      if (r.exercise_name === "Barbell Back Squat") await logSets(tdb.pool, r.id, missed(r));
    await rollover(tdb.pool, plusDays(w1, 7));
    const week2 = (await weekRows(tdb.pool, planId, 2)).filter(
      (r) => r.exercise_name === "Barbell Back Squat",
    );
    const reset = reducedLoadKg(85, "barbell") as number;
    expect(reset).toBe(75);
    expect(week2.map((r) => r.weight)).toEqual([75, 77.5, 80]);
    expect(week2[0]?.progress_reason).toBe("reset: 85 kg missed 3 sessions running; 10% off");
    expect(week2.map((r) => r.miss_streak)).toEqual([0, 0, 0]);
  });

  it("repeats a load the estimate has been under two weeks running until its third miss in a row", async () => {
    // Each squat row already one week under its prescription (missStreak 1): the estimate's rule
    // would cut 85 kg now. A novice repeats a missed load and resets on the third miss running.
    const missed = (r: RowView) =>
      Array.from({ length: r.sets }, (_, i) => ({ reps: i === 0 ? 5 : 4, kg: r.weight ?? 0, rpe: 9 }));
    const squats = async (logOf: (r: RowView, i: number) => ReturnType<typeof missed>) => {
      const w1 = monday(-4);
      const planId = await novicePlan(w1, () => 85, 1);
      for (const [i, r] of (await squatsOf(planId, 1)).entries()) await logSets(tdb.pool, r.id, logOf(r, i));
      await rollover(tdb.pool, plusDays(w1, 7));
      return squatsOf(planId, 2);
    };
    // Made on Monday, missed on Wednesday and Friday: two misses, so 85 kg again, not 77.5 kg.
    const twice = await squats((r, i) => (i === 0 ? made(r) : missed(r)));
    expect(twice.map((r) => r.weight)).toEqual([85, 85, 85]);
    expect(twice[0]?.progress_reason).toBe(
      "held: 85 kg missed 2 sessions running; the next session repeats it",
    );
    // Missed all three: the reset.
    const thrice = await squats(missed);
    expect(thrice.map((r) => r.weight)).toEqual([75, 77.5, 80]);
    expect(thrice[0]?.progress_reason).toBe("reset: 85 kg missed 3 sessions running; 10% off");
  });

  it("counts last week's misses at a load: a third miss on the week's last session resets", async () => {
    // Week 1: the squat made on Monday and Wednesday, missed at 85 kg on Friday. Week 2 at 85 kg:
    // nothing logged on Monday (a skipped day), missed on Wednesday and Friday: three misses in a
    // row across the weeks' edge, as a two-day week's Thursday, Monday and Thursday would be.
    const missed = (r: RowView) =>
      Array.from({ length: r.sets }, (_, i) => ({ reps: i === 0 ? 5 : 4, kg: r.weight ?? 0, rpe: 9 }));
    const w1 = monday(-5);
    const planId = await novicePlan(w1, () => 85);
    const squats = (week: number) => squatsOf(planId, week);
    for (const [i, r] of (await squats(1)).entries())
      await logSets(tdb.pool, r.id, i < 2 ? made(r) : missed(r));
    await rollover(tdb.pool, plusDays(w1, 7));
    const week2 = await squats(2);
    for (const r of week2) await setRow(tdb.pool, r.id, { weight: 85 });
    for (const [i, r] of week2.entries())
      if (i > 0) await logSets(tdb.pool, r.id, missed({ ...r, weight: 85 }));
    await rollover(tdb.pool, plusDays(w1, 14));
    const week3 = await squats(3);
    expect(week3.map((r) => r.weight)).toEqual([75, 77.5, 80]);
    expect(week3[0]?.progress_reason).toBe("reset: 85 kg missed 3 sessions running; 10% off");
    // The reference alike: linearBase with the week before's rows.
    const judge = (sets: number[]) => {
      const input = {
        weight: 85,
        reps: "5",
        sets: 3,
        rir: 3,
        equipment: "barbell",
        muscleGroup: "quadriceps",
        missStreak: 0,
        logged: sets.map((reps, i) => ({ setNo: i + 1, repsDone: reps, weightKg: 85, rpe: 9 })),
      };
      const result = progressRow(input);
      return { input, result, reason: progressReason(input, result, "progress") };
    };
    const week = [judge([]), judge([5, 4, 4]), judge([5, 4, 4])];
    expect(linearBase(week, false, [judge([5, 5, 5]), judge([5, 5, 5]), judge([5, 4, 4])])?.weightKg).toBe(
      75,
    );
    expect(linearBase(week)?.weightKg).toBe(85);
  });

  it("gives two rows of a lift in one session the same load", async () => {
    const w1 = monday(-4);
    const planId = await novicePlan(w1, () => 60);
    const week1 = await weekRows(tdb.pool, planId, 1);
    const lastDay = week1.at(-1)?.session_date;
    // The last A day (carried to week 2's middle day) squats twice: its bench row becomes more 5s
    // of the squat.
    const squat = week1.find((r) => r.session_date === lastDay && r.exercise_name === "Barbell Back Squat");
    const bench = week1.find((r) => r.session_date === lastDay && r.exercise_name === "Barbell Bench Press");
    await setRow(tdb.pool, bench?.id as string, {
      exerciseId: squat?.exercise_id ?? null,
      reps: squat?.reps,
      weight: 60,
    });
    for (const r of await weekRows(tdb.pool, planId, 1))
      if (r.equipment === "barbell") await logSets(tdb.pool, r.id, made(r));
    await rollover(tdb.pool, plusDays(w1, 7));
    const squats = (await weekRows(tdb.pool, planId, 2)).filter((r) => r.exercise_id === squat?.exercise_id);
    const byDay = new Map<string, number[]>();
    for (const r of squats) byDay.set(r.session_date, [...(byDay.get(r.session_date) ?? []), r.weight ?? 0]);
    const days = [...byDay.values()];
    expect(days.map((loads) => loads.length)).toEqual([1, 2, 1]);
    // Each day one load, a step above the day before.
    expect(days.map((loads) => new Set(loads).size)).toEqual([1, 1, 1]);
    const first = days[0]?.[0] as number;
    expect(days.map((loads) => loads[0])).toEqual([first, first + 2.5, first + 5]);
  });

  it("a stalled novice: the squat climbs to what it can lift and no further than a step past it", async () => {
    // A lifter whose squat 1RM stays at 100 kg (5 reps at RPE 10: 86.5 kg), starting at 70 kg: each
    // set stops a rep short of failure or at 5, each 1.5% weaker than the one before, RPE logged.
    const oneRm = 100;
    const fiveRm = oneRm * rpePercent(5, 10);
    const weeks = 12;
    const w1 = monday(-(weeks + 1));
    const planId = await novicePlan(w1, () => 70);
    const { rows: owner } = await tdb.pool.query<{ user_id: string }>(
      "SELECT user_id FROM modular_training_plan WHERE id = $1",
      [planId],
    );
    const userId = owner[0]?.user_id as string;
    const loads: number[][] = [];
    for (let week = 1; week <= weeks; week += 1) {
      const rows = (await weekRows(tdb.pool, planId, week)).filter(
        (r) => r.exercise_name === "Barbell Back Squat",
      );
      // Session by session, as the progress.refresh job sees them (linear-midweek.ts): a judged
      // session reloads the lift's later ones this week.
      for (const planned of rows) {
        const r = (await weekRows(tdb.pool, planId, week)).find((x) => x.id === planned.id) ?? planned;
        const kg = r.weight ?? 0;
        const sets = Array.from({ length: r.sets }, (_, i) => {
          let max = 0;
          while (max < 30 && kg <= oneRm * (1 - 0.015 * i) * rpePercent(max + 1, 10)) max += 1;
          const reps = Math.max(1, Math.min(5, max - 1));
          return { reps, kg, rpe: Math.min(10, Math.max(6, 10 - (max - reps))) };
        });
        await logSets(tdb.pool, r.id, sets, r.session_date);
        await adjustLinearWeek(tdb.pool, userId, r.session_date);
      }
      loads.push(
        (await weekRows(tdb.pool, planId, week))
          .filter((r) => r.exercise_name === "Barbell Back Squat")
          .map((r) => r.weight ?? 0),
      );
      if (week < weeks) await rollover(tdb.pool, plusDays(w1, 7 * week));
    }
    const all = loads.flat();
    // Never more than one step past what it can lift for 5 (the attempt that shows the stall).
    expect(Math.max(...all)).toBeLessThanOrEqual(fiveRm + 2.5);
    // It climbed from 70 kg to within a few steps of that, and stays there (no creep, no collapse):
    // a load missed three sessions running is reset 10% to the plates (STALL_MISSES), so the
    // saw-tooth's low is a reset of a load a step or two under the 5-rep max (72.5 of 82.5 kg), and
    // the calendar deload of week 9 (the strength beginner's 8 weeks) a further 10% after one.
    const lastMonth = loads.slice(-4).flat();
    expect(Math.max(...lastMonth)).toBeGreaterThanOrEqual(fiveRm - 7.5);
    expect(Math.min(...lastMonth)).toBeGreaterThanOrEqual(fiveRm * 0.75);
    // The resets: no load tried a fourth session running (three misses, then the reset); the
    // calendar deload's three sessions at one load (week 9) come after a reset's climb, not a miss.
    const flat = loads.flat();
    const fourth = flat.filter((kg, i) => i >= 3 && flat.slice(i - 3, i).every((x) => x === kg));
    expect(fourth).toEqual([]);
  }, 60_000);

  it("deloads every session of a lift from its heaviest load of the week", async () => {
    const w1 = monday(-4);
    const planId = await novicePlan(w1, (day) => 60 + 2.5 * day);
    // A deload every second week: week 2 is the deload of week 1.
    await tdb.pool.query("UPDATE modular_training_plan SET deload_every_weeks = 2 WHERE id = $1", [planId]);
    for (const r of await weekRows(tdb.pool, planId, 1))
      if (r.equipment === "barbell") await logSets(tdb.pool, r.id, made(r));
    await rollover(tdb.pool, plusDays(w1, 7));
    const squat = loadsOf(await weekRows(tdb.pool, planId, 2), "Barbell Back Squat");
    expect(squat).toHaveLength(3);
    expect(squat).toEqual(squat.map(() => linearDeloadKg([60, 62.5, 65], 60)));
    expect(squat[0]).toBeLessThan(60);
  });

  it("restarts a novice's lift after a deload at its last load: a made one repeated, then stepped", async () => {
    // Week 1's squat made at 85 kg, every set at RPE 9 where RIR 3 was asked: the estimate's rule,
    // a week already below, would cut it; a novice made the load, so the restart keeps it.
    const w1 = monday(-5);
    const planId = await novicePlan(w1, () => 85, 1);
    await tdb.pool.query("UPDATE modular_training_plan SET deload_every_weeks = 2 WHERE id = $1", [planId]);
    await logWeekOneSquats(planId, { reps: 5, kg: 85, rpe: 9 });
    await rollover(tdb.pool, plusDays(w1, 7));
    await rollover(tdb.pool, plusDays(w1, 14));
    const week3 = await squatsOf(planId, 3);
    expect(week3.map((r) => r.weight)).toEqual([85, 87.5, 90]);
    expect(week3[0]?.progress_reason).toBe(
      "after the deload; 85 kg made before it, repeated, then a step a session",
    );
  });

  it("never raises a light bar's session in a deload", async () => {
    // The B day at 25 kg (carried to two days of the B A B deload week), the last A day at 30: 90%
    // of 30 floors to 25 kg, below the 85% a deload keeps, so the deload of the top is 27.5 kg,
    // above the B day's 25, which stays.
    const w1 = monday(-4);
    const planId = await novicePlan(w1, (day) => [20, 25, 30][day] ?? 30);
    await tdb.pool.query("UPDATE modular_training_plan SET deload_every_weeks = 2 WHERE id = $1", [planId]);
    const week1 = await weekRows(tdb.pool, planId, 1);
    for (const r of week1) if (r.equipment === "barbell") await logSets(tdb.pool, r.id, made(r));
    await rollover(tdb.pool, plusDays(w1, 7));
    const week2 = await weekRows(tdb.pool, planId, 2);
    const source = new Map(week1.map((r) => [r.id, r.weight ?? 0]));
    const squats = week2.filter((r) => r.exercise_name === "Barbell Back Squat");
    expect(squats).toHaveLength(3);
    for (const r of squats) {
      const own = source.get(r.carried_from_id ?? "") ?? 0;
      expect(r.weight).toBe(linearDeloadKg([25, 30, 25], own));
      expect(r.weight).toBeLessThanOrEqual(own);
    }
    expect(squats.map((r) => r.weight)).toEqual([25, 27.5, 25]);
  });

  it("equals the TypeScript reference for random weeks of made, missed, ground and skipped sessions", async () => {
    const outcome = fc.constantFrom("made", "easy", "drift", "ground", "missed", "short", "skipped");
    const w1 = monday(-3);
    const step = loadStepKg("barbell");
    await fc.assert(
      fc.asyncProperty(
        fc.array(outcome, { minLength: 24, maxLength: 24 }),
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }),
        // A week already below the prescription makes a second one a cut (and its climb back).
        fc.integer({ min: 0, max: 1 }),
        async (outcomes, offsets, missStreak) => {
          const planId = await novicePlan(w1, (day) => 40 + 2.5 * (offsets[day] ?? 0), missStreak);
          const week1 = await weekRows(tdb.pool, planId, 1);
          const logs = new Map<string, LoggedSet[]>();
          week1.forEach((r, i) => {
            const reps = Number.parseInt(r.reps, 10) || 5;
            const kg = r.weight ?? 0;
            const rpe = 10 - (r.rir ?? 2);
            const sets = (n: number, repsDone: number, p: number | null) =>
              Array.from({ length: n }, (_, s) => ({ setNo: s + 1, repsDone, weightKg: kg, rpe: p }));
            const by: Record<string, LoggedSet[]> = {
              made: sets(r.sets, reps, rpe),
              easy: sets(r.sets, reps, Math.max(6, rpe - 2)),
              // The last set one RPE past the target: made, though the estimate may hold the load.
              drift: sets(r.sets, reps, rpe).map((s, i) =>
                i === r.sets - 1 ? { ...s, rpe: Math.min(10, rpe + 1) } : s,
              ),
              ground: sets(r.sets, reps, 10),
              missed: sets(r.sets, Math.max(1, reps - 2), 10),
              short: sets(Math.max(1, r.sets - 1), reps, rpe),
              skipped: [],
            };
            logs.set(r.id, r.weight === null ? [] : (by[outcomes[i % outcomes.length] as string] ?? []));
          });
          for (const r of week1) {
            const sets = logs.get(r.id) ?? [];
            await logSets(
              tdb.pool,
              r.id,
              sets.map((s) => ({ reps: s.repsDone, kg: s.weightKg, rpe: s.rpe })),
            );
          }
          await rollover(tdb.pool, plusDays(w1, 7));
          const week2 = await weekRows(tdb.pool, planId, 2);

          // The reference: each week-1 row judged on its own logs; each lift's base from its
          // latest judged session; week 2's sessions of the lift numbered in order.
          const judged = new Map(
            week1.map((r) => {
              const input = {
                weight: r.weight,
                reps: r.reps,
                sets: r.sets,
                rir: r.rir,
                nextRir: rampRir(NOVICE.goal, NOVICE.experience, 2, LEN, r),
                equipment: r.equipment ?? "other",
                muscleGroup: r.muscle_group ?? "",
                missStreak: r.miss_streak,
                logged: logs.get(r.id) ?? [],
              };
              const result = progressRow(input);
              return [r.id, { input, result, reason: progressReason(input, result, "progress") }] as const;
            }),
          );
          const source = new Map(week1.map((r) => [r.id, r]));
          const seen = new Map<string, string[]>();
          let linear = 0;
          for (const r of week2) {
            const from = source.get(r.carried_from_id ?? "");
            if (from === undefined || !isLinearLift(NOVICE.experience, from)) continue;
            // The lift's sessions of week 2 in order (one per date here): its rows in one share it.
            const sessions = seen.get(liftOf(from)) ?? [];
            if (!sessions.includes(r.session_date)) sessions.push(r.session_date);
            seen.set(liftOf(from), sessions);
            const k = sessions.indexOf(r.session_date);
            const recovery = r.progress_reason?.startsWith("recovery session") === true;
            const base = linearBase(
              week1.filter((x) => liftOf(x) === liftOf(from)).map((x) => judged.get(x.id) as never),
            );
            const own = judged.get(from.id);
            const expected =
              base === null
                ? { weight: own?.result.weight, streak: own?.result.missStreak, reason: own?.reason }
                : recovery
                  ? // A recovery session for the group: never above the row's own load, no steps.
                    {
                      weight: linearRecoveryLoadKg(base, from.weight ?? 0),
                      streak: base.missStreak,
                      reason: "recovery session",
                    }
                  : {
                      weight: linearLoadKg(base, k, step),
                      streak: base.missStreak,
                      reason: linearReason(base, k, step),
                    };
            expect({ lift: liftOf(from), k, weight: r.weight, streak: r.miss_streak }).toEqual({
              lift: liftOf(from),
              k,
              weight: expected.weight,
              streak: expected.streak,
            });
            expect(
              r.progress_reason?.startsWith(expected.reason ?? "?"),
              `${r.progress_reason} / ${expected.reason}`,
            ).toBe(true);
            if (recovery && base !== null)
              expect(r.progress_reason).toContain(base.raised ? "load held" : base.reason);
            // The lift keeps its sets (3 x 5): a recovery session halves them, nothing adds any.
            expect(r.sets).toBe(recovery ? halfSets(from.sets) : from.sets);
            linear += 1;
          }
          // The squat (three days), the deadlift and the press (twice in B A B) at least.
          expect(linear).toBeGreaterThanOrEqual(5);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
