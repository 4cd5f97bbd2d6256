import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { serviceWrittenOwnerRead } from "./_progress-policies.ts";
import { ownerId, updatedAt } from "./_shared.ts";
import { trainingSet } from "./training-set.ts";

/** A user's best per exercise and kind of record, pointing at the set that holds it. */
export const personalRecord = pgTable(
  "personal_record",
  {
    userId: ownerId(),
    exerciseKey: text("exercise_key").notNull(),
    recordType: text("record_type").notNull(),
    value: doublePrecision("value").notNull(),
    setId: uuid("set_id").notNull(),
    achievedAt: timestamp("achieved_at", { withTimezone: true }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "personal_record_pkey", columns: [t.userId, t.exerciseKey, t.recordType] }),
    // Deleting the set that held a record removes the record at once; the refresh then finds
    // the next best.
    foreignKey({
      name: "personal_record_set_fk",
      columns: [t.setId, t.userId],
      foreignColumns: [trainingSet.id, trainingSet.userId],
    }).onDelete("cascade"),
    check(
      "personal_record_type_check",
      sql`${t.recordType} IN ('e1rm', 'heaviest_weight', 'best_set_volume')`,
    ),
    index("personal_record_user_recent_idx").on(t.userId, t.achievedAt.desc()),
    index("personal_record_set_idx").on(t.setId),
    ...serviceWrittenOwnerRead("personal_record", t.userId),
  ],
).enableRLS();

export type PersonalRecordRow = typeof personalRecord.$inferSelect;
