// exercise_alternatives as a signed-in lifter calls it (issue 23: p95 < 50 ms with 1M logged sets):
// the real free-exercise-db catalogue (the larger one), 1,000 users with a year of weekly plans of
// four catalogue exercises each and 1.02M logged sets, their progress rebuilt (the "logged before"
// probe reads it). Beside it, swap_exercise in a transaction rolled back, and a limit reference:
// the plainest read of the same candidates (the row's muscle or pattern) as the table's owner.
import { readFileSync } from "node:fs";
import pg from "pg";
import { upsertCatalogue } from "../src/db/queries/upsert-catalogue.ts";
import { mapFreeExerciseDb } from "../src/domain/catalogue/free-exercise-db.ts";
import { monday } from "../tests/helpers/dates.ts";
import { type Bench, fmt, median, percentile } from "./harness.ts";

const SMALL = process.env.BENCH_SCALE === "small";
const USERS = SMALL ? 100 : 1_000;
const WEEKS = 52;
const ROWS_PER_WEEK = 4;
const SETS_PER_ROW = 5; // 1,000 users x 51 logged weeks x 4 rows x 5 sets = 1.02M sets
const RUNS = SMALL ? 50 : 300;
const FIRST_WEEK = monday(1 - WEEKS);
const FILE = new URL("../tests/fixtures/free-exercise-db.exercises.json", import.meta.url);

// Each user's four lifts come from the strength entries of the catalogue, spread by user and slot.
const GENERATE = `
  INSERT INTO auth.users (id) SELECT gen_random_uuid() FROM generate_series(1, ${USERS});
  INSERT INTO modular_training_plan (user_id, split_type, week_start, allowed_equipment)
    SELECT id, 'full_body', date '${FIRST_WEEK}', ARRAY['barbell', 'dumbbell', 'cable', 'machine', 'bench', 'pullup_bar']
    FROM auth.users;
  INSERT INTO modular_training_week (plan_id, user_id, week_number, week_start)
    SELECT p.id, p.user_id, n, date '${FIRST_WEEK}' + (n - 1) * 7
    FROM modular_training_plan p, generate_series(1, ${WEEKS}) n;
  INSERT INTO modular_training_session (week_id, user_id, day_label, session_date, day_of_week, focus_area)
    SELECT id, user_id, 'Full-A', week_start, 1, 'full body' FROM modular_training_week;
  WITH lifts AS (
    SELECT array_agg(exercise_id ORDER BY exercise_id) AS ids FROM exrcwiki
    WHERE category = 'strength' AND equipment IN ('barbell', 'dumbbell', 'cable', 'machine')
  )
  INSERT INTO modular_training_exercise
    (session_id, user_id, exercise_id, exercise_name, muscle_group, equipment, sets, reps, rir, order_in_session)
  SELECT s.id, s.user_id, w.exercise_id, w.name, w.muscle_group, w.equipment, ${SETS_PER_ROW}, '8-12', 2, k
  FROM modular_training_session s
  CROSS JOIN generate_series(1, ${ROWS_PER_WEEK}) k
  CROSS JOIN lifts
  JOIN exrcwiki w ON w.exercise_id = lifts.ids[1 + (abs(hashtext(s.user_id::text)) + k * 37) % cardinality(lifts.ids)];
  INSERT INTO training_set (exercise_row_id, user_id, set_no, reps_done, weight_kg, rpe, recorded_at)
    SELECT e.id, e.user_id, n, 8 + n % 3, 40 + n, 8, s.session_date + make_interval(mins => n)
    FROM modular_training_exercise e
    JOIN modular_training_session s ON s.id = e.session_id, generate_series(1, ${SETS_PER_ROW}) n
    -- The latest week is this week: not trained yet, so its rows can be swapped.
    WHERE s.session_date < date '${FIRST_WEEK}' + ${(WEEKS - 1) * 7};
  ANALYZE;`;

async function asUser<T>(
  client: pg.Client,
  userId: string,
  work: () => Promise<T>,
  commit = true,
): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT set_config('request.jwt.claims', $1, true)", [
      JSON.stringify({ sub: userId }),
    ]);
    await client.query("SET LOCAL ROLE authenticated");
    return await work();
  } finally {
    await client.query(commit ? "COMMIT" : "ROLLBACK");
  }
}

