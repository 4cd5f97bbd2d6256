// Tells a transaction-mode pooler (PgBouncer pool_mode=transaction, Supabase's pooled port 6543)
// from a direct connection. Such a pooler hands each transaction whatever server connection is
// free, so session state (LISTEN, session advisory locks, SET, named prepared statements) does
// not stay with the client. The probe: two client connections, one query each, one after the
// other. A pooler in transaction mode reuses the first one's server session for the second (it
// went idle when the first query ended); a direct connection or a session-mode pooler cannot,
// since the first client still holds its session.
import pg from "pg";

/** True when two open connections to this URL ran on one server session (pg_backend_pid). */
export async function sharesServerSessions(connectionString: string): Promise<boolean> {
  const clients = [0, 1].map(
    () => new pg.Client({ connectionString, application_name: "training-engine-pooler-probe" }),
  );
  for (const c of clients) c.on("error", () => {}); // a lost connection fails the query instead
  try {
    const pids: number[] = [];
    for (const c of clients) {
      await c.connect();
      const { rows } = await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      pids.push(rows[0]?.pid as number);
    }
    return pids[0] === pids[1];
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
}
