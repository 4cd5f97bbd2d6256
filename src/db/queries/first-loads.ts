// Week-1 loads of newly written plans from the lifter's history, in one statement
// (src/domain/load-progression/first-load.ts is the reference model and says why): from the e1RM on
// the row's exercise, else on the same movement with another implement (issue 20 item 5), with a
// note saying which, and the warm-up ramp of a T1 or barbell T2 row (item 7: warm-up.ts). Rows
// that already have a load, that have nothing to load, whose reps are not a range, or without such
// history keep a null load.
import type pg from "pg";
import { FIRST_LOAD_EXTRA_RIR, LOADABLE_EQUIPMENT } from "../../domain/load-progression/first-load.ts";
import { DEFAULT_LOAD_STEP_KG, LOAD_STEP_KG } from "../../domain/load-progression/load-increment.ts";
import { DUMBBELL_RACK } from "../../domain/load-progression/load-rounding.ts";
import { DEFAULT_TARGET_RIR, MAX_TARGET_RIR } from "../../domain/load-progression/progress-row.ts";
import { REP_TARGET_PATTERN } from "../../domain/load-progression/rep-target.ts";
import { RPE_CLOSED_FORM } from "../../domain/load-progression/rpe-percent.ts";
import { floorLoadSql, repMinSql, repTextSql, rpePercentSql } from "./progression-sql.ts";
import { warmUpRampSql } from "./warm-up-sql.ts";

const load = (e1rm: string) =>
  `greatest(CASE WHEN c.equipment = 'dumbbell' THEN ($6::float8[])[1] ELSE c.step END,
            ${floorLoadSql(`(${e1rm} * ${rpePercentSql("c.tmin", "c.rpe_t", "$7")})`, "c.equipment", "c.step", "$6")})
   + c.session_index * c.step`;

/**
 * $1 plan ids, $2 loadable equipment, $3 rep-target pattern, $4 steps {equipment: step},
 * $5 default step, $6 dumbbell rack, $7 RPE closed form, $8 default RIR, $9 extra RIR,
 * $10 max target RIR.
 *
 * The e1RM is the lifter's latest on the row's exercise (`own`), else their latest on the same
 * movement (`related`: another exercise of the same pattern and primary muscle group, on an
 * implement implement_load_factor converts from, as a swap does: docs/swap.md), the most recent
 * week first, then the heaviest converted e1RM. Only the lifter's own exercises are read, so a
 * lifter without history costs one index probe.
 */
