// The exercise_exclusion table's statements: the CLI's exclude add|remove|list and the plan.generate
// job's read of the batch's exclusions. Values are always bound.
import type { ExclusionReason } from "../../domain/swap/exclusion-reasons.ts";
import type { Queryable } from "./upsert-catalogue.ts";

export interface ExclusionListing {
  exerciseId: string;
  name: string;
  reason: ExclusionReason | null;
  createdAt: Date;
}

/** Each user's excluded exercise ids, for the users given (one statement for a whole batch). */
export async function excludedExercisesByUser(
  db: Queryable,
  userIds: readonly string[],
): Promise<Map<string, ReadonlySet<string>>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await db.query<{ user_id: string; ids: string[] }>(
    `SELECT user_id, array_agg(exercise_id ORDER BY exercise_id) AS ids
     FROM public.exercise_exclusion WHERE user_id = ANY($1::uuid[]) GROUP BY user_id`,
    [userIds],
  );
  return new Map(rows.map((r) => [r.user_id, new Set(r.ids)]));
}

/**
 * Adds (or, when it exists, updates the reason of) an exclusion. Returns false when the exercise is
 * not in the catalogue.
 */
export async function addExclusion(
  db: Queryable,
  userId: string,
  exerciseId: string,
  reason: ExclusionReason | null,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO public.exercise_exclusion (user_id, exercise_id, reason)
     SELECT $1, w.exercise_id, $3 FROM public.exrcwiki w WHERE w.exercise_id = $2
     ON CONFLICT (user_id, exercise_id) DO UPDATE SET reason = EXCLUDED.reason`,
    [userId, exerciseId, reason],
  );
  return (rowCount ?? 0) > 0;
}

/** Removes an exclusion; false when there was none. */
export async function removeExclusion(db: Queryable, userId: string, exerciseId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    "DELETE FROM public.exercise_exclusion WHERE user_id = $1 AND exercise_id = $2",
    [userId, exerciseId],
  );
  return (rowCount ?? 0) > 0;
}

/** A user's exclusions with the catalogue's names, oldest first. */
export async function listExclusions(db: Queryable, userId: string): Promise<ExclusionListing[]> {
  const { rows } = await db.query<{
    exercise_id: string;
    name: string;
    reason: ExclusionReason | null;
    created_at: Date;
  }>(
    `SELECT x.exercise_id, w.name, x.reason, x.created_at
     FROM public.exercise_exclusion x JOIN public.exrcwiki w USING (exercise_id)
     WHERE x.user_id = $1 ORDER BY x.created_at, x.exercise_id`,
    [userId],
  );
  return rows.map((r) => ({
    exerciseId: r.exercise_id,
    name: r.name,
    reason: r.reason,
    createdAt: r.created_at,
  }));
}
