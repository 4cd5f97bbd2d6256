// The SQL of swaps (docs/swap.md): the functions exercise_alternatives and swap_exercise do the
// work; these run them with bound values and name the shapes of their rows.
import type { Queryable } from "./upsert-catalogue.ts";

export interface Alternative {
  exerciseId: string;
  name: string;
  equipment: string;
  score: number;
  reason: string;
}

export interface SwappedRow {
  rowId: string;
  exerciseId: string;
  name: string;
  weight: number | null;
  /** Rows changed with it: the same slot of later weeks. */
  laterRows: number;
}

/** The owner of an exercise row, or null when there is no such row. */
export async function exerciseRowOwner(db: Queryable, rowId: string): Promise<string | null> {
  const { rows } = await db.query<{ user_id: string }>(
    "SELECT user_id FROM public.modular_training_exercise WHERE id = $1",
    [rowId],
  );
  return rows[0]?.user_id ?? null;
}

/** exercise_alternatives, best first. */
export async function exerciseAlternatives(db: Queryable, rowId: string, limit = 4): Promise<Alternative[]> {
  const { rows } = await db.query<{
    exercise_id: string;
    name: string;
    equipment: string;
    score: number;
    reason: string;
  }>("SELECT exercise_id, name, equipment, score, reason FROM public.exercise_alternatives($1, $2)", [
    rowId,
    limit,
  ]);
  return rows.map((r) => ({
    exerciseId: r.exercise_id,
    name: r.name,
    equipment: r.equipment,
    score: r.score,
    reason: r.reason,
  }));
}

// swap_exercise, then the row as it now is and how many rows of later weeks hold the new exercise
// in its slot (a function's writes are visible to the statements after it, not to its own).
const SWAP_SQL = "SELECT public.swap_exercise($1, $2) AS id";
const SWAPPED_SQL = `
SELECT x.id, x.exercise_id, x.exercise_name, x.weight::float8 AS weight,
       (SELECT count(*)::int
        FROM public.modular_training_week w2
        JOIN public.modular_training_session s2 ON s2.week_id = w2.id
        JOIN public.modular_training_exercise x2 ON x2.session_id = s2.id
        WHERE w2.plan_id = w.plan_id AND w2.week_number > w.week_number
          AND s2.day_of_week = s.day_of_week AND s2.session_number = s.session_number
          AND x2.order_in_session IS NOT DISTINCT FROM x.order_in_session
          AND x2.exercise_id = x.exercise_id) AS later_rows
FROM public.modular_training_exercise x
JOIN public.modular_training_session s ON s.id = x.session_id
JOIN public.modular_training_week w ON w.id = s.week_id
WHERE x.id = $1`;

/** Runs swap_exercise (its refusals raise 22023 or P0002 with the reason) and reads the row back. */
export async function swapExercise(db: Queryable, rowId: string, exerciseId: string): Promise<SwappedRow> {
  await db.query(SWAP_SQL, [rowId, exerciseId]);
  const { rows } = await db.query<{
    id: string;
    exercise_id: string;
    exercise_name: string;
    weight: number | null;
    later_rows: number;
  }>(SWAPPED_SQL, [rowId]);
  const row = rows[0];
  if (!row) throw new Error(`swap_exercise: row ${rowId} is gone after the swap`);
  return {
    rowId: row.id,
    exerciseId: row.exercise_id,
    name: row.exercise_name,
    weight: row.weight,
    laterRows: row.later_rows,
  };
}
