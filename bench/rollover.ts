// The weekly rollover of 100,000 active plans (4 sessions, 30 exercise rows a week each, logged
// sets for half of them), set-based (rolloverAsOf), beside a per-plan loop written the obvious
// way (a statement per plan, session and row, progression in TypeScript with progressRow) timed
// on a sample of 2,000 other plans of the same database, in the same run. Also: the latency of
// a stream of small requests (insert_full_plan, one per transaction) without and with the
// rollover running. BENCH_SCALE=small shrinks everything for development.
import pg from "pg";
import pino from "pino";
import { deloadPrescription, rolloverKind } from "../src/domain/progression/deload.ts";
import { type LoggedSet, progressRow } from "../src/domain/progression/progress-row.ts";
import { rolloverAsOf } from "../src/rollover/rollover.ts";
import { monday, plusDays } from "../tests/helpers/dates.ts";
import { samplePlanJson } from "../tests/helpers/plan-json.ts";
import { type Bench, fmt, median, percentile } from "./harness.ts";

const SMALL = process.env.BENCH_SCALE === "small";
const PLANS = SMALL ? 4_000 : 100_000;
const LOOP_SAMPLE = SMALL ? 200 : 2_000;
const BATCH_PLANS = 2_000; // ROLLOVER_BATCH_PLANS' default
const BASELINE_REQUESTS = SMALL ? 100 : 300;
const REQUEST_EVERY_MS = 100;
const CONCURRENCY = 2; // batches in flight (ROLLOVER_CONCURRENCY): one per core
// Dates from the clock: the database keeps plan dates within a year of today.
const WEEK_START = monday(-1);
const AS_OF = plusDays(WEEK_START, 7);

// Set-based data: users, plans, week 1, 4 sessions (8, 8, 7, 7 rows = 30), and 3 logged sets for
// every row of half of the plans, with reps and RPE spread so every progression rule occurs.
export const GENERATE = [
  `INSERT INTO auth.users (id) SELECT gen_random_uuid() FROM generate_series(1, $1::int)`,
  `INSERT INTO modular_training_plan (user_id, split_type, week_start, status)
   SELECT id, 'upper_lower', '${WEEK_START}', 'active' FROM auth.users`,
  `INSERT INTO modular_training_week (plan_id, user_id, week_number, week_start)
   SELECT id, user_id, 1, week_start FROM modular_training_plan`,
  `INSERT INTO modular_training_session
     (week_id, user_id, day_label, session_date, day_of_week, focus_area, session_number)
   SELECT w.id, w.user_id, (ARRAY['Upper-A','Lower-A','Upper-B','Lower-B'])[s],
     w.week_start + (ARRAY[0,1,3,4])[s], (ARRAY[1,2,4,5])[s],
     CASE WHEN s % 2 = 1 THEN 'chest,lats' ELSE 'quadriceps,hamstrings' END, s
   FROM modular_training_week w CROSS JOIN generate_series(1, 4) AS s`,
  `INSERT INTO modular_training_exercise
     (session_id, user_id, exercise_id, exercise_name, muscle_group, sets, reps, rir, equipment, tier,
      weight, order_in_session, display_order)
   SELECT s.id, s.user_id, 'ex_' || s.session_number || '_' || i, 'Exercise ' || s.session_number || '.' || i,
     CASE WHEN s.session_number % 2 = 1 THEN (ARRAY['chest','lats','shoulders','triceps','biceps'])[1 + i % 5]
          ELSE (ARRAY['quadriceps','hamstrings','glutes','calves'])[1 + i % 4] END,
     3, (ARRAY['5','8-12','10-15','6-8','AMRAP'])[1 + i % 5], 2,
     (ARRAY['barbell','dumbbell','cable','machine','barbell','kettlebell'])[1 + i % 6],
     CASE WHEN i <= 2 THEN 'T1' WHEN i <= 5 THEN 'T2' ELSE 'T3' END,
     CASE WHEN i % 7 = 0 THEN NULL ELSE 20 + (i * 7 + s.session_number * 3) % 16 * 2.5 END, i, i
   FROM modular_training_session s
   CROSS JOIN LATERAL generate_series(1, CASE WHEN s.session_number <= 2 THEN 8 ELSE 7 END) AS i`,
  `INSERT INTO training_set (exercise_row_id, user_id, set_no, reps_done, weight_kg, rpe)
   SELECT e.id, e.user_id, n, 4 + (hashtext(e.id::text) & 1023) % 12 + (n % 2),
     coalesce(e.weight, 30), 6 + (hashtext(e.id::text || n) & 1023) % 5
   FROM modular_training_exercise e
   JOIN modular_training_plan p ON p.user_id = e.user_id
   CROSS JOIN generate_series(1, 3) AS n
   WHERE hashtext(p.id::text) % 2 = 0`,
  "ANALYZE",
];