const FIRST_LOADS_SQL = `
UPDATE public.modular_training_exercise e
SET weight = f.load::real,
    notes = concat_ws('; ', nullif(e.notes, ''),
      CASE WHEN f.from_name IS NULL
        THEN 'first load from your e1RM ' || floor(f.e1rm + 0.5)::bigint || ' kg, one RIR more conservative'
        ELSE 'first load from your e1RM ' || floor(f.from_e1rm + 0.5)::bigint || ' kg on ' || f.from_name
             || ' (' || replace(f.from_equipment, '_', ' ') || '), converted to ' || floor(f.e1rm + 0.5)::bigint
             || ' kg for the ' || replace(f.equipment, '_', ' ') || ', one RIR more conservative'
      END
      || CASE WHEN f.session_index > 0
           THEN ', +' || (f.session_index * f.step)::text || ' kg: the lift''s session ' || (f.session_index + 1)
                || ' this week, ' || f.step::text || ' kg a session'
           ELSE '' END,
      ${warmUpRampSql("f.load", "f.equipment", "f.tier", "f.step", "$6")})
FROM (
  SELECT c.id, c.e1rm, c.from_e1rm, c.from_name, c.from_equipment, c.equipment, c.tier, c.step,
         c.session_index, ${load("c.e1rm")} AS load
  FROM (
    SELECT e0.id, e0.equipment, e0.tier, coalesce(h.e1rm_kg, rel.e1rm) AS e1rm,
      -- A novice's linear lift (a beginner's barbell lift for a fixed rep count, isLinearLift)
      -- steps within week 1 as in every week after it: its n-th session of the week (0 first, two
      -- rows of one session alike) adds n steps (firstWeekLoadKg, first-load.ts).
      CASE WHEN p.experience_level = 'beginner' AND e0.equipment = 'barbell'
                AND (regexp_match(e0.reps, $3::text))[2] IS NULL
           THEN dense_rank() OVER (PARTITION BY w.id, coalesce(e0.exercise_id, e0.exercise_name)
                                   ORDER BY s.day_of_week, s.id) - 1
           ELSE 0 END AS session_index,
      rel.from_e1rm, rel.from_name, rel.from_equipment,
      -- Guarded: PostgreSQL may evaluate the cast before the pattern test of the WHERE.
      CASE WHEN e0.reps ~ $3::text THEN ${repMinSql(repTextSql("e0.reps"))} END AS tmin,
      10 - least($10::int, greatest(0, coalesce(e0.rir, $8::int) + $9::int)) AS rpe_t,
      coalesce(($4::jsonb ->> e0.equipment)::float8, $5::float8) AS step
    FROM public.modular_training_week w
    JOIN public.modular_training_plan p ON p.id = w.plan_id
    JOIN public.modular_training_session s ON s.week_id = w.id
    JOIN public.modular_training_exercise e0 ON e0.session_id = s.id
    -- The latest week with an e1RM for the exercise (the key the progress tables use).
    LEFT JOIN LATERAL (
      SELECT p.e1rm_kg FROM public.progress_exercise_weekly p
      WHERE p.user_id = e0.user_id AND p.exercise_key = coalesce(e0.exercise_id, e0.exercise_name)
        AND p.week_start < 'infinity'::date AND p.e1rm_kg > 0
      ORDER BY p.week_start DESC LIMIT 1
    ) h ON true
    -- Else the same movement on another exercise the lifter logged, converted to this implement.
    LEFT JOIN LATERAL (
      SELECT lp.e1rm_kg * public.implement_load_factor(o.equipment, e0.equipment) AS e1rm,
             lp.e1rm_kg AS from_e1rm, o.name AS from_name, o.equipment AS from_equipment
      FROM public.exrcwiki t
      CROSS JOIN LATERAL (
        SELECT DISTINCT ON (p.exercise_key) p.exercise_key, p.e1rm_kg, p.week_start
        FROM public.progress_exercise_weekly p
        WHERE p.user_id = e0.user_id AND p.week_start < 'infinity'::date AND p.e1rm_kg > 0
        ORDER BY p.exercise_key, p.week_start DESC
      ) lp
      JOIN public.exrcwiki o ON o.exercise_id = lp.exercise_key
      WHERE h.e1rm_kg IS NULL AND t.exercise_id = e0.exercise_id AND o.exercise_id <> t.exercise_id
        AND public.muscle_family(o.muscle_group) = public.muscle_family(t.muscle_group)
        AND public.exercise_pattern(o.movement_pattern, o.category, o.muscle_group, o.mechanic, o.force)
          = public.exercise_pattern(t.movement_pattern, t.category, t.muscle_group, t.mechanic, t.force)
        AND public.implement_load_factor(o.equipment, e0.equipment) IS NOT NULL
      ORDER BY lp.week_start DESC, lp.e1rm_kg * public.implement_load_factor(o.equipment, e0.equipment) DESC,
               o.exercise_id
      LIMIT 1
    ) rel ON true
    WHERE w.plan_id = ANY($1::uuid[]) AND w.week_number = 1 AND e0.weight IS NULL
      -- Both sources need an e1RM of the lifter: a plan of a lifter without one (most new plans)
      -- is left at its week row, before its ~29 exercise rows are read and probed twice each.
      AND EXISTS (
        SELECT 1 FROM public.progress_exercise_weekly hp
        WHERE hp.user_id = w.user_id AND hp.week_start < 'infinity'::date AND hp.e1rm_kg > 0
      )
      AND e0.equipment = ANY($2::text[]) AND e0.reps ~ $3::text
      AND coalesce(h.e1rm_kg, rel.e1rm) IS NOT NULL
      AND CASE WHEN e0.reps ~ $3::text
               THEN ${repMinSql(repTextSql("e0.reps"))} >= 1 END
  ) c
  -- A fence: flattened into the UPDATE, every f.load of the SET (the note and the warm-up ramp
  -- name it many times) became a copy of the whole load expression, and planning the statement
  -- took 120-300 ms (execution ~30 ms for 100 plans); fenced, f.load is computed once a row and
  -- planning takes ~2 ms.
  OFFSET 0
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
