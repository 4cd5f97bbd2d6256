import { date, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { ownerId } from "./_shared.ts";

/**
 * What a write to training_set made stale: (user, exercise, training week). Filled by a trigger
 * in the writer's transaction, drained by `progress.refresh`. Service-only: RLS on, no policy.
 */
export const progressDirty = pgTable(
  "progress_dirty",
  {
    userId: ownerId(),
    exerciseKey: text("exercise_key").notNull(),
    weekStart: date("week_start").notNull(),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "progress_dirty_pkey", columns: [t.userId, t.exerciseKey, t.weekStart] }),
    index("progress_dirty_marked_idx").on(t.markedAt),
  ],
).enableRLS();