interface Row {
  id: string;
  exercise_id: string | null;
  exercise_name: string;
  muscle_group: string | null;
  secondary_muscles: unknown;
  sets: number;
  reps: string;
  rir: number | null;
  equipment: string | null;
  tier: string | null;
  target: string | null;
  tips: unknown;
  instructions: string | null;
  weight: number | null;
  notes: string | null;
  display_order: number | null;
  order_in_session: number | null;
  miss_streak: number;
  carried_from_id: string | null;
}

/** The obvious per-plan loop: a statement per plan, week, session, row and row's logs. */
async function loopOnePlan(client: pg.Client, planId: string, asOf: string): Promise<number> {
  await client.query("BEGIN");
  try {
    const { rows: weeks } = await client.query(
      `SELECT w.id, w.week_number, w.week_start, (w.week_start + 7 <= $2::date) AS ended,
              p.user_id, p.deload_every_weeks, p.status
       FROM modular_training_week w JOIN modular_training_plan p ON p.id = w.plan_id
       WHERE w.plan_id = $1 ORDER BY w.week_number DESC LIMIT 1`,
      [planId, asOf],
    );
    const week = weeks[0];
    if (!week?.ended || week.status !== "active") {
      await client.query("COMMIT");
      return 0;
    }
    const n = week.week_number + 1;
    const kind = rolloverKind(n, week.deload_every_weeks);
    const { rows: inserted } = await client.query(
      `INSERT INTO modular_training_week (plan_id, user_id, week_number, week_start, is_deload)
       VALUES ($1, $2, $3, $4::date + 7, $5) ON CONFLICT (plan_id, week_number) DO NOTHING RETURNING id`,
      [planId, week.user_id, n, week.week_start, kind === "deload"],
    );
    const newWeekId = inserted[0]?.id;
    if (!newWeekId) {
      await client.query("COMMIT");
      return 0;
    }
    const { rows: sessions } = await client.query(
      "SELECT * FROM modular_training_session WHERE week_id = $1 ORDER BY session_number",
      [week.id],
    );
    for (const s of sessions) {
      const { rows: ns } = await client.query(
        `INSERT INTO modular_training_session (week_id, user_id, day_label, session_date, day_of_week,
           focus_area, session_number, duration_minutes, completed)
         VALUES ($1, $2, $3, $4::date + 7, $5, $6, $7, $8, false) RETURNING id`,
        [
          newWeekId,
          s.user_id,
          s.day_label,
          s.session_date,
          s.day_of_week,
          s.focus_area,
          s.session_number,
          s.duration_minutes,
        ],
      );
      const { rows: exercises } = await client.query<Row>(
        "SELECT * FROM modular_training_exercise WHERE session_id = $1 ORDER BY order_in_session",
        [s.id],
      );
      for (const e of exercises) {
        let weight = e.weight;
        let sets = e.sets;
        let missStreak = e.miss_streak;
        if (kind === "deload") {
          ({ weight, sets } = deloadPrescription({ weight, sets, equipment: e.equipment ?? "other" }));
        } else if (kind === "restore" && e.carried_from_id) {
          const { rows: prev } = await client.query<Row>(
            "SELECT * FROM modular_training_exercise WHERE id = $1",
            [e.carried_from_id],
          );
          if (prev[0]) ({ weight, sets, miss_streak: missStreak } = prev[0]);
        } else if (kind === "progress") {
          const { rows: logs } = await client.query<{
            set_no: number;
            reps_done: number;
            weight_kg: number;
            rpe: number | null;
          }>("SELECT set_no, reps_done, weight_kg, rpe FROM training_set WHERE exercise_row_id = $1", [e.id]);
          const logged: LoggedSet[] = logs.map((l) => ({
            setNo: l.set_no,
            repsDone: l.reps_done,
            weightKg: l.weight_kg,
            rpe: l.rpe,
          }));
          const next = progressRow({
            weight: e.weight,
            reps: e.reps,
            sets: e.sets,
            equipment: e.equipment ?? "other",
            muscleGroup: e.muscle_group ?? "",
            missStreak: e.miss_streak,
            logged,
          });
          weight = next.weight;
          missStreak = next.missStreak;
        }
        await client.query(
          `INSERT INTO modular_training_exercise (session_id, user_id, exercise_id, exercise_name, muscle_group,
             secondary_muscles, sets, reps, rir, equipment, tier, target, tips, instructions, weight, notes,
             display_order, order_in_session, miss_streak, carried_from_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
          [
            ns[0]?.id,
            s.user_id,
            e.exercise_id,
            e.exercise_name,
            e.muscle_group,
            e.secondary_muscles === null ? null : JSON.stringify(e.secondary_muscles),
            sets,
            e.reps,
            e.rir,
            e.equipment,
            e.tier,
            e.target,
            e.tips === null ? null : JSON.stringify(e.tips),
            e.instructions,
            weight,
            e.notes,
            e.display_order,
            e.order_in_session,
            missStreak,
            e.id,
          ],
        );
      }
    }
    await client.query("COMMIT");
    return 1;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** insert_full_plan calls one after another until `until` resolves (or `count` calls are made). */
async function requestStream(
  client: pg.Client,
  userId: string,
  plan: string,
  opts: { count?: number; until?: Promise<unknown> },
): Promise<number[]> {
  let done = false;
  void opts.until?.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  const latencies: number[] = [];
  while (!done && (opts.count === undefined || latencies.length < opts.count)) {
    const started = performance.now();
    await client.query("SELECT insert_full_plan($1, $2::jsonb)", [userId, plan]);
    const ms = performance.now() - started;
    latencies.push(ms);
    // Paced like a service's traffic, not back to back: one request every REQUEST_EVERY_MS.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, REQUEST_EVERY_MS - ms)));
  }
  return latencies;
}

export const rolloverBench: Bench = {
  id: "rollover",
  title: "Weekly rollover: set-based batches vs a per-plan loop",
  async run(ctx) {
    const url = await ctx.freshDatabase("rollover");
    const admin = new pg.Client({ connectionString: url });
    const loopClient = new pg.Client({ connectionString: url });
    const streamClient = new pg.Client({ connectionString: url });
    const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY + 1 });
    await Promise.all([admin.connect(), loopClient.connect(), streamClient.connect()]);
    try {
      const total = PLANS + LOOP_SAMPLE;
      ctx.log(`rollover: generating ${total.toLocaleString()} plans`);
      let started = performance.now();
      // The data is consistent by construction, so the generator skips triggers (foreign-key
      // checks: 7.6 million of them) with session_replication_role; the rollover runs with them.
      await admin.query("SET session_replication_role = replica");
      for (const statement of GENERATE) {
        await admin.query(statement, statement.includes("$1") ? [total] : []);
      }
      await admin.query("RESET session_replication_role");
      const generateS = (performance.now() - started) / 1000;
      const { rows: sizes } = await admin.query(
        `SELECT (SELECT count(*) FROM modular_training_exercise)::int AS rows,
                (SELECT count(*) FROM training_set)::int AS sets,
                (SELECT count(DISTINCT e.user_id) FROM training_set e)::int AS logged_plans`,
      );
      ctx.log(`rollover: generated in ${fmt(generateS)} s: ${JSON.stringify(sizes[0])}`);

      // The loop's sample: the first plans by id (a random mix of logged and unlogged plans).
      const { rows: sample } = await admin.query<{ id: string }>(
        "SELECT id FROM modular_training_plan ORDER BY id LIMIT $1",
        [LOOP_SAMPLE],
      );
      started = performance.now();
      let looped = 0;
      for (const { id } of sample) looped += await loopOnePlan(loopClient, id, AS_OF);
      const loopS = (performance.now() - started) / 1000;
      ctx.log(`rollover: loop ${looped} plans in ${fmt(loopS)} s`);

      // A user making plans with insert_full_plan (not due: it starts the week of AS_OF).
      const { rows: u } = await admin.query<{ id: string }>(
        "INSERT INTO auth.users (id) VALUES (gen_random_uuid()) RETURNING id",
      );
      const userId = u[0]?.id as string;
      const plan = samplePlanJson({ weekStart: AS_OF, sessions: 4, slotsPerSession: 8 });
      plan.sessions[2]?.slots.pop();
      plan.sessions[3]?.slots.pop();
      const planJson = JSON.stringify(plan);
      await requestStream(streamClient, userId, planJson, { count: 20 });
      const quiet = await requestStream(streamClient, userId, planJson, { count: BASELINE_REQUESTS });

      const batches: { ms: number; plans: number }[] = [];
      const logger = pino(
        { level: "info" },
        {
          write(line: string) {
            const entry = JSON.parse(line);
            if (entry.msg === "rollover batch done") batches.push({ ms: entry.ms, plans: entry.plans });
          },
        },
      );
      started = performance.now();
      const rolling = rolloverAsOf(pool, AS_OF, {
        batchPlans: BATCH_PLANS,
        concurrency: CONCURRENCY,
        logger,
      });
      const busy = await requestStream(streamClient, userId, planJson, { until: rolling });
      const result = await rolling;
      const setS = (performance.now() - started) / 1000;
      ctx.log(`rollover: set-based ${result.plansRolled} plans in ${fmt(setS)} s`);

      const { rows: check } = await admin.query(
        `SELECT (SELECT count(*) FROM modular_training_week WHERE week_number = 2)::int AS weeks,
                (SELECT count(*) FROM modular_training_exercise WHERE carried_from_id IS NOT NULL)::int AS rows,
                (SELECT count(*) FROM modular_training_week GROUP BY plan_id, week_number
                   ORDER BY count(*) DESC LIMIT 1)::int AS max_per_number`,
      );
      const setRate = result.plansRolled / setS;
      const loopRate = looped / loopS;
      const ratio = setRate / loopRate;
      const batchMs = batches.map((b) => b.ms);
      const row = (label: string, xs: number[]) =>
        `| ${label} | ${xs.length} | ${fmt(percentile(xs, 50))} | ${fmt(percentile(xs, 95))} | ${fmt(Math.max(...xs))} |`;
      return [
        `Data: ${total.toLocaleString()} active plans of 4 sessions and 30 exercise rows, ` +
          `${sizes[0].rows.toLocaleString()} exercise rows, ${sizes[0].sets.toLocaleString()} logged sets ` +
          `(3 per row for ${sizes[0].logged_plans.toLocaleString()} plans), generated set-based in ${fmt(generateS)} s. ` +
          `As of ${AS_OF}: every plan is due one week. ${SMALL ? "**BENCH_SCALE=small.**" : ""}`,
        "",
        "| approach | plans | seconds | plans/s |",
        "| --- | ---: | ---: | ---: |",
        `| rolloverAsOf, batches of ${BATCH_PLANS} plans (one statement per batch), ${CONCURRENCY} in flight | ${result.plansRolled.toLocaleString()} | ${fmt(setS)} | ${fmt(setRate, 0)} |`,
        `| per-plan loop (statement per plan, session, row and logs; progressRow in TS; a transaction per plan) | ${looped.toLocaleString()} | ${fmt(loopS)} | ${fmt(loopRate, 0)} |`,
        "",
        `Set-based is **${fmt(ratio)}x** the loop per plan. After the run: ${check[0].weeks.toLocaleString()} week-2 rows, ` +
          `${check[0].rows.toLocaleString()} carried exercise rows, at most ${check[0].max_per_number} week per plan and number. ` +
          `Batches: ${batches.length}, median ${fmt(median(batchMs), 0)} ms, longest ${fmt(Math.max(...batchMs), 0)} ms ` +
          "(the longest any transaction of the rollover is open).",
        "",
        `insert_full_plan (a 30-row plan, one call per transaction, one client, one call every ${REQUEST_EVERY_MS} ms) ` +
          "before the rollover and while it runs (the set-based timing above includes this stream):",
        "",
        "| requests | calls | p50 ms | p95 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: |",
        row("quiet", quiet),
        row("during the rollover", busy),
        "",
        `Goals: 100,000 plans in under 60 s: ${!SMALL && setS < 60 ? "met" : SMALL ? "not measured at this scale" : "**not met**"} ` +
          `(${fmt(setS)} s); at least 20x the loop per plan: ${ratio >= 20 ? "met" : "**not met**"} (${fmt(ratio)}x).`,
      ].join("\n");
    } finally {
      await Promise.all([admin.end(), loopClient.end(), streamClient.end(), pool.end()]);
    }
  },
};
