// The rollover's `alloc` step equals distributeSets (src/domain/mesocycle/distribute.ts) on random
// one-session plans: rows of one muscle group with random sets and tiers, a random session
// duration (the time cap), and feedback that asks for +1 to +3 sets.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SETS_PER_ROW, mrv, SESSION_OVERRUN_PERCENT } from "../../src/domain/mesocycle/caps.ts";
import { distributeSets } from "../../src/domain/mesocycle/distribute.ts";
import { setChange } from "../../src/domain/mesocycle/set-change.ts";
import { setSeconds, warmUpSeconds } from "../../src/domain/plan/time-model.ts";
import type { Tier } from "../../src/domain/vocabulary.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { logSets, makePlan, rollover, setRow, times, weekRows } from "./helpers.ts";

const caseArb = fc.record({
  rows: fc.array(
    fc.record({
      sets: fc.integer({ min: 1, max: 5 }),
      tier: fc.constantFrom<Tier | null>("T1", "T2", "T3", null),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  duration: fc.constantFrom(null, 5, 10, 15, 20, 30, 60),
  // Performance 0 (the bottom beaten by 2) with soreness 0: the pump picks +1, +2 or +3.
  pump: fc.constantFrom(null, 0, 3),
});

describe("SQL alloc = distributeSets (property)", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
  });
  afterAll(() => tdb.drop());

  const W1 = monday(-3);

  it("for random groups, sessions and feedback", async () => {
    // The cases must exercise the rules: some sets added, some cut by the session's time.
    let added = 0;
    let timeCut = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const userId = await createUser(tdb.pool);
        const planId = await makePlan(tdb.pool, userId, { weekStart: W1, sessions: 1, slots: c.rows.length });
        const rows = await weekRows(tdb.pool, planId, 1);
        for (const [i, r] of c.rows.entries()) {
          const id = rows[i]?.id as string;
          await setRow(tdb.pool, id, {
            weight: 50,
            reps: "8-12",
            sets: r.sets,
            rir: 2,
            tier: r.tier,
            equipment: "machine",
            muscleGroup: "chest",
          });
          await logSets(tdb.pool, id, times(r.sets, { reps: 10, kg: 50, rpe: 8 }));
        }
        const { rows: s } = await tdb.pool.query<{ id: string; session_date: string }>(
          `UPDATE modular_training_session SET duration_minutes = $2
           WHERE id = (SELECT session_id FROM modular_training_exercise WHERE id = $1)
           RETURNING id, session_date::text`,
          [rows[0]?.id, c.duration],
        );
        await tdb.pool.query(
          `INSERT INTO muscle_feedback (user_id, session_id, muscle_group, soreness, pump)
           VALUES ($1, $2, 'chest', 0, $3)`,
          [userId, s[0]?.id, c.pump],
        );
        await rollover(tdb.pool, plusDays(W1, 7));
        const next = await weekRows(tdb.pool, planId, 2);

        const sec = (t: Tier | null) => setSeconds("hypertrophy", "intermediate", t ?? "T3");
        const used =
          c.rows.reduce((n, r) => n + r.sets * sec(r.tier), 0) +
          warmUpSeconds(
            "hypertrophy",
            c.rows.some((r) => r.tier === "T1"),
          );
        const room =
          c.duration === null
            ? Number.POSITIVE_INFINITY
            : (c.duration * 60 * (100 + SESSION_OVERRUN_PERCENT)) / 100 - used;
        const adds = distributeSets(
          c.rows.map((r, i) => ({
            id: rows[i]?.id as string,
            sets: r.sets,
            tier: r.tier,
            sessionDate: s[0]?.session_date as string,
            order: rows[i]?.order_in_session as number,
            session: "s",
            setSeconds: sec(r.tier),
          })),
          setChange(0, 0, c.pump),
          mrv("chest", "intermediate"),
          new Map([["s", room]]),
        );
        const expected = c.rows.map((r, i) => r.sets + (adds.get(rows[i]?.id as string) ?? 0));
        if (adds.size > 0) added += 1;
        const sum = (m: Map<string, number>) => [...m.values()].reduce((n, v) => n + v, 0);
        const unbounded = distributeSets(
          c.rows.map((r, i) => ({
            id: rows[i]?.id as string,
            sets: r.sets,
            tier: r.tier,
            sessionDate: "",
            order: rows[i]?.order_in_session as number,
            session: "s",
            setSeconds: sec(r.tier),
          })),
          setChange(0, 0, c.pump),
          mrv("chest", "intermediate"),
          new Map(),
        );
        if (sum(unbounded) > sum(adds)) timeCut += 1;
        // weekRows orders both weeks by session and slot: row i of week 2 is row i's successor.
        expect(next.map((r) => r.sets)).toEqual(expected);
        for (const r of next) expect(r.sets).toBeLessThanOrEqual(MAX_SETS_PER_ROW);
      }),
      { numRuns: 40 },
    );
    expect(added).toBeGreaterThan(5);
    expect(timeCut).toBeGreaterThan(0);
  });
});
