// A novice's linear lifts within the week (src/domain/load-progression/linear-midweek.ts is the
// reference model and says why): once a session of the lift is judged from its logged sets (a set
// missed, or every set made), the lift's later sessions of the same week that have nothing logged
// take their loads from it, with the warm-up ramp and the reason to match. One statement, scoped to
// one user (the progress.refresh job runs it after refreshing the user's sets); a deload week, an
// intermediate lifter's plan and a session still open change nothing.
import type pg from "pg";
import { STALL_MISSES } from "../../domain/load-progression/linear-midweek.ts";
import { MADE_MAX_RPE } from "../../domain/load-progression/linear-progression.ts";
import { DEFAULT_LOAD_STEP_KG, LOAD_STEP_KG } from "../../domain/load-progression/load-increment.ts";
import { DELOAD_MIN_PERCENT, LOAD_REDUCTION_PERCENT } from "../../domain/load-progression/load-reduction.ts";
import { DUMBBELL_RACK } from "../../domain/load-progression/load-rounding.ts";
import { DEFAULT_TARGET_RIR, MAX_TARGET_RIR } from "../../domain/load-progression/progress-row.ts";
import { REP_TARGET_PATTERN } from "../../domain/load-progression/rep-target.ts";
import { madeRpeLimitSql, reducedLoadSql, targetRpeSql } from "./progression-sql.ts";
import { notesWithWarmUp, warmUpRampSql } from "./warm-up-sql.ts";

// Reduced load of a stalled lift: reducedLoadKg, as the deload and the rollover's reset reduce it.
const reset = (w: string) =>
  reducedLoadSql(w, "'barbell'", "j.step", "$6", String(LOAD_REDUCTION_PERCENT), DELOAD_MIN_PERCENT);

/**
 * $1 user, $2 today (the week that holds it), $3 rep-target pattern, $4 steps {equipment: step},
 * $5 default step, $6 dumbbell rack, $7 MADE_MAX_RPE, $8 default RIR, $9 max target RIR,
 * $10 STALL_MISSES.
 */