export const swapAlternativesBench: Bench = {
  id: "swap-alternatives",
  title: "exercise_alternatives for one row, signed in, with 1M logged sets",
  async run(ctx) {
    const url = await ctx.freshDatabase("swap_alternatives");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const catalogue = mapFreeExerciseDb(JSON.parse(readFileSync(FILE, "utf8"))).entries;
      await upsertCatalogue(client, catalogue, "free-exercise-db");
      ctx.log(`generating ${(USERS * (WEEKS - 1) * ROWS_PER_WEEK * SETS_PER_ROW).toLocaleString()} sets`);
      await client.query(GENERATE);
      ctx.log("rebuilding progress");
      const { rows: users } = await client.query<{ id: string }>("SELECT id FROM auth.users ORDER BY id");
      for (let i = 0; i < users.length; i += 100) {
        await client.query("SELECT public.progress_rebuild($1::uuid[])", [
          users.slice(i, i + 100).map((u) => u.id),
        ]);
      }
      await client.query("ANALYZE");
      const { rows: counts } = await client.query<{ sets: number; weekly: number }>(
        "SELECT (SELECT count(*) FROM training_set)::int AS sets, (SELECT count(*) FROM progress_exercise_weekly)::int AS weekly",
      );
      // The rows a lifter would swap: the latest week's, one per user and slot, in a fixed shuffle.
      const { rows: targets } = await client.query<{ id: string; user_id: string; muscle_group: string }>(
        `SELECT x.id, x.user_id, x.muscle_group FROM modular_training_exercise x
         JOIN modular_training_session s ON s.id = x.session_id
         JOIN modular_training_week w ON w.id = s.week_id
         WHERE w.week_number = ${WEEKS} ORDER BY md5(x.id::text) LIMIT ${RUNS + 10}`,
      );
      const alternatives: number[] = [];
      const reference: number[] = [];
      const swaps: number[] = [];
      let offered = 0;
      for (const [i, t] of targets.entries()) {
        const started = performance.now();
        const result = await asUser(client, t.user_id, () =>
          client.query("SELECT * FROM exercise_alternatives($1, 4)", [t.id]),
        );
        const elapsed = performance.now() - started;
        const refStarted = performance.now();
        await client.query("SELECT exercise_id, name, equipment FROM exrcwiki WHERE muscle_group = $1", [
          t.muscle_group,
        ]);
        const refElapsed = performance.now() - refStarted;
        const best = result.rows[0]?.exercise_id as string | undefined;
        let swapElapsed: number | undefined;
        if (best) {
          const swapStarted = performance.now();
          await asUser(
            client,
            t.user_id,
            () => client.query("SELECT swap_exercise($1, $2)", [t.id, best]),
            false,
          );
          swapElapsed = performance.now() - swapStarted;
        }
        if (i < 10) continue; // warm-up: the cache and the plans
        alternatives.push(elapsed);
        reference.push(refElapsed);
        if (swapElapsed !== undefined) swaps.push(swapElapsed);
        offered += result.rowCount ?? 0;
      }
      const row = (label: string, xs: number[]) =>
        `| ${label} | ${xs.length} | ${fmt(median(xs), 2)} | ${fmt(percentile(xs, 95), 2)} |`;
      const p95 = percentile(alternatives, 95);
      return [
        `${counts[0]?.sets.toLocaleString()} logged sets of ${USERS.toLocaleString()} users, ` +
          `${counts[0]?.weekly.toLocaleString()} rows of progress_exercise_weekly, the free-exercise-db catalogue ` +
          `(${catalogue.length} entries). Each call is a transaction as a signed-in user (JWT claims + SET LOCAL ` +
          `ROLE authenticated) on a row of that user's latest week; ${RUNS} timed calls after 10 warm-up calls, ` +
          `client-side time including the round trips of the transaction; ${fmt(offered / Math.max(alternatives.length, 1), 1)} alternatives a call on average.`,
        "",
        "| call | calls | median ms | p95 ms |",
        "| --- | ---: | ---: | ---: |",
        row("`exercise_alternatives(row, 4)`, signed in", alternatives),
        row("`swap_exercise(row, first alternative)`, signed in, rolled back", swaps),
        row(
          "limit reference: the catalogue rows of the row's muscle, as the owner, one statement",
          reference,
        ),
        "",
        `Goal: p95 under 50 ms. ${p95 < 50 ? "Met" : "Not met"} (p95 ${fmt(p95, 2)} ms).`,
      ].join("\n");
    } finally {
      await client.end();
    }
  },
};
