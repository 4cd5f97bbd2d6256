import { sql } from "drizzle-orm";
import { check, foreignKey, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { authUsers } from "drizzle-orm/supabase";
import { EXCLUSION_REASONS } from "../../domain/swap/exclusion-reasons.ts";
import { createdAt, ownerPolicies } from "./_shared.ts";
import { exrcwiki } from "./exrcwiki.ts";
import { literalList } from "./vocabulary-checks.ts";

/**
 * Exercises a lifter will not do (docs/swap.md; contract section 7): generation, alternatives and
 * swaps never offer them. The owner writes them with nothing but SQL (row-level security), so
 * user_id defaults to auth.uid() as plan_request's does.
 */
export const exerciseExclusion = pgTable(
  "exercise_exclusion",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().default(sql`auth.uid()`),
    exerciseId: text("exercise_id").notNull(),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "exercise_exclusion_user_fk",
      columns: [t.userId],
      foreignColumns: [authUsers.id],
    }).onDelete("cascade"),
    // A catalogue id, checked; an entry that leaves the catalogue takes its exclusions with it.
    foreignKey({
      name: "exercise_exclusion_exercise_fk",
      columns: [t.exerciseId],
      foreignColumns: [exrcwiki.exerciseId],
    })
      .onDelete("cascade")
      .onUpdate("cascade"),
    // Also the index every "not excluded" probe uses (user first).
    unique("exercise_exclusion_user_exercise_key").on(t.userId, t.exerciseId),
    check(
      "exercise_exclusion_reason_check",
      sql`${t.reason} IS NULL OR ${t.reason} IN (${literalList(EXCLUSION_REASONS)})`,
    ),
    ...ownerPolicies("exercise_exclusion"),
  ],
).enableRLS();

export type ExerciseExclusionRow = typeof exerciseExclusion.$inferSelect;
