// Row-level security on the progress tables, signed in as two users: each reads only their own
// rows and can write none; the marks and the refresh functions are the service's alone. A
// signed-in user's own set still marks (the trigger is SECURITY DEFINER).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PG_ERROR } from "../../src/db/pg-errors.ts";
import { refreshProgress } from "../../src/jobs/progress-refresh/refresh.ts";
import { asUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { BENCH, type Fixture, logSet, makeLifter, SQUAT } from "./helpers.ts";

// A week from the clock: the database keeps plan dates within a year of today.
const W = monday(-2);
const READS = [
  "SELECT user_id FROM progress_exercise_weekly",
  "SELECT user_id FROM progress_muscle_weekly",
  "SELECT user_id FROM personal_record",
] as const;

describe("progress tables under row-level security", () => {
  let tdb: TestDatabase;
  let a: Fixture;
  let b: Fixture;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    a = await makeLifter(tdb.pool, [W]);
    b = await makeLifter(tdb.pool, [W]);
    // Sets logged as the users themselves.
    await asUser(tdb.pool, a.userId, (c) => logSet(c, a.row(SQUAT, W), { reps: 5, kg: 100 }));
    await asUser(tdb.pool, b.userId, (c) => logSet(c, b.row(BENCH, W), { reps: 5, kg: 80 }));
    await refreshProgress(tdb.pool, {});
  });
  afterAll(() => tdb.drop());

  it("each user reads only their own rows", async () => {
    for (const [me, other] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const read of READS) {
        const { rows } = await asUser(tdb.pool, me.userId, (c) => c.query<{ user_id: string }>(read));
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.user_id === me.userId)).toBe(true);
        expect(rows.some((r) => r.user_id === other.userId)).toBe(false);
      }
    }
  });

  it("no user can write them, nor see the marks or run the refresh", async () => {
    const attempts: [string, unknown[]][] = [
      [
        `INSERT INTO progress_exercise_weekly (user_id, exercise_key, week_start, sets, reps, volume_kg, top_set_kg, e1rm_kg)
         VALUES ($1, 'x', $2, 1, 1, 1, 1, 1)`,
        [a.userId, W],
      ],
      ["UPDATE progress_exercise_weekly SET sets = 99", []],
      ["DELETE FROM progress_muscle_weekly", []],
      ["UPDATE personal_record SET value = 1000", []],
      ["DELETE FROM personal_record", []],
      ["SELECT * FROM progress_dirty", []],
      ["SELECT * FROM progress_set_fact", []],
      ["SELECT * FROM progress_refresh_marked($1::uuid[])", [[a.userId]]],
      ["SELECT * FROM progress_rebuild()", []],
      // It lists every user with progress: the service's alone.
      ["SELECT * FROM progress_users()", []],
    ];
    for (const [statement, params] of attempts) {
      await expect(
        asUser(tdb.pool, a.userId, (c) => c.query(statement, params)),
        statement,
      ).rejects.toMatchObject({
        code: PG_ERROR.insufficientPrivilege,
      });
    }
    const { rows } = await tdb.pool.query<{ sets: number }>(
      "SELECT sets::int AS sets FROM progress_exercise_weekly WHERE user_id = $1",
      [a.userId],
    );
    expect(rows).toEqual([{ sets: 1 }]);
  });

  it("a user's own write marks their progress stale", async () => {
    await asUser(tdb.pool, a.userId, (c) => logSet(c, a.row(BENCH, W), { reps: 3, kg: 90 }));
    const { rows } = await tdb.pool.query("SELECT user_id, exercise_key FROM progress_dirty");
    expect(rows).toEqual([{ user_id: a.userId, exercise_key: BENCH }]);
  });
});
