import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable } from "drizzle-orm/pg-core";
import { updatedAt } from "./_shared.ts";

/**
 * The bounds per user the database enforces (docs/bounds.md): one row, changed with an UPDATE by
 * an operator. Read by the triggers and plan checks through public.user_bounds_current(); no
 * client role reads or writes it.
 */
export const userBounds = pgTable(
  "user_bounds",
  {
    // One row only: the key is always true.
    id: boolean("id").primaryKey().default(true),
    maxActivePlans: integer("max_active_plans").notNull().default(10),
    maxPlanRequestsPerHour: integer("max_plan_requests_per_hour").notNull().default(20),
    maxSessionsPerPlan: integer("max_sessions_per_plan").notNull().default(14),
    maxSlotsPerSession: integer("max_slots_per_session").notNull().default(20),
    maxSetsPerExerciseRow: integer("max_sets_per_exercise_row").notNull().default(50),
    maxSetsPerWeek: integer("max_sets_per_week").notNull().default(1000),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("user_bounds_single_row_check", sql`${t.id}`),
    check("user_bounds_max_active_plans_check", sql`${t.maxActivePlans} BETWEEN 1 AND 1000000`),
    check(
      "user_bounds_max_plan_requests_per_hour_check",
      sql`${t.maxPlanRequestsPerHour} BETWEEN 1 AND 1000000`,
    ),
    // 14: the plan JSON's own ceiling (two sessions a day).
    check("user_bounds_max_sessions_per_plan_check", sql`${t.maxSessionsPerPlan} BETWEEN 1 AND 14`),
    check("user_bounds_max_slots_per_session_check", sql`${t.maxSlotsPerSession} BETWEEN 1 AND 100`),
    check("user_bounds_max_sets_per_exercise_row_check", sql`${t.maxSetsPerExerciseRow} BETWEEN 1 AND 100`),
    check("user_bounds_max_sets_per_week_check", sql`${t.maxSetsPerWeek} BETWEEN 1 AND 100000`),
  ],
).enableRLS();

export type UserBoundsRow = typeof userBounds.$inferSelect;