const LINEAR_MIDWEEK_SQL = `
WITH lin AS MATERIALIZED (
  -- The user's novice linear rows (isLinearLift) in the week that holds today and the week before
  -- (for the misses in a row), not a deload.
  SELECT e.id, e.session_id, s.session_date, wk.plan_id, s.week_id,
         wk.week_start > $2::date - 7 AS current,
         coalesce(e.exercise_id, e.exercise_name) AS lift,
         e.weight::float8 AS w, e.sets,
         (regexp_match(e.reps, $3::text))[1]::int AS target,
         ${madeRpeLimitSql(targetRpeSql("e.rir", "$8::int", "$9::int"), "$7::int")} AS rpe_cap,
         coalesce(($4::jsonb ->> e.equipment)::float8, $5::float8) AS step
  FROM public.modular_training_plan p
  JOIN public.modular_training_week wk ON wk.plan_id = p.id
  JOIN public.modular_training_session s ON s.week_id = wk.id
  JOIN public.modular_training_exercise e ON e.session_id = s.id
  WHERE p.user_id = $1 AND p.experience_level = 'beginner'
    AND wk.week_start <= $2::date AND wk.week_start > $2::date - 14 AND NOT wk.is_deload
    AND e.equipment = 'barbell' AND e.weight > 0 AND e.reps ~ $3::text
    AND coalesce((regexp_match(e.reps, $3::text))[2], (regexp_match(e.reps, $3::text))[1])
        = (regexp_match(e.reps, $3::text))[1]
),
logged AS MATERIALIZED (
  -- Each row's sets: how many, and whether one fell short (sessionVerdict).
  SELECT l.id, l.session_id, l.session_date, l.plan_id, l.week_id, l.current, l.lift, l.w, l.sets, l.step,
         count(t.id) AS n,
         coalesce(bool_or(t.reps_done < l.target OR t.weight_kg < l.w OR t.rpe > l.rpe_cap), false) AS missed
  FROM lin l
  LEFT JOIN public.training_set t ON t.exercise_row_id = l.id
  GROUP BY l.id, l.session_id, l.session_date, l.plan_id, l.week_id, l.current, l.lift, l.w, l.sets, l.step
),
judged AS (
  -- This week's latest session of the lift with sets logged, and its verdict (NULL while sets
  -- are to come).
  SELECT DISTINCT ON (week_id, lift) id, plan_id, week_id, lift, session_date, w, step,
         CASE WHEN missed THEN 'missed' WHEN n >= greatest(1, sets) THEN 'made' END AS verdict
  FROM logged
  WHERE n > 0 AND current
  ORDER BY week_id, lift, session_date DESC, id
),
streak AS (
  -- A missed one's misses in a row at its load: the lift's logged sessions of this week and last,
  -- back to the latest made one or one at another load.
  SELECT j.*,
    CASE WHEN j.verdict = 'missed' THEN (
      SELECT count(*) FROM logged r
      WHERE r.plan_id = j.plan_id AND r.lift = j.lift AND r.n > 0 AND r.missed AND r.w = j.w
        AND r.session_date <= j.session_date
        AND NOT EXISTS (SELECT 1 FROM logged b
                        WHERE b.plan_id = j.plan_id AND b.lift = j.lift AND b.n > 0
                          AND b.session_date > r.session_date AND b.session_date <= j.session_date
                          AND (NOT b.missed OR b.w <> j.w))) END AS misses
  FROM judged j
  WHERE j.verdict IS NOT NULL
),
later AS (
  -- The lift's later sessions of this week with nothing logged on any of its rows, numbered from 1.
  SELECT l.id, j.w AS from_w, j.step, j.verdict, j.misses, j.session_date AS from_date,
         CASE WHEN j.verdict = 'missed' AND j.misses >= $10::int THEN ${reset("j.w")} ELSE j.w END AS base_w,
         dense_rank() OVER (PARTITION BY l.week_id, l.lift ORDER BY l.session_date, l.session_id) AS k
  FROM logged l
  JOIN streak j ON j.week_id = l.week_id AND j.lift = l.lift
  WHERE l.session_date > j.session_date
    AND NOT EXISTS (SELECT 1 FROM logged o
                    WHERE o.session_id = l.session_id AND o.lift = l.lift AND o.n > 0)
),
fresh AS (
  SELECT x.id, x.verdict, x.from_w, x.from_date, x.misses,
         x.base_w + (CASE WHEN x.verdict = 'made' THEN x.k ELSE x.k - 1 END) * x.step AS w, x.step
  FROM later x
)
UPDATE public.modular_training_exercise e
SET weight = f.w::real,
    notes = ${notesWithWarmUp("e.notes", warmUpRampSql("f.w", "e.equipment", "e.tier", "f.step", "$6"))},
    progress_reason = CASE
      WHEN f.verdict = 'made' THEN '+step: every set made on ' || to_char(f.from_date, 'FMDay') || ' at ' || f.from_w::text || ' kg'
      WHEN f.misses >= $10::int THEN 'reset: ' || f.from_w::text || ' kg missed ' || f.misses
        || ' sessions running (the last on ' || to_char(f.from_date, 'FMDay') || '); 10% off'
      ELSE 'held: a set missed on ' || to_char(f.from_date, 'FMDay') || ' at ' || f.from_w::text
        || ' kg; the next session repeats it' END
FROM fresh f
WHERE e.id = f.id AND e.user_id = $1 AND e.weight::float8 IS DISTINCT FROM f.w
RETURNING e.id`;

/**
 * Sets the loads of a novice's later sessions this week from the lift's latest judged session;
 * returns how many rows changed. `today` decides the week (the job's clock).
 */
export async function adjustLinearWeek(
  db: pg.Pool | pg.PoolClient,
  userId: string,
  today: string,
): Promise<number> {
  const result = await db.query(LINEAR_MIDWEEK_SQL, [
    userId,
    today,
    REP_TARGET_PATTERN,
    JSON.stringify(LOAD_STEP_KG),
    DEFAULT_LOAD_STEP_KG,
    [...DUMBBELL_RACK],
    MADE_MAX_RPE,
    DEFAULT_TARGET_RIR,
    MAX_TARGET_RIR,
    STALL_MISSES,
  ]);
  return result.rowCount ?? 0;
}
