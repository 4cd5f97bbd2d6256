import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

describe("test database", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb.drop());

  it("is a clone of the migrated template, with pg-boss's schema", async () => {
    const { rows } = await tdb.pool.query(
      "SELECT to_regclass('public.modular_training_plan')::text AS plan, to_regclass('pgboss.job')::text AS job",
    );
    expect(rows[0]).toEqual({ plan: "modular_training_plan", job: "pgboss.job" });
  });
});
