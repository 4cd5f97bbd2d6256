// The weekly rollover's SQL: one statement picks a batch of due plans (keyset by plan id), one
// statement gives each plan of a batch its next week, with sessions and progressed exercise rows.
// The progression rules are src/domain/load-progression's, written as SQL; their constants are bound
// parameters built from that module's exports, so the two cannot drift apart (and the parity
// test in tests/rollover/progression-parity.test.ts compares them on random rows and logs).
// docs/rollover.md explains the design and why two concurrent runs never duplicate a week.
import type pg from "pg";
import { DELOAD_SETS_PERCENT } from "../../domain/load-progression/deload.ts";
import { DEFAULT_LOAD_STEP_KG, LOAD_STEP_KG } from "../../domain/load-progression/load-increment.ts";
import { DELOAD_MIN_PERCENT, LOAD_REDUCTION_PERCENT } from "../../domain/load-progression/load-reduction.ts";
import { DUMBBELL_RACK } from "../../domain/load-progression/load-rounding.ts";
import {
  DEFAULT_TARGET_RIR,
  FALL_PERCENT,
  MAX_INCREASE_PERCENT,
  MAX_TARGET_RIR,
  MIN_CUT_PERCENT,
  MISSES_BEFORE_DECREASE,
  RPE_BLOCKS_INCREASE,
  STEP_FIT_PERCENT,
} from "../../domain/load-progression/progress-row.ts";
import { REP_TARGET_PATTERN } from "../../domain/load-progression/rep-target.ts";
import { RPE_CLOSED_FORM } from "../../domain/load-progression/rpe-percent.ts";
import { EMPTY_BAR_KG, WARM_UP_STEPS } from "../../domain/load-progression/warm-up.ts";
import { withTransaction } from "../transaction.ts";
import { ceilLoadSql, floorLoadSql, rpePercentSql } from "./progression-sql.ts";

/**
 * Active plans after `after` (exclusive; null = from the start) whose latest week has ended as of
 * `asOf` (week_start + 7 <= asOf), in plan id order. Reads only: no lock is taken here. A plan
 * whose next week would start before the date window (public.plan_date_window_from(), a year
 * back; src/domain/date-window.ts) is left alone: the database would refuse that week.
 */
const PICK_DUE_PLANS = `
  SELECT p.id,
    -- Larger than a plan may be written today (docs/bounds.md): a plan from before the bound.
    (SELECT count(*) FROM public.modular_training_session s
     JOIN public.modular_training_exercise e ON e.session_id = s.id
     WHERE s.week_id = w.id) > b.max_sessions_per_plan * b.max_slots_per_session AS over_bound
  FROM public.modular_training_plan p
  CROSS JOIN LATERAL (SELECT lw.id, lw.week_start FROM public.modular_training_week lw
         WHERE lw.plan_id = p.id ORDER BY lw.week_number DESC LIMIT 1) w
  CROSS JOIN public.user_bounds_current() b
  WHERE p.status = 'active'
    AND ($2::uuid IS NULL OR p.id > $2::uuid)
    AND w.week_start + 7 <= $1::date
    AND w.week_start + 7 >= public.plan_date_window_from()
  ORDER BY p.id
  LIMIT $3`;

const COUNT_DUE_PLANS = `
  SELECT count(*)::int AS n
  FROM public.modular_training_plan p
  WHERE p.status = 'active'
    AND (SELECT lw.week_start FROM public.modular_training_week lw
         WHERE lw.plan_id = p.id ORDER BY lw.week_number DESC LIMIT 1) + 7 <= $1::date`;

/** How many plans a rollover as of `asOf` would roll (the CLI's progress total). */
export async function countDuePlans(client: pg.Pool | pg.PoolClient, asOf: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(COUNT_DUE_PLANS, [asOf]);
  return rows[0]?.n ?? 0;
}

export interface DuePlans {
  /** Due plans within the bounds, in id order. */
  ids: string[];
  /** Due plans whose latest week has more exercise rows than a plan may be written with today. */
  overBound: string[];
  /** The last plan id looked at (the keyset's next `after`), null when none was due. */
  last: string | null;
}

