import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, ownerId, ownerPolicies, seedUuidPk } from "./_shared.ts";
import { modularTrainingSession } from "./modular-training-session.ts";
import { equipmentCheck, muscleGroupCheck } from "./vocabulary-checks.ts";

export const modularTrainingExercise = pgTable(
  "modular_training_exercise",
  {
    id: seedUuidPk(),
    sessionId: uuid("session_id").notNull(),
    userId: ownerId(),
    exerciseName: text("exercise_name").notNull(),
    muscleGroup: text("muscle_group"),
    sets: integer("sets").notNull(),
    reps: text("reps").notNull(),
    rir: integer("rir"),
    equipment: text("equipment"),
    tier: text("tier"),
    target: text("target"),
    secondaryMuscles: jsonb("secondary_muscles"),
    tips: jsonb("tips"),
    instructions: text("instructions"),
    weight: real("weight"),
    actualReps: jsonb("actual_reps"),
    difficulty: integer("difficulty"),
    notes: text("notes"),
    createdAt: createdAt(),
    displayOrder: integer("display_order").default(0),
    exerciseId: text("exercise_id"),
    orderInSession: integer("order_in_session").default(1),
    // Added: consecutive weeks the lifter fell short of the rep range; two in a row lower the
    // load (docs/progression.md). Carried forward by the rollover.
    missStreak: smallint("miss_streak").notNull().default(0),
    // One line from the rollover: what changed in this row and on what evidence (null in week 1).
    progressReason: text("progress_reason"),
    // Added: the lifter reported joint pain on this row's muscle (muscle_feedback); its load is held
    // and the app should offer a swap (exercise_alternatives). Carried until the row is swapped.
    swapSuggested: boolean("swap_suggested").notNull().default(false),
    // Added: the row of the previous week this one was carried from by the rollover (null for a
    // plan's first week). A restore week after a deload follows it twice to reach week n-2's
    // load and sets (docs/rollover.md). Deliberately no foreign key: it is provenance, an
    // index probe per copied row would slow the rollover, and a dangling id only means the
    // restore falls back to carrying the deload row over.
    carriedFromId: uuid("carried_from_id"),
  },
  (t) => [
    foreignKey({
      name: "modular_training_exercise_session_fk",
      columns: [t.sessionId, t.userId],
      foreignColumns: [modularTrainingSession.id, modularTrainingSession.userId],
    })
      .onDelete("cascade")
      .onUpdate("cascade"),
    unique("modular_training_exercise_id_user_key").on(t.id, t.userId),
    check("modular_training_exercise_sets_check", sql`${t.sets} > 0`),
    // Bounds a lifter can do (drizzle/0014, NOT VALID: older rows are kept; docs/bounds.md). NaN
    // and ±Infinity fail the weight range (NaN sorts above every number).
    check("modular_training_exercise_sets_range_check", sql`${t.sets} <= 100`),
    check(
      "modular_training_exercise_weight_range_check",
      sql`${t.weight} IS NULL OR ${t.weight} BETWEEN 0 AND 2000`,
    ),
    check("modular_training_exercise_rir_check", sql`${t.rir} IS NULL OR ${t.rir} BETWEEN 0 AND 10`),
    check("modular_training_exercise_weight_check", sql`${t.weight} IS NULL OR ${t.weight} >= 0`),
    check(
      "modular_training_exercise_difficulty_check",
      sql`${t.difficulty} IS NULL OR ${t.difficulty} BETWEEN 1 AND 10`,
    ),
    check("modular_training_exercise_tier_check", sql`${t.tier} IS NULL OR ${t.tier} IN ('T1', 'T2', 'T3')`),
    check(
      "modular_training_exercise_order_check",
      sql`${t.orderInSession} IS NULL OR ${t.orderInSession} >= 1`,
    ),
    check("modular_training_exercise_miss_streak_check", sql`${t.missStreak} >= 0`),
    check("modular_training_exercise_equipment_check", equipmentCheck(t.equipment)),
    check("modular_training_exercise_muscle_group_check", muscleGroupCheck(t.muscleGroup)),
    index("modular_training_exercise_session_idx").on(t.sessionId, t.orderInSession),
    ...ownerPolicies("modular_training_exercise"),
  ],
).enableRLS();

export type ModularTrainingExercise = typeof modularTrainingExercise.$inferSelect;
