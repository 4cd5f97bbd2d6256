import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, ownerPolicies } from "./_shared.ts";
import { modularTrainingSession } from "./modular-training-session.ts";
import { muscleGroupCheck } from "./vocabulary-checks.ts";

/**
 * How a muscle recovered from a session, as the lifter tells the app (contract section 7;
 * docs/mesocycles.md): soreness and pump on RP's 0-3 scales, and joint pain. The owner writes it
 * with nothing but SQL (row-level security), so user_id defaults to auth.uid(); the rollover reads
 * it when it sets next week's sets for that muscle.
 */
export const muscleFeedback = pgTable(
  "muscle_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().default(sql`auth.uid()`),
    sessionId: uuid("session_id").notNull(),
    muscleGroup: text("muscle_group").notNull(),
    soreness: smallint("soreness"),
    pump: smallint("pump"),
    jointPain: boolean("joint_pain"),
    createdAt: createdAt(),
  },
  (t) => [
    // The session and its owner together: feedback can only be about one's own session.
    foreignKey({
      name: "muscle_feedback_session_fk",
      columns: [t.sessionId, t.userId],
      foreignColumns: [modularTrainingSession.id, modularTrainingSession.userId],
    })
      .onDelete("cascade")
      .onUpdate("cascade"),
    // Also the index the rollover probes by session.
    unique("muscle_feedback_session_muscle_key").on(t.sessionId, t.muscleGroup),
    check("muscle_feedback_muscle_group_check", muscleGroupCheck(t.muscleGroup)),
    check("muscle_feedback_soreness_check", sql`${t.soreness} IS NULL OR ${t.soreness} BETWEEN 0 AND 3`),
    check("muscle_feedback_pump_check", sql`${t.pump} IS NULL OR ${t.pump} BETWEEN 0 AND 3`),
    ...ownerPolicies("muscle_feedback"),
  ],
).enableRLS();

export type MuscleFeedbackRow = typeof muscleFeedback.$inferSelect;