/**
 * Up to `limit` due plans after `after`. A plan larger than user_bounds allows (max_sessions_per_plan
 * x max_slots_per_session exercise rows in its latest week; only plans written before the bound
 * can be) is returned apart, in `overBound`, and not rolled: copying it every week is what the
 * bound prevents (docs/bounds.md).
 */
export async function pickDuePlans(
  client: pg.Pool | pg.PoolClient,
  asOf: string,
  after: string | null,
  limit: number,
): Promise<DuePlans> {
  const { rows } = await client.query<{ id: string; over_bound: boolean }>(PICK_DUE_PLANS, [
    asOf,
    after,
    limit,
  ]);
  return {
    ids: rows.filter((r) => !r.over_bound).map((r) => r.id),
    overBound: rows.filter((r) => r.over_bound).map((r) => r.id),
    last: rows[rows.length - 1]?.id ?? null,
  };
}

// Reduced load of a deload week (reducedLoadKg): 90% rounded down to the implement, the load
// itself where that is no load or more than a DELOAD_MIN_PERCENT cut; null and <= 0 unchanged.
// A macro over a float8 weight expression.
const reduced = (w: string) => {
  const floored = floorLoad(`(${w} * $8::float8 / 100)`);
  return `CASE WHEN ${w} IS NULL OR ${w} <= 0 THEN ${w}
        WHEN ${floored} <= 0 OR ${floored} * 100 < ${w} * ${DELOAD_MIN_PERCENT} THEN ${w}
        ELSE least(${w}, ${floored}) END`;
};

const floorLoad = (kg: string) => floorLoadSql(kg, "e.equipment", "x.step", "$15");
const ceilLoad = (kg: string) => ceilLoadSql(kg, "e.equipment", "x.step", "$15");

// The one place a row's next variation is found (docs/progression.md, "Bodyweight rows"): the
// nearest rung above (dir = 1) or below (dir = -1) the judged row's exercise on its ladder,
// preferring the same catalogue source, then the lowest id. Only probed for an unloaded row
// logged without load. A rung the lifter excluded (exercise_exclusion, docs/swap.md) is passed
// over, and so is one needing equipment the plan's request did not allow (where the plan records
// it: plan_allowed_equipment.sql); a ladder with no such rung left holds the row where it is.
const ladderNeighbour = (dir: 1 | -1) => `
  LEFT JOIN LATERAL (
    SELECT v.exercise_id, v.name, v.equipment
    FROM public.exrcwiki cur
    JOIN public.exrcwiki v ON v.ladder = cur.ladder
      AND v.ladder_step ${dir === 1 ? ">" : "<"} cur.ladder_step
    LEFT JOIN public.modular_training_plan pl ON pl.id = sess.rollover_plan_id
    WHERE cur.exercise_id = src.exercise_id AND x.unloaded AND l.n_loaded = 0 AND l.n_logged > 0
      AND NOT EXISTS (SELECT 1 FROM public.exercise_exclusion xx
                      WHERE xx.user_id = e.user_id AND xx.exercise_id = v.exercise_id)
      AND (pl.allowed_equipment IS NULL
           OR (v.equipment = ANY (pl.allowed_equipment || 'bodyweight'::text)
               AND v.requires <@ (pl.allowed_equipment || 'bodyweight'::text)))
    ORDER BY v.ladder_step ${dir === 1 ? "ASC" : "DESC"}, (v.source = cur.source) DESC, v.exercise_id
    LIMIT 1
  ) ${dir === 1 ? "harder" : "easier"} ON true`;

const rpePercent = (reps: string, rpe: string) => rpePercentSql(reps, rpe, "$16");

