// Step 2 of .ci/upgrade-test: rows written on a database still at the last release's schema, with
// nothing but SQL that release understands (its insert_full_plan, its triggers). Prints the user's
// id for the next steps. Usage: seed-release.ts <database-url>
import { randomUUID } from "node:crypto";
import pg from "pg";

const url = process.argv[2];
if (!url) {
  process.stderr.write("usage: seed-release.ts <database-url>\n");
  process.exit(2);
}

/** A Monday well in the past, so the upgraded database has weeks to roll over. */
const SEED_WEEK_START = "2026-11-02";

const slot = (exercise_id: string, name: string, muscle_group: string, order: number) => ({
  exercise_id,
  name,
  muscle_group,
  sets: 3,
  reps: "8-12",
  equipment: "barbell",
  tier: "T1",
  order_in_session: order,
  weight: 60,
});

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const userId = randomUUID();
  await client.query("INSERT INTO auth.users (id, email) VALUES ($1, $2)", [
    userId,
    `${userId}@upgrade.test`,
  ]);
  const plan = {
    split_type: "full_body",
    week_start: SEED_WEEK_START,
    goal_type: "hypertrophy",
    sessions: [
      {
        day_name: "Full A",
        date: SEED_WEEK_START,
        day_of_week: 1,
        focus_area: "full body",
        slots: [
          slot("upgrade_squat", "Back squat", "quadriceps", 1),
          slot("upgrade_bench", "Bench press", "chest", 2),
        ],
      },
    ],
  };
  const { rows } = await client.query<{ id: string }>("SELECT public.insert_full_plan($1, $2) AS id", [
    userId,
    JSON.stringify(plan),
  ]);
  // Every prescribed set logged at the top of the range: next week's load goes up.
  await client.query(
    `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe)
     SELECT e.id, n, 12, 60, 8
     FROM modular_training_exercise e
     JOIN modular_training_session s ON s.id = e.session_id
     JOIN modular_training_week w ON w.id = s.week_id
     CROSS JOIN generate_series(1, 3) AS n
     WHERE w.plan_id = $1`,
    [rows[0]?.id],
  );
  // A plan request made in SQL by the user, before any pg-boss exists: the upgraded worker's
  // catch-up must enqueue it.
  await client.query("BEGIN");
  await client.query("SELECT set_config('request.jwt.claims', $1, true)", [
    JSON.stringify({ sub: userId, role: "authenticated" }),
  ]);
  await client.query("SET LOCAL ROLE authenticated");
  await client.query("INSERT INTO plan_request (params) VALUES ($1)", [JSON.stringify({ daysPerWeek: 3 })]);
  await client.query("COMMIT");
  process.stdout.write(`${userId}\n`);
} finally {
  await client.end();
}
