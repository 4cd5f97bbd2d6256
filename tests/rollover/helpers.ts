// Plans, exercise rows and logged sets for the rollover tests, written the way clients write them.
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { upsertCatalogue } from "../../src/db/queries/upsert-catalogue.ts";
import { withTransaction } from "../../src/db/transaction.ts";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import { type RolloverResult, rolloverAsOf } from "../../src/jobs/plan-rollover/rollover.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { samplePlanJson } from "../helpers/plan-json.ts";

export const silent = createLogger("silent");

/**
 * A test database of its own with the built-in catalogue, for the enclosing describe block (made
 * before its tests, dropped after them): its `pool` is there once the tests run.
 */
export function builtinCatalogueDatabase(): { readonly pool: pg.Pool } {
  let tdb: TestDatabase | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
    await upsertCatalogue(tdb.pool, BUILTIN_CATALOGUE, "builtin");
  });
  afterAll(() => tdb?.drop());
  return {
    get pool(): pg.Pool {
      if (tdb === undefined) throw new Error("the test database is made before the tests run");
      return tdb.pool;
    },
  };
}

export const rollover = (pool: pg.Pool, asOf: string, batchPlans = 7): Promise<RolloverResult> =>
  rolloverAsOf(pool, asOf, { batchPlans, logger: silent });

export async function makePlan(
  pool: pg.Pool,
  userId: string,
  opts: { weekStart?: string; sessions?: number; slots?: number; deloadEveryWeeks?: number | null } = {},
): Promise<string> {
  const plan = {
    ...samplePlanJson({
      weekStart: opts.weekStart ?? monday(-8),
      sessions: opts.sessions,
      slotsPerSession: opts.slots,
    }),
    deload_every_weeks: opts.deloadEveryWeeks === undefined ? null : opts.deloadEveryWeeks,
  };
  const { rows } = await pool.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [
    userId,
    JSON.stringify(plan),
  ]);
  return rows[0]?.id as string;
}

export interface RowView {
  id: string;
  /** The row of the week before this one was carried from. */
  carried_from_id: string | null;
  day_label: string;
  session_date: string;
  completed: boolean;
  exercise_id: string | null;
  exercise_name: string;
  muscle_group: string | null;
  equipment: string | null;
  tier: string | null;
  order_in_session: number | null;
  display_order: number | null;
  reps: string;
  rir: number | null;
  sets: number;
  weight: number | null;
  miss_streak: number;
  progress_reason: string | null;
  notes: string | null;
}

/** A week's exercise rows in a stable order (session date, order in session). */
export async function weekRows(pool: pg.Pool, planId: string, weekNumber: number): Promise<RowView[]> {
  const { rows } = await pool.query<RowView>(
    `SELECT e.id, e.carried_from_id, s.day_label, s.session_date, s.completed, e.exercise_id, e.exercise_name, e.muscle_group,
            e.equipment, e.tier, e.order_in_session, e.display_order, e.reps, e.rir, e.sets,
            e.weight::float8 AS weight, e.miss_streak, e.progress_reason, e.notes
     FROM modular_training_week w
     JOIN modular_training_session s ON s.week_id = w.id
     JOIN modular_training_exercise e ON e.session_id = s.id
     WHERE w.plan_id = $1 AND w.week_number = $2
     ORDER BY s.session_date, s.day_label, e.order_in_session, e.exercise_id`,
    [planId, weekNumber],
  );
  return rows;
}

export async function weeksOf(pool: pg.Pool, planId: string) {
  const { rows } = await pool.query<{ week_number: number; week_start: string; is_deload: boolean }>(
    "SELECT week_number, week_start, is_deload FROM modular_training_week WHERE plan_id = $1 ORDER BY week_number",
    [planId],
  );
  return rows;
}

export async function setRow(
  pool: pg.Pool,
  rowId: string,
  patch: {
    weight?: number | null;
    reps?: string;
    sets?: number;
    equipment?: string | null;
    muscleGroup?: string | null;
    missStreak?: number;
    rir?: number | null;
    exerciseId?: string | null;
    notes?: string | null;
    tier?: string | null;
  },
): Promise<void> {
  await pool.query(
    `UPDATE modular_training_exercise SET
       weight = CASE WHEN $2 THEN $3::real ELSE weight END,
       reps = coalesce($4, reps),
       sets = coalesce($5, sets),
       equipment = CASE WHEN $6 THEN $7 ELSE equipment END,
       muscle_group = CASE WHEN $8 THEN $9 ELSE muscle_group END,
       miss_streak = coalesce($10, miss_streak),
       rir = CASE WHEN $11 THEN $12::int ELSE rir END,
       exercise_id = CASE WHEN $13 THEN $14 ELSE exercise_id END,
       notes = CASE WHEN $15 THEN $16 ELSE notes END,
       tier = CASE WHEN $17 THEN $18 ELSE tier END
     WHERE id = $1`,
    [
      rowId,
      "weight" in patch,
      patch.weight ?? null,
      patch.reps ?? null,
      patch.sets ?? null,
      "equipment" in patch,
      patch.equipment ?? null,
      "muscleGroup" in patch,
      patch.muscleGroup ?? null,
      patch.missStreak ?? null,
      "rir" in patch,
      patch.rir ?? null,
      "exerciseId" in patch,
      patch.exerciseId ?? null,
      "notes" in patch,
      patch.notes ?? null,
      "tier" in patch,
      patch.tier ?? null,
    ],
  );
}

