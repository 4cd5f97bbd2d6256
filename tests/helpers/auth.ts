// Signing in the way Supabase does: JWT claims in a transaction-local setting and SET LOCAL ROLE.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { withTransaction } from "../../src/db/transaction.ts";

export async function createUser(pool: pg.Pool, email?: string): Promise<string> {
  const id = randomUUID();
  await pool.query("INSERT INTO auth.users (id, email) VALUES ($1, $2)", [id, email ?? `${id}@example.test`]);
  return id;
}

export type Who = { role: "authenticated"; userId: string } | { role: "anon" } | { role: "service_role" };

/**
 * Runs fn in one transaction as the given caller and commits it. A failing statement rolls the
 * whole transaction back and rethrows, so a test can expect the error.
 */
export async function as<T>(pool: pg.Pool, who: Who, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(pool, async (client) => {
    const claims = who.role === "authenticated" ? { sub: who.userId, role: who.role } : { role: who.role };
    await client.query("SELECT set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
    await client.query(`SET LOCAL ROLE ${who.role}`);
    return fn(client);
  });
}

export const asUser = <T>(pool: pg.Pool, userId: string, fn: (client: pg.PoolClient) => Promise<T>) =>
  as(pool, { role: "authenticated", userId }, fn);

/** A fresh id that no row uses. */
export const newId = () => randomUUID();
