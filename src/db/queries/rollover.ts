// The weekly rollover's SQL: one statement picks a batch of due plans (keyset by plan id), one
// statement gives each plan of a batch its next week, with sessions and progressed exercise rows.
// The progression rules are src/domain/load-progression's, written as SQL; their constants are bound
// parameters built from that module's exports, so the two cannot drift apart (and the parity
// test in tests/rollover/progression-parity.test.ts compares them on random rows and logs).
// docs/rollover.md explains the design and why two concurrent runs never duplicate a week.
import type pg from "pg";
import { DELOAD_SETS_PERCENT } from "../../domain/load-progression/deload.ts";
import { MADE_MAX_RPE, STALL_MISSES } from "../../domain/load-progression/linear-progression.ts";
import { DEFAULT_LOAD_STEP_KG, LOAD_STEP_KG } from "../../domain/load-progression/load-increment.ts";
import { DELOAD_MIN_PERCENT, LOAD_REDUCTION_PERCENT } from "../../domain/load-progression/load-reduction.ts";
import { DUMBBELL_RACK } from "../../domain/load-progression/load-rounding.ts";
import {
  DEFAULT_TARGET_RIR,
  FALL_PERCENT,
  LOWER_BODY_GROUPS,
  MAX_INCREASE_PERCENT,
  MAX_TARGET_RIR,
  MIN_CUT_PERCENT,
  MISSES_BEFORE_DECREASE,
  REPS_CEILING,
  REPS_UP_STEP,
  RPE_BLOCKS_INCREASE,
  STEP_FIT_PERCENT,
  TOP_STEP_EPSILON_KG,
  UPPER_BODY_MAX_INCREASE_PERCENT,
} from "../../domain/load-progression/progress-row.ts";
import { REP_TARGET_PATTERN } from "../../domain/load-progression/rep-target.ts";
import { RPE_CLOSED_FORM } from "../../domain/load-progression/rpe-percent.ts";
import { EMPTY_BAR_KG, WARM_UP_STEPS } from "../../domain/load-progression/warm-up.ts";
import {
  MAX_SETS_PER_ROW,
  mrvTable,
  OTHER_MRV,
  SESSION_OVERRUN_PERCENT,
} from "../../domain/mesocycle/caps.ts";
import { EARLY_DELOAD_MIN_WEEK, FATIGUE_SHARE_PERCENT } from "../../domain/mesocycle/fatigue.ts";
import { ACCUMULATION_WEEKS, DEFAULT_ACCUMULATION_WEEKS } from "../../domain/mesocycle/length.ts";
import { BEAT_BY_REPS } from "../../domain/mesocycle/performance.ts";
import {
  BARBELL_MIN_RIR,
  BEGINNER_MIN_RIR,
  DEFAULT_RIR_RAMP,
  DELOAD_MIN_RIR,
  RIR_RAMP,
} from "../../domain/mesocycle/rir-ramp.ts";
import { setSecondsTable, warmUpTable } from "../../domain/mesocycle/session-time.ts";
import { RECOVERY, SET_CHANGE_TABLE } from "../../domain/mesocycle/set-change.ts";
import { withTransaction } from "../transaction.ts";
import {
  ceilLoadSql,
  floorLoadSql,
  madeRpeLimitSql,
  reducedLoadSql,
  repMaxSql,
  repMinSql,
  repTextSql,
  rpePercentSql,
  targetRpeSql,
} from "./progression-sql.ts";
import { notesWithWarmUp } from "./warm-up-sql.ts";

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

// Reduced load of a deload week (reducedLoadKg, reducedLoadSql) over a float8 weight expression.
const reduced = (w: string, step = "x.step") =>
  reducedLoadSql(w, "e.equipment", step, "$15", "$8::float8", DELOAD_MIN_PERCENT);

const floorLoad = (kg: string, step = "x.step") => floorLoadSql(kg, "e.equipment", step, "$15");

