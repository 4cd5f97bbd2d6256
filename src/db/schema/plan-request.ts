import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { authenticatedRole, authUid, authUsers } from "drizzle-orm/supabase";
import { createdAt, updatedAt } from "./_shared.ts";
import { modularTrainingPlan } from "./modular-training-plan.ts";

/**
 * A plan request made with nothing but SQL (a Supabase client, psql). A signed-in user inserts
 * `params` (column grants allow nothing else); a trigger enqueues `plan.generate` in the same
 * transaction, and the worker fills status, plan_id or error.
 */
export const planRequest = pgTable(
  "plan_request",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().default(sql`auth.uid()`),
    params: jsonb("params").notNull().default(sql`'{}'::jsonb`),
    status: text("status").notNull().default("queued"),
    planId: uuid("plan_id"),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      name: "plan_request_user_fk",
      columns: [t.userId],
      foreignColumns: [authUsers.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "plan_request_plan_fk",
      columns: [t.planId],
      foreignColumns: [modularTrainingPlan.id],
    }).onDelete("set null"),
    check("plan_request_status_check", sql`${t.status} IN ('queued', 'running', 'succeeded', 'failed')`),
    // params at most MAX_PAYLOAD_BYTES (4096) of JSON (src/jobs/bounds.ts), refused at insert, so
    // no request can carry a large value into its job, its error or the log. A literal: a JS value
    // would become a $1 parameter in the migration (docs/pitfalls.md).
    check("plan_request_params_size_check", sql`octet_length(${t.params}::text) <= 4096`),
    index("plan_request_user_created_idx").on(t.userId, t.createdAt.desc()),
    index("plan_request_queued_idx").on(t.createdAt).where(sql`${t.status} IN ('queued', 'running')`),
    pgPolicy("plan_request_owner_select", {
      for: "select",
      to: authenticatedRole,
      using: sql`${t.userId} = ${authUid}`,
    }),
    pgPolicy("plan_request_owner_insert", {
      for: "insert",
      to: authenticatedRole,
      withCheck: sql`${t.userId} = ${authUid} AND ${t.status} = 'queued' AND ${t.planId} IS NULL AND ${t.error} IS NULL`,
    }),
  ],
).enableRLS();

export type PlanRequestRow = typeof planRequest.$inferSelect;
