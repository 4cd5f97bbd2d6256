import { date, doublePrecision, index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { serviceWrittenOwnerRead } from "./_progress-policies.ts";
import { ownerId, updatedAt } from "./_shared.ts";

/** Hard sets per muscle and training week: 1 for the row's muscle, 0.5 per secondary muscle. */
export const progressMuscleWeekly = pgTable(
  "progress_muscle_weekly",
  {
    userId: ownerId(),
    muscleGroup: text("muscle_group").notNull(),
    weekStart: date("week_start").notNull(),
    hardSets: doublePrecision("hard_sets").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "progress_muscle_weekly_pkey", columns: [t.userId, t.muscleGroup, t.weekStart] }),
    index("progress_muscle_weekly_user_recent_idx").on(t.userId, t.weekStart.desc()),
    ...serviceWrittenOwnerRead("progress_muscle_weekly", t.userId),
  ],
).enableRLS();

export type ProgressMuscleWeeklyRow = typeof progressMuscleWeekly.$inferSelect;
