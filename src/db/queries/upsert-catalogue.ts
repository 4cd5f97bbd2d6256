// The one way rows get into `exrcwiki`: a set-based upsert shared by the built-in seeding at worker
// start and by `catalogue import`. One statement whatever the size (the entries travel as one jsonb
// parameter and come back as rows through jsonb_to_recordset), keyed on exercise_id, so running it
// twice, or from two processes at once, never duplicates anything.
import type pg from "pg";
import type { CatalogueEntry } from "../../domain/catalogue-entry.ts";

/** A pool, a checked-out client or a plain client: anything that runs a query. */
export type Queryable = pg.Pool | pg.PoolClient | pg.Client;

export interface UpsertCatalogueResult {
  /** Rows that did not exist before. */
  inserted: number;
  /** Existing rows whose content changed. */
  updated: number;
  /** Existing rows already identical to the entry: left untouched (no write, updated_at kept). */
  unchanged: number;
}

// - DISTINCT ON keeps the last entry of a repeated exercise_id (a single INSERT ... ON CONFLICT may
//   not touch a row twice: 21000), and orders rows by key so concurrent upserts lock rows in the
//   same order and cannot deadlock each other.
// - The WHERE on DO UPDATE skips identical rows, so a re-import of the same file writes nothing.
// - xmax = 0 holds for a row this statement inserted; an updated row carries our transaction id.
const UPSERT_SQL = `
WITH input AS (
  SELECT DISTINCT ON (r.exercise_id) r.*
  FROM jsonb_to_recordset($1::jsonb) AS r(
    exercise_id text, name text, equipment text, requires text[], muscle_group text, secondary_muscles text[],
    level text, mechanic text, force text, category text, movement_pattern text, instructions text[],
    ladder text, ladder_step smallint, ord bigint)
  ORDER BY r.exercise_id, r.ord DESC
),
written AS (
  INSERT INTO public.exrcwiki AS w
    (exercise_id, name, equipment, requires, muscle_group, secondary_muscles, level, mechanic, force,
     category, movement_pattern, instructions, ladder, ladder_step, source)
  SELECT exercise_id, name, equipment, coalesce(requires, '{}'), muscle_group, coalesce(secondary_muscles, '{}'), level, mechanic,
         force, category, movement_pattern, coalesce(instructions, '{}'), ladder, ladder_step, $2
  FROM input
  ORDER BY exercise_id
  ON CONFLICT (exercise_id) DO UPDATE SET
    name = excluded.name,
    equipment = excluded.equipment,
    requires = excluded.requires,
    muscle_group = excluded.muscle_group,
    secondary_muscles = excluded.secondary_muscles,
    level = excluded.level,
    mechanic = excluded.mechanic,
    force = excluded.force,
    category = excluded.category,
    movement_pattern = excluded.movement_pattern,
    instructions = excluded.instructions,
    ladder = excluded.ladder,
    ladder_step = excluded.ladder_step,
    source = excluded.source
  WHERE (w.name, w.equipment, w.requires, w.muscle_group, w.secondary_muscles, w.level, w.mechanic, w.force,
         w.category, w.movement_pattern, w.instructions, w.ladder, w.ladder_step, w.source)
    IS DISTINCT FROM
        (excluded.name, excluded.equipment, excluded.requires, excluded.muscle_group, excluded.secondary_muscles,
         excluded.level, excluded.mechanic, excluded.force, excluded.category, excluded.movement_pattern,
         excluded.instructions, excluded.ladder, excluded.ladder_step, excluded.source)
  RETURNING (xmax = 0) AS inserted
)
SELECT
  (SELECT count(*) FROM input)::int AS total,
  count(*) FILTER (WHERE inserted)::int AS inserted,
  count(*) FILTER (WHERE NOT inserted)::int AS updated
FROM written
`;

/** The row shape jsonb_to_recordset reads, in the table's column names. */
export function toRow(entry: CatalogueEntry, ord: number) {
  return {
    exercise_id: entry.exerciseId,
    name: entry.name,
    equipment: entry.equipment,
    requires: entry.requires,
    muscle_group: entry.primaryMuscle,
    secondary_muscles: entry.secondaryMuscles,
    level: entry.level,
    mechanic: entry.mechanic,
    force: entry.force,
    category: entry.category,
    movement_pattern: entry.movementPattern,
    ladder: entry.ladder ?? null,
    ladder_step: entry.ladderStep ?? null,
    instructions: entry.instructions,
    ord,
  };
}

/**
 * Inserts new exercises and updates changed ones in one statement (all or nothing: a value the
 * table's CHECK constraints refuse fails the whole call). `source` is recorded on every row written
 * ('builtin', or the importer's file name). Entries repeating an exercise_id: the last one wins.
 */
export async function upsertCatalogue(
  db: Queryable,
  entries: readonly CatalogueEntry[],
  source: string,
): Promise<UpsertCatalogueResult> {
  if (entries.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const rows = entries.map((entry, i) => toRow(entry, i));
  const { rows: result } = await db.query<{ total: number; inserted: number; updated: number }>(UPSERT_SQL, [
    JSON.stringify(rows),
    source,
  ]);
  const { total = 0, inserted = 0, updated = 0 } = result[0] ?? {};
  return { inserted, updated, unchanged: total - inserted - updated };
}
