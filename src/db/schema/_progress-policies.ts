import { sql } from "drizzle-orm";
import { type AnyPgColumn, pgPolicy } from "drizzle-orm/pg-core";
import { authenticatedRole, authUid } from "drizzle-orm/supabase";

/** Progress tables: the owner reads; only the service (which bypasses RLS) writes. */
export const serviceWrittenOwnerRead = (table: string, userId: AnyPgColumn) => [
  pgPolicy(`${table}_owner_select`, {
    for: "select",
    to: authenticatedRole,
    using: sql`${userId} = ${authUid}`,
  }),
];
