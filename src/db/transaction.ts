// One transaction, written once: BEGIN, the work, COMMIT; ROLLBACK on any throw (its own failure
// ignored, so the work's error is the one that surfaces). withTransaction takes a connection of the
// pool for it and always gives it back; inTransaction runs on a client the caller already holds
// (the migrator's, which holds the migration lock).
import type pg from "pg";

export async function inTransaction<T>(
  client: pg.ClientBase,
  work: (client: pg.ClientBase) => Promise<T>,
): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // A checked-out client has no pool listener: a server that ends the connection (a restart, 57P01)
  // would emit 'error' on it unhandled and end the process. The statement in flight fails with the
  // same error, so it is only noted here, and the broken client is destroyed, not pooled again.
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost = error;
  };
  client.on("error", onError);
  try {
    return await inTransaction(client, () => work(client));
  } finally {
    client.off("error", onError);
    client.release(lost);
  }
}
