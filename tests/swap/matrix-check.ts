// The alternatives check of issue 23 over plans of the request matrix, shared by the stratified
// sample in `npm test` (alternatives-matrix.test.ts) and the whole matrix (scripts/swap-matrix.ts):
// plans written the way the plan.generate job writes them, exercise_alternatives asked for every
// week-1 row, the rows rolled over into later weeks, and every figure docs/swap.md reports.
import type pg from "pg";
import { insertPlans } from "../../src/db/queries/plan-generate.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import { allowedEquipment, isEligible } from "../../src/domain/plan/eligibility.ts";
import { isAlwaysExcluded } from "../../src/domain/plan/excluded-exercises.ts";
import type { PlanRequest } from "../../src/domain/plan/index.ts";
import { patternOf } from "../../src/domain/plan/movement.ts";
import { sameLiftByName } from "../../src/domain/swap/same-lift.ts";
import { sameSwapMovement } from "../../src/domain/swap/swap-movement.ts";
import { generateWithExclusions } from "../../src/jobs/plan-generate/catalogue-cache.ts";

/** The primary muscle group the issue counts: lats and middle back are one, the back. */
export const muscleFamily = (muscle: string) =>
  muscle === "lats" || muscle === "middle_back" ? "back" : muscle;

/**
 * Same movement pattern and primary muscle group: what the issue calls an alike alternative `a` for
 * the row's exercise `row`. The movement as exercise_alternatives counts it (swap-movement.ts: a
 * glute kickback and a glute bridge are both hip extension); the row's lift by another name
 * (same-lift.ts: a single-leg leg extension for the leg extension) is no alternative at all.
 */
export function alike(a: CatalogueEntry, row: CatalogueEntry): boolean {
  return (
    sameSwapMovement(a, row) &&
    muscleFamily(a.primaryMuscle) === muscleFamily(row.primaryMuscle) &&
    !sameLiftByName(row, a)
  );
}

export interface MatrixPlan {
  userId: string;
  planId: string;
  profile: string;
  request: PlanRequest;
}

/**
 * One user per request, each with the same exclusions stored, and their plan generated with them
 * and written by insertPlans (recording the allowed equipment), in batches.
 */
export async function writeMatrixPlans(
  pool: pg.Pool,
  catalogue: readonly CatalogueEntry[],
  requests: readonly [string, PlanRequest][],
  excluded: readonly string[],
  batch = 400,
): Promise<MatrixPlan[]> {
  const out: MatrixPlan[] = [];
  const out1 = new Set(excluded);
  for (let i = 0; i < requests.length; i += batch) {
    const chunk = requests.slice(i, i + batch);
    const { rows: users } = await pool.query<{ id: string }>(
      "INSERT INTO auth.users (id) SELECT gen_random_uuid() FROM generate_series(1, $1) RETURNING id",
      [chunk.length],
    );
    const userIds = users.map((u) => u.id);
    await pool.query(
      `INSERT INTO exercise_exclusion (user_id, exercise_id, reason)
       SELECT u, x, 'dislike' FROM unnest($1::uuid[]) u CROSS JOIN unnest($2::text[]) x`,
      [userIds, excluded],
    );
    const planIds = await insertPlans(
      pool,
      chunk.map(([, request], j) => ({
        userId: userIds[j] as string,
        plan: generateWithExclusions(request, catalogue, out1),
        planRequestId: null,
        allowedEquipment: request.equipment,
      })),
    );
    chunk.forEach(([profile, request], j) => {
      out.push({ userId: userIds[j] as string, planId: planIds[j] as string, profile, request });
    });
  }
  return out;
}

interface WeekOneRow {
  row_id: string;
  plan_id: string;
  session_id: string;
  exercise_id: string;
}

