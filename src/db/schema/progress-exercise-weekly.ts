import { bigint, date, doublePrecision, index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { serviceWrittenOwnerRead } from "./_progress-policies.ts";
import { ownerId, updatedAt } from "./_shared.ts";

/** One row per user, exercise and training week (docs/contract.md section 3). Written by the worker only. */
export const progressExerciseWeekly = pgTable(
  "progress_exercise_weekly",
  {
    userId: ownerId(),
    // The catalogue exercise_id, or the exercise name where the row has none.
    exerciseKey: text("exercise_key").notNull(),
    weekStart: date("week_start").notNull(),
    // bigint: sums over every set a user logged in a week (drizzle/0014): an integer sum of reps
    // overflowed (22003) for one user and stopped the sweep for everyone.
    sets: bigint("sets", { mode: "number" }).notNull(),
    reps: bigint("reps", { mode: "number" }).notNull(),
    volumeKg: doublePrecision("volume_kg").notNull(),
    topSetKg: doublePrecision("top_set_kg").notNull(),
    e1rmKg: doublePrecision("e1rm_kg").notNull(),
    avgRpe: doublePrecision("avg_rpe"),
    // Added: the week's best single-set volume (reps_done x weight_kg). With e1rm_kg and top_set_kg
    // it lets the refresh find a record's week from this table instead of every set of the key.
    bestSetVolumeKg: doublePrecision("best_set_volume_kg").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Also an exercise's history for a user, in week order.
    primaryKey({ name: "progress_exercise_weekly_pkey", columns: [t.userId, t.exerciseKey, t.weekStart] }),
    index("progress_exercise_weekly_user_recent_idx").on(t.userId, t.weekStart.desc()),
    ...serviceWrittenOwnerRead("progress_exercise_weekly", t.userId),
  ],
).enableRLS();

export type ProgressExerciseWeeklyRow = typeof progressExerciseWeekly.$inferSelect;
