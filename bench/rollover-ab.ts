// The weekly rollover A/B against the last landed release (issues 20 and 21, "Speed"): in one
// run, on one server, A = the release's rollover code on a database migrated with the release's
// migrations, B = this checkout's rollover on a database migrated with its own. Both databases
// hold the same generated plans and logged sets (ids derived from a counter, so row for row
// equal). The plans are split into rounds of distinct plans, and the rounds alternate A B A B:
// drift of the machine's speed falls on both sides alike. Beside each side, the limit reference
// of bench/limit-reference.ts: INSERT ... SELECT of exactly the rows that side's round wrote
// into look-alike tables of its own schema.
//
// The release is the commit in .ci/upgrade-from, checked out into a temporary git worktree
// (node_modules linked to this checkout's), its modules imported as they are (node strips their
// types); the worktree is removed when the bench ends.
//
// Size: `--plans N` (default 100,000, the issues' scale; BENCH_SCALE=small: 4,000), in
// BENCH_AB_ROUNDS rounds a side (default 10).
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { loadConfig } from "../src/config.ts";
import { rolloverAsOf } from "../src/jobs/plan-rollover/rollover.ts";
import { createLogger, type Logger } from "../src/logger.ts";
import { monday } from "../tests/helpers/dates.ts";
import { type Bench, fmt, median } from "./harness.ts";
import { createLookAlikes, fillLookAlikes, timeLimitReference, weeksAndChildren } from "./limit-reference.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const SMALL = process.env.BENCH_SCALE === "small";
const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 10);
const CONFIG = loadConfig({});
const BATCH_PLANS = CONFIG.ROLLOVER_BATCH_PLANS; // the production defaults
const CONCURRENCY = CONFIG.ROLLOVER_CONCURRENCY;
const WEEK_START = monday(-1);
const AS_OF = monday(0);
const LOOK_ALIKES = ["modular_training_week", "modular_training_session", "modular_training_exercise"];

/** The release's commit: the first line of .ci/upgrade-from that is not a comment. */
async function releaseCommit(): Promise<string> {
  const text = await readFile(path.join(REPO, ".ci/upgrade-from"), "utf8");
  const sha = text
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l !== "" && !l.startsWith("#"));
  if (!sha || !/^[0-9a-f]{7,40}$/.test(sha)) throw new Error(`.ci/upgrade-from names no commit (${sha})`);
  return sha;
}

interface Release {
  sha: string;
  rolloverAsOf: typeof rolloverAsOf;
  migrate(url: string): Promise<void>;
  remove(): Promise<void>;
}

