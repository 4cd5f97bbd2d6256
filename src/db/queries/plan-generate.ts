// The hot SQL of the plan.generate job, each statement set-based so a batch of jobs costs a few
// round trips whatever its size (docs/plan-pipeline.md). Values are always bound.
import type pg from "pg";
import type { CatalogueEntry } from "../../domain/catalogue-entry.ts";
import type { PlanJson } from "../../domain/plan-json.ts";
import { withTransaction } from "../transaction.ts";
import type { Queryable } from "./upsert-catalogue.ts";

/** Which of these users exist. */
export async function existingUserIds(db: Queryable, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>("SELECT id FROM auth.users WHERE id = ANY($1::uuid[])", [
    userIds,
  ]);
  return new Set(rows.map((r) => r.id));
}

export interface ExistingPlan {
  requestId: string;
  planId: string;
  userId: string;
}

/** Plans already made for these request ids, keyed by request id. */
export async function plansByRequestId(
  db: Queryable,
  requestIds: readonly string[],
): Promise<Map<string, ExistingPlan>> {
  if (requestIds.length === 0) return new Map();
  const { rows } = await db.query<{ request_id: string; id: string; user_id: string }>(
    "SELECT request_id, id, user_id FROM public.modular_training_plan WHERE request_id = ANY($1::uuid[])",
    [requestIds],
  );
  return new Map(
    rows.map((r) => [r.request_id, { requestId: r.request_id, planId: r.id, userId: r.user_id }]),
  );
}

export interface PlanToWrite {
  userId: string;
  /** Carries request_id when the request has one. */
  plan: PlanJson;
  /** The plan_request row to mark succeeded with the plan, in the same statement. */
  planRequestId: string | null;
  /** The equipment the request allowed, kept on the plan for swaps (docs/swap.md). */
  allowedEquipment: readonly string[];
}

