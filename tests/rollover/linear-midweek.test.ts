// A novice's week, session by session (linear-midweek.ts): once a session of a linear lift is
// judged from its logged sets, the lift's later sessions of the week take their loads from it, on a
// real database, held equal to the TypeScript reference; an open session, an intermediate lifter's
// plan, a deload week and another user's rows are left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjustLinearWeek } from "../../src/db/queries/linear-midweek.ts";
import { addDays } from "../../src/domain/calendar.ts";
import {
  laterSessionKg,
  midweekReason,
  STALL_MISSES,
  sessionVerdict,
} from "../../src/domain/load-progression/linear-midweek.ts";
import { warmUpRamp } from "../../src/domain/load-progression/warm-up.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { type LogSet, logSets, noviceSquatWeek, rollover, times, weekRows } from "./helpers.ts";

const WEEK = monday(0);

describe("a novice's linear lift within the week", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb.drop());

  /** A novice's week of squats at 80 / 82.5 / 85 kg (noviceSquatWeek), and its loads. */
  async function noviceWeek(level = "beginner") {
    const userId = await createUser(tdb.pool);
    const { planId, rows } = await noviceSquatWeek(tdb.pool, userId, WEEK, level);
    const loads = async () => (await weekRows(tdb.pool, planId, 1)).map((r) => r.weight);
    return { userId, planId, rows, loads };
  }

  const today = addDays(WEEK, 1);

  it("repeats a missed load at the next session and steps from there, as the reference says", async () => {
    const w = await noviceWeek();
    const first = w.rows[0]?.id as string;
    const sets: LogSet[] = [
      { reps: 5, kg: 80 },
      { reps: 5, kg: 80 },
      { reps: 4, kg: 80, rpe: 10 },
    ];
    await logSets(tdb.pool, first, sets);
    expect(await adjustLinearWeek(tdb.pool, w.userId, today)).toBe(2);
    const verdict = sessionVerdict(
      { weightKg: 80, sets: 3, reps: "5", rir: 2 },
      sets.map((s) => ({ repsDone: s.reps, weightKg: s.kg, rpe: s.rpe ?? null })),
    );
    expect(verdict).toBe("missed");
    expect(await w.loads()).toEqual([
      80,
      laterSessionKg(80, "missed", 1, 2.5),
      laterSessionKg(80, "missed", 2, 2.5),
    ]);
    expect(await w.loads()).toEqual([80, 80, 82.5]);
    const after = await weekRows(tdb.pool, w.planId, 1);
    const date = after[0]?.session_date as string;
    expect(after[1]?.progress_reason).toBe(midweekReason("missed", 80, date));
    expect(after[1]?.notes).toBe(warmUpRamp(80, "barbell", "T1"));
    // Run again: nothing left to change.
    expect(await adjustLinearWeek(tdb.pool, w.userId, today)).toBe(0);
    // The repeat made: the last session steps from it.
    await logSets(tdb.pool, after[1]?.id as string, times(3, { reps: 5, kg: 80 }));
    expect(await adjustLinearWeek(tdb.pool, w.userId, today)).toBe(0);
    expect(await w.loads()).toEqual([80, 80, 82.5]);
    expect((await weekRows(tdb.pool, w.planId, 1))[2]?.progress_reason).toBe(
      midweekReason("missed", 80, date),
    );
  });

  it("steps from a made session's own load, and leaves an open session and a made one at plan alone", async () => {
    const w = await noviceWeek();
    // Two of three sets made: the session is still open.
    await logSets(tdb.pool, w.rows[0]?.id as string, times(2, { reps: 5, kg: 80, rpe: 8 }));
    expect(await adjustLinearWeek(tdb.pool, w.userId, today)).toBe(0);
    // The third made: the week's steps stand.
    await logSets(tdb.pool, w.rows[0]?.id as string, [{ reps: 5, kg: 80, rpe: 9 }]);
    expect(await adjustLinearWeek(tdb.pool, w.userId, today)).toBe(0);
    expect(await w.loads()).toEqual([80, 82.5, 85]);
  });

  it("resets a load missed three sessions running, last week's counted: 10% off, to the plates", async () => {
    const userId = await createUser(tdb.pool);
    const { planId, rows } = await noviceSquatWeek(tdb.pool, userId, addDays(WEEK, -7));
    const miss: LogSet[] = [
      { reps: 5, kg: 85 },
      { reps: 5, kg: 85 },
      { reps: 4, kg: 85 },
    ];
    await logSets(tdb.pool, rows[0]?.id as string, times(3, { reps: 5, kg: 80 }));
    await logSets(tdb.pool, rows[1]?.id as string, times(3, { reps: 5, kg: 82.5 }));
    await logSets(tdb.pool, rows[2]?.id as string, miss);
    await rollover(tdb.pool, WEEK);
    let week = await weekRows(tdb.pool, planId, 2);
    expect(week[0]?.weight).toBe(85);
    for (const i of [0, 1]) {
      await logSets(tdb.pool, week[i]?.id as string, miss);
      await adjustLinearWeek(tdb.pool, userId, today);
      week = await weekRows(tdb.pool, planId, 2);
    }
    expect(week[2]?.weight).toBe(laterSessionKg(85, "missed", 1, 2.5, STALL_MISSES));
    expect(week[2]?.weight).toBe(75);
    expect(week[2]?.progress_reason).toBe(
      midweekReason("missed", 85, week[1]?.session_date as string, STALL_MISSES),
    );
    expect(week[2]?.notes).toBe(warmUpRamp(75, "barbell", "T1"));
  });

  it("counts a lighter set or one harder than RPE 9 as missed", () => {
    const row = { weightKg: 80, sets: 3, reps: "5", rir: 2 };
    const set = (repsDone: number, weightKg: number, rpe: number | null) => ({ repsDone, weightKg, rpe });
    expect(sessionVerdict(row, [set(5, 77.5, 7)])).toBe("missed");
    expect(sessionVerdict(row, [set(5, 80, 10)])).toBe("missed");
    expect(sessionVerdict(row, [set(5, 80, 9), set(5, 80, null), set(6, 82.5, 8)])).toBe("made");
    expect(sessionVerdict(row, [])).toBe("open");
  });

  it("leaves an intermediate lifter's week, a deload week and another user's rows alone", async () => {
    const trained = await noviceWeek("intermediate");
    await logSets(tdb.pool, trained.rows[0]?.id as string, times(3, { reps: 3, kg: 80 }));
    expect(await adjustLinearWeek(tdb.pool, trained.userId, today)).toBe(0);
    expect(await trained.loads()).toEqual([80, 82.5, 85]);

    const deload = await noviceWeek();
    await tdb.pool.query("UPDATE modular_training_week SET is_deload = true WHERE plan_id = $1", [
      deload.planId,
    ]);
    await logSets(tdb.pool, deload.rows[0]?.id as string, times(3, { reps: 3, kg: 80 }));
    expect(await adjustLinearWeek(tdb.pool, deload.userId, today)).toBe(0);

    const mine = await noviceWeek();
    const other = await noviceWeek();
    await logSets(tdb.pool, other.rows[0]?.id as string, times(3, { reps: 3, kg: 80 }));
    expect(await adjustLinearWeek(tdb.pool, mine.userId, today)).toBe(0);
    expect(await other.loads()).toEqual([80, 82.5, 85]);
    // A week that does not hold `today` is not this week's.
    expect(await adjustLinearWeek(tdb.pool, other.userId, addDays(WEEK, 7))).toBe(0);
    expect(await adjustLinearWeek(tdb.pool, other.userId, today)).toBe(2);
  });
});