export interface AlternativesReport {
  plans: number;
  rows: number;
  /** Distinct (equipment, level, session, exercise) inputs exercise_alternatives was asked for. */
  distinctInputs: number;
  /** Rows whose top 3 alternatives all share the pattern and primary muscle group. */
  top3Alike: number;
  /** The same with the primary muscle itself (lats and middle back apart), for comparison. */
  top3AlikeExactMuscle: number;
  /** Rows whose allowed equipment, level and exclusions leave three alike exercises. */
  rowsWithThree: number;
  top3AlikeWhereThree: number;
  /** Rows where an alike alternative came after one that is not. */
  outOfOrder: string[];
  /** Alternatives offered, and those needing equipment the request did not allow, or excluded. */
  offered: number;
  equipmentViolations: string[];
  excludedOffered: string[];
  excludedInPlans: number;
  /** Rows still short of three alike alternatives, by pattern, group and profile, most first. */
  shortfalls: [string, number][];
  /** Each row's alternatives in rank order (exercise ids), for the tests that swap one. */
  alternativesOf: Map<string, string[]>;
  weekOne: WeekOneRow[];
}

/**
 * Asks exercise_alternatives for every week-1 row of the plans and measures the result. The
 * function's answer depends only on the row's exercise, the other exercises of its session, the
 * plan's level and allowed equipment, the lifter's exclusions and history; every user here has the
 * same exclusions and no history, so it is asked once per distinct input and the answer counted for
 * every row with that input (the whole matrix has far fewer inputs than rows).
 */
export async function measureAlternatives(
  pool: pg.Pool,
  catalogue: readonly CatalogueEntry[],
  plans: readonly MatrixPlan[],
  excluded: readonly string[],
  limit = 4,
): Promise<AlternativesReport> {
  const byId = new Map(catalogue.map((e) => [e.exerciseId, e]));
  const planOf = new Map(plans.map((p) => [p.planId, p]));
  const out = new Set(excluded);
  const { rows: weekOne } = await pool.query<WeekOneRow>(
    `SELECT x.id AS row_id, w.plan_id, s.id AS session_id, x.exercise_id
     FROM modular_training_week w
     JOIN modular_training_session s ON s.week_id = w.id
     JOIN modular_training_exercise x ON x.session_id = s.id
     WHERE w.plan_id = ANY($1::uuid[]) AND w.week_number = 1`,
    [plans.map((p) => p.planId)],
  );
  const sessionSet = new Map<string, string>();
  const sessions = new Map<string, string[]>();
  for (const r of weekOne) sessions.set(r.session_id, [...(sessions.get(r.session_id) ?? []), r.exercise_id]);
  for (const [id, list] of sessions) sessionSet.set(id, [...list].sort().join(","));
  const keyOf = (r: WeekOneRow) => {
    const plan = planOf.get(r.plan_id) as MatrixPlan;
    return [
      [...plan.request.equipment].sort().join("+"),
      plan.request.experience,
      sessionSet.get(r.session_id),
      r.exercise_id,
    ].join("|");
  };
  const representative = new Map<string, string>();
  for (const r of weekOne) if (!representative.has(keyOf(r))) representative.set(keyOf(r), r.row_id);

  const answers = new Map<string, string[]>();
  const ids = [...representative.values()];
  for (let i = 0; i < ids.length; i += 2000) {
    const { rows } = await pool.query<{ row_id: string; exercise_id: string }>(
      `SELECT r.id AS row_id, a.exercise_id
       FROM unnest($1::uuid[]) r(id)
       CROSS JOIN LATERAL exercise_alternatives(r.id, $2) WITH ORDINALITY a(exercise_id, name, equipment, score, reason, rank)
       ORDER BY r.id, a.rank`,
      [ids.slice(i, i + 2000), limit],
    );
    for (const r of rows) answers.set(r.row_id, [...(answers.get(r.row_id) ?? []), r.exercise_id]);
  }

  const report: AlternativesReport = {
    plans: plans.length,
    rows: weekOne.length,
    distinctInputs: ids.length,
    top3Alike: 0,
    top3AlikeExactMuscle: 0,
    rowsWithThree: 0,
    top3AlikeWhereThree: 0,
    outOfOrder: [],
    offered: 0,
    equipmentViolations: [],
    excludedOffered: [],
    excludedInPlans: 0,
    shortfalls: [],
    alternativesOf: new Map(),
    weekOne,
  };
  const possibleMemo = new Map<string, number>();
  const short = new Map<string, number>();
  for (const r of weekOne) {
    const key = keyOf(r);
    const offered = answers.get(representative.get(key) as string) ?? [];
    report.alternativesOf.set(r.row_id, offered);
    const row = byId.get(r.exercise_id) as CatalogueEntry;
    const plan = planOf.get(r.plan_id) as MatrixPlan;
    const allowed = allowedEquipment(plan.request.equipment);
    if (out.has(r.exercise_id)) report.excludedInPlans += 1;
    const entries = offered.map((id) => byId.get(id) as CatalogueEntry);
    report.offered += entries.length;
    for (const e of entries) {
      if (!allowed.has(e.equipment) || !e.requires.every((q) => allowed.has(q)))
        report.equipmentViolations.push(`${row.name} -> ${e.name}`);
      if (out.has(e.exerciseId)) report.excludedOffered.push(`${row.name} -> ${e.name}`);
    }
    const flags = entries.map((e) => alike(e, row));
    if (flags.some((f, i) => f && flags.slice(0, i).some((g) => !g)) && report.outOfOrder.length < 20)
      report.outOfOrder.push(row.name);
    const top3 = entries.length >= 3 && flags.slice(0, 3).every(Boolean);
    if (top3) report.top3Alike += 1;
    if (
      entries.length >= 3 &&
      entries.slice(0, 3).every((e) => sameSwapMovement(e, row) && e.primaryMuscle === row.primaryMuscle)
    )
      report.top3AlikeExactMuscle += 1;
    let possible = possibleMemo.get(key);
    if (possible === undefined) {
      const inSession = new Set((sessionSet.get(r.session_id) ?? "").split(","));
      possible = catalogue.filter(
        (e) =>
          alike(e, row) &&
          !inSession.has(e.exerciseId) &&
          !out.has(e.exerciseId) &&
          !isAlwaysExcluded(e) &&
          isEligible(e, plan.request.experience, allowed),
      ).length;
      possibleMemo.set(key, possible);
    }
    if (possible >= 3) {
      report.rowsWithThree += 1;
      if (top3) report.top3AlikeWhereThree += 1;
    }
    if (!top3) {
      const label = `${patternOf(row)} / ${muscleFamily(row.primaryMuscle)}, ${plan.profile}`;
      short.set(label, (short.get(label) ?? 0) + 1);
    }
  }
  report.shortfalls = [...short].sort((a, b) => b[1] - a[1]);
  return report;
}

