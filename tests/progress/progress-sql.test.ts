// The progress rules through the SQL: the chart and e1RM functions against the TypeScript
// reference and hand-computed values, the weekly figures, hard sets with secondaries from the row
// and from the catalogue, records pointing at their sets, and edits and deletes (including the
// set that held a record) coming out right after an incremental refresh.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateOneRepMax, RTS_CHART } from "../../src/domain/progress-aggregates/e1rm.ts";
import { hardSetsForSet, secondaryMusclesFor } from "../../src/domain/progress-aggregates/hard-sets.ts";
import { rebuildProgressByUser, refreshProgress } from "../../src/jobs/progress-refresh/refresh.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { BENCH, CARRY, logSet, makeLifter, readProgress, SQUAT, seedCatalogue } from "./helpers.ts";

// Weeks from the clock: the database keeps plan dates within a year of today.
const W1 = monday(-6);
const W2 = plusDays(W1, 7);

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedCatalogue(tdb.pool);
});
afterAll(() => tdb.drop());

const weekRow = async (userId: string, key: string, week: string) => {
  const { rows } = await tdb.pool.query(
    `SELECT sets::int AS sets, reps::int AS reps, volume_kg, top_set_kg, e1rm_kg, avg_rpe FROM progress_exercise_weekly
     WHERE user_id = $1 AND exercise_key = $2 AND week_start = $3`,
    [userId, key, week],
  );
  return rows[0];
};
const muscles = async (userId: string, week: string) => {
  const { rows } = await tdb.pool.query<{ muscle_group: string; hard_sets: number }>(
    "SELECT muscle_group, hard_sets FROM progress_muscle_weekly WHERE user_id = $1 AND week_start = $2",
    [userId, week],
  );
  return Object.fromEntries(rows.map((r) => [r.muscle_group, r.hard_sets]));
};
const records = async (userId: string, key: string) => {
  const { rows } = await tdb.pool.query<{ record_type: string; value: number; set_id: string }>(
    "SELECT record_type, value, set_id FROM personal_record WHERE user_id = $1 AND exercise_key = $2",
    [userId, key],
  );
  return Object.fromEntries(rows.map((r) => [r.record_type, { value: r.value, setId: r.set_id }]));
};

describe("rts_percent and e1rm_kg", () => {
  it("hold the chart of docs/contract.md section 5 cell for cell, and nothing off it", async () => {
    const cells = RTS_CHART.flatMap((row) =>
      row.percentByReps.map((percent, i) => ({ rpe: row.rpe, reps: i + 1, percent })),
    );
    const { rows } = await tdb.pool.query<{ percent: number }>(
      "SELECT public.rts_percent(c.reps, c.rpe) AS percent FROM unnest($1::int[], $2::float8[]) WITH ORDINALITY AS c(reps, rpe, n) ORDER BY n",
      [cells.map((c) => c.reps), cells.map((c) => c.rpe)],
    );
    expect(rows.map((r) => r.percent)).toEqual(cells.map((c) => c.percent));
    const off = await tdb.pool.query(
      "SELECT public.rts_percent(0, 8) AS a, public.rts_percent(11, 8) AS b, public.rts_percent(5, 5.5) AS c, public.rts_percent(5, 7.25) AS d, public.rts_percent(5, NULL) AS e",
    );
    expect(off.rows[0]).toEqual({ a: null, b: null, c: null, d: null, e: null });
  });

  it("equals estimateOneRepMax on a grid, bit for bit", async () => {
    const grid: { w: number; r: number; p: number | null }[] = [];
    for (const w of [0, 20, 60, 100, 142.5])
      for (let r = 1; r <= 12; r++)
        for (const p of [null, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10, 7.25]) grid.push({ w, r, p });
    const { rows } = await tdb.pool.query<{ e: number }>(
      "SELECT public.e1rm_kg(g.w, g.r, g.p) AS e FROM unnest($1::float8[], $2::int[], $3::float8[]) WITH ORDINALITY AS g(w, r, p, n) ORDER BY n",
      [grid.map((g) => g.w), grid.map((g) => g.r), grid.map((g) => g.p)],
    );
    expect(rows.map((r) => r.e)).toEqual(grid.map((g) => estimateOneRepMax(g.w, g.r, g.p)));
  });

  it("matches hand-computed values", async () => {
    const { rows } = await tdb.pool.query(
      `SELECT public.e1rm_kg(100, 5, 8) AS rts, public.e1rm_kg(100, 10, NULL) AS epley,
              public.e1rm_kg(140, 1, 9) AS single, public.e1rm_kg(100, 12, 8) AS beyond_chart,
              public.e1rm_kg(0, 5, 8) AS nothing, public.e1rm_kg(100, 3, 10) AS rpe10`,
    );
    const v = rows[0];
    expect(v.rts).toBeCloseTo(123.3, 2); // 100 / 0.811
    expect(v.epley).toBeCloseTo(133.33, 2); // 100 * (1 + 10/30)
    expect(v.single).toBe(140);
    expect(v.beyond_chart).toBeCloseTo(140, 10); // Epley: 100 * (1 + 12/30)
    expect(v.nothing).toBe(0);
    expect(v.rpe10).toBeCloseTo(108.46, 2); // 100 / 0.922
  });
});

