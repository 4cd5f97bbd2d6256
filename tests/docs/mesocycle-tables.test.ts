// docs/mesocycle-tables.md is what the real rollover does today: the same two lifters lived on
// this test database must give the same file, byte for byte. After changing the rollover or the
// generator, rewrite it with `npm run docs:mesocycles` (or WRITE_MESOCYCLE_DOCS=1 on this test).
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mesocycleTablesMarkdown } from "../../scripts/mesocycle-lifters.ts";
import { utcDateOf } from "../../src/domain/calendar.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

const DOC = new URL("../../docs/mesocycle-tables.md", import.meta.url);

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb?.drop());

describe("docs/mesocycle-tables.md", () => {
  it("is what the two lifters get from the real rollover now", async () => {
    const doc = await mesocycleTablesMarkdown(tdb.pool, utcDateOf(new Date()));
    // Two lifters, each a table with a deload in it (through the week after the second, at most
    // 12 weeks).
    expect(doc.match(/^## /gm)).toHaveLength(2);
    expect(doc.match(/^\| deload \|.*\*\*D\*\*/gm)).toHaveLength(2);
    if (process.env.WRITE_MESOCYCLE_DOCS === "1") writeFileSync(DOC, doc);
    expect(
      readFileSync(DOC, "utf8"),
      "docs/mesocycle-tables.md is out of date: npm run docs:mesocycles",
    ).toBe(doc);
  }, 120_000);
});
