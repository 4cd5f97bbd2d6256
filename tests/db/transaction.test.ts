import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPgError, PG_ERROR, pgErrorCode } from "../../src/db/pg-errors.ts";
import { inTransaction, withTransaction } from "../../src/db/transaction.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

describe("withTransaction and the error-code names (src/db/transaction.ts, src/db/pg-errors.ts)", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await tdb.pool.query("CREATE TABLE tx_probe (n int PRIMARY KEY)");
  });
  afterAll(() => tdb.drop());

  const probe = async () =>
    (await tdb.pool.query<{ n: number }>("SELECT n FROM tx_probe ORDER BY n")).rows.map((r) => r.n);

  it("commits the work and returns its result, on one connection it gives back", async () => {
    const result = await withTransaction(tdb.pool, async (client) => {
      await client.query("INSERT INTO tx_probe VALUES (1), (2)");
      return (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
    });
    expect(typeof result).toBe("number");
    expect(await probe()).toEqual([1, 2]);
    expect(tdb.pool.idleCount).toBe(tdb.pool.totalCount);
  });

  it("survives the server ending its connection mid-transaction (a restart): the work fails, the client is dropped", async () => {
    // Without a listener on the checked-out client, the server's FATAL 57P01 is an unhandled
    // 'error' event that ends the process (a worker died so in the database-restart fault).
    const failure = await withTransaction(tdb.pool, async (client) => {
      const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
      await tdb.pool.query("SELECT pg_terminate_backend($1)", [pid]);
      await client.query("SELECT pg_sleep(0.2)");
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    // The broken connection was destroyed, not given back to the pool for the next caller.
    const again = await withTransaction(
      tdb.pool,
      async (client) => (await client.query("SELECT 1 AS one")).rows[0],
    );
    expect(again).toEqual({ one: 1 });
  });

  it("rolls everything back on a throw, surfaces the work's own error, and gives the connection back", async () => {
    const failure = await withTransaction(tdb.pool, async (client) => {
      await client.query("INSERT INTO tx_probe VALUES (3)");
      await client.query("INSERT INTO tx_probe VALUES (1)"); // a duplicate key
    }).catch((error: unknown) => error);
    expect(pgErrorCode(failure)).toBe(PG_ERROR.uniqueViolation);
    expect(isPgError(failure, "uniqueViolation")).toBe(true);
    expect(isPgError(failure, "deadlockDetected")).toBe(false);
    expect(await probe()).toEqual([1, 2]);
    expect(tdb.pool.idleCount).toBe(tdb.pool.totalCount);
    // The connection is clean: the next transaction on the pool is not inside an aborted one.
    await withTransaction(tdb.pool, (client) => client.query("INSERT INTO tx_probe VALUES (4)"));
    expect(await probe()).toEqual([1, 2, 4]);
  });

  it("runs on a client the caller holds, which stays usable after a rollback", async () => {
    const client = await tdb.pool.connect();
    try {
      await expect(
        inTransaction(client, async (c) => {
          await c.query("INSERT INTO tx_probe VALUES (5)");
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      const { rows } = await client.query<{ open: boolean }>(
        "SELECT now() = statement_timestamp() AS open", // false only inside an open transaction
      );
      expect(rows[0]?.open).toBe(true);
    } finally {
      client.release();
    }
    expect(await probe()).toEqual([1, 2, 4]);
  });

  it("reads no code off what is not a database error", () => {
    expect(pgErrorCode(new Error("plain"))).toBeUndefined();
    expect(pgErrorCode(null)).toBeUndefined();
    expect(pgErrorCode({ code: 23505 })).toBeUndefined();
  });
});