describe("progress_row_muscles", () => {
  it("counts like hardSetsForSet: once per muscle group, lats and middle_back being the back", async () => {
    const cases: { primary: string; row: string[] | null; catalogue: string[] | null }[] = [
      { primary: "middle_back", row: ["lats", "biceps"], catalogue: null },
      { primary: "lats", row: null, catalogue: ["middle_back", "biceps", "shoulders"] },
      { primary: "biceps", row: ["middle_back", "lats", "shoulders"], catalogue: null },
      { primary: "chest", row: ["triceps", "shoulders", "triceps", "chest"], catalogue: ["lats"] },
      { primary: "chest", row: [], catalogue: ["lats", "lats"] },
      { primary: "quadriceps", row: null, catalogue: null },
    ];
    for (const c of cases) {
      const { rows } = await tdb.pool.query<{ muscle: string; hard_sets: number }>(
        "SELECT muscle, hard_sets FROM public.progress_row_muscles($1, $2::jsonb, $3::text[])",
        [c.primary, c.row === null ? null : JSON.stringify(c.row), c.catalogue],
      );
      const sql = Object.fromEntries(rows.map((r) => [r.muscle, r.hard_sets]));
      const reference = Object.fromEntries(
        hardSetsForSet(c.primary, secondaryMusclesFor(c.row, c.catalogue)),
      );
      expect(sql, JSON.stringify(c)).toEqual(reference);
    }
    // The case of issue 22: a row is one back set.
    const row = await tdb.pool.query(
      `SELECT sum(hard_sets) AS back FROM public.progress_row_muscles('middle_back', '["lats"]', NULL)`,
    );
    expect(row.rows[0].back).toBe(1);
  });
});

describe("the weekly figures and hard sets", () => {
  it("summarise a week per exercise and count hard sets from the row's and the catalogue's secondaries", async () => {
    const f = await makeLifter(tdb.pool, [W1]);
    await logSet(tdb.pool, f.row(SQUAT, W1), { reps: 5, kg: 100, rpe: 8, setNo: 1 });
    await logSet(tdb.pool, f.row(SQUAT, W1), { reps: 3, kg: 110, rpe: 9, setNo: 2 });
    await logSet(tdb.pool, f.row(SQUAT, W1), { reps: 10, kg: 60, setNo: 3 });
    await logSet(tdb.pool, f.row(BENCH, W1), { reps: 8, kg: 80, rpe: 7 });
    await logSet(tdb.pool, f.row(BENCH, W1), { reps: 8, kg: 80, rpe: 8, setNo: 2 });
    await logSet(tdb.pool, f.row(CARRY, W1), { reps: 1, kg: 0 });

    const counts = await refreshProgress(tdb.pool, { userId: f.userId });
    expect(counts).toMatchObject({
      mode: "user",
      users: 1,
      marks: 3,
      exerciseWeeks: 3,
      muscleWeeks: 1,
      records: 3,
    });

    const squat = await weekRow(f.userId, SQUAT, W1);
    expect(squat).toMatchObject({ sets: 3, reps: 18, volume_kg: 1430, top_set_kg: 110, avg_rpe: 8.5 });
    // best of 100/0.811 = 123.30, 110/0.892 = 123.32, 60 * (1 + 10/30) = 80
    expect(squat.e1rm_kg).toBeCloseTo(123.318, 3);
    const bench = await weekRow(f.userId, BENCH, W1);
    expect(bench).toMatchObject({ sets: 2, reps: 16, volume_kg: 1280, top_set_kg: 80, avg_rpe: 7.5 });
    // 8 reps @ 7 -> 70.7 % beats 8 reps @ 8 -> 73.9 %
    expect(bench.e1rm_kg).toBeCloseTo(80 / (70.7 / 100), 6);
    expect(await weekRow(f.userId, CARRY, W1)).toEqual({
      sets: 1,
      reps: 1,
      volume_kg: 0,
      top_set_kg: 0,
      e1rm_kg: 0,
      avg_rpe: null,
    });

    // squat: 3 x (quadriceps 1, glutes 0.5, hamstrings 0.5) from its own list, not the catalogue's
    // lower_back; bench: 2 x (chest 1, triceps 0.5, shoulders 0.5) from the catalogue; carry: 1 forearms.
    expect(await muscles(f.userId, W1)).toEqual({
      quadriceps: 3,
      glutes: 1.5,
      hamstrings: 1.5,
      chest: 2,
      triceps: 1,
      shoulders: 1,
      forearms: 1,
    });
  });
});

