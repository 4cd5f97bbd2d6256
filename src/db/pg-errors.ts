// The PostgreSQL error codes this code base acts on, by name (PostgreSQL manual, appendix A), and
// the one way to read a code off an error, so a comparison never spells a bare "23505".
export const PG_ERROR = {
  /** A unique index refused a row: a concurrent writer got there first. */
  uniqueViolation: "23505",
  /** A foreign key found no parent row. */
  foreignKeyViolation: "23503",
  /** A CHECK constraint refused a row. */
  checkViolation: "23514",
  /** insert_full_plan(s) and the date-window checks refuse a value with it. */
  invalidParameterValue: "22023",
  /** swap_exercise found no such row (or none of the caller's). */
  noDataFound: "P0002",
  /** RAISE EXCEPTION without a code of its own, in a function of src/db/sql/. */
  raiseException: "P0001",
  /** No privilege (or a row-level security policy refused a row): e.g. no USAGE on schema drizzle. */
  insufficientPrivilege: "42501",
  /** CREATE DATABASE of a name that exists. */
  duplicateDatabase: "42P04",
  /** Two transactions waited on each other; PostgreSQL cancelled one. */
  deadlockDetected: "40P01",
  /** Serializable isolation could not order two transactions; the loser may retry. */
  serializationFailure: "40001",
  /** The server is shutting down (a restart, a failover). */
  adminShutdown: "57P01",
} as const;

export type PgErrorName = keyof typeof PG_ERROR;

/** The SQLSTATE of a database error, or undefined for anything else. */
export function pgErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** True when `error` is the database error `name`. */
export function isPgError(error: unknown, name: PgErrorName): boolean {
  return pgErrorCode(error) === PG_ERROR[name];
}
