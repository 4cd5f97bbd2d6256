// CHECK constraints built from the contract's vocabularies. Values are written into the SQL text
// as literals (sql.raw over a fixed, code-owned list), because drizzle-kit turns interpolated JS
// values into $1 parameters that a migration cannot bind (docs/pitfalls.md).
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { EQUIPMENT, MUSCLE_GROUPS } from "../../domain/vocabulary.ts";

/** A fixed, code-owned list of values as SQL literals (never user input). */
export const literalList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const equipmentCheck = (column: AnyPgColumn): SQL =>
  sql`${column} IS NULL OR ${column} IN (${literalList(EQUIPMENT)})`;

export const muscleGroupCheck = (column: AnyPgColumn): SQL =>
  sql`${column} IS NULL OR ${column} IN (${literalList(MUSCLE_GROUPS)})`;