describe("records, edits and deletes", () => {
  it("point at the record set, break ties by the earliest set, and fall back when it goes", async () => {
    const f = await makeLifter(tdb.pool, [W1, W2]);
    const first = await logSet(tdb.pool, f.row(BENCH, W1), {
      reps: 5,
      kg: 100,
      rpe: 8,
      at: `${W1}T10:00:00Z`,
    });
    const tie = await logSet(tdb.pool, f.row(BENCH, W2), {
      reps: 5,
      kg: 100,
      rpe: 8,
      at: `${W2}T10:00:00Z`,
    });
    const heavy = await logSet(tdb.pool, f.row(BENCH, W2), {
      reps: 1,
      kg: 110,
      at: `${W2}T10:05:00Z`,
      setNo: 2,
    });
    const volume = await logSet(tdb.pool, f.row(BENCH, W2), {
      reps: 12,
      kg: 60,
      at: `${W2}T10:10:00Z`,
      setNo: 3,
    });
    await refreshProgress(tdb.pool, { userId: f.userId });

    let r = await records(f.userId, BENCH);
    expect(r.e1rm?.setId).toBe(first); // 123.30 twice: the earlier set holds it
    expect(r.e1rm?.value).toBeCloseTo(123.3, 2);
    expect(r.heaviest_weight).toEqual({ value: 110, setId: heavy });
    expect(r.best_set_volume).toEqual({ value: 720, setId: volume });

    // Deleting the record set: the FK drops the record at once, the refresh finds the next best.
    await tdb.pool.query("DELETE FROM training_set WHERE id = $1", [first]);
    await refreshProgress(tdb.pool, { userId: f.userId });
    r = await records(f.userId, BENCH);
    expect(r.e1rm?.setId).toBe(tie);
    expect(await weekRow(f.userId, BENCH, W1)).toBeUndefined();

    // Editing the record set down: 60 x 12 now estimates 84, the tie set's 123.30 stays, the
    // heaviest falls back to the 100 kg set.
    await tdb.pool.query("UPDATE training_set SET weight_kg = 100, reps_done = 1 WHERE id = $1", [heavy]);
    await refreshProgress(tdb.pool, { userId: f.userId });
    r = await records(f.userId, BENCH);
    expect(r.heaviest_weight).toEqual({ value: 100, setId: tie });
    expect(r.e1rm?.setId).toBe(tie);

    // Every set of the key gone: no weekly rows, no records.
    await tdb.pool.query("DELETE FROM training_set WHERE user_id = $1", [f.userId]);
    const counts = await refreshProgress(tdb.pool, { userId: f.userId });
    expect(counts.exerciseWeeks).toBe(1);
    expect(await readProgress(tdb.pool, f.userId)).toEqual({ exercise: [], muscle: [], records: [] });
  });

  it("keep a standing record from the marked weeks alone, and still equal a rebuild", async () => {
    // The refresh reads only the marked weeks when the key's records still point at their sets
    // unchanged (progress_refresh_marked.sql): each step is checked against a full rebuild.
    const W3 = plusDays(W2, 7);
    const f = await makeLifter(tdb.pool, [W1, W2, W3]);
    const same = async () => {
      await refreshProgress(tdb.pool, { userId: f.userId });
      const incremental = await readProgress(tdb.pool, f.userId);
      await refreshProgress(tdb.pool, { userId: f.userId, full: true });
      expect(incremental).toEqual(await readProgress(tdb.pool, f.userId));
    };
    const held = await logSet(tdb.pool, f.row(BENCH, W1), {
      reps: 5,
      kg: 100,
      rpe: 8,
      at: `${W1}T10:00:00Z`,
    });
    await same();
    // A lighter week: the record stays where it is.
    await logSet(tdb.pool, f.row(BENCH, W2), { reps: 5, kg: 80, rpe: 8, at: `${W2}T10:00:00Z` });
    await same();
    expect((await records(f.userId, BENCH)).e1rm?.setId).toBe(held);
    // The same e1RM in a later week, but recorded earlier: the earlier set takes it.
    const earlier = await logSet(tdb.pool, f.row(BENCH, W2), {
      reps: 5,
      kg: 100,
      rpe: 8,
      at: `${W1}T09:00:00Z`,
      setNo: 2,
    });
    await same();
    expect((await records(f.userId, BENCH)).e1rm?.setId).toBe(earlier);
    // The holder moved to another week of the same key, then its time edited: still equal.
    await tdb.pool.query("UPDATE training_set SET exercise_row_id = $2 WHERE id = $1", [
      earlier,
      f.row(BENCH, W3),
    ]);
    await same();
    await tdb.pool.query("UPDATE training_set SET recorded_at = $2 WHERE id = $1", [
      earlier,
      `${W3}T10:00:00Z`,
    ]);
    await same();
    expect((await records(f.userId, BENCH)).e1rm?.setId).toBe(held);
    // A heavier single in an unrelated week beats the standing record.
    const heavy = await logSet(tdb.pool, f.row(BENCH, W3), {
      reps: 1,
      kg: 130,
      at: `${W3}T11:00:00Z`,
      setNo: 3,
    });
    await same();
    expect((await records(f.userId, BENCH)).heaviest_weight?.setId).toBe(heavy);
  });

  it("an update moving a set to another row and week refreshes both weeks", async () => {
    const f = await makeLifter(tdb.pool, [W1, W2]);
    const set = await logSet(tdb.pool, f.row(SQUAT, W1), { reps: 5, kg: 100 });
    await logSet(tdb.pool, f.row(SQUAT, W1), { reps: 5, kg: 90, setNo: 2 });
    await refreshProgress(tdb.pool, { userId: f.userId });
    expect(await weekRow(f.userId, SQUAT, W1)).toMatchObject({ sets: 2, top_set_kg: 100 });

    await tdb.pool.query("UPDATE training_set SET exercise_row_id = $2 WHERE id = $1", [
      set,
      f.row(BENCH, W2),
    ]);
    const { rows } = await tdb.pool.query(
      "SELECT exercise_key, week_start FROM progress_dirty WHERE user_id = $1 ORDER BY 1",
      [f.userId],
    );
    expect(rows).toEqual(
      [
        { exercise_key: SQUAT, week_start: W1 },
        { exercise_key: BENCH, week_start: W2 },
      ].sort((a, b) => a.exercise_key.localeCompare(b.exercise_key)),
    );
    await refreshProgress(tdb.pool, { userId: f.userId });
    expect(await weekRow(f.userId, SQUAT, W1)).toMatchObject({ sets: 1, top_set_kg: 90 });
    expect(await weekRow(f.userId, BENCH, W2)).toMatchObject({ sets: 1, top_set_kg: 100 });
    expect(await muscles(f.userId, W1)).toEqual({ quadriceps: 1, glutes: 0.5, hamstrings: 0.5 });
    expect(await muscles(f.userId, W2)).toEqual({ chest: 1, triceps: 0.5, shoulders: 0.5 });
  });

  it("an exercise row's new muscles, and a deleted plan, reach the tables", async () => {
    const f = await makeLifter(tdb.pool, [W1, W2]);
    await logSet(tdb.pool, f.row(CARRY, W1), { reps: 10, kg: 30 });
    await logSet(tdb.pool, f.row(CARRY, W2), { reps: 10, kg: 32 });
    await refreshProgress(tdb.pool, { userId: f.userId });
    expect(await muscles(f.userId, W1)).toEqual({ forearms: 1 });

    await tdb.pool.query(
      `UPDATE modular_training_exercise SET secondary_muscles = '["traps"]' WHERE id = $1`,
      [f.row(CARRY, W1)],
    );
    await refreshProgress(tdb.pool, { userId: f.userId });
    expect(await muscles(f.userId, W1)).toEqual({ forearms: 1, traps: 0.5 });

    // Deleting a plan cascades to its sets, whose rows are gone by the time the trigger runs: the
    // user is marked whole and rebuilt.
    await tdb.pool.query(
      `DELETE FROM modular_training_plan p USING modular_training_week w
       WHERE w.plan_id = p.id AND w.week_start = $1 AND p.user_id = $2`,
      [W1, f.userId],
    );
    const counts = await refreshProgress(tdb.pool, { userId: f.userId });
    expect(counts.marks).toBe(1);
    const after = await readProgress(tdb.pool, f.userId);
    expect(after.exercise.map((r) => r.week_start)).toEqual([W2]);
    expect(after.muscle).toEqual([
      { user_id: f.userId, muscle_group: "forearms", week_start: W2, hard_sets: 1 },
    ]);
    expect(after.records.every((r) => r.value === 32 || r.value === 320 || (r.value as number) > 42)).toBe(
      true,
    );
  });

  it("a rebuild in batches, two at a time, with sets written meanwhile equals a rebuild on a quiet table", async () => {
    const lifters = await Promise.all(Array.from({ length: 6 }, () => makeLifter(tdb.pool, [W1, W2])));
    for (const [i, f] of lifters.entries()) {
      await logSet(tdb.pool, f.row(BENCH, W1), { reps: 5, kg: 80 + i });
      await logSet(tdb.pool, f.row(SQUAT, W2), { reps: 3, kg: 120 + i });
    }
    // Sets keep coming, one transaction each, until the rebuild (a batch per lifter) is done, or
    // 240 have (40 on each of the six rows the writer cycles through): a slow machine had logged
    // past the bound of 50 sets a row (user_bounds) before the rebuild finished.
    let rebuilding = true;
    let written = 0;
    const writer = (async () => {
      for (let n = 0; (rebuilding || n < 6) && n < 240; n++) {
        const f = lifters[n % lifters.length] as (typeof lifters)[number];
        await logSet(tdb.pool, f.row(n % 2 ? BENCH : CARRY, n % 3 ? W2 : W1), {
          reps: 1 + (n % 8),
          kg: 40 + n,
        });
        written++;
      }
    })();
    const counts = await rebuildProgressByUser(tdb.pool, { batchUsers: 1, concurrency: 2 });
    rebuilding = false;
    await writer;
    expect(counts.users).toBeGreaterThanOrEqual(lifters.length);
    expect(written).toBeGreaterThanOrEqual(6);
    // What the rebuild did not see is marked: the sweep brings it in, and then the tables equal
    // a rebuild of the quiet table.
    await refreshProgress(tdb.pool, {});
    const caughtUp = await readProgress(tdb.pool);
    await refreshProgress(tdb.pool, { full: true });
    expect(caughtUp).toEqual(await readProgress(tdb.pool));
    await tdb.pool.query("SELECT * FROM progress_rebuild()");
    expect(caughtUp).toEqual(await readProgress(tdb.pool));
  });

  it("the nightly rebuild finds every user with sets, stale rows or marks, and clears the stale rows", async () => {
    const withSets = await makeLifter(tdb.pool, [W1]);
    await logSet(tdb.pool, withSets.row(SQUAT, W1), { reps: 5, kg: 100 });
    // Weekly rows whose sets are gone without a mark (as after a restore), and a mark alone. A record
    // cannot outlive its set (its foreign key cascades).
    const staleExercise = await makeLifter(tdb.pool, [W1]);
    const staleMuscle = await makeLifter(tdb.pool, [W1]);
    const markOnly = await makeLifter(tdb.pool, [W1]);
    const idle = await makeLifter(tdb.pool, [W1]);
    await tdb.pool.query(
      `INSERT INTO progress_exercise_weekly (user_id, exercise_key, week_start, sets, reps, volume_kg, top_set_kg, e1rm_kg)
       VALUES ($1, $2, $3, 1, 5, 500, 100, 116.7)`,
      [staleExercise.userId, SQUAT, W1],
    );
    await tdb.pool.query(
      "INSERT INTO progress_muscle_weekly (user_id, muscle_group, week_start, hard_sets) VALUES ($1, 'chest', $2, 1)",
      [staleMuscle.userId, W1],
    );
    await tdb.pool.query(
      "INSERT INTO progress_dirty (user_id, exercise_key, week_start) VALUES ($1, $2, $3)",
      [markOnly.userId, SQUAT, W1],
    );
    // The skip scans list what a plain DISTINCT over the same tables lists, in id order.
    const { rows: listed } = await tdb.pool.query<{ u: string }>("SELECT u FROM progress_users() u");
    const { rows: plain } = await tdb.pool.query<{ u: string }>(
      `SELECT user_id AS u FROM training_set UNION SELECT user_id FROM progress_exercise_weekly
       UNION SELECT user_id FROM progress_muscle_weekly UNION SELECT user_id FROM personal_record
       UNION SELECT user_id FROM progress_dirty ORDER BY 1`,
    );
    expect(listed).toEqual(plain);
    const ids = listed.map((r) => r.u);
    for (const f of [withSets, staleExercise, staleMuscle, markOnly]) expect(ids).toContain(f.userId);
    expect(ids).not.toContain(idle.userId);

    await rebuildProgressByUser(tdb.pool, { batchUsers: 2, concurrency: 2 });
    for (const f of [staleExercise, staleMuscle, markOnly]) {
      const left = await readProgress(tdb.pool, f.userId);
      expect([...left.exercise, ...left.muscle, ...left.records]).toEqual([]);
    }
    expect((await readProgress(tdb.pool, withSets.userId)).exercise).toHaveLength(1);
    const { rows: marks } = await tdb.pool.query("SELECT 1 FROM progress_dirty WHERE user_id = $1", [
      markOnly.userId,
    ]);
    expect(marks).toEqual([]);
  });

  it("a rebuild equals the incremental tables, and the sweep refreshes every marked user", async () => {
    const a = await makeLifter(tdb.pool, [W1]);
    const b = await makeLifter(tdb.pool, [W2]);
    await logSet(tdb.pool, a.row(SQUAT, W1), { reps: 5, kg: 120, rpe: 9 });
    await logSet(tdb.pool, b.row(BENCH, W2), { reps: 6, kg: 70, rpe: 7 });
    const sweep = await refreshProgress(tdb.pool, {});
    expect(sweep).toMatchObject({ mode: "sweep", users: 2, marks: 2 });
    const incremental = await readProgress(tdb.pool);
    const full = await refreshProgress(tdb.pool, { full: true });
    expect(full.mode).toBe("full");
    expect(await readProgress(tdb.pool)).toEqual(incremental);
    // Current tables: a rebuild changes nothing; a damaged row is put right.
    const one = await refreshProgress(tdb.pool, { userId: a.userId, full: true });
    expect(one).toMatchObject({ mode: "user-full", users: 1, exerciseWeeks: 0, muscleWeeks: 0, records: 0 });
    await tdb.pool.query("UPDATE progress_exercise_weekly SET sets = 99 WHERE user_id = $1", [a.userId]);
    await tdb.pool.query("DELETE FROM personal_record WHERE user_id = $1 AND record_type = 'e1rm'", [
      a.userId,
    ]);
    const repaired = await refreshProgress(tdb.pool, { userId: a.userId, full: true });
    expect(repaired).toMatchObject({ exerciseWeeks: 1, muscleWeeks: 0, records: 1 });
    expect(await readProgress(tdb.pool)).toEqual(incremental);
  });
});
