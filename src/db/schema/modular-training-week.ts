import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  smallint,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, ownerId, ownerPolicies, seedUuidPk, updatedAt } from "./_shared.ts";
import { modularTrainingPlan } from "./modular-training-plan.ts";

export const modularTrainingWeek = pgTable(
  "modular_training_week",
  {
    id: seedUuidPk(),
    planId: uuid("plan_id").notNull(),
    userId: ownerId(),
    weekNumber: integer("week_number").notNull(),
    weekStart: date("week_start").notNull(),
    notes: text("notes"),
    // Added: a deload week prescribes lighter loads; the week after it restores the week before.
    isDeload: boolean("is_deload").notNull().default(false),
    // Added (contract section 7): the mesocycle this week belongs to (1 for the plan's first block,
    // +1 after each deload) and its 1-based week within it (docs/mesocycles.md).
    mesocycle: smallint("mesocycle").notNull().default(1),
    mesocycleWeek: smallint("mesocycle_week").notNull().default(1),
    // Added: the muscle groups the rollover gave a recovery session (half the sets) this week; two
    // weeks of these on more than half of the trained muscles bring the deload forward.
    recoveryMuscles: text("recovery_muscles").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "modular_training_week_plan_fk",
      columns: [t.planId, t.userId],
      foreignColumns: [modularTrainingPlan.id, modularTrainingPlan.userId],
    })
      .onDelete("cascade")
      .onUpdate("cascade"),
    unique("modular_training_week_id_user_key").on(t.id, t.userId),
    // One week per plan and week number: the rollover relies on it to never create a week twice.
    unique("modular_training_week_plan_number_key").on(t.planId, t.weekNumber),
    check("modular_training_week_number_check", sql`${t.weekNumber} >= 1`),
    check("modular_training_week_mesocycle_check", sql`${t.mesocycle} >= 1 AND ${t.mesocycleWeek} >= 1`),
    // A plan's weeks, newest first, come from the unique index above (plan_id, week_number).
    index("modular_training_week_user_start_idx").on(t.userId, t.weekStart),
    ...ownerPolicies("modular_training_week"),
  ],
).enableRLS();

export type ModularTrainingWeek = typeof modularTrainingWeek.$inferSelect;
