// Week-1 loads of newly written plans from the lifter's history, in one statement
// (src/domain/load-progression/first-load.ts is the reference model and says why). Rows that
// already have a load, that have nothing to load, whose reps are not a range, or whose exercise
// has no e1RM in progress_exercise_weekly keep a null load.
import type pg from "pg";
import { FIRST_LOAD_EXTRA_RIR, LOADABLE_EQUIPMENT } from "../../domain/load-progression/first-load.ts";
import { DEFAULT_LOAD_STEP_KG, LOAD_STEP_KG } from "../../domain/load-progression/load-increment.ts";
import { DUMBBELL_RACK } from "../../domain/load-progression/load-rounding.ts";
import { DEFAULT_TARGET_RIR, MAX_TARGET_RIR } from "../../domain/load-progression/progress-row.ts";
import { REP_TARGET_PATTERN } from "../../domain/load-progression/rep-target.ts";
import { RPE_CLOSED_FORM } from "../../domain/load-progression/rpe-percent.ts";
import { floorLoadSql, rpePercentSql } from "./progression-sql.ts";

/**
 * $1 plan ids, $2 loadable equipment, $3 rep-target pattern, $4 steps {equipment: step},
 * $5 default step, $6 dumbbell rack, $7 RPE closed form, $8 default RIR, $9 extra RIR,
 * $10 max target RIR.
 */
const FIRST_LOADS_SQL = `
UPDATE public.modular_training_exercise e
SET weight = f.load::real,
    notes = concat_ws('; ', nullif(e.notes, ''),
      'first load from your e1RM ' || floor(f.e1rm + 0.5)::bigint || ' kg, one RIR more conservative')
FROM (
  SELECT c.id, c.e1rm,
    greatest(CASE WHEN c.equipment = 'dumbbell' THEN ($6::float8[])[1] ELSE c.step END,
             ${floorLoadSql(`(c.e1rm * ${rpePercentSql("c.tmin", "c.rpe_t", "$7")})`, "c.equipment", "c.step", "$6")}) AS load
  FROM (
    SELECT e0.id, e0.equipment, h.e1rm_kg AS e1rm,
      -- Guarded: PostgreSQL may evaluate the cast before the pattern test of the WHERE.
      CASE WHEN e0.reps ~ $3::text THEN split_part(replace(translate(e0.reps, chr(8211), '-'), ' ', ''), '-', 1)::int END AS tmin,
      10 - least($10::int, greatest(0, coalesce(e0.rir, $8::int) + $9::int)) AS rpe_t,
      coalesce(($4::jsonb ->> e0.equipment)::float8, $5::float8) AS step
    FROM public.modular_training_week w
    JOIN public.modular_training_session s ON s.week_id = w.id
    JOIN public.modular_training_exercise e0 ON e0.session_id = s.id
    -- The latest week with an e1RM for the exercise (the key the progress tables use).
    CROSS JOIN LATERAL (
      SELECT p.e1rm_kg FROM public.progress_exercise_weekly p
      WHERE p.user_id = e0.user_id AND p.exercise_key = coalesce(e0.exercise_id, e0.exercise_name)
        AND p.week_start < 'infinity'::date AND p.e1rm_kg > 0
      ORDER BY p.week_start DESC LIMIT 1
    ) h
    WHERE w.plan_id = ANY($1::uuid[]) AND w.week_number = 1 AND e0.weight IS NULL
      AND e0.equipment = ANY($2::text[]) AND e0.reps ~ $3::text
      AND CASE WHEN e0.reps ~ $3::text
               THEN split_part(replace(translate(e0.reps, chr(8211), '-'), ' ', ''), '-', 1)::int >= 1 END
  ) c
) f
WHERE e.id = f.id`;

/** Gives the week-1 rows of these plans their first loads; returns how many rows got one. */
export async function applyFirstLoads(
  db: pg.Pool | pg.PoolClient,
  planIds: readonly string[],
): Promise<number> {
  if (planIds.length === 0) return 0;
  const result = await db.query(FIRST_LOADS_SQL, [
    planIds,
    [...LOADABLE_EQUIPMENT],
    REP_TARGET_PATTERN,
    JSON.stringify(LOAD_STEP_KG),
    DEFAULT_LOAD_STEP_KG,
    [...DUMBBELL_RACK],
    [...RPE_CLOSED_FORM],
    DEFAULT_TARGET_RIR,
    FIRST_LOAD_EXTRA_RIR,
    MAX_TARGET_RIR,
  ]);
  return result.rowCount ?? 0;
}