// A novice's stalled lift (a load missed STALL_MISSES sessions running): the judged row's load
// reduced as a deload reduces it (linearBase's reducedLoadKg); over the judged row j.
const stallReset = reducedLoadSql("j.w", "j.equipment", "j.step", "$15", "$8::float8", DELOAD_MIN_PERCENT);
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
    LEFT JOIN public.modular_training_plan pl ON pl.id = os.rollover_plan_id
    WHERE cur.exercise_id = src.exercise_id AND x.unloaded AND l.n_loaded = 0 AND l.n_logged > 0
      AND NOT EXISTS (SELECT 1 FROM public.exercise_exclusion xx
                      WHERE xx.user_id = e.user_id AND xx.exercise_id = v.exercise_id)
      AND (pl.allowed_equipment IS NULL
           OR (v.equipment = ANY (pl.allowed_equipment || 'bodyweight'::text)
               AND v.requires <@ (pl.allowed_equipment || 'bodyweight'::text)))
    ORDER BY v.ladder_step ${dir === 1 ? "ASC" : "DESC"}, (v.source = cur.source) DESC, v.exercise_id
    LIMIT 1
  ) ${dir === 1 ? "harder" : "easier"} ON true`;

// maxIncreasePercent (progress-row.ts): the lower body's groups ($13) may rise further in a week.
const maxIncrease = `(CASE WHEN e.muscle_group = ANY ($13::text[]) THEN ${MAX_INCREASE_PERCENT}
  ELSE ${UPPER_BODY_MAX_INCREASE_PERCENT} END)::float8`;

const rpePercent = (reps: string, rpe: string) => rpePercentSql(reps, rpe, "$16");

// warmUpRamp (src/domain/load-progression/warm-up.ts) over the row's new load `w`; its constants
// are numbers from that module, written into the text.
const warmUpRamp = (w: string, step = "x.step") => {
  const p0 = `(CASE WHEN e.equipment = 'barbell' AND ${w} > ${EMPTY_BAR_KG} THEN ${EMPTY_BAR_KG} ELSE 0 END)`;
  const v = WARM_UP_STEPS.map(([percent]) => floorLoad(`(${w} * ${percent} / 100)`, step));
  const steps = WARM_UP_STEPS.map(([, reps], i) => {
    const prev = `greatest(${[p0, ...v.slice(0, i)].join(", ")})`;
    return `CASE WHEN ${v[i]} > ${prev} AND ${v[i]} < ${w} THEN ${v[i]}::text || ' kg x ${reps}' END`;
  });
  return `(CASE WHEN ${w} > 0 AND (e.tier = 'T1' OR (e.tier = 'T2' AND e.equipment = 'barbell')) THEN
    'warm-up: ' || nullif(concat_ws(', ',
      CASE WHEN e.equipment = 'barbell' AND ${w} > ${EMPTY_BAR_KG} THEN '${EMPTY_BAR_KG} kg x 10' END,
      ${steps.join(", ")}), '') END)`;
};

/**
 * Gives every plan in $2 that is still due as of $1 its next week, in one statement (so in one
 * short transaction): each row of the plan's latest week is judged once (judged), the plan's
 * mesocycle state decides the week's kind (plan_state: an accumulation week, a deload, or the
 * restore that opens the next mesocycle), each muscle group's set change is decided from the
 * judged rows and the lifter's feedback (grp_dec) and spread over the group's rows (alloc);
 * then the week (ON CONFLICT (plan_id, week_number) DO NOTHING RETURNING), and sessions and
 * exercise rows only for the weeks this statement really inserted. docs/mesocycles.md.
 *
 * Parameters: $1 as-of date, $2 plan ids, $3 steps {equipment: step}, $4 default step,
 * $5 rep-target pattern, $6 misses before decrease, $7 RPE of a real miss, $8 deload reduction
 * percent, $9 deload sets percent, $10 default target RIR, $11 max target RIR, $12 fall percent,
 * $13 max increase percent of the lower body's groups (text[] of groups, see maxIncrease), $14 min cut percent, $15 dumbbell rack, $16 RPE closed form, $17 step-fit percent,
 * $18 accumulation weeks {goal: {level: n}}, $19 RIR ramps {goal: [start, end]}, $20 set change
 * table int[48], $21 MRV {level: {group: n}}, $22 set seconds {goal: {level: {tier: s}}},
 * $23 session warm-up {goal: [without T1, with T1]}.
 */
export const ROLL_ONE_WEEK = `
WITH
due AS MATERIALIZED (
  SELECT p.id AS plan_id, p.user_id, p.goal_type AS goal, p.experience_level AS level,
    w.id AS week_id, w.week_number + 1 AS n, w.week_start + 7 AS next_start,
    w.mesocycle AS meso, w.mesocycle_week AS mweek, w.is_deload AS last_deload,
    w.recovery_muscles AS last_recovery,
    w.recovery_muscles || coalesce(pw.recovery_muscles, '{}'::text[]) AS recent_recovery,
    pw.id AS prev_week_id, pw.is_deload AS prev_deload,
    -- Accumulation weeks (src/domain/mesocycle/length.ts): fixed by deload_every_weeks, else by goal and level.
    CASE WHEN p.deload_every_weeks >= 2 THEN p.deload_every_weeks - 1
         ELSE coalesce(($18::jsonb -> p.goal_type ->> p.experience_level)::int, ${DEFAULT_ACCUMULATION_WEEKS}) END AS len,
    coalesce(($19::jsonb -> p.goal_type ->> 0)::int, ${DEFAULT_RIR_RAMP[0]}) AS rir_start,
    coalesce(($19::jsonb -> p.goal_type ->> 1)::int, ${DEFAULT_RIR_RAMP[1]}) AS rir_end,
    wk2.id AS week2_id, wk2.recovery_muscles AS week2_recovery
  -- An index probe per id of the batch (a plain join to unnest($2), or p.id = ANY($2) on
  -- PostgreSQL 15, scanned the whole plan table once per batch).
  FROM unnest($2::uuid[]) AS batch(id)
  CROSS JOIN LATERAL (
    SELECT * FROM public.modular_training_plan p0 WHERE p0.id = batch.id OFFSET 0
  ) p
  CROSS JOIN LATERAL (
    SELECT lw.id, lw.week_number, lw.week_start, lw.mesocycle, lw.mesocycle_week, lw.is_deload, lw.recovery_muscles
    FROM public.modular_training_week lw
    WHERE lw.plan_id = p.id ORDER BY lw.week_number DESC LIMIT 1
  ) w
  -- The week before: its recovery sessions count towards a fatigue deload.
  LEFT JOIN LATERAL (
    SELECT pw0.id, pw0.is_deload, pw0.recovery_muscles FROM public.modular_training_week pw0
    WHERE pw0.plan_id = p.id AND pw0.week_number = w.week_number - 1 OFFSET 0
  ) pw ON true
  -- After a deload: the ending mesocycle's week 2, whose sets the next mesocycle starts from.
  LEFT JOIN LATERAL (
    SELECT w2.id, w2.recovery_muscles FROM public.modular_training_week w2
    WHERE w.is_deload AND w.mesocycle_week > 2 AND w2.plan_id = p.id
      AND w2.week_number = w.week_number - w.mesocycle_week + 2 AND NOT w2.is_deload OFFSET 0
  ) wk2 ON true
  WHERE p.status = 'active' AND w.week_start + 7 <= $1::date
    AND w.week_start + 7 >= public.plan_date_window_from()
),
old_sess AS MATERIALIZED (
  SELECT due.plan_id AS rollover_plan_id, due.last_deload, due.last_recovery, due.goal, due.level,
    due.week2_id, due.week2_recovery, due.len, due.rir_start, due.rir_end,
    -- One set's seconds by tier (the time model), looked up once per session, not per row.
    coalesce(($22::jsonb -> due.goal -> due.level ->> 'T1')::int, 0) AS sec_t1,
    coalesce(($22::jsonb -> due.goal -> due.level ->> 'T2')::int, 0) AS sec_t2,
    coalesce(($22::jsonb -> due.goal -> due.level ->> 'T3')::int, 0) AS sec_t3,
    coalesce(($23::jsonb -> due.goal ->> 0)::int, 0) AS warm_t0,
    coalesce(($23::jsonb -> due.goal ->> 1)::int, 0) AS warm_t1,
    CASE WHEN due.last_deload THEN 1 ELSE due.mweek + 1 END AS next_mweek, s.*
  FROM due
  -- LATERAL ... OFFSET 0 keeps these joins as index probes per parent row: the CTE row
  -- estimates are far off, and a hash join would scan the whole table once per batch.
  CROSS JOIN LATERAL (
    SELECT * FROM public.modular_training_session s0 WHERE s0.week_id = due.week_id OFFSET 0
  ) s
),
-- A week of three whose first and third sessions share a name alternates its two workouts, as
-- the novice programmes do (templates.ts names a novice's days Full-A, Full-B, Full-A): A B A is
-- followed by B A B and that by A B A. The second session's workout fills the first and third
-- days; the third's (the A with the latest logs) fills the second; the first session's rows are
-- carried no further (its logs are history, as every row's are).
alternating AS MATERIALIZED (
  SELECT a.plan_id, a.ids[2] AS middle_id, a.ids[3] AS last_id
  FROM (
    SELECT os.rollover_plan_id AS plan_id,
      array_agg(os.id ORDER BY os.session_date, os.session_number, os.id) AS ids,
      array_agg(os.day_label ORDER BY os.session_date, os.session_number, os.id) AS labels
    FROM old_sess os
    GROUP BY os.rollover_plan_id
  ) a
  WHERE cardinality(a.ids) = 3 AND a.labels[1] = a.labels[3] AND a.labels[1] <> a.labels[2]
),
-- Every row of the latest weeks, judged once on its logs (the load progression of
-- src/domain/load-progression, docs/progression.md) and scored for its muscle group.
judged AS MATERIALIZED (
  SELECT e.id, os.id AS session_id, os.rollover_plan_id AS plan_id, os.session_date, os.duration_minutes,
    e.user_id, e.exercise_id, e.exercise_name, e.muscle_group, e.secondary_muscles, e.reps,
    e.rir, e.equipment, e.tier, e.target, e.tips, e.instructions, e.notes, e.display_order,
    e.order_in_session, e.swap_suggested,
    g.grp, src.w, src.sets, src.streak, x.step,
    CASE WHEN g.grp = ANY (os.last_recovery) THEN prev.sets END AS pre_sets,
    w2.sets AS week2_sets,
    harder.exercise_id AS harder_id, harder.name AS harder_name, harder.equipment AS harder_equipment,
    easier.exercise_id AS easier_id, easier.name AS easier_name, easier.equipment AS easier_equipment,
    CASE WHEN d.rule = 'reps_up' THEN x.tmin || '-' || least(x.tmax + ${REPS_UP_STEP}, ${REPS_CEILING}) END AS reps_up,
    d.rule, coalesce(rs.w, d.weight) AS judged_w, d.streak AS judged_streak, nr.rir AS next_rir,
    l.n_logged,
    lm.linear, lm.made, lm.made_all,
    coalesce(e.exercise_id, e.exercise_name) AS lift, os.last_deload AS restoring,
    -- The line of a step earned by madeEverySet: only a novice's made lift needs the text.
    CASE WHEN lm.linear AND lm.made THEN '+' || x.step::text || ' kg: every set made (' || x.tmax
      || ' reps) at RPE ' || ${madeRpeLimitSql("x.rpe_t", String(MADE_MAX_RPE))} || ' or easier' END AS made_line,
    -- The date of the session whose logs are judged (after a deload, the week before it).
    CASE WHEN os.last_deload AND prev.id IS NOT NULL
      THEN (SELECT s1.session_date FROM public.modular_training_session s1 WHERE s1.id = prev.session_id)
      ELSE os.session_date END AS judged_date,
    e.tier = 'T1' AND NOT x.unloaded AND l.n_loaded > 0 AS main_lift,
    -- A novice's linear lift never counts as falling: its stalls are its own, repeated and reset
    -- session by session (linear-midweek.ts), as the novice programmes reset a lift, not the
    -- programme (a coach read four whole-programme deloads in a novice's 19 weeks).
    e.tier = 'T1' AND NOT x.unloaded AND l.n_loaded > 0 AND coalesce(d.fell, false) AND src.streak >= 1
      AND NOT lm.linear AS main_falling,
    -- performanceScore (src/domain/mesocycle/performance.ts).
    CASE WHEN d.rule IN ('no_log', 'unparsed_reps') THEN NULL
         WHEN d.rule IN ('decrease_rpe10', 'bodyweight_missed', 'ladder_down') THEN 3
         WHEN d.rule IN ('hold_fell', 'decrease') OR l.margin < 0 OR l.n_logged < src.sets THEN 2
         WHEN l.margin >= ${BEAT_BY_REPS} THEN 0 ELSE 1 END AS perf,
    CASE e.tier WHEN 'T1' THEN os.sec_t1 WHEN 'T2' THEN os.sec_t2 ELSE os.sec_t3 END AS sec,
    os.warm_t0, os.warm_t1,
    -- progressReason (src/domain/load-progression/progress-reason.ts), the same text; or the
    -- restart of a new mesocycle (restartLine, src/domain/mesocycle/restart.ts).
    CASE WHEN rs.w IS NOT NULL THEN '-' || (src.w - rs.w)::text || ' kg: e1RM ' || floor(d.e1rm + 0.5)::bigint
        || ' kg, the load for RIR ' || nr.rir || ' as a new mesocycle starts'
    ELSE CASE d.rule
      WHEN 'no_log' THEN 'unchanged: nothing logged'
      WHEN 'unparsed_reps' THEN 'unchanged: reps are not a range'
      WHEN 'bodyweight' THEN 'held: bodyweight, reps carry the progress'
      WHEN 'bodyweight_missed' THEN 'held: below ' || x.tmin || ' reps at RPE 10 (week ' || d.streak || ')'
      WHEN 'ladder_up' THEN 'harder variation: every set at the top at RIR ' || (10 - x.rpe_t)
      WHEN 'ladder_down' THEN 'easier variation: below ' || x.tmin || ' reps at RPE 10 two weeks running'
      WHEN 'seed_from_log' THEN d.weight::text || ' kg: seeded from e1RM ' || floor(d.e1rm + 0.5)::bigint
        || ' kg (' || l.n_loaded || ' sets)'
      WHEN 'reps_up' THEN 'reps ' || e.reps || ' -> ' || x.tmin || '-' || least(x.tmax + ${REPS_UP_STEP}, ${REPS_CEILING})
        || ': every set at the top at RIR ' || (10 - x.rpe_t)
        || CASE WHEN src.w > 0 THEN ', the next load is more than ${STEP_FIT_PERCENT - 100}% up' ELSE ', no harder variation' END
      WHEN 'increase_top' THEN '+' || (d.weight - src.w)::text || ' kg: every set at the top (' || x.tmax
        || ' reps) at RIR ' || (10 - x.rpe_t) || ' or easier'
      WHEN 'increase' THEN '+' || (d.weight - src.w)::text || ' kg: e1RM ' || floor(d.e1rm + 0.5)::bigint
        || ' kg from ' || l.n_loaded || ' sets (best ' || l.best_set || ')'
      WHEN 'hold' THEN 'held: e1RM ' || floor(d.e1rm + 0.5)::bigint || ' kg from ' || l.n_loaded
        || ' sets (best ' || l.best_set || ')'
      WHEN 'hold_fell' THEN 'held: best set ' || l.best_set || ' (e1RM ' || floor(d.e1rm_best + 0.5)::bigint
        || ' kg), under the ' || floor(src.w / d.share + 0.5)::bigint || ' kg that ' || src.w || ' kg x '
        || x.tmin || ' at RIR ' || (10 - x.rpe_t) || ' asks (week ' || d.streak || ' of ' || $6::int
        || ' before a cut)'
      WHEN 'decrease' THEN '-' || (src.w - d.weight)::text || ' kg: best set ' || l.best_set || ' (e1RM '
        || floor(d.e1rm_best + 0.5)::bigint || ' kg), under the ' || floor(src.w / d.share + 0.5)::bigint || ' kg that ' || src.w || ' kg x '
        || x.tmin || ' at RIR ' || (10 - x.rpe_t) || ' asks, two weeks running'
      WHEN 'decrease_rpe10' THEN '-' || (src.w - d.weight)::text || ' kg: below ' || x.tmin || ' reps at RPE 10'
    END END AS load_line
  FROM old_sess os
  -- LATERAL ... OFFSET 0: an index probe per session (see old_sess).
  CROSS JOIN LATERAL (
    SELECT * FROM public.modular_training_exercise e0 WHERE e0.session_id = os.id OFFSET 0
  ) e
  -- The muscle group (lats and middle_back are the back, as progress_row_muscles counts).
  CROSS JOIN LATERAL (
    SELECT CASE WHEN e.muscle_group IN ('lats', 'middle_back') THEN 'back' ELSE e.muscle_group END AS grp OFFSET 0
  ) g
  -- The row this one was carried from: after a deload the week before it, judged again (a restore
  -- week judges week n-2's row on its own logs, as the deload week did not: the week before a
  -- deload is judged once and its outcome carried past the deload); after a recovery session the
  -- group's sets from before it. Without that row, the deload row is carried over as it is.
  LEFT JOIN LATERAL (
    SELECT p0.id, p0.session_id, p0.weight, p0.sets, p0.miss_streak, p0.exercise_id, p0.rir
    FROM public.modular_training_exercise p0
    WHERE (os.last_deload OR g.grp = ANY (os.last_recovery)) AND p0.id = e.carried_from_id OFFSET 0
  ) prev ON true
  -- The row judged (src) and the row's decision inputs, computed once per row (OFFSET 0 keeps
  -- the subquery from being flattened into every expression that names its columns).
  -- The pattern decides (a plain match runs as a fast DFA); the numbers are then read with string
  -- functions: regexp_match's capture groups cost about 50 us a row, most of a batch's time.
  CROSS JOIN LATERAL (
    SELECT CASE WHEN os.last_deload AND prev.id IS NOT NULL THEN prev.id ELSE e.id END AS id,
      CASE WHEN os.last_deload AND prev.id IS NOT NULL THEN prev.weight ELSE e.weight END::float8 AS w,
      CASE WHEN os.last_deload AND prev.id IS NOT NULL THEN prev.sets ELSE e.sets END AS sets,
      CASE WHEN os.last_deload AND prev.id IS NOT NULL THEN prev.miss_streak ELSE e.miss_streak END AS streak,
      CASE WHEN os.last_deload AND prev.id IS NOT NULL THEN prev.exercise_id ELSE e.exercise_id END AS exercise_id,
      -- The judged week's own target RIR: its logs are read against what it asked for.
      CASE WHEN os.last_deload AND prev.id IS NOT NULL THEN prev.rir ELSE e.rir END AS rir,
      (NOT os.last_deload OR prev.id IS NOT NULL) AS judged
    OFFSET 0
  ) src
  -- Next week's target RIR on the ramp (rampRir, src/domain/mesocycle/rir-ramp.ts): the week after
  -- a deload opens the next mesocycle, any other is the next accumulation week (a deload week
  -- does not use it: its loads are not judged).
  CROSS JOIN LATERAL (
    SELECT greatest(os.rir_start - CASE WHEN os.len <= 1 THEN 0 ELSE
             (2 * (os.rir_start - os.rir_end) * (least(greatest(os.next_mweek, 1), os.len) - 1) + (os.len - 1))
             / (2 * (os.len - 1)) END,
           least(os.rir_start, greatest(os.rir_end,
             CASE WHEN os.level = 'beginner' THEN ${BEGINNER_MIN_RIR} ELSE 0 END,
             CASE WHEN e.equipment = 'barbell' OR e.tier = 'T1' THEN ${BARBELL_MIN_RIR} ELSE 0 END))) AS rir
    OFFSET 0
  ) nr
  CROSS JOIN LATERAL (
    SELECT t.*, (src.w IS NULL OR src.w <= 0) AS unloaded,
      coalesce(t.tmin >= 1 AND t.tmax >= t.tmin, false) AS parsed,
      coalesce(($3::jsonb ->> e.equipment)::float8, $4::float8) AS step,
      ${targetRpeSql("src.rir", "$10::int", "$11::int")} AS rpe_t,
      ${targetRpeSql("nr.rir", "$10::int", "$11::int")} AS rpe_next
    FROM (
      SELECT CASE WHEN rm.ok THEN ${repMinSql("rm.r")} END AS tmin,
        CASE WHEN rm.ok THEN ${repMaxSql("rm.r")} END AS tmax
      FROM (SELECT e.reps ~ $5::text AS ok, ${repTextSql("e.reps")} AS r OFFSET 0) rm
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
      -- The best set's e1RM: what the fall test reads (bestE1rmKg: later sets lose reps to fatigue).
      max(ts.weight_kg::float8 / ${rpePercent("ts.reps_done", "coalesce(ts.rpe, x.rpe_t)")})
        FILTER (WHERE ts.weight_kg > 0) AS e1rm_best,
      -- The evidence the reason names: the set with the best e1RM (the first of equals).
      (array_agg(ts.reps_done || ' @ ' || ts.weight_kg::float8 || ' kg' || coalesce(' RPE ' || ts.rpe, '')
         ORDER BY ts.weight_kg::float8 / ${rpePercent("ts.reps_done", "coalesce(ts.rpe, x.rpe_t)")} DESC, ts.set_no)
        FILTER (WHERE ts.weight_kg > 0))[1] AS best_set,
      coalesce(bool_or(ts.weight_kg >= src.w AND ts.reps_done < x.tmin AND ts.rpe >= $7::int), false) AS missed10,
      count(*) FILTER (WHERE ts.reps_done >= x.tmax AND (ts.rpe IS NULL OR ts.rpe <= x.rpe_t)) AS n_top_target,
      -- Sets that earn the next load by double progression (progressRow's aboveTarget).
      count(*) FILTER (WHERE ts.weight_kg >= src.w AND ts.reps_done >= x.tmax
        AND (ts.rpe IS NULL OR ts.rpe <= x.rpe_t)) AS n_top_up,
      -- Sets made at the row's load with one RPE of drift past the target (a novice's linear
      -- progression steps on them: linear-progression.ts, madeEverySet).
      count(*) FILTER (WHERE ts.weight_kg >= src.w AND ts.reps_done >= x.tmax
        AND (ts.rpe IS NULL OR ts.rpe <= ${madeRpeLimitSql("x.rpe_t", String(MADE_MAX_RPE))})) AS n_made,
      coalesce(bool_or(ts.reps_done < x.tmin AND ts.rpe >= $7::int), false) AS missed10_any,
      -- The mean over the sets of the reps past the bottom plus reps left past the target RIR
      -- (performance.ts).
      avg(ts.reps_done - x.tmin + (x.rpe_t - coalesce(ts.rpe, x.rpe_t))) AS margin
    FROM public.training_set ts
    WHERE ts.exercise_row_id = src.id AND src.judged
  ) l
  -- A novice's fixed-rep barbell lift (isLinearLift, linear-progression.ts), and whether every
  -- prescribed set was made (madeEverySet: made_all); made, the step it earns, not after a deload
  -- (the restore judges the week before it for a new mesocycle's RIR, and restarts at its load).
  CROSS JOIN LATERAL (
    SELECT os.level = 'beginner' AND e.equipment = 'barbell' AND x.parsed AND x.tmin = x.tmax
             AND NOT x.unloaded AS linear,
      l.n_made >= greatest(1, src.sets) AS made_all,
      NOT os.last_deload AND l.n_made >= greatest(1, src.sets) AS made
    OFFSET 0
  ) lm
  ${ladderNeighbour(1)}
  ${ladderNeighbour(-1)}
  -- The decision (docs/progression.md, "Decision table"), with the share of 1RM the row's target
  -- reps take at its target RPE.
  CROSS JOIN LATERAL (
    SELECT r.*,
      CASE r.rule
        WHEN 'seed_from_log' THEN greatest(CASE WHEN e.equipment = 'dumbbell' THEN ($15::float8[])[1] ELSE x.step END,
                                           ${floorLoad("r.candidate")})
        -- A cut is to the load for the RIR the lifter fell short at (the judged week's), never
        -- for next week's lower one: that would cut nothing.
        WHEN 'decrease' THEN least(src.w, greatest(${ceilLoad("src.w * $14::float8 / 100")}, ${floorLoad("r.e1rm_best * r.share")}))
        WHEN 'decrease_rpe10' THEN least(src.w, greatest(${ceilLoad("src.w * $14::float8 / 100")}, ${floorLoad("r.e1rm_best * r.share")}))
        WHEN 'increase' THEN r.up
        WHEN 'increase_top' THEN r.top_up
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
              CASE WHEN harder.exercise_id IS NOT NULL THEN 'ladder_up'
                   WHEN x.tmax < ${REPS_CEILING} THEN 'reps_up' ELSE 'bodyweight' END
            WHEN l.missed10_any AND src.streak + 1 >= $6::int AND easier.exercise_id IS NOT NULL THEN 'ladder_down'
            WHEN l.missed10_any THEN 'bodyweight_missed'
            ELSE 'bodyweight' END
          WHEN x.unloaded THEN 'seed_from_log'
          WHEN l.n_loaded = 0 THEN 'no_log'
          WHEN l.missed10 THEN 'decrease_rpe10'
          WHEN q.fell AND src.streak + 1 >= $6::int THEN 'decrease'
          WHEN q.fell THEN 'hold_fell'
          WHEN q.up > src.w THEN 'increase'
          -- Double progression (progressRow): every prescribed set at the top of the range at the
          -- target RPE or easier takes the implement's next load where that step fits.
          WHEN l.n_top_up >= greatest(1, src.sets) AND q.top_up * 100 <= src.w * $17::float8 THEN 'increase_top'
          -- Reps past the top (repsUp): the next load is too big a step.
          WHEN l.n_top_up >= greatest(1, src.sets) AND x.tmax < ${REPS_CEILING} THEN 'reps_up'
          ELSE 'hold'
        END AS rule
      FROM (
        SELECT c.*,
          c.e1rm_best * 100 < (src.w / c.share) * $12::float8 AS fell,
          CASE WHEN ${floorLoad(`least(c.candidate, src.w * ${maxIncrease} / 100)`)} > src.w
               THEN ${floorLoad(`least(c.candidate, src.w * ${maxIncrease} / 100)`)}
               ELSE ${floorLoad("least(c.candidate, src.w * $17::float8 / 100)")} END AS up,
          ${ceilLoad(`(src.w + ${TOP_STEP_EPSILON_KG})`)} AS top_up
        FROM (
          -- The load for the bottom of the range at NEXT week's target RPE (the ramp's), while
          -- the fall is measured against the RPE the judged week asked for.
          SELECT s0.*, s0.e1rm * s0.share_next AS candidate
          FROM (
            SELECT l.e1rm_sum / l.n_loaded AS e1rm, l.e1rm_best,
              CASE WHEN x.parsed THEN ${rpePercent("x.tmin", "x.rpe_t")} END AS share,
              CASE WHEN x.parsed THEN ${rpePercent("x.tmin", "x.rpe_next")} END AS share_next
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
  -- After a deload, a load the logs hold comes down to the new mesocycle's RIR (restartLoadKg,
  -- src/domain/mesocycle/restart.ts), by at most a cut; null when the judged load stands.
  LEFT JOIN LATERAL (
    SELECT nullif(least(src.w, greatest(${ceilLoad("src.w * $14::float8 / 100")}, ${floorLoad("d.candidate")})), src.w) AS w
    WHERE os.last_deload AND d.rule = 'hold' AND src.w > 0
  ) rs ON true
  -- After a deload: the row in the same slot (the session by label, and by number and weekday
  -- where they match, as the rollover copies them; an alternating week moves its workouts between
  -- days; the row by order in session) of the ending mesocycle's week 2. Index probes, only for
  -- restore weeks.
  LEFT JOIN LATERAL (
    SELECT e2.sets, e2.carried_from_id FROM public.modular_training_session s2
    JOIN public.modular_training_exercise e2 ON e2.session_id = s2.id AND e2.order_in_session = e.order_in_session
    WHERE os.week2_id IS NOT NULL AND s2.week_id = os.week2_id AND s2.day_label IS NOT DISTINCT FROM os.day_label
    ORDER BY (s2.session_number = os.session_number AND s2.day_of_week IS NOT DISTINCT FROM os.day_of_week) DESC,
      s2.session_date, e2.display_order, e2.id
    LIMIT 1
  ) w2r ON true
  -- A week 2 that was a recovery session for the row's group is not its volume: the sets before
  -- it (week 1's row) are.
  LEFT JOIN LATERAL (
    SELECT coalesce((SELECT w1r.sets FROM public.modular_training_exercise w1r
                     WHERE g.grp = ANY (os.week2_recovery) AND w1r.id = w2r.carried_from_id), w2r.sets) AS sets
    WHERE w2r.sets IS NOT NULL
  ) w2 ON true
),
-- A novice's fixed-rep barbell rows of the week before the judged one, each made (madeEverySet)
-- or not: a load missed on the judged week's every logged session counts that week's trailing
-- misses at it too (linearBase's \`before\`), so a two-day week's third miss in a row, on its last
-- session, resets next week instead of a fourth try. Not around a deload (its loads are others).
prior_linear AS MATERIALIZED (
  SELECT due.plan_id, coalesce(e.exercise_id, e.exercise_name) AS lift, e.reps, e.weight::float8 AS w,
    s.session_date, e.order_in_session, e.id, pl.n_logged, pl.n_made >= greatest(1, e.sets) AS made
  FROM due
  CROSS JOIN LATERAL (
    SELECT s0.id, s0.session_date FROM public.modular_training_session s0 WHERE s0.week_id = due.prev_week_id OFFSET 0
  ) s
  CROSS JOIN LATERAL (
    SELECT e0.* FROM public.modular_training_exercise e0
    WHERE e0.session_id = s.id AND e0.equipment = 'barbell' AND e0.weight > 0 AND e0.reps ~ $5::text
    OFFSET 0
  ) e
  CROSS JOIN LATERAL (
    SELECT ${repMinSql("rm.r")} AS tmin, ${repMaxSql("rm.r")} AS tmax,
      ${madeRpeLimitSql(targetRpeSql("e.rir", "$10::int", "$11::int"), String(MADE_MAX_RPE))} AS rpe_cap
    FROM (SELECT ${repTextSql("e.reps")} AS r OFFSET 0) rm
    OFFSET 0
  ) t
  CROSS JOIN LATERAL (
    SELECT count(*) AS n_logged,
      count(*) FILTER (WHERE ts.weight_kg >= e.weight AND ts.reps_done >= t.tmax
        AND (ts.rpe IS NULL OR ts.rpe <= t.rpe_cap)) AS n_made
    FROM public.training_set ts WHERE ts.exercise_row_id = e.id
  ) pl
  WHERE due.level = 'beginner' AND NOT due.last_deload AND NOT coalesce(due.prev_deload, true)
    AND t.tmin = t.tmax
),
-- A novice's linear progression (linearBase, src/domain/load-progression/linear-progression.ts):
-- each fixed-rep barbell lift of a beginner's week, judged on its latest session whose logs were
-- judged. Its outcome is the load of the lift's first session next week; from step_from on (0
-- after a step earned or a cut, 1 after a load held with the estimate near it, none after one held
-- or repeated with the estimate below it) each later session of the lift adds one (linear_slot
-- numbers them).
linear_base AS MATERIALIZED (
  SELECT DISTINCT ON (j.plan_id, j.lift, j.reps) j.plan_id, j.lift, j.reps,
    CASE WHEN m.held_made THEN j.w + j.step WHEN m.stalled THEN ${stallReset} WHEN m.repeated OR m.restart_hold THEN j.w
         WHEN m.capped THEN j.w + j.step
         ELSE j.judged_w END AS w,
    CASE WHEN m.held_made OR m.stalled OR m.restart_hold THEN 0 ELSE j.judged_streak END AS streak,
    CASE WHEN m.restart_hold THEN CASE WHEN j.made_all THEN 0 END
         WHEN m.repeated THEN NULL
         WHEN j.rule IN ('increase', 'increase_top', 'decrease', 'decrease_rpe10') OR m.held_made OR m.stalled THEN 0
         WHEN j.rule = 'hold' THEN 1 END AS step_from,
    -- Whether the judgement raised anything (a recovery session's line then says the load is held).
    (j.rule IN ('increase', 'increase_top', 'reps_up') OR m.held_made) AND NOT m.restart_hold AS raised,
    CASE WHEN m.restart_hold THEN j.w::text || ' kg '
           || CASE WHEN j.made_all THEN 'made before it, repeated, then a step a session'
                   ELSE 'missed before it, tried again' END
         WHEN m.held_made THEN j.made_line
         WHEN m.capped THEN '+' || j.step::text || ' kg: one step a session (the estimate allowed +'
           || (j.judged_w - j.w)::text || ' kg)'
         WHEN m.stalled THEN 'reset: ' || j.w::text || ' kg missed ' || m.misses || ' sessions running; 10% off'
         WHEN m.repeated THEN 'held: ' || j.w::text || ' kg missed'
           || CASE WHEN m.misses > 1 THEN ' ' || m.misses || ' sessions running' ELSE '' END
           || '; the next session repeats it'
         ELSE j.load_line END AS load_line
  FROM judged j
  -- The lift's sessions of the week missed in a row at its load, back from the latest (a missed
  -- session: one not made, its sets logged).
  CROSS JOIN LATERAL (
    SELECT count(*) AS misses FROM judged r
    WHERE r.plan_id = j.plan_id AND r.lift = j.lift AND r.reps = j.reps AND r.linear AND r.n_logged > 0
      AND NOT r.made AND r.w = j.w
      AND (r.judged_date, r.order_in_session, r.id) <= (j.judged_date, j.order_in_session, j.id)
      AND NOT EXISTS (SELECT 1 FROM judged b
                      WHERE b.plan_id = j.plan_id AND b.lift = j.lift AND b.reps = j.reps AND b.linear
                        AND b.n_logged > 0
                        AND (b.judged_date, b.order_in_session, b.id) > (r.judged_date, r.order_in_session, r.id)
                        AND (b.judged_date, b.order_in_session, b.id) <= (j.judged_date, j.order_in_session, j.id)
                        AND (b.made OR b.w <> j.w))
  ) ms0
  -- Where every logged session of the lift up to the latest missed it at its load, the week
  -- before's trailing misses at that load too.
  CROSS JOIN LATERAL (
    SELECT ms0.misses + CASE WHEN NOT EXISTS (
        SELECT 1 FROM judged b
        WHERE b.plan_id = j.plan_id AND b.lift = j.lift AND b.reps = j.reps AND b.linear AND b.n_logged > 0
          AND (b.judged_date, b.order_in_session, b.id) <= (j.judged_date, j.order_in_session, j.id)
          AND (b.made OR b.w <> j.w))
      THEN (SELECT count(*) FROM prior_linear r
            WHERE r.plan_id = j.plan_id AND r.lift = j.lift AND r.reps = j.reps AND r.n_logged > 0
              AND NOT r.made AND r.w = j.w
              AND NOT EXISTS (SELECT 1 FROM prior_linear b
                              WHERE b.plan_id = j.plan_id AND b.lift = j.lift AND b.reps = j.reps
                                AND b.n_logged > 0
                                AND (b.session_date, b.order_in_session, b.id) > (r.session_date, r.order_in_session, r.id)
                                AND (b.made OR b.w <> j.w)))
      ELSE 0 END AS misses
  ) ms
  -- Held or cut by the estimate (at the row's RIR) with every set made: the step is earned anyway.
  -- Held or cut with the load missed STALL_MISSES sessions running: reset 10%; held under or cut
  -- by the estimate with fewer misses: the load is repeated, and the line says so (linearBase).
  CROSS JOIN LATERAL (
    SELECT j.rule IN ('hold', 'hold_fell', 'decrease') AND j.made AS held_made,
      j.rule IN ('hold', 'hold_fell', 'decrease') AND NOT j.made AND NOT j.restoring
        AND ms.misses >= ${STALL_MISSES} AS stalled,
      j.rule IN ('hold_fell', 'decrease') AND NOT j.made AND NOT j.restoring AND ms.misses < ${STALL_MISSES}
        AS repeated,
      -- After a deload: restarted at the last load, never lower and with no step of its own (linearBase).
      j.restoring AND j.w > 0 AS restart_hold,
      -- One step a session: the estimate's bigger increase is held to one (linearBase).
      NOT j.restoring AND j.rule IN ('increase', 'increase_top') AND j.w > 0 AND j.judged_w > j.w + j.step AS capped,
      ms.misses
  ) m
  WHERE j.linear AND j.rule <> 'no_log'
  ORDER BY j.plan_id, j.lift, j.reps, j.judged_date DESC, j.order_in_session DESC, j.id DESC
),
-- The plan's next week: a restore after a deload (the next mesocycle's week 1), a deload at the
-- end of the accumulation or earlier on fatigue (src/domain/mesocycle/fatigue.ts), else the next
-- accumulation week.
grp_agg AS MATERIALIZED (
  -- One aggregate of the judged rows per plan and muscle group (the null group included): what
  -- the plan's state and the group's decision both read.
  SELECT j.plan_id, j.grp, max(j.perf) AS perf, sum(j.sets) AS group_sets,
    bool_or(j.n_logged > 0) AS trained,
    count(*) FILTER (WHERE j.main_lift) AS mains,
    count(*) FILTER (WHERE j.main_falling) AS falling
  FROM judged j
  GROUP BY j.plan_id, j.grp
),
plan_state AS MATERIALIZED (
  SELECT due.*, c.cause,
    CASE WHEN due.last_deload THEN 'restore' WHEN c.cause IS NOT NULL THEN 'deload' ELSE 'progress' END AS kind,
    CASE WHEN due.last_deload THEN due.meso + 1 ELSE due.meso END AS new_meso,
    CASE WHEN due.last_deload THEN 1 ELSE due.mweek + 1 END AS new_mweek
  FROM due
  LEFT JOIN (
    SELECT g.plan_id,
      count(*) FILTER (WHERE g.trained AND g.grp IS NOT NULL) AS trained,
      count(*) FILTER (WHERE g.trained AND g.grp = ANY (d0.recent_recovery)) AS recovering,
      sum(g.mains) AS mains,
      sum(g.falling) AS falling
    FROM grp_agg g JOIN due d0 ON d0.plan_id = g.plan_id
    GROUP BY g.plan_id
  ) a ON a.plan_id = due.plan_id
  CROSS JOIN LATERAL (
    SELECT CASE
      WHEN due.last_deload THEN NULL
      WHEN due.mweek >= due.len THEN 'planned, end of mesocycle ' || due.meso
      WHEN due.mweek < ${EARLY_DELOAD_MIN_WEEK} THEN NULL
      WHEN a.recovering * 100 > a.trained * ${FATIGUE_SHARE_PERCENT}
        THEN 'fatigue: ' || a.recovering || ' of ' || a.trained || ' muscle groups needed a recovery session'
      WHEN a.falling * 100 > a.mains * ${FATIGUE_SHARE_PERCENT}
        THEN 'fatigue: e1RM fell two weeks running on ' || a.falling || ' of ' || a.mains || ' main lifts'
    END AS cause
  ) c
),
-- The lifter's feedback on last week's sessions, per plan and muscle group (muscle_feedback: an
-- index probe per session).
grp_fb AS MATERIALIZED (
  SELECT os.rollover_plan_id AS plan_id,
    CASE WHEN mf.muscle_group IN ('lats', 'middle_back') THEN 'back' ELSE mf.muscle_group END AS grp,
    max(mf.soreness)::int AS soreness, max(mf.pump)::int AS pump, coalesce(bool_or(mf.joint_pain), false) AS joint
  FROM old_sess os
  CROSS JOIN LATERAL (
    SELECT * FROM public.muscle_feedback mf0 WHERE mf0.session_id = os.id OFFSET 0
  ) mf
  GROUP BY 1, 2
),
-- Per plan and muscle group of an accumulation week: RP's set change (set-change.ts) from the
-- worst row's performance score and the feedback; joint pain holds; a group that had a recovery
-- session last week gets its sets back.
grp_dec AS MATERIALIZED (
  SELECT q.*,
    CASE WHEN q.perf IS NULL THEN 0
         ELSE ($20::int[])[CASE WHEN q.pump IS NULL THEN 0 WHEN q.pump <= 1 THEN 16 ELSE 32 END
                           + coalesce(q.soreness, 0) * 4 + q.perf + 1] END AS change
  FROM (
    SELECT g.plan_id, g.grp, g.perf, g.group_sets,
      f.soreness, f.pump, coalesce(f.joint, false) AS joint,
      g.grp = ANY (ps.last_recovery) AS after_recovery,
      coalesce(($21::jsonb -> ps.level ->> g.grp)::int, ($21::jsonb -> ps.level ->> 'other')::int,
               ${OTHER_MRV}) AS mrv
    FROM grp_agg g
    JOIN plan_state ps ON ps.plan_id = g.plan_id AND ps.kind = 'progress'
    LEFT JOIN grp_fb f ON f.plan_id = g.plan_id AND f.grp = g.grp
    WHERE g.grp IS NOT NULL
  ) q
),
-- Each session's time left for added sets: its duration_minutes (plus SESSION_OVERRUN_PERCENT)
-- less what its rows take by the generator's time model (src/domain/plan/time-model.ts).
ses_room AS MATERIALIZED (
  SELECT j.session_id,
    coalesce(max(j.duration_minutes) * 60 * (100 + ${SESSION_OVERRUN_PERCENT}) / 100, 1000000)
      - sum(j.sets * j.sec)
      - max(CASE WHEN j.tier = 'T1' THEN j.warm_t1 ELSE j.warm_t0 END) AS room
  FROM judged j JOIN plan_state ps ON ps.plan_id = j.plan_id AND ps.kind = 'progress'
  GROUP BY j.session_id
),
-- Added sets spread over the group's rows (docs/mesocycles.md, "Where added sets go"): rows in
-- order of fewest sets, then T3, T2, T1, then session date and slot order, one set each in turn,
-- never past MAX_SETS_PER_ROW a row or the group's MRV; a row whose session has no time left
-- for its sets gets none (sessions filled in group, then row order).
alloc AS MATERIALIZED (
  SELECT c.id, c.add
  FROM (
    SELECT r.*, sum(r.add * r.sec) OVER (PARTITION BY r.session_id ORDER BY r.grp, r.rk) AS used
    FROM (
      -- An alternating week's rows take half their share, rounded up: each workout comes three
      -- times a fortnight, so each set added to it is one and a half a week (two in one week, one
      -- in the next).
      SELECT o.*, least(${MAX_SETS_PER_ROW} - o.sets,
                        CASE WHEN o.rk <= o.total THEN ((o.total - o.rk) / o.n + o.copies) / o.copies
                             ELSE 0 END) AS add
      FROM (
        SELECT j.id, j.session_id, j.grp, j.sec, j.sets,
          CASE WHEN alt.plan_id IS NULL THEN 1 ELSE 2 END AS copies,
          greatest(0, least(g.change, g.mrv - g.group_sets)) AS total,
          count(*) OVER (PARTITION BY j.plan_id, j.grp) AS n,
          row_number() OVER (PARTITION BY j.plan_id, j.grp
            ORDER BY j.sets, CASE j.tier WHEN 'T1' THEN 2 WHEN 'T2' THEN 1 ELSE 0 END,
                     j.session_date, j.order_in_session, j.id) AS rk
        FROM judged j
        JOIN grp_dec g ON g.plan_id = j.plan_id AND g.grp = j.grp
        -- An alternating week's first session is carried no further: its rows get no sets.
        LEFT JOIN alternating alt ON alt.plan_id = j.plan_id
        WHERE g.change > 0 AND NOT g.joint AND NOT g.after_recovery AND j.sets < ${MAX_SETS_PER_ROW}
          AND (alt.plan_id IS NULL OR j.session_id IN (alt.middle_id, alt.last_id))
          -- A novice's linear lift keeps its sets (3 x 5): its load carries the progress.
          AND NOT j.linear
      ) o
    ) r
    WHERE r.add > 0
  ) c
  JOIN ses_room sr ON sr.session_id = c.session_id
  WHERE c.used <= sr.room
),
recovering AS (
  SELECT g.plan_id, array_agg(g.grp ORDER BY g.grp) AS grps
  FROM grp_dec g WHERE g.change = ${RECOVERY} AND NOT g.joint
  GROUP BY g.plan_id
),
new_weeks AS (
  -- The database's uniqueness decides: a week another run already inserted (or is inserting:
  -- we wait for it) is skipped, and only weeks returned here get sessions and exercises.
  -- Plan id order keeps two concurrent runs from deadlocking on each other's new weeks.
  INSERT INTO public.modular_training_week
    (plan_id, user_id, week_number, week_start, is_deload, mesocycle, mesocycle_week, recovery_muscles)
  SELECT ps.plan_id, ps.user_id, ps.n, ps.next_start, ps.kind = 'deload', ps.new_meso, ps.new_mweek,
    coalesce(rc.grps, '{}'::text[])
  FROM plan_state ps LEFT JOIN recovering rc ON rc.plan_id = ps.plan_id
  ORDER BY ps.plan_id
  ON CONFLICT (plan_id, week_number) DO NOTHING
  RETURNING id, plan_id
),
-- Each day of the new week (a session of the old one, by date) and the old session whose workout
-- it gets (src): its own, or in an alternating week the other workout (alternating).
sess AS MATERIALIZED (
  SELECT gen_random_uuid() AS new_id, nw.id AS new_week_id, os.*, src.id AS src_id,
    src.day_label AS src_label, src.focus_area AS src_focus, src.duration_minutes AS src_minutes
  FROM new_weeks nw
  JOIN old_sess os ON os.rollover_plan_id = nw.plan_id
  LEFT JOIN alternating alt ON alt.plan_id = os.rollover_plan_id
  JOIN old_sess src ON src.id = CASE WHEN alt.plan_id IS NULL THEN os.id
                                      WHEN os.id = alt.middle_id THEN alt.last_id
                                      ELSE alt.middle_id END
),
-- Each new row of a novice's fixed-rep barbell lift, numbered by session within its new week
-- (an alternating week copies one old row to two days; two rows of the lift in one session share
-- their session's number).
linear_slot AS MATERIALIZED (
  SELECT sess.new_id, e.id AS row_id, e.plan_id, e.lift, e.reps,
    dense_rank() OVER (PARTITION BY e.plan_id, e.lift, e.reps
                       ORDER BY sess.session_date, sess.session_number, sess.new_id) - 1 AS k,
    -- The lift's heaviest load of the week: a deload takes every session of it down from there.
    max(e.w) OVER (PARTITION BY e.plan_id, e.lift, e.reps) AS top_w
  FROM sess JOIN judged e ON e.session_id = sess.src_id
  WHERE e.linear
),
new_sessions AS (
  INSERT INTO public.modular_training_session
    (id, week_id, user_id, day_label, session_date, day_of_week, focus_area, session_number,
     duration_minutes, completed)
  SELECT new_id, new_week_id, user_id, src_label, session_date + 7, day_of_week, src_focus, session_number,
    src_minutes, false
  FROM sess
  RETURNING 1
),
new_exercises AS (
  INSERT INTO public.modular_training_exercise
    (id, session_id, user_id, exercise_id, exercise_name, muscle_group, secondary_muscles, sets, reps, rir,
     equipment, tier, target, tips, instructions, weight, notes, display_order, order_in_session,
     miss_streak, carried_from_id, progress_reason, swap_suggested)
  SELECT gen_random_uuid(), sess.new_id, e.user_id,
    CASE v.mv WHEN 'ladder_up' THEN e.harder_id WHEN 'ladder_down' THEN e.easier_id ELSE e.exercise_id END,
    CASE v.mv WHEN 'ladder_up' THEN e.harder_name WHEN 'ladder_down' THEN e.easier_name ELSE e.exercise_name END,
    e.muscle_group, e.secondary_muscles,
    v.sets, CASE WHEN v.mv = 'reps_up' THEN e.reps_up ELSE e.reps END, v.rir,
    CASE v.mv WHEN 'ladder_up' THEN e.harder_equipment WHEN 'ladder_down' THEN e.easier_equipment ELSE e.equipment END,
    e.tier, e.target, e.tips,
    -- Another variation's instructions are not this one's: a moved row has none.
    CASE WHEN v.mv IN ('ladder_up', 'ladder_down') THEN NULL ELSE e.instructions END,
    fw.w::real,
    ${notesWithWarmUp("e.notes", warmUpRamp("fw.w", "e.step"))},
    e.display_order, e.order_in_session,
    coalesce(lp.streak, v.streak)::int,
    e.id,
    CASE WHEN ps.kind = 'deload' THEN
      'deload (' || ps.cause || '): sets ' || e.sets || ' -> ' || v.sets || ', '
      || CASE WHEN e.w IS NULL OR e.w <= 0 THEN 'no load'
              WHEN fw.w < e.w THEN 'load ' || e.w || ' -> ' || fw.w || ' kg'
              ELSE 'load held at ' || e.w || ' kg' END
      || ', RIR ' || v.rir
    ELSE
      CASE WHEN ps.kind = 'restore' THEN 'after the deload; ' ELSE '' END
      || CASE v.vol
        WHEN 'joint' THEN 'held: joint pain reported on ' || e.grp || ', swap suggested'
        WHEN 'recovery' THEN 'recovery session for ' || e.grp || ': sets ' || coalesce(e.pre_sets, e.sets) || ' -> '
          || v.sets || ' (could not match last week); '
          || CASE WHEN coalesce(lp.raised, e.rule IN ('increase', 'increase_top', 'ladder_up', 'reps_up'))
                  THEN 'load held' ELSE coalesce(lp.line, e.load_line) END
        WHEN 'after_recovery' THEN coalesce(lp.line, e.load_line) || '; sets ' || e.sets || ' -> ' || v.sets
          || ': back from the recovery session'
        WHEN 'added' THEN coalesce(lp.line, e.load_line) || '; +' || a.add || ' set' || CASE WHEN a.add = 1 THEN '' ELSE 's' END
          || ' (' || e.grp || ': performance ' || g.perf || coalesce(', soreness ' || g.soreness, '')
          || coalesce(', pump ' || g.pump, '') || ')'
        ELSE coalesce(lp.line, e.load_line)
          || CASE WHEN ps.kind = 'restore' AND v.sets <> e.sets
               THEN '; sets ' || e.sets || ' -> ' || v.sets || ' (mesocycle ' || ps.meso || ' week 2)' ELSE '' END
      END
    END,
    (e.swap_suggested OR v.vol = 'joint') AND v.mv IS DISTINCT FROM 'ladder_up' AND v.mv IS DISTINCT FROM 'ladder_down'
  FROM sess
  JOIN judged e ON e.session_id = sess.src_id
  JOIN plan_state ps ON ps.plan_id = sess.rollover_plan_id
  LEFT JOIN grp_dec g ON g.plan_id = e.plan_id AND g.grp = e.grp
  LEFT JOIN alloc a ON a.id = e.id
  -- The row's volume decision (vol), the rule that may move it on its ladder (mv), and its sets,
  -- RIR and miss streak.
  CROSS JOIN LATERAL (
    SELECT v0.*,
      CASE WHEN ps.kind = 'deload' THEN greatest(1, round(e.sets * $9::numeric / 100))::int
           WHEN ps.kind = 'restore' THEN coalesce(e.week2_sets, e.sets)
           WHEN v0.vol = 'recovery' THEN greatest(1, round(coalesce(e.pre_sets, e.sets) * $9::numeric / 100))::int
           WHEN v0.vol = 'after_recovery' THEN coalesce(e.pre_sets, e.sets)
           WHEN v0.vol = 'added' THEN e.sets + a.add
           ELSE e.sets END AS sets,
      CASE WHEN ps.kind = 'deload' THEN greatest(coalesce(e.rir, $10::int), ${DELOAD_MIN_RIR})
           -- rampRir, worked out with the judgement (judged.next_rir).
           ELSE e.next_rir END AS rir,
      CASE WHEN ps.kind = 'deload' OR v0.vol = 'joint' THEN e.streak ELSE e.judged_streak END AS streak,
      -- A recovery session does not move up; a cut or an easier variation on evidence still comes.
      CASE WHEN ps.kind = 'deload' OR v0.vol = 'joint' THEN NULL
           WHEN v0.vol = 'recovery' AND e.rule IN ('ladder_up', 'reps_up') THEN NULL ELSE e.rule END AS mv
    FROM (
      SELECT CASE WHEN ps.kind <> 'progress' OR g.plan_id IS NULL THEN 'none'
                  WHEN g.joint THEN 'joint'
                  WHEN g.change = ${RECOVERY} THEN 'recovery'
                  WHEN g.after_recovery THEN 'after_recovery'
                  WHEN a.add > 0 THEN 'added'
                  ELSE 'none' END AS vol
      OFFSET 0
    ) v0
    OFFSET 0
  ) v
  -- A novice's lift (not held for joint pain): in a deload every session of it at the deload of
  -- its heaviest load (linearDeloadKg), not each row's own, and never above the row's own load (a
  -- light bar's first session can sit below it); in an accumulation week or the restore
  -- after a deload (whose judged session is the week before the deload) its load, miss streak and
  -- line from the lift's latest judged session (linear_base); in a recovery session the lower of
  -- its own load and that one, with no steps (linearRecoveryLoadKg). Nulls: the row's own rule.
  LEFT JOIN LATERAL (
    SELECT CASE WHEN ps.kind = 'deload' THEN least(e.w, ${reduced("ls.top_w", "e.step")})
                WHEN v.vol = 'recovery' THEN least(e.w, lb.w)
                ELSE lb.w + n.steps * e.step END AS w,
      CASE WHEN ps.kind <> 'deload' THEN lb.streak END AS streak,
      CASE WHEN ps.kind <> 'deload' THEN lb.raised END AS raised,
      CASE WHEN ps.kind = 'deload' THEN NULL
           WHEN n.steps > 0
        THEN lb.load_line || '; +' || (n.steps * e.step)::text || ' kg for the lift''s session ' || (ls.k + 1)
             || ' this week: a novice adds load every session'
        ELSE lb.load_line END AS line
    FROM linear_slot ls
    LEFT JOIN linear_base lb ON lb.plan_id = ls.plan_id AND lb.lift = ls.lift AND lb.reps = ls.reps
    CROSS JOIN LATERAL (SELECT coalesce(greatest(0, ls.k - lb.step_from), 0) AS steps) n
    WHERE ls.new_id = sess.new_id AND ls.row_id = e.id AND v.vol <> 'joint'
      AND (ps.kind = 'deload' OR lb.plan_id IS NOT NULL)
  ) lp ON true
  -- The load written: a deload week's is lighter (and not judged up); joint pain holds it; a
  -- recovery session never raises it (a cut on evidence still comes); a novice's lift follows its
  -- latest session (lp). As float8 of the stored real.
  CROSS JOIN LATERAL (
    SELECT (CASE WHEN ps.kind = 'deload' THEN coalesce(lp.w, ${reduced("e.w", "e.step")})
                 WHEN v.vol = 'joint' THEN e.w
                 WHEN lp.w IS NOT NULL THEN lp.w
                 WHEN v.vol = 'recovery' AND e.w > 0 THEN least(e.w, e.judged_w)
                 ELSE e.judged_w END)::real::float8 AS w
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

/** The progression and mesocycle constants, bound as parameters $3..$23 of ROLL_ONE_WEEK. */
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
    [...LOWER_BODY_GROUPS],
    MIN_CUT_PERCENT,
    [...DUMBBELL_RACK],
    [...RPE_CLOSED_FORM],
    STEP_FIT_PERCENT,
    JSON.stringify(ACCUMULATION_WEEKS),
    JSON.stringify(RIR_RAMP),
    [...SET_CHANGE_TABLE],
    JSON.stringify(mrvTable()),
    JSON.stringify(setSecondsTable()),
    JSON.stringify(warmUpTable()),
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
