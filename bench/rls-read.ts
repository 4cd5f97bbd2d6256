// The signed-in read behind a lifter's history screen: one user's sets of the last 12 weeks, with
// 1M sets in the table, under the policy this schema uses (a denormalised owner column) and under
// the seed's policy (ownership derived through exercise -> session -> week -> plan joins), on the
// same data, same server, same run. This is the measurement that chose the owner column. Its limit
// reference, interleaved read by read with the owner-column policy: the same rows read by the
// plainest statement, as the table's owner without RLS (WHERE user_id = $2, the same index).
import pg from "pg";
import { monday } from "../tests/helpers/dates.ts";
import { type Bench, fmt, median, percentile } from "./harness.ts";

const SMALL = process.env.BENCH_SCALE === "small";
const USERS = SMALL ? 100 : 1_000;
const WEEKS = 52;
const SETS_PER_WEEK = 20; // 1,000 users x 52 weeks x 20 sets = 1.04M sets
const RUNS = SMALL ? 10 : 50;
// Dates from the clock: the database keeps plan dates within a year of today; week 52 is this week.
const FIRST_WEEK = monday(1 - WEEKS);

const READ = `SELECT s.id, s.exercise_row_id, s.set_no, s.reps_done, s.weight_kg, s.rpe, s.recorded_at
  FROM training_set s
  WHERE s.recorded_at >= $1::timestamptz - interval '12 weeks'
  ORDER BY s.recorded_at DESC`;
const REFERENCE_READ = `SELECT s.id, s.exercise_row_id, s.set_no, s.reps_done, s.weight_kg, s.rpe, s.recorded_at
  FROM training_set s
  WHERE s.user_id = $2 AND s.recorded_at >= $1::timestamptz - interval '12 weeks'
  ORDER BY s.recorded_at DESC`;

const JOIN_POLICY = `CREATE POLICY training_set_owner_select ON training_set FOR SELECT TO authenticated USING (
  EXISTS (SELECT 1 FROM modular_training_exercise e
          JOIN modular_training_session s ON s.id = e.session_id
          JOIN modular_training_week w ON w.id = s.week_id
          JOIN modular_training_plan p ON p.id = w.plan_id
          WHERE e.id = training_set.exercise_row_id AND p.user_id = (SELECT auth.uid())))`;

async function generate(client: pg.Client) {
  // One plan per user, 52 weekly weeks with one session and one exercise row each, 20 sets a week.
  await client.query(`
    INSERT INTO auth.users (id) SELECT gen_random_uuid() FROM generate_series(1, ${USERS});
    INSERT INTO modular_training_plan (user_id, split_type, week_start)
      SELECT id, 'full_body', date '${FIRST_WEEK}' FROM auth.users;
    INSERT INTO modular_training_week (plan_id, user_id, week_number, week_start)
      SELECT p.id, p.user_id, n, date '${FIRST_WEEK}' + (n - 1) * 7
      FROM modular_training_plan p, generate_series(1, ${WEEKS}) n;
    INSERT INTO modular_training_session (week_id, user_id, day_label, session_date, day_of_week, focus_area)
      SELECT id, user_id, 'Full-A', week_start, 1, 'quadriceps' FROM modular_training_week;
    INSERT INTO modular_training_exercise (session_id, user_id, exercise_name, sets, reps, muscle_group)
      SELECT id, user_id, 'Back Squat', 5, '5', 'quadriceps' FROM modular_training_session;
    INSERT INTO training_set (exercise_row_id, user_id, set_no, reps_done, weight_kg, rpe, recorded_at)
      SELECT e.id, e.user_id, k, 5, 100 + k, 8, s.session_date + make_interval(mins => k)
      FROM modular_training_exercise e
      JOIN modular_training_session s ON s.id = e.session_id, generate_series(1, ${SETS_PER_WEEK}) k;
    ANALYZE;`);
}

async function timeReads(
  client: pg.Client,
  userId: string,
  asOf: string,
): Promise<{ ms: number[]; rows: number; reference: number[] }> {
  const ms: number[] = [];
  const reference: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    await client.query("BEGIN");
    await client.query("SELECT set_config('request.jwt.claims', $1, true)", [
      JSON.stringify({ sub: userId }),
    ]);
    await client.query("SET LOCAL ROLE authenticated");
    const started = performance.now();
    const result = await client.query(READ, [asOf]);
    const elapsed = performance.now() - started;
    await client.query("COMMIT");
    const refStarted = performance.now();
    await client.query(REFERENCE_READ, [asOf, userId]);
    const refElapsed = performance.now() - refStarted;
    if (i >= 3) {
      // the first reads warm the cache and the plan
      ms.push(elapsed);
      reference.push(refElapsed);
    }
    rows = result.rowCount ?? 0;
  }
  return { ms, rows, reference };
}

export const rlsReadBench: Bench = {
  id: "rls-read",
  title: "Signed-in read of one user's last 12 weeks of sets: owner column vs join-based policy",
  async run(ctx) {
    const url = await ctx.freshDatabase("rls_read");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      ctx.log(`generating ${(USERS * WEEKS * SETS_PER_WEEK).toLocaleString()} sets`);
      await generate(client);
      const { rows: users } = await client.query<{ id: string }>("SELECT id FROM auth.users LIMIT 1");
      const userId = users[0]?.id as string;
      const asOf = new Date().toISOString();
      const { rows: total } = await client.query("SELECT count(*)::int AS n FROM training_set");

      const owner = await timeReads(client, userId, asOf);
      // The seed's way: ownership through the joins, with the seed's own index on recorded_at.
      await client.query("DROP POLICY training_set_owner_select ON training_set");
      await client.query(JOIN_POLICY);
      await client.query("CREATE INDEX idx_set_recorded ON training_set (recorded_at DESC)");
      await client.query("ANALYZE training_set");
      const join = await timeReads(client, userId, asOf);

      const row = (label: string, r: { ms: number[]; rows: number }) =>
        `| ${label} | ${r.rows} | ${fmt(median(r.ms), 2)} | ${fmt(percentile(r.ms, 95), 2)} |`;
      const ok = median(owner.ms) < 10;
      return [
        `${total[0].n.toLocaleString()} sets of ${USERS.toLocaleString()} users; the read returns one user's ` +
          `sets of the last 12 weeks, signed in as that user (JWT claims + SET LOCAL ROLE authenticated), ` +
          `${RUNS} timed reads after 3 warm-up reads, client-side time including the round trip.`,
        "",
        "| policy | rows returned | median ms | p95 ms |",
        "| --- | ---: | ---: | ---: |",
        row("owner column: `user_id = (select auth.uid())`, index (user_id, recorded_at desc)", owner),
        row("seed: EXISTS through exercise, session, week, plan; index on recorded_at", join),
        `| limit reference: the same rows as the table's owner, no RLS, \`WHERE user_id = $2\`, same index (interleaved with the owner-column reads) | ${owner.rows} | ${fmt(median(owner.reference), 2)} | ${fmt(percentile(owner.reference, 95), 2)} |`,
        "",
        `Goal: under 10 ms. ${ok ? "Met" : "Not met"} with the owner column (median ${fmt(median(owner.ms), 2)} ms); ` +
          `the join-based policy is ${fmt(median(join.ms) / median(owner.ms), 0)}x slower on the same data, ` +
          "because it must test every recent set of every user before it knows which are the reader's. " +
          `The owner-column read takes ${fmt(median(owner.ms) / median(owner.reference), 2)}x the limit reference's time.`,
      ].join("\n");
    } finally {
      await client.end();
    }
  },
};
