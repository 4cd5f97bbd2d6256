import { sql } from "drizzle-orm";
import { check, index, pgPolicy, pgTable, smallint, text } from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { LADDERS } from "../../domain/catalogue/ladders.ts";
import {
  CATALOGUE_LEVELS,
  CATEGORIES,
  EQUIPMENT,
  FORCES,
  MECHANICS,
  MOVEMENT_PATTERNS,
} from "../../domain/vocabulary.ts";
import { createdAt, updatedAt } from "./_shared.ts";
import { equipmentCheck, literalList, muscleGroupCheck } from "./vocabulary-checks.ts";

const oneOf = literalList;

/**
 * The master exercise catalogue. Shared by every user: signed-in users read it, only the service
 * writes it (no write policy exists, and authenticated holds SELECT alone).
 */
export const exrcwiki = pgTable(
  "exrcwiki",
  {
    exerciseId: text("exercise_id").primaryKey(),
    name: text("name").notNull(),
    equipment: text("equipment").notNull(),
    // Equipment needed besides the main implement (a pull-up bar, a bench): see CatalogueEntry.
    requires: text("requires").array().notNull().default(sql`'{}'::text[]`),
    muscleGroup: text("muscle_group").notNull(),
    secondaryMuscles: text("secondary_muscles").array().notNull().default(sql`'{}'::text[]`),
    level: text("level").notNull(),
    mechanic: text("mechanic"),
    force: text("force"),
    category: text("category").notNull(),
    movementPattern: text("movement_pattern"),
    instructions: text("instructions").array().notNull().default(sql`'{}'::text[]`),
    // Where the row came from: 'builtin' or the importer's source name.
    // The bodyweight variation ladder this exercise is a rung of, and its rung (1 = easiest):
    // src/domain/catalogue/ladders.ts; the rollover moves a bodyweight row along it.
    ladder: text("ladder"),
    ladderStep: smallint("ladder_step"),
    source: text("source").notNull().default("builtin"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("exrcwiki_equipment_check", equipmentCheck(t.equipment)),
    check("exrcwiki_muscle_group_check", muscleGroupCheck(t.muscleGroup)),
    check("exrcwiki_requires_check", sql`${t.requires} <@ ARRAY[${oneOf(EQUIPMENT)}]::text[]`),
    check("exrcwiki_level_check", sql`${t.level} IN (${oneOf(CATALOGUE_LEVELS)})`),
    check("exrcwiki_mechanic_check", sql`${t.mechanic} IS NULL OR ${t.mechanic} IN (${oneOf(MECHANICS)})`),
    check("exrcwiki_force_check", sql`${t.force} IS NULL OR ${t.force} IN (${oneOf(FORCES)})`),
    check("exrcwiki_category_check", sql`${t.category} IN (${oneOf(CATEGORIES)})`),
    check(
      "exrcwiki_movement_pattern_check",
      sql`${t.movementPattern} IS NULL OR ${t.movementPattern} IN (${oneOf(MOVEMENT_PATTERNS)})`,
    ),
    // The generator's candidate lookup: exercises for a muscle with the allowed equipment.
    check(
      "exrcwiki_ladder_check",
      sql`(${t.ladder} IS NULL) = (${t.ladderStep} IS NULL) AND (${t.ladder} IS NULL OR ${t.ladder} IN (${oneOf(LADDERS)}))`,
    ),
    check("exrcwiki_ladder_step_check", sql`${t.ladderStep} IS NULL OR ${t.ladderStep} >= 1`),
    index("exrcwiki_muscle_equipment_idx").on(t.muscleGroup, t.equipment),
    index("exrcwiki_ladder_idx").on(t.ladder, t.ladderStep),
    pgPolicy("exrcwiki_read_signed_in", { for: "select", to: authenticatedRole, using: sql`true` }),
  ],
).enableRLS();

export type ExrcwikiRow = typeof exrcwiki.$inferSelect;
export type NewExrcwikiRow = typeof exrcwiki.$inferInsert;