// One statement for the whole batch: every plan through insert_full_plans (all plans validated by
// one set-based query, then written with a few set-based statements), then the plan_request rows
// of the SQL path marked succeeded with their plan. A statement is atomic, so a plan and its
// request's status commit together; any failure fails the batch and the caller retries one by
// one. The function runs once (an uncorrelated sub-select is an InitPlan).
const INSERT_PLANS_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $3::uuid[]) WITH ORDINALITY AS t(user_id, plan_request_id, ord)
),
ids AS MATERIALIZED (
  SELECT public.insert_full_plans($1::uuid[], $2::jsonb[]) AS ids
),
plans AS (
  SELECT i.ord, i.plan_request_id, i.user_id, ids.ids[i.ord] AS plan_id FROM input i CROSS JOIN ids
),
marked AS (
  UPDATE public.plan_request r
  SET status = 'succeeded', plan_id = p.plan_id, error = NULL, finished_at = now()
  FROM plans p
  WHERE r.id = p.plan_request_id AND r.user_id = p.user_id
  RETURNING r.id
)
SELECT plan_id FROM plans ORDER BY ord
`;

// insert_full_plans writes the seed's JSON, which has no place for the request's equipment: it is
// set in a second statement of the same transaction (rows a function inserted are not visible to
// the statement that called it, so it cannot be one statement).
const SET_ALLOWED_EQUIPMENT_SQL = `
UPDATE public.modular_training_plan p
SET allowed_equipment = ARRAY(SELECT jsonb_array_elements_text(e.equipment))
FROM unnest($1::uuid[], $2::jsonb[]) AS e(plan_id, equipment)
WHERE p.id = e.plan_id
`;

/** Writes the plans (all or nothing, one transaction); returns their ids in input order. */
export async function insertPlans(pool: pg.Pool, plans: readonly PlanToWrite[]): Promise<string[]> {
  if (plans.length === 0) return [];
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ plan_id: string }>(INSERT_PLANS_SQL, [
      plans.map((p) => p.userId),
      plans.map((p) => JSON.stringify(p.plan)),
      plans.map((p) => p.planRequestId),
    ]);
    const planIds = rows.map((r) => r.plan_id);
    await client.query(SET_ALLOWED_EQUIPMENT_SQL, [
      planIds,
      plans.map((p) => JSON.stringify(p.allowedEquipment)),
    ]);
    return planIds;
  });
}

/**
 * insert_full_plans' message for a batch of one, worded as insert_full_plan words it (no batch
 * position): `insert_full_plans: plans[1]: sessions[0] ...` -> `insert_full_plan: sessions[0] ...`.
 */
export function singlePlanMessage(message: string): string {
  return message.replace(/^insert_full_plans: plans\[1\]: /, "insert_full_plan: ");
}

/** SQL-path rows picked up by a worker: queued -> running (rows in any other state are left). */
export async function markPlanRequestsRunning(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    "UPDATE public.plan_request SET status = 'running' WHERE id = ANY($1::uuid[]) AND status = 'queued'",
    [ids],
  );
}

/**
 * Final failures of SQL-path rows, with the message that names the field; cut to 1,024 characters
 * here too (MAX_ERROR_CHARS), whoever calls.
 */
export async function markPlanRequestsFailed(
  db: Queryable,
  failures: readonly { id: string; error: string }[],
): Promise<void> {
  if (failures.length === 0) return;
  await db.query(
    `UPDATE public.plan_request r
     SET status = 'failed', error = left(f.error, 1024), plan_id = NULL, finished_at = now()
     FROM unnest($1::uuid[], $2::text[]) AS f(id, error)
     WHERE r.id = f.id AND r.status IN ('queued', 'running')`,
    [failures.map((f) => f.id), failures.map((f) => f.error)],
  );
}

/** SQL-path rows whose plan already exists (a repeated request): succeeded with that plan. */
export async function markPlanRequestsSucceeded(
  db: Queryable,
  done: readonly { id: string; planId: string }[],
): Promise<void> {
  if (done.length === 0) return;
  await db.query(
    `UPDATE public.plan_request r
     SET status = 'succeeded', plan_id = d.plan_id, error = NULL, finished_at = now()
     FROM unnest($1::uuid[], $2::uuid[]) AS d(id, plan_id)
     WHERE r.id = d.id AND r.status IN ('queued', 'running')`,
    [done.map((d) => d.id), done.map((d) => d.planId)],
  );
}

/** Rows of the SQL path still queued: each gets its job (id = row id); returns how many were new. */
export async function enqueueQueuedPlanRequests(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT public.enqueue_queued_plan_requests() AS n");
  return rows[0]?.n ?? 0;
}

/** A cheap fingerprint of exrcwiki: changes with every insert, update and delete. */
export async function catalogueVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ v: string }>(
    "SELECT count(*) || '/' || coalesce(max(updated_at)::text, '-') AS v FROM public.exrcwiki",
  );
  return rows[0]?.v ?? "";
}

/** The whole catalogue in the generator's words. */
export async function readCatalogue(db: Queryable): Promise<CatalogueEntry[]> {
  const { rows } = await db.query<{
    exercise_id: string;
    name: string;
    equipment: CatalogueEntry["equipment"];
    requires: CatalogueEntry["requires"];
    muscle_group: CatalogueEntry["primaryMuscle"];
    secondary_muscles: CatalogueEntry["secondaryMuscles"];
    level: CatalogueEntry["level"];
    mechanic: CatalogueEntry["mechanic"];
    force: CatalogueEntry["force"];
    category: CatalogueEntry["category"];
    movement_pattern: CatalogueEntry["movementPattern"];
  }>(
    `SELECT exercise_id, name, equipment, requires, muscle_group, secondary_muscles, level, mechanic, force,
            category, movement_pattern
     FROM public.exrcwiki ORDER BY exercise_id`,
  );
  return rows.map((r) => ({
    exerciseId: r.exercise_id,
    name: r.name,
    equipment: r.equipment,
    requires: r.requires,
    primaryMuscle: r.muscle_group,
    secondaryMuscles: r.secondary_muscles,
    level: r.level,
    mechanic: r.mechanic,
    force: r.force,
    category: r.category,
    movementPattern: r.movement_pattern,
    // The generator never reads instructions; leaving them out keeps the cached copy small.
    instructions: [],
  }));
}
