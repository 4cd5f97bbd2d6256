import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { authUsers } from "drizzle-orm/supabase";
import { EQUIPMENT } from "../../domain/vocabulary.ts";
import { createdAt, ownerId, ownerPolicies, seedUuidPk, updatedAt } from "./_shared.ts";
import { literalList } from "./vocabulary-checks.ts";

export const modularTrainingPlan = pgTable(
  "modular_training_plan",
  {
    id: seedUuidPk(),
    userId: ownerId(),
    splitType: text("split_type").notNull(),
    weekStart: date("week_start").notNull(),
    goalType: text("goal_type").notNull().default("general_fitness"),
    experienceLevel: text("experience_level").notNull().default("intermediate"),
    status: text("status").notNull().default("active"),
    notes: text("notes"),
    // Added: the pg-boss/plan_request id that made this plan; unique, so a repeated request
    // returns the same plan instead of writing a second one.
    requestId: uuid("request_id"),
    // Added: every Nth week is a deload, i.e. N - 1 accumulation weeks a mesocycle; null lets the
    // worker choose the length by goal and level (docs/mesocycles.md). No default (drizzle/0018):
    // a plan that names no interval, written by insert_full_plan(s) or directly, gets null.
    deloadEveryWeeks: integer("deload_every_weeks"),
    // Added: the equipment the plan's request allowed (bodyweight implied), so a swap offers only
    // what the lifter has (docs/swap.md). Null for plans written before it, or by hand: alternatives
    // then allow the implements the plan's own rows use.
    allowedEquipment: text("allowed_equipment").array(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "modular_training_plan_user_fk",
      columns: [t.userId],
      foreignColumns: [authUsers.id],
    }).onDelete("cascade"),
    // Target of the children's composite foreign keys.
    unique("modular_training_plan_id_user_key").on(t.id, t.userId),
    unique("modular_training_plan_request_key").on(t.requestId),
    check(
      "modular_training_plan_status_check",
      sql`${t.status} IN ('active', 'paused', 'completed', 'archived')`,
    ),
    check(
      "modular_training_plan_deload_check",
      sql`${t.deloadEveryWeeks} IS NULL OR ${t.deloadEveryWeeks} BETWEEN 2 AND 12`,
    ),
    check(
      "modular_training_plan_allowed_equipment_check",
      sql`${t.allowedEquipment} IS NULL OR ${t.allowedEquipment} <@ ARRAY[${literalList(EQUIPMENT)}]::text[]`,
    ),
    index("modular_training_plan_user_status_idx").on(t.userId, t.status),
    // The rollover scans active plans only.
    index("modular_training_plan_active_idx").on(t.id).where(sql`${t.status} = 'active'`),
    ...ownerPolicies("modular_training_plan"),
  ],
).enableRLS();

export type ModularTrainingPlan = typeof modularTrainingPlan.$inferSelect;
export type NewModularTrainingPlan = typeof modularTrainingPlan.$inferInsert;
