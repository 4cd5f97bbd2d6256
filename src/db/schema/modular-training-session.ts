import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, ownerId, ownerPolicies, seedUuidPk, updatedAt } from "./_shared.ts";
import { modularTrainingWeek } from "./modular-training-week.ts";

export const modularTrainingSession = pgTable(
  "modular_training_session",
  {
    id: seedUuidPk(),
    weekId: uuid("week_id").notNull(),
    userId: ownerId(),
    dayLabel: text("day_label").notNull(),
    sessionDate: date("session_date").notNull(),
    dayOfWeek: integer("day_of_week").notNull(),
    focusArea: text("focus_area").notNull(),
    sessionNumber: integer("session_number").notNull().default(1),
    overallDifficulty: integer("overall_difficulty"),
    durationMinutes: integer("duration_minutes"),
    completed: boolean("completed").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "modular_training_session_week_fk",
      columns: [t.weekId, t.userId],
      foreignColumns: [modularTrainingWeek.id, modularTrainingWeek.userId],
    })
      .onDelete("cascade")
      .onUpdate("cascade"),
    unique("modular_training_session_id_user_key").on(t.id, t.userId),
    check("modular_training_session_day_of_week_check", sql`${t.dayOfWeek} BETWEEN 1 AND 7`),
    check(
      "modular_training_session_difficulty_check",
      sql`${t.overallDifficulty} IS NULL OR ${t.overallDifficulty} BETWEEN 1 AND 10`,
    ),
    check("modular_training_session_number_check", sql`${t.sessionNumber} >= 1`),
    check(
      "modular_training_session_duration_check",
      sql`${t.durationMinutes} IS NULL OR ${t.durationMinutes} > 0`,
    ),
    index("modular_training_session_week_idx").on(t.weekId, t.dayOfWeek),
    // workout_sessions' lookup by user and status is served by an expression index in
    // drizzle/0002 (it needs INCLUDE and the view's own CASE expression).
    ...ownerPolicies("modular_training_session"),
  ],
).enableRLS();

export type ModularTrainingSession = typeof modularTrainingSession.$inferSelect;
