// Pieces every user table shares: the owner column, its foreign key to Supabase's auth.users, and
// the four owner-only policies. Ownership is a denormalised `user_id` on every user table, kept
// in step by composite foreign keys (child (parent_id, user_id) -> parent (id, user_id) ON UPDATE
// CASCADE) rather than derived through joins: bench/RESULTS.md has the numbers that chose it, and
// it is also what Citus needs to co-locate a user's rows (distribution column in every key).
import { sql } from "drizzle-orm";
import { pgPolicy, timestamp, uuid } from "drizzle-orm/pg-core";
import { authenticatedRole, authUid } from "drizzle-orm/supabase";

export const ownerId = () => uuid("user_id").notNull();

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** uuid_generate_v4() as the seed says (uuid-ossp, created by the bootstrap migration). */
export const seedUuidPk = () => uuid("id").primaryKey().default(sql`uuid_generate_v4()`);

const ownsRow = sql`${sql.identifier("user_id")} = ${authUid}`;

/**
 * One policy per command for signed-in users: a user reads, inserts, updates and deletes only
 * rows whose user_id is theirs. UPDATE needs both clauses: USING picks the rows a user may touch,
 * WITH CHECK stops them handing a row to someone else. `anon` gets no policy and so sees nothing;
 * `service_role` bypasses RLS.
 */
export function ownerPolicies(table: string) {
  return [
    pgPolicy(`${table}_owner_select`, { for: "select", to: authenticatedRole, using: ownsRow }),
    pgPolicy(`${table}_owner_insert`, { for: "insert", to: authenticatedRole, withCheck: ownsRow }),
    pgPolicy(`${table}_owner_update`, {
      for: "update",
      to: authenticatedRole,
      using: ownsRow,
      withCheck: ownsRow,
    }),
    pgPolicy(`${table}_owner_delete`, { for: "delete", to: authenticatedRole, using: ownsRow }),
  ];
}