// warmUpRamp (src/domain/load-progression/warm-up.ts) over the row's new load `w`; its constants
// are numbers from that module, written into the text.
const warmUpRamp = (w: string) => {
  const p0 = `(CASE WHEN e.equipment = 'barbell' AND ${w} > ${EMPTY_BAR_KG} THEN ${EMPTY_BAR_KG} ELSE 0 END)`;
  const v = WARM_UP_STEPS.map(([percent]) => floorLoad(`(${w} * ${percent} / 100)`));
  const steps = WARM_UP_STEPS.map(([, reps], i) => {
    const prev = `greatest(${[p0, ...v.slice(0, i)].join(", ")})`;
    return `CASE WHEN ${v[i]} > ${prev} AND ${v[i]} < ${w} THEN ${v[i]}::text || ' kg x ${reps}' END`;
  });
  return `(CASE WHEN ${w} > 0 AND (e.tier = 'T1' OR (e.tier = 'T2' AND e.equipment = 'barbell')) THEN
    'warm-up: ' || nullif(concat_ws(', ',
      CASE WHEN e.equipment = 'barbell' AND ${w} > ${EMPTY_BAR_KG} THEN '${EMPTY_BAR_KG} kg x 10' END,
      ${steps.join(", ")}), '') END)`;
};

// withWarmUp (warm-up.ts): the notes with their "warm-up: " segment replaced by the ramp.
const notesWithWarmUp = (notes: string, ramp: string) => `(CASE
  WHEN ${ramp} IS NULL AND NOT EXISTS (
    SELECT 1 FROM unnest(string_to_array(${notes}, '; ')) g WHERE g LIKE 'warm-up: %') THEN ${notes}
  ELSE nullif(array_to_string(array(
    SELECT g FROM unnest(string_to_array(${notes}, '; ')) WITH ORDINALITY u(g, i)
    WHERE g <> '' AND g NOT LIKE 'warm-up: %' ORDER BY i) || ${ramp}, '; '), '') END)`;

/**
 * Gives every plan in $2 that is still due as of $1 its next week, in one statement (so in one
 * short transaction): the week (ON CONFLICT (plan_id, week_number) DO NOTHING RETURNING), then
 * sessions and exercise rows only for the weeks this statement really inserted.
 *
 * Parameters: $1 as-of date, $2 plan ids, $3 steps {equipment: step}, $4 default step,
 * $5 rep-target pattern, $6 misses before decrease, $7 RPE of a real miss, $8 deload reduction
 * percent, $9 deload sets percent, $10 default target RIR, $11 max target RIR, $12 fall percent,
 * $13 max increase percent, $14 min cut percent, $15 dumbbell rack, $16 RPE closed form, $17 step-fit percent.
 */