/** The release checked out beside this checkout, its rollover and migrator loaded from there. */
async function checkOutRelease(logger: Logger): Promise<Release> {
  const sha = await releaseCommit();
  const dir = await mkdtemp(path.join(os.tmpdir(), "te-release-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: REPO, stdio: "pipe" });
  git("worktree", "add", "--detach", dir, sha);
  const remove = async () => {
    try {
      git("worktree", "remove", "--force", dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
      git("worktree", "prune");
    }
  };
  try {
    await symlink(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
    const load = (file: string) => import(pathToFileURL(path.join(dir, file)).href);
    const rollover = (await load("src/jobs/plan-rollover/rollover.ts")) as {
      rolloverAsOf: typeof rolloverAsOf;
    };
    const migrator = (await load("src/db/migrate.ts")) as {
      migrateDatabase(url: string, logger: Logger): Promise<void>;
    };
    return {
      sha,
      rolloverAsOf: rollover.rolloverAsOf,
      migrate: (url) => migrator.migrateDatabase(url, logger),
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

// Plans, weeks, sessions, exercise rows and logged sets with ids from md5 of a counter, so both
// databases hold the same rows; only columns the release has too. 4 sessions (8, 8, 7, 7 rows),
// 3 logged sets for every row of half of the plans, reps and RPE spread so every rule occurs.
// Every plan starts paused: a round activates its own plans, so each round rolls distinct ones.
const GENERATE = [
  `INSERT INTO auth.users (id) SELECT md5('user' || g)::uuid FROM generate_series(1, $1::int) g`,
  `INSERT INTO modular_training_plan (id, user_id, split_type, goal_type, experience_level, week_start, status)
   SELECT md5('plan' || g)::uuid, md5('user' || g)::uuid, 'upper_lower', 'hypertrophy', 'intermediate',
     '${WEEK_START}', 'paused'
   FROM generate_series(1, $1::int) g`,
  `INSERT INTO modular_training_week (id, plan_id, user_id, week_number, week_start)
   SELECT md5('week' || id)::uuid, id, user_id, 1, week_start FROM modular_training_plan`,
  `INSERT INTO modular_training_session
     (id, week_id, user_id, day_label, session_date, day_of_week, focus_area, session_number)
   SELECT md5('session' || w.id || s)::uuid, w.id, w.user_id, (ARRAY['Upper-A','Lower-A','Upper-B','Lower-B'])[s],
     w.week_start + (ARRAY[0,1,3,4])[s], (ARRAY[1,2,4,5])[s],
     CASE WHEN s % 2 = 1 THEN 'chest,lats' ELSE 'quadriceps,hamstrings' END, s
   FROM modular_training_week w CROSS JOIN generate_series(1, 4) AS s`,
  `INSERT INTO modular_training_exercise
     (id, session_id, user_id, exercise_id, exercise_name, muscle_group, sets, reps, rir, equipment, tier,
      weight, order_in_session, display_order)
   SELECT md5('row' || s.id || i)::uuid, s.id, s.user_id, 'ex_' || s.session_number || '_' || i,
     'Exercise ' || s.session_number || '.' || i,
     CASE WHEN s.session_number % 2 = 1 THEN (ARRAY['chest','lats','shoulders','triceps','biceps'])[1 + i % 5]
          ELSE (ARRAY['quadriceps','hamstrings','glutes','calves'])[1 + i % 4] END,
     3, (ARRAY['5','8-12','10-15','6-8','8-15'])[1 + i % 5], 2,
     (ARRAY['barbell','dumbbell','cable','machine','barbell','kettlebell'])[1 + i % 6],
     CASE WHEN i <= 2 THEN 'T1' WHEN i <= 5 THEN 'T2' ELSE 'T3' END,
     CASE WHEN i % 7 = 0 THEN NULL ELSE 20 + (i * 7 + s.session_number * 3) % 16 * 2.5 END, i, i
   FROM modular_training_session s
   CROSS JOIN LATERAL generate_series(1, CASE WHEN s.session_number <= 2 THEN 8 ELSE 7 END) AS i`,
  `INSERT INTO training_set (id, exercise_row_id, user_id, set_no, reps_done, weight_kg, rpe)
   SELECT md5('set' || e.id || n)::uuid, e.id, e.user_id, n, 4 + (hashtext(e.id::text) & 1023) % 12 + (n % 2),
     coalesce(e.weight, 30), 6 + (hashtext(e.id::text || n) & 1023) % 5
   FROM modular_training_exercise e
   JOIN modular_training_plan p ON p.user_id = e.user_id
   CROSS JOIN generate_series(1, 3) AS n
   WHERE hashtext(p.id::text) % 2 = 0`,
  "VACUUM ANALYZE",
];

// The feedback the app writes after a session (migration 0017's muscle_feedback): one row per
// session and trained muscle of the plans with logged sets, soreness and pump spread over RP's
// 0-3 scales and joint pain on about 1 in 50, so the rollover meets every case. Only a schema
// that has the table (this checkout's; the release before 0017 has none) gets it.
const GENERATE_FEEDBACK = `
  INSERT INTO muscle_feedback (session_id, user_id, muscle_group, soreness, pump, joint_pain)
  SELECT DISTINCT ON (s.id, e.muscle_group) s.id, s.user_id, e.muscle_group,
    (hashtext(s.id::text || e.muscle_group) & 1023) % 4, (hashtext(e.muscle_group || s.id::text) & 1023) % 4,
    (hashtext(s.id::text || e.muscle_group || 'joint') & 1023) % 50 = 0
  FROM modular_training_session s
  JOIN modular_training_exercise e ON e.session_id = s.id
  JOIN modular_training_plan p ON p.user_id = s.user_id
  WHERE hashtext(p.id::text) % 2 = 0
  ORDER BY s.id, e.muscle_group`;

/** The plan ids of round `round` (0-based) of `rounds` over `plans` plans. */
const ROUND_PLANS = `SELECT md5('plan' || g)::uuid FROM generate_series($1::int, $2::int) g`;
const roundRange = (round: number, plans: number, rounds: number) => {
  const size = Math.ceil(plans / rounds);
  return [round * size + 1, Math.min(plans, (round + 1) * size)] as const;
};

interface Side {
  label: "A" | "B";
  url: string;
  admin: pg.Client;
  pool: pg.Pool;
  roll: typeof rolloverAsOf;
}

interface RoundResult {
  side: "A" | "B";
  plans: number;
  ms: number;
  refMs: number;
  rows: number;
}

async function generate(
  side: Side,
  plans: number,
  log: (m: string) => void,
): Promise<{ seconds: number; feedback: number }> {
  const started = performance.now();
  // Consistent by construction: no trigger or foreign-key check while generating.
  await side.admin.query("SET session_replication_role = replica");
  for (const statement of GENERATE) {
    await side.admin.query(statement, statement.includes("$1") ? [plans] : []);
  }
  const { rows } = await side.admin.query<{ has: boolean }>(
    "SELECT to_regclass('public.muscle_feedback') IS NOT NULL AS has",
  );
  let feedback = 0;
  if (rows[0]?.has) {
    feedback = (await side.admin.query(GENERATE_FEEDBACK)).rowCount ?? 0;
    await side.admin.query("ANALYZE muscle_feedback");
  }
  await side.admin.query("RESET session_replication_role");
  await createLookAlikes(side.admin, LOOK_ALIKES);
  // Filled with a copy of the real tables: the reference writes into indexes as large as the rollover's.
  await fillLookAlikes(side.admin, LOOK_ALIKES);
  const s = (performance.now() - started) / 1000;
  log(`rollover-ab: ${side.label} generated in ${fmt(s)} s (${feedback} feedback rows)`);
  return { seconds: s, feedback };
}

/** One round on one side: its plans activated (not timed), rolled (timed), then the reference. */
async function runRound(side: Side, round: number, plans: number, logger: Logger): Promise<RoundResult> {
  const [from, to] = roundRange(round, plans, ROUNDS);
  await side.admin.query(`UPDATE modular_training_plan SET status = 'active' WHERE id IN (${ROUND_PLANS})`, [
    from,
    to,
  ]);
  await side.admin.query("ANALYZE modular_training_plan");
  // Neither side pays for the other's dirty pages.
  await side.admin.query("CHECKPOINT").catch(() => {});
  const started = performance.now();
  const result = await side.roll(side.pool, AS_OF, {
    batchPlans: BATCH_PLANS,
    concurrency: CONCURRENCY,
    logger,
  });
  const ms = performance.now() - started;
  const expected = to - from + 1;
  if (result.plansRolled !== expected) {
    throw new Error(`${side.label} round ${round + 1} rolled ${result.plansRolled} plans, not ${expected}`);
  }
  await side.admin.query(
    `UPDATE modular_training_plan SET status = 'completed' WHERE id IN (${ROUND_PLANS})`,
    [from, to],
  );
  const ref = await timeLimitReference(
    side.admin,
    weeksAndChildren(
      `SELECT id FROM public.modular_training_week
       WHERE plan_id IN (${ROUND_PLANS}) AND week_number = 2`,
      [from, to],
    ),
    { empty: false },
  );
  return { side: side.label, plans: expected, ms, refMs: ref.ms, rows: ref.rows };
}

/**
 * What a database holds after the run: the week-2 weeks and rows, their sets and loads (summed
 * exactly), and a fingerprint of every new row's sets, reps, RIR and load keyed by the row it was
 * carried from (the same in both databases): the sum of a 64-bit hash per row, cheap at millions
 * of rows, to show whether both sides decided the same.
 */
async function written(admin: pg.Client) {
  const { rows } = await admin.query<{
    weeks: number;
    rows: number;
    sets: number;
    loads: string;
    print: string;
  }>(
    `SELECT (SELECT count(*) FROM modular_training_week WHERE week_number = 2)::int AS weeks,
            count(*)::int AS rows, sum(e.sets)::int AS sets,
            coalesce(sum(e.weight::numeric), 0)::text AS loads,
            sum(hashtextextended(concat_ws(':', e.carried_from_id, e.sets, e.reps, e.rir, e.weight), 0)::numeric)::text
              AS print
     FROM modular_training_exercise e JOIN modular_training_session s ON s.id = e.session_id
     JOIN modular_training_week w ON w.id = s.week_id WHERE w.week_number = 2`,
  );
  return rows[0] as { weeks: number; rows: number; sets: number; loads: string; print: string };
}

export const rolloverAbBench: Bench = {
  id: "rollover-ab",
  title: "Weekly rollover A/B: this checkout vs the last landed release, with the limit reference",
  async run(ctx) {
    const plans = ctx.plans ?? (SMALL ? 4_000 : 100_000);
    if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || ROUNDS > plans) {
      throw new RangeError(`BENCH_AB_ROUNDS must be 1..${plans} (got ${ROUNDS})`);
    }
    const logger = createLogger("warn");
    const release = await checkOutRelease(logger);
    const sides: Side[] = [];
    try {
      ctx.log(`rollover-ab: release ${release.sha.slice(0, 12)} checked out`);
      const urlA = await ctx.freshDatabase("rollover_ab_release", release.migrate);
      const urlB = await ctx.freshDatabase("rollover_ab_checkout");
      for (const [label, url, roll] of [
        ["A", urlA, release.rolloverAsOf],
        ["B", urlB, rolloverAsOf],
      ] as const) {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        sides.push({
          label,
          url,
          admin,
          pool: new pg.Pool({ connectionString: url, max: CONCURRENCY + 1 }),
          roll,
        });
      }
      const [a, b] = sides as [Side, Side];
      const [genA, genB] = [await generate(a, plans, ctx.log), await generate(b, plans, ctx.log)];
      const generateS = genA.seconds + genB.seconds;
      const { rows: size } = await b.admin.query<{ rows: number; sets: number }>(
        `SELECT (SELECT count(*) FROM modular_training_exercise)::int AS rows,
                (SELECT count(*) FROM training_set)::int AS sets`,
      );

      const results: RoundResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of [a, b]) {
          const r = await runRound(side, round, plans, logger);
          results.push(r);
          ctx.log(
            `rollover-ab: round ${round + 1} ${side.label} ${r.plans} plans ${fmt(r.ms, 0)} ms, reference ${fmt(r.refMs, 0)} ms`,
          );
        }
      }
      const [wa, wb] = [await written(a.admin), await written(b.admin)];

      const of = (side: "A" | "B") => results.filter((r) => r.side === side);
      const total = (side: "A" | "B", key: "ms" | "refMs" | "rows") =>
        of(side).reduce((t, r) => t + r[key], 0);
      const roundRatios = of("B").map((rb, i) => rb.ms / (of("A")[i] as RoundResult).ms);
      const ratio = total("B", "ms") / total("A", "ms");
      const sideRow = (side: "A" | "B", label: string) => {
        const ms = total(side, "ms");
        const ref = total(side, "refMs");
        return `| ${label} | ${plans.toLocaleString()} | ${fmt(ms / 1000, 2)} | ${fmt((plans * 1000) / ms, 0)} | ${total(side, "rows").toLocaleString()} | ${fmt(ref / 1000, 2)} | **${fmt(ms / ref, 2)}x** |`;
      };
      const goal = ratio <= 1.25;
      return [
        `A: the release ${release.sha.slice(0, 12)} (.ci/upgrade-from), its rollover on a database migrated with its migrations; ` +
          "B: this checkout's rollover on a database migrated with its own. Each database: " +
          `${plans.toLocaleString()} plans of 4 sessions and 30 exercise rows (${size[0]?.rows.toLocaleString()} rows), ` +
          `${size[0]?.sets.toLocaleString()} logged sets (3 per row for half of the plans), the same rows in both ` +
          `(ids from a counter), generated in ${fmt(generateS)} s. ` +
          (genB.feedback > genA.feedback
            ? `B's database also holds ${genB.feedback.toLocaleString()} muscle_feedback rows (one per session and trained muscle of the plans with logged sets, soreness and pump over 0-3, joint pain on about 1 in 50), as the app writes them; A's schema has no such table. `
            : "") +
          `${ROUNDS} rounds of ${Math.ceil(plans / ROUNDS).toLocaleString()} distinct plans a side, alternating A B A B: ` +
          `a round activates its plans (not timed) and times \`rolloverAsOf\` as of ${AS_OF} ` +
          `(batches of ${BATCH_PLANS}, ${CONCURRENCY} in flight: the production defaults), then the limit reference: ` +
          "INSERT ... SELECT of exactly the week, session and exercise rows the round wrote into look-alike tables " +
          "of that side's schema (filled beforehand with a copy of the real ones; no triggers, no foreign keys), one transaction. " +
          `${plans < 100_000 ? `**Small scale (${plans.toLocaleString()} plans), not the issues' 100,000.**` : ""}`,
        "",
        "| side | plans rolled | rollover s | plans/s | rows copied by the reference | reference s | rollover / reference |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        sideRow("A", `A: release ${release.sha.slice(0, 7)}`),
        sideRow("B", "B: this checkout"),
        "",
        `**B / A = ${fmt(ratio, 2)}x** (total time; per round: median ${fmt(median(roundRatios), 2)}x, ` +
          `from ${fmt(Math.min(...roundRatios), 2)}x to ${fmt(Math.max(...roundRatios), 2)}x).`,
        "",
        `Written: A ${wa.weeks.toLocaleString()} week-2 rows, ${wa.rows.toLocaleString()} exercise rows, ${wa.sets.toLocaleString()} sets, loads summing to ${Number(wa.loads).toLocaleString()} kg; ` +
          `B ${wb.weeks.toLocaleString()}, ${wb.rows.toLocaleString()}, ${wb.sets.toLocaleString()}, ${Number(wb.loads).toLocaleString()} kg ` +
          (wa.weeks !== wb.weeks || wa.rows !== wb.rows
            ? "(**not the same weeks and rows**: the two sides did different work)."
            : wa.print === wb.print
              ? "(the same weeks and rows, and every row's sets, reps, RIR and load equal on both sides)."
              : "(the same weeks and rows; sets, reps, RIR or loads differ where the rules changed)."),
        "",
        `Goal (issues 20 and 21): B within 1.25x of A at 100,000 plans: ${
          plans < 100_000
            ? `not judged at this scale (${fmt(ratio, 2)}x here)`
            : goal
              ? `met (${fmt(ratio, 2)}x)`
              : `**not met** (${fmt(ratio, 2)}x)`
        }.`,
      ].join("\n");
    } finally {
      await Promise.all(sides.flatMap((s) => [s.admin.end(), s.pool.end()]));
      await release.remove();
    }
  },
};