export interface LaterWeeksReport {
  rows: number;
  weeks: number[];
  excluded: number;
  equipmentViolations: number;
}

/**
 * Rows of the plans' weeks after the first (after a rollover): how many hold an exercise the
 * lifter excluded, or one whose implement or requirements the plan's request did not allow.
 */
export async function checkLaterWeeks(pool: pg.Pool, planIds: readonly string[]): Promise<LaterWeeksReport> {
  const { rows } = await pool.query<{ rows: number; weeks: number[]; excluded: number; equipment: number }>(
    `SELECT count(*)::int AS rows,
            array_agg(DISTINCT w.week_number ORDER BY w.week_number) AS weeks,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM exercise_exclusion x
                                           WHERE x.user_id = p.user_id AND x.exercise_id = e.exercise_id))::int AS excluded,
            count(*) FILTER (WHERE c.exercise_id IS NULL
                                OR NOT (c.equipment = ANY (a.allowed) AND c.requires <@ a.allowed))::int AS equipment
     FROM modular_training_plan p
     CROSS JOIN LATERAL (SELECT public.plan_allowed_equipment(p.id) || ARRAY['bodyweight'] AS allowed) a
     JOIN modular_training_week w ON w.plan_id = p.id
     JOIN modular_training_session s ON s.week_id = w.id
     JOIN modular_training_exercise e ON e.session_id = s.id
     LEFT JOIN exrcwiki c ON c.exercise_id = e.exercise_id
     WHERE p.id = ANY($1::uuid[]) AND w.week_number > 1`,
    [planIds],
  );
  const r = rows[0] as { rows: number; weeks: number[] | null; excluded: number; equipment: number };
  return { rows: r.rows, weeks: r.weeks ?? [], excluded: r.excluded, equipmentViolations: r.equipment };
}

export const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;
