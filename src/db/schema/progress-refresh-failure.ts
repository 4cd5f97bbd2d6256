import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { ownerId } from "./_shared.ts";

/**
 * A user whose progress refresh failed, set aside so the sweep and the nightly rebuild go on for
 * everyone else (docs/progress.md, "A user whose refresh fails"). The sweep skips the user until
 * `retry_at`, which backs off with each failure; a refresh that succeeds deletes the row.
 * Service-only: RLS on, no policy.
 */
export const progressRefreshFailure = pgTable(
  "progress_refresh_failure",
  {
    userId: ownerId().primaryKey(),
    failures: integer("failures").notNull().default(1),
    // PostgreSQL's SQLSTATE and message, cut to 500 characters.
    lastError: text("last_error").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
    retryAt: timestamp("retry_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("progress_refresh_failure_retry_idx").on(t.retryAt)],
).enableRLS();
