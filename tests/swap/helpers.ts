// Small plans of chosen catalogue exercises, logged sets and progress, for the swap tests.
import type pg from "pg";
import { rebuildProgress } from "../../src/db/queries/progress-refresh.ts";
import { rtsPercent } from "../../src/domain/progress-aggregates/e1rm.ts";
import { EQUIPMENT } from "../../src/domain/vocabulary.ts";

export interface Slot {
  exerciseId: string;
  reps?: string;
  rir?: number | null;
  sets?: number;
  tier?: "T1" | "T2" | "T3";
  weight?: number | null;
}

/**
 * A one-session plan of these catalogue exercises, written by insert_full_plan, with the equipment
 * its request allowed (a full gym unless given).
 */
export async function planOf(
  pool: pg.Pool,
  userId: string,
  weekStart: string,
  slots: readonly Slot[],
  allowed: readonly string[] = EQUIPMENT,
): Promise<string> {
  const { rows: entries } = await pool.query<{
    exercise_id: string;
    name: string;
    muscle_group: string;
    equipment: string;
  }>("SELECT exercise_id, name, muscle_group, equipment FROM exrcwiki WHERE exercise_id = ANY($1)", [
    slots.map((s) => s.exerciseId),
  ]);
  const byId = new Map(entries.map((e) => [e.exercise_id, e]));
  const plan = {
    split_type: "full_body",
    week_start: weekStart,
    deload_every_weeks: null,
    sessions: [
      {
        day_name: "Full-A",
        date: weekStart,
        day_of_week: 1,
        focus_area: "full body",
        slots: slots.map((s, i) => {
          const e = byId.get(s.exerciseId);
          if (!e) throw new Error(`no catalogue entry ${s.exerciseId}`);
          return {
            exercise_id: e.exercise_id,
            name: e.name,
            muscle_group: e.muscle_group,
            equipment: e.equipment,
            sets: s.sets ?? 3,
            reps: s.reps ?? "8-12",
            rir: s.rir === undefined ? 2 : s.rir,
            weight: s.weight ?? null,
            tier: s.tier ?? "T2",
            order_in_session: i + 1,
          };
        }),
      },
    ],
  };
  const { rows } = await pool.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [
    userId,
    JSON.stringify(plan),
  ]);
  const planId = rows[0]?.id as string;
  await pool.query("UPDATE modular_training_plan SET allowed_equipment = $2 WHERE id = $1", [
    planId,
    allowed,
  ]);
  return planId;
}

export interface ExerciseRow {
  id: string;
  week_number: number;
  exercise_id: string | null;
  exercise_name: string;
  equipment: string | null;
  sets: number;
  reps: string;
  rir: number | null;
  tier: string | null;
  order_in_session: number | null;
  weight: number | null;
}

/** A plan's rows, week by week, in session order. */
export async function rowsOf(pool: pg.Pool, planId: string): Promise<ExerciseRow[]> {
  const { rows } = await pool.query<ExerciseRow>(
    `SELECT x.id, w.week_number, x.exercise_id, x.exercise_name, x.equipment, x.sets, x.reps, x.rir, x.tier,
            x.order_in_session, x.weight::float8 AS weight
     FROM modular_training_week w
     JOIN modular_training_session s ON s.week_id = w.id
     JOIN modular_training_exercise x ON x.session_id = s.id
     WHERE w.plan_id = $1 ORDER BY w.week_number, s.session_date, x.order_in_session`,
    [planId],
  );
  return rows;
}

/**
 * History on an exercise: a plan in an earlier week with it, `sets` sets logged at weight x reps @
 * rpe, the plan archived (so the rollover leaves it), and the lifter's progress rebuilt.
 */
export async function logHistory(
  pool: pg.Pool,
  userId: string,
  weekStart: string,
  exerciseId: string,
  set: { weightKg: number; reps: number; rpe: number | null },
): Promise<void> {
  const planId = await planOf(pool, userId, weekStart, [{ exerciseId }]);
  const [row] = await rowsOf(pool, planId);
  await pool.query(
    `INSERT INTO training_set (exercise_row_id, set_no, reps_done, weight_kg, rpe)
     SELECT $1, n, $2, $3, $4 FROM generate_series(1, 3) n`,
    [row?.id, set.reps, set.weightKg, set.rpe],
  );
  await pool.query("UPDATE modular_training_plan SET status = 'archived' WHERE id = $1", [planId]);
  await rebuildProgress(pool, [userId]);
}

/** The chart's percentage, or its closed form off the chart (docs/swap.md). */
export function percentOfE1rm(reps: number, rpe: number): number {
  const chart = rtsPercent(reps, rpe);
  if (chart !== null) return chart;
  const x = 10 - rpe + (reps - 1);
  return x <= 2.92 ? 0.347619 * x * x - 4.60714 * x + 99.9667 : Math.max(-2.64249 * x + 97.0955, 50);
}

/** The load docs/swap.md prescribes from an e1RM: its fraction for reps at an RPE, rounded down to a step. */
export function expectedLoad(e1rm: number, reps: number, rpe: number, step: number): number {
  return Math.floor((e1rm * percentOfE1rm(reps, rpe)) / 100 / step) * step;
}

/** The implement's loading step (docs/swap.md). */
export const loadStep = (equipment: string | null) =>
  equipment === "dumbbell" ? 2 : equipment === "kettlebell" ? 4 : 2.5;
