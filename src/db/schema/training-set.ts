import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  pgTable,
  real,
  smallint,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { ownerId, ownerPolicies, seedUuidPk } from "./_shared.ts";
import { modularTrainingExercise } from "./modular-training-exercise.ts";

/** The sets a lifter really performed (the seed's `modular_training_set` heading names this table). */
export const trainingSet = pgTable(
  "training_set",
  {
    id: seedUuidPk(),
    exerciseRowId: uuid("exercise_row_id").notNull(),
    // Filled from the exercise row by a trigger when a client leaves it out (drizzle/ custom SQL).
    userId: ownerId(),
    setNo: smallint("set_no").notNull(),
    repsDone: smallint("reps_done").notNull(),
    weightKg: real("weight_kg").notNull(),
    rpe: smallint("rpe"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "training_set_exercise_row_fk",
      columns: [t.exerciseRowId, t.userId],
      foreignColumns: [modularTrainingExercise.id, modularTrainingExercise.userId],
    })
      .onDelete("cascade")
      .onUpdate("cascade"),
    unique("training_set_id_user_key").on(t.id, t.userId),
    check("training_set_set_no_check", sql`${t.setNo} > 0`),
    check("training_set_reps_done_check", sql`${t.repsDone} > 0`),
    // Zero is a real load for bodyweight work (no external weight); negative is not.
    check("training_set_weight_kg_check", sql`${t.weightKg} >= 0`),
    // What a lifter can do (drizzle/0014, NOT VALID: older rows are kept; docs/bounds.md). NaN and
    // ±Infinity fail the range (NaN sorts above every number), so these name the column they refuse.
    check("training_set_set_no_range_check", sql`${t.setNo} <= 100`),
    check("training_set_reps_done_range_check", sql`${t.repsDone} <= 1000`),
    check("training_set_weight_kg_range_check", sql`${t.weightKg} BETWEEN 0 AND 2000`),
    check("training_set_rpe_check", sql`${t.rpe} IS NULL OR ${t.rpe} BETWEEN 6 AND 10`),
    index("training_set_exercise_row_idx").on(t.exerciseRowId, t.setNo),
    // A user's recent sets (the signed-in history read, progress screens).
    index("training_set_user_recent_idx").on(t.userId, t.recordedAt.desc()),
    ...ownerPolicies("training_set"),
  ],
).enableRLS();

export type TrainingSet = typeof trainingSet.$inferSelect;