export const ROLL_ONE_WEEK = `
WITH
due AS MATERIALIZED (
  SELECT p.id AS plan_id, p.user_id, w.id AS week_id, w.week_number + 1 AS n, w.week_start + 7 AS next_start,
    CASE WHEN p.deload_every_weeks >= 2 AND (w.week_number + 1) % p.deload_every_weeks = 0 THEN 'deload'
         WHEN p.deload_every_weeks >= 2 AND w.week_number % p.deload_every_weeks = 0 THEN 'restore'
         ELSE 'progress' END AS kind
  -- An index probe per id of the batch (a plain join to unnest($2), or p.id = ANY($2) on
  -- PostgreSQL 15, scanned the whole plan table once per batch).
  FROM unnest($2::uuid[]) AS batch(id)
  CROSS JOIN LATERAL (
    SELECT * FROM public.modular_training_plan p0 WHERE p0.id = batch.id OFFSET 0
  ) p
  CROSS JOIN LATERAL (
    SELECT lw.id, lw.week_number, lw.week_start FROM public.modular_training_week lw
    WHERE lw.plan_id = p.id ORDER BY lw.week_number DESC LIMIT 1
  ) w
  WHERE p.status = 'active' AND w.week_start + 7 <= $1::date
    AND w.week_start + 7 >= public.plan_date_window_from()
),
new_weeks AS (
  -- The database's uniqueness decides: a week another run already inserted (or is inserting:
  -- we wait for it) is skipped, and only weeks returned here get sessions and exercises.
  -- Plan id order keeps two concurrent runs from deadlocking on each other's new weeks.
  INSERT INTO public.modular_training_week (plan_id, user_id, week_number, week_start, is_deload)
  SELECT plan_id, user_id, n, next_start, kind = 'deload' FROM due ORDER BY plan_id
  ON CONFLICT (plan_id, week_number) DO NOTHING
  RETURNING id, plan_id
),
sess AS MATERIALIZED (
  SELECT gen_random_uuid() AS new_id, nw.id AS new_week_id, due.kind, due.plan_id AS rollover_plan_id, s.*
  FROM new_weeks nw
  JOIN due ON due.plan_id = nw.plan_id
  -- LATERAL ... OFFSET 0 keeps these joins as index probes per parent row: the CTE row
  -- estimates are far off, and a hash join would scan the whole table once per batch.
  CROSS JOIN LATERAL (
    SELECT * FROM public.modular_training_session s0 WHERE s0.week_id = due.week_id OFFSET 0
  ) s
),
new_sessions AS (
  INSERT INTO public.modular_training_session
    (id, week_id, user_id, day_label, session_date, day_of_week, focus_area, session_number,
     duration_minutes, completed)
  SELECT new_id, new_week_id, user_id, day_label, session_date + 7, day_of_week, focus_area, session_number,
    duration_minutes, false
  FROM sess
  RETURNING 1
),
-- The exercise rows of those sessions, progressed and written in one pass: each row is read once
-- (an index probe per session), its logged sets are counted by a per-row aggregate over an index
-- probe, and the decision is made in the INSERT's own select list; nothing wide is materialized.
new_exercises AS (
  INSERT INTO public.modular_training_exercise
    (id, session_id, user_id, exercise_id, exercise_name, muscle_group, secondary_muscles, sets, reps, rir,
     equipment, tier, target, tips, instructions, weight, notes, display_order, order_in_session,
     miss_streak, carried_from_id, progress_reason)
  SELECT gen_random_uuid(), sess.new_id, e.user_id,
    CASE d.rule WHEN 'ladder_up' THEN harder.exercise_id WHEN 'ladder_down' THEN easier.exercise_id ELSE e.exercise_id END,
    CASE d.rule WHEN 'ladder_up' THEN harder.name WHEN 'ladder_down' THEN easier.name ELSE e.exercise_name END,
    e.muscle_group, e.secondary_muscles,
    CASE WHEN sess.kind = 'deload' THEN greatest(1, round(src.sets * $9::numeric / 100))::int ELSE src.sets END,
    e.reps, e.rir,
    CASE d.rule WHEN 'ladder_up' THEN harder.equipment WHEN 'ladder_down' THEN easier.equipment ELSE e.equipment END,
    e.tier, e.target, e.tips,
    -- Another variation's instructions are not this one's: a moved row has none.
    CASE WHEN d.rule IN ('ladder_up', 'ladder_down') THEN NULL ELSE e.instructions END,
    fw.w::real,
    ${notesWithWarmUp("e.notes", warmUpRamp("fw.w"))},
    e.display_order, e.order_in_session,
    d.streak::int,
    e.id,
    -- progressReason (src/domain/load-progression/progress-reason.ts), the same text.
    CASE sess.kind WHEN 'deload' THEN 'deload (90% load, 60% sets); ' WHEN 'restore' THEN 'after the deload; ' ELSE '' END
    || CASE d.rule
      WHEN 'no_log' THEN 'unchanged: nothing logged'
      WHEN 'unparsed_reps' THEN 'unchanged: reps are not a range'
      WHEN 'bodyweight' THEN 'held: bodyweight, reps carry the progress'
      WHEN 'bodyweight_missed' THEN 'held: below ' || x.tmin || ' reps at RPE 10 (week ' || d.streak || ')'
      WHEN 'ladder_up' THEN 'harder variation: every set at the top at RIR ' || (10 - x.rpe_t)
      WHEN 'ladder_down' THEN 'easier variation: below ' || x.tmin || ' reps at RPE 10 two weeks running'
      WHEN 'seed_from_log' THEN d.weight::text || ' kg: seeded from e1RM ' || floor(d.e1rm + 0.5)::bigint
        || ' kg (' || l.n_loaded || ' sets)'
      WHEN 'increase' THEN '+' || (d.weight - src.w)::text || ' kg: e1RM ' || floor(d.e1rm + 0.5)::bigint
        || ' kg from ' || l.n_loaded || ' sets (best ' || l.best_set || ')'
      WHEN 'hold' THEN 'held: e1RM ' || floor(d.e1rm + 0.5)::bigint || ' kg from ' || l.n_loaded
        || ' sets (best ' || l.best_set || ')'
      WHEN 'hold_fell' THEN 'held: e1RM ' || floor(d.e1rm + 0.5)::bigint || ' kg from ' || l.n_loaded
        || ' sets, below the prescription (week ' || d.streak || ')'
      WHEN 'decrease' THEN '-' || (src.w - d.weight)::text || ' kg: e1RM ' || floor(d.e1rm + 0.5)::bigint
        || ' kg below the prescription two weeks running'
      WHEN 'decrease_rpe10' THEN '-' || (src.w - d.weight)::text || ' kg: below ' || x.tmin || ' reps at RPE 10'
    END
  FROM sess
  -- LATERAL ... OFFSET 0: an index probe per session (see sess).
  CROSS JOIN LATERAL (
    SELECT * FROM public.modular_training_exercise e0 WHERE e0.session_id = sess.id OFFSET 0
  ) e
  -- A restore week judges week n-2's row (the one the deload row was carried from) on its own
  -- logs, as the deload week did: the week before a deload is judged once and its outcome
  -- carried past the deload. Without that row, the deload row is carried over as it is.
  LEFT JOIN LATERAL (
    SELECT p0.id, p0.weight, p0.sets, p0.miss_streak, p0.exercise_id FROM public.modular_training_exercise p0
    WHERE sess.kind = 'restore' AND p0.id = e.carried_from_id OFFSET 0
  ) prev ON true
  -- The row judged (src) and the row's decision inputs, computed once per row (OFFSET 0 keeps
  -- the subquery from being flattened into every expression that names its columns).
  -- The pattern decides (a plain match runs as a fast DFA); the numbers are then read with string
  -- functions: regexp_match's capture groups cost about 50 us a row, most of a batch's time.
  CROSS JOIN LATERAL (
    SELECT CASE WHEN prev.id IS NOT NULL THEN prev.id ELSE e.id END AS id,
      CASE WHEN prev.id IS NOT NULL THEN prev.weight ELSE e.weight END::float8 AS w,
      CASE WHEN prev.id IS NOT NULL THEN prev.sets ELSE e.sets END AS sets,
      CASE WHEN prev.id IS NOT NULL THEN prev.miss_streak ELSE e.miss_streak END AS streak,
      CASE WHEN prev.id IS NOT NULL THEN prev.exercise_id ELSE e.exercise_id END AS exercise_id,
      (sess.kind <> 'restore' OR prev.id IS NOT NULL) AS judged
    OFFSET 0
  ) src
  CROSS JOIN LATERAL (
    SELECT t.*, (src.w IS NULL OR src.w <= 0) AS unloaded,
      coalesce(t.tmin >= 1 AND t.tmax >= t.tmin, false) AS parsed,
      coalesce(($3::jsonb ->> e.equipment)::float8, $4::float8) AS step,
      10 - least($11::int, greatest(0, coalesce(e.rir, $10::int))) AS rpe_t
    FROM (
      SELECT CASE WHEN rm.ok THEN split_part(rm.r, '-', 1)::int END AS tmin,
        CASE WHEN rm.ok THEN coalesce(nullif(split_part(rm.r, '-', 2), ''), split_part(rm.r, '-', 1))::int END AS tmax
      FROM (SELECT e.reps ~ $5::text AS ok, replace(translate(e.reps, chr(8211), '-'), ' ', '') AS r OFFSET 0) rm
      OFFSET 0
    ) t
    OFFSET 0
  ) x
  -- The logs of the judged row (docs/progression.md, "Which sets count"): an aggregate over an
  -- index probe per row. The e1RM sum runs in set order, as the TypeScript sums it.
  CROSS JOIN LATERAL (
    SELECT count(*) AS n_logged,
      count(*) FILTER (WHERE ts.weight_kg > 0) AS n_loaded,
      sum(ts.weight_kg::float8 / ${rpePercent("ts.reps_done", "coalesce(ts.rpe, x.rpe_t)")} ORDER BY ts.set_no)
        FILTER (WHERE ts.weight_kg > 0) AS e1rm_sum,
      -- The evidence the reason names: the set with the best e1RM (the first of equals).
      (array_agg(ts.reps_done || ' @ ' || ts.weight_kg::float8 || ' kg' || coalesce(' RPE ' || ts.rpe, '')
         ORDER BY ts.weight_kg::float8 / ${rpePercent("ts.reps_done", "coalesce(ts.rpe, x.rpe_t)")} DESC, ts.set_no)
        FILTER (WHERE ts.weight_kg > 0))[1] AS best_set,
      coalesce(bool_or(ts.weight_kg >= src.w AND ts.reps_done < x.tmin AND ts.rpe >= $7::int), false) AS missed10,
      count(*) FILTER (WHERE ts.reps_done >= x.tmax AND (ts.rpe IS NULL OR ts.rpe <= x.rpe_t)) AS n_top_target,
      coalesce(bool_or(ts.reps_done < x.tmin AND ts.rpe >= $7::int), false) AS missed10_any
    FROM public.training_set ts
    WHERE ts.exercise_row_id = src.id AND src.judged
  ) l
  ${ladderNeighbour(1)}
  ${ladderNeighbour(-1)}
  -- The decision (docs/progression.md, "Decision table"), with the share of 1RM the row's target
  -- reps take at its target RPE.
  CROSS JOIN LATERAL (
    SELECT r.*,
      CASE r.rule
        WHEN 'seed_from_log' THEN greatest(CASE WHEN e.equipment = 'dumbbell' THEN ($15::float8[])[1] ELSE x.step END,
                                           ${floorLoad("r.candidate")})
        WHEN 'decrease' THEN least(src.w, greatest(${ceilLoad("src.w * $14::float8 / 100")}, ${floorLoad("r.candidate")}))
        WHEN 'decrease_rpe10' THEN least(src.w, greatest(${ceilLoad("src.w * $14::float8 / 100")}, ${floorLoad("r.candidate")}))
        WHEN 'increase' THEN r.up
        ELSE src.w
      END AS weight,
      CASE r.rule
        WHEN 'no_log' THEN src.streak
        WHEN 'unparsed_reps' THEN src.streak
        WHEN 'hold_fell' THEN src.streak + 1
        WHEN 'bodyweight_missed' THEN src.streak + 1
        ELSE 0
      END AS streak
    FROM (
      SELECT q.*,
        CASE
          WHEN l.n_logged = 0 THEN 'no_log'
          WHEN NOT x.parsed THEN 'unparsed_reps'
          WHEN x.unloaded AND l.n_loaded = 0 THEN CASE
            WHEN l.n_top_target >= greatest(1, src.sets) THEN
              CASE WHEN harder.exercise_id IS NOT NULL THEN 'ladder_up' ELSE 'bodyweight' END
            WHEN l.missed10_any AND src.streak + 1 >= $6::int AND easier.exercise_id IS NOT NULL THEN 'ladder_down'
            WHEN l.missed10_any THEN 'bodyweight_missed'
            ELSE 'bodyweight' END
          WHEN x.unloaded THEN 'seed_from_log'
          WHEN l.n_loaded = 0 THEN 'no_log'
          WHEN l.missed10 THEN 'decrease_rpe10'
          WHEN q.fell AND src.streak + 1 >= $6::int THEN 'decrease'
          WHEN q.fell THEN 'hold_fell'
          WHEN q.up > src.w THEN 'increase'
          ELSE 'hold'
        END AS rule
      FROM (
        SELECT c.*,
          c.e1rm * 100 < (src.w / c.share) * $12::float8 AS fell,
          CASE WHEN ${floorLoad("least(c.candidate, src.w * $13::float8 / 100)")} > src.w
               THEN ${floorLoad("least(c.candidate, src.w * $13::float8 / 100)")}
               ELSE ${floorLoad("least(c.candidate, src.w * $17::float8 / 100)")} END AS up
        FROM (
          SELECT s0.*, s0.e1rm * s0.share AS candidate
          FROM (
            SELECT l.e1rm_sum / l.n_loaded AS e1rm,
              CASE WHEN x.parsed THEN ${rpePercent("x.tmin", "x.rpe_t")} END AS share
            OFFSET 0
          ) s0
          OFFSET 0
        ) c
        OFFSET 0
      ) q
      OFFSET 0
    ) r
    OFFSET 0
  ) d
  -- The load written (a deload week's is lighter), as float8 of the stored real.
  CROSS JOIN LATERAL (
    SELECT (CASE WHEN sess.kind = 'deload' THEN ${reduced("d.weight")} ELSE d.weight END)::real::float8 AS w
    OFFSET 0
  ) fw
  RETURNING 1
)
SELECT
  (SELECT count(*) FROM due)::int AS due,
  coalesce((SELECT array_agg(plan_id) FROM new_weeks), '{}') AS rolled,
  coalesce((SELECT array_agg(plan_id) FROM due WHERE next_start + 7 <= $1::date), '{}') AS still_due,
  (SELECT count(*) FROM new_sessions)::int AS sessions,
  (SELECT count(*) FROM new_exercises)::int AS exercises`;