export interface LogSet {
  reps: number;
  kg: number;
  rpe?: number | null;
}

/**
 * training_set rows for one exercise row, numbered 1..n, in one statement; recorded now, or on
 * `onDate` (user_bounds caps the sets a user logs in one calendar week: weeks of simulated
 * training must not all land in today's).
 */
export async function logSets(
  pool: pg.Pool,
  rowId: string,
  sets: readonly LogSet[],
  onDate?: string,
): Promise<void> {
  if (sets.length === 0) return;
  await pool.query(
    `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe, recorded_at)
     SELECT $1, n, r, w, p, coalesce($5::date::timestamptz, now())
     FROM unnest($2::int[], $3::real[], $4::int[]) WITH ORDINALITY AS x(r, w, p, n)`,
    [rowId, sets.map((s) => s.reps), sets.map((s) => s.kg), sets.map((s) => s.rpe ?? null), onDate ?? null],
  );
}

export const times = (n: number, set: LogSet): LogSet[] => Array.from({ length: n }, () => set);

/**
 * A one-session, one-row plan dated `weekStart` however old, written as rows stored before the
 * date window existed would be: with the window's triggers off, in one transaction.
 */
export async function makeLegacyPlan(pool: pg.Pool, userId: string, weekStart: string): Promise<string> {
  return withTransaction(pool, async (client) => {
    await client.query(
      "ALTER TABLE modular_training_plan DISABLE TRIGGER modular_training_plan_dates_in_window",
    );
    await client.query(
      "ALTER TABLE modular_training_week DISABLE TRIGGER modular_training_week_dates_in_window",
    );
    const plan = await client.query<{ id: string }>(
      "INSERT INTO modular_training_plan (user_id, split_type, week_start) VALUES ($1, 'full_body', $2) RETURNING id",
      [userId, weekStart],
    );
    const planId = plan.rows[0]?.id as string;
    const week = await client.query<{ id: string }>(
      "INSERT INTO modular_training_week (plan_id, week_number, week_start) VALUES ($1, 1, $2) RETURNING id",
      [planId, weekStart],
    );
    const session = await client.query<{ id: string }>(
      `INSERT INTO modular_training_session (week_id, day_label, session_date, day_of_week, focus_area)
       VALUES ($1, 'Full-A', $2, 1, 'chest') RETURNING id`,
      [week.rows[0]?.id, weekStart],
    );
    await client.query(
      "INSERT INTO modular_training_exercise (session_id, exercise_name, sets, reps) VALUES ($1, 'Squat', 3, '5')",
      [session.rows[0]?.id],
    );
    await client.query(
      "ALTER TABLE modular_training_plan ENABLE TRIGGER modular_training_plan_dates_in_window",
    );
    await client.query(
      "ALTER TABLE modular_training_week ENABLE TRIGGER modular_training_week_dates_in_window",
    );
    return planId;
  });
}

/**
 * The ladder neighbours of an exercise in one catalogue, as the rollover's SQL finds them: the
 * nearest rung above and below, the lowest id on a tie.
 */
export function ladderNeighbours(
  catalogue: readonly CatalogueEntry[],
  exerciseId: string | null,
): { harder: string | null; easier: string | null } {
  const cur = catalogue.find((c) => c.exerciseId === exerciseId);
  if (cur?.ladder === undefined || cur.ladderStep === undefined) return { harder: null, easier: null };
  const step = cur.ladderStep;
  const same = catalogue.filter((c) => c.ladder === cur.ladder && c.ladderStep !== undefined);
  const pick = (rungs: CatalogueEntry[], dir: 1 | -1) =>
    rungs.sort(
      (a, b) => dir * ((a.ladderStep ?? 0) - (b.ladderStep ?? 0)) || (a.exerciseId < b.exerciseId ? -1 : 1),
    )[0]?.exerciseId ?? null;
  return {
    harder: pick(
      same.filter((c) => (c.ladderStep ?? 0) > step),
      1,
    ),
    easier: pick(
      same.filter((c) => (c.ladderStep ?? 0) < step),
      -1,
    ),
  };
}

/**
 * A novice's week: a plan of three sessions (Mon, Tue, Thu) whose only row is a barbell squat at
 * 3 x 5, 80 / 82.5 / 85 kg (a step a session, as the rollover writes a novice's week), at `level`.
 */
export async function noviceSquatWeek(
  pool: pg.Pool,
  userId: string,
  weekStart: string,
  level = "beginner",
  sessions = 3,
): Promise<{ planId: string; rows: RowView[] }> {
  const planId = await makePlan(pool, userId, { weekStart, sessions, slots: 1 });
  await pool.query("UPDATE modular_training_plan SET experience_level = $2 WHERE id = $1", [planId, level]);
  const rows = await weekRows(pool, planId, 1);
  for (const [i, row] of rows.entries())
    await setRow(pool, row.id, {
      exerciseId: "te_barbell_back_squat",
      weight: 80 + 2.5 * i,
      reps: "5",
      sets: 3,
      rir: 2,
      equipment: "barbell",
      tier: "T1",
      notes: null,
    });
  return { planId, rows };
}
