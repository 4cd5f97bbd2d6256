// Users in auth.users: Supabase owns that table in production (sign-up writes it); on the embedded
// database `user create` and the demo stand in for sign-up (docs/contract.md, section 1).
import { randomUUID } from "node:crypto";
import type pg from "pg";

/** Another user already has this email (compared case-insensitively, as Supabase does). */
export class DuplicateEmailError extends Error {
  readonly email: string;
  readonly existingId: string;
  constructor(email: string, existingId: string) {
    super(`a user with email ${email} already exists (${existingId})`);
    this.email = email;
    this.existingId = existingId;
  }
}

// One statement: the row is written only when no user has the email. The bootstrap's auth.users
// has no unique index on email (Supabase's own has one), so the check lives here.
const INSERT_USER = `
  INSERT INTO auth.users (id, email)
  SELECT $1::uuid, $2::text
  WHERE $2::text IS NULL OR NOT EXISTS (SELECT 1 FROM auth.users WHERE lower(email) = lower($2::text))
  RETURNING id`;

/** Creates a user with a fresh id; `email` is optional (null, as for a phone sign-up). */
export async function createUser(pool: pg.Pool, email?: string): Promise<string> {
  const id = randomUUID();
  const { rows } = await pool.query<{ id: string }>(INSERT_USER, [id, email ?? null]);
  if (rows[0]) return rows[0].id;
  const existing = await pool.query<{ id: string }>(
    "SELECT id FROM auth.users WHERE lower(email) = lower($1) ORDER BY created_at LIMIT 1",
    [email],
  );
  throw new DuplicateEmailError(email as string, existing.rows[0]?.id ?? "unknown id");
}

/** Whether a user with this id exists. */
export async function userExists(db: Pick<pg.Pool, "query">, userId: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM auth.users WHERE id = $1", [userId]);
  return (rowCount ?? 0) > 0;
}
