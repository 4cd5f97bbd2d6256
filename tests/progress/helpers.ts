// Fixtures for the progress tests: a user with one plan per given week, each with the same three
// exercise rows (a catalogue lift with its own secondaries, one that takes the catalogue's, and a
// row with no exercise_id, keyed by its name), sets written with plain SQL, and the three progress
// tables read back in a stable order.
import type pg from "pg";
import { createUser } from "../helpers/auth.ts";

export const SQUAT = "te_prog_squat";
export const BENCH = "te_prog_bench";
export const CARRY = "Farmer carry"; // no exercise_id: keyed by name

/** The catalogue entry the bench row falls back to for its secondary muscles. */
export async function seedCatalogue(pool: pg.Pool): Promise<void> {
  await pool.query(
    `INSERT INTO exrcwiki (exercise_id, name, equipment, muscle_group, secondary_muscles, level, category)
     VALUES ($1, 'Bench press (test)', 'barbell', 'chest', ARRAY['triceps', 'shoulders', 'triceps'], 'beginner', 'strength'),
            ($2, 'Squat (test)', 'barbell', 'quadriceps', ARRAY['lower_back'], 'beginner', 'strength')
     ON CONFLICT (exercise_id) DO NOTHING`,
    [BENCH, SQUAT],
  );
}

const planJson = (weekStart: string) => ({
  split_type: "full_body",
  week_start: weekStart,
  sessions: [
    {
      day_name: "Full",
      date: weekStart,
      day_of_week: 1,
      focus_area: "full body",
      slots: [
        {
          exercise_id: SQUAT,
          name: "Back squat",
          muscle_group: "quadriceps",
          // Its own list wins over the catalogue's; the duplicate and the primary count nothing.
          secondary_muscles: ["glutes", "hamstrings", "glutes", "quadriceps"],
          sets: 3,
          reps: "5",
          equipment: "barbell",
          tier: "T1",
          order_in_session: 1,
        },
        {
          exercise_id: BENCH,
          name: "Bench press",
          muscle_group: "chest",
          sets: 3,
          reps: "5",
          equipment: "barbell",
          tier: "T1",
          order_in_session: 2,
        },
        {
          exercise_id: null,
          name: CARRY,
          muscle_group: "forearms",
          sets: 2,
          reps: "10",
          equipment: "dumbbell",
          tier: "T3",
          order_in_session: 3,
        },
      ],
    },
  ],
});

export interface Fixture {
  userId: string;
  /** exercise row id by `${key}@${weekStart}` */
  rows: Map<string, string>;
  row(key: string, weekStart: string): string;
}

export async function makeLifter(pool: pg.Pool, weekStarts: readonly string[]): Promise<Fixture> {
  const userId = await createUser(pool);
  for (const weekStart of weekStarts) {
    await pool.query("SELECT insert_full_plan($1, $2)", [userId, JSON.stringify(planJson(weekStart))]);
  }
  const { rows } = await pool.query<{ id: string; key: string; week_start: string }>(
    `SELECT e.id, coalesce(e.exercise_id, e.exercise_name) AS key, w.week_start
     FROM modular_training_exercise e
     JOIN modular_training_session s ON s.id = e.session_id
     JOIN modular_training_week w ON w.id = s.week_id
     WHERE e.user_id = $1`,
    [userId],
  );
  const map = new Map(rows.map((r) => [`${r.key}@${r.week_start}`, r.id]));
  return {
    userId,
    rows: map,
    row(key, weekStart) {
      const id = map.get(`${key}@${weekStart}`);
      if (!id) throw new Error(`no row ${key}@${weekStart}`);
      return id;
    },
  };
}

export interface SetValues {
  reps: number;
  kg: number;
  rpe?: number | null;
  /** ISO timestamp; default now() */
  at?: string;
  setNo?: number;
}

export async function logSet(pool: pg.Pool | pg.PoolClient, rowId: string, v: SetValues): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe, recorded_at)
     VALUES ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now())) RETURNING id`,
    [rowId, v.setNo ?? 1, v.reps, v.kg, v.rpe ?? null, v.at ?? null],
  );
  return (rows[0] as { id: string }).id;
}

export interface ProgressSnapshot {
  exercise: Record<string, unknown>[];
  muscle: Record<string, unknown>[];
  records: Record<string, unknown>[];
}

/** The three tables without updated_at, in key order; all users when userId is omitted. */
export async function readProgress(pool: pg.Pool, userId?: string): Promise<ProgressSnapshot> {
  const exercise = await pool.query(
    `SELECT user_id, exercise_key, week_start, sets::int AS sets, reps::int AS reps, volume_kg, top_set_kg, e1rm_kg, avg_rpe, best_set_volume_kg
     FROM progress_exercise_weekly WHERE $1::uuid IS NULL OR user_id = $1
     ORDER BY user_id, exercise_key, week_start`,
    [userId ?? null],
  );
  const muscle = await pool.query(
    `SELECT user_id, muscle_group, week_start, hard_sets FROM progress_muscle_weekly
     WHERE $1::uuid IS NULL OR user_id = $1 ORDER BY user_id, muscle_group, week_start`,
    [userId ?? null],
  );
  const records = await pool.query(
    `SELECT user_id, exercise_key, record_type, value, set_id, achieved_at FROM personal_record
     WHERE $1::uuid IS NULL OR user_id = $1 ORDER BY user_id, exercise_key, record_type`,
    [userId ?? null],
  );
  return { exercise: exercise.rows, muscle: muscle.rows, records: records.rows };
}