/** The progression constants, bound as parameters $3..$17 of ROLL_ONE_WEEK. */
function progressionParams(): unknown[] {
  return [
    JSON.stringify(LOAD_STEP_KG),
    DEFAULT_LOAD_STEP_KG,
    REP_TARGET_PATTERN,
    MISSES_BEFORE_DECREASE,
    RPE_BLOCKS_INCREASE,
    LOAD_REDUCTION_PERCENT,
    DELOAD_SETS_PERCENT,
    DEFAULT_TARGET_RIR,
    MAX_TARGET_RIR,
    FALL_PERCENT,
    MAX_INCREASE_PERCENT,
    MIN_CUT_PERCENT,
    [...DUMBBELL_RACK],
    [...RPE_CLOSED_FORM],
    STEP_FIT_PERCENT,
  ];
}

export const PROGRESSION_PARAMS = progressionParams();

export interface WeekStepResult {
  /** Plans of the batch that were due when the statement started. */
  due: number;
  /** Plans this statement gave a week (each got exactly one). */
  rolled: string[];
  /** Plans that will still be due after this week: the catch-up continues with them. */
  stillDue: string[];
  sessions: number;
  exercises: number;
}

/**
 * One week for every plan of `planIds` that is due as of `asOf`: one statement in one short
 * transaction. JIT is off for it: the planner's row estimates for the CTE chain are far too high,
 * so it would JIT-compile (seconds of CPU) a statement that runs in about a second. The default
 * work_mem suffices: nothing in the statement sorts or hashes a batch's logged sets (each row
 * counts its own), and a 2,000-plan batch wrote no temporary blocks with 4 MB.
 */
export async function rollOneWeek(
  pool: pg.Pool,
  asOf: string,
  planIds: readonly string[],
): Promise<WeekStepResult> {
  return withTransaction(pool, async (client) => {
    await client.query("SET LOCAL jit = off");
    const { rows } = await client.query<{
      due: number;
      rolled: string[];
      still_due: string[];
      sessions: number;
      exercises: number;
    }>(ROLL_ONE_WEEK, [asOf, planIds, ...PROGRESSION_PARAMS]);
    const row = rows[0];
    if (!row) throw new Error("rollover statement returned no row");
    return {
      due: row.due,
      rolled: row.rolled,
      stillDue: row.still_due,
      sessions: row.sessions,
      exercises: row.exercises,
    };
  });
}
