// Drizzle applies only migrations stamped after the last one a database applied
// (docs/pitfalls.md): a stamp that goes backwards makes an upgrade skip that migration silently.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../../src/db/migrate.ts";
import { readJournal } from "../../src/db/migration-journal.ts";

describe("drizzle/meta/_journal.json", () => {
  const entries = readJournal(MIGRATIONS_FOLDER);

  it("stamps every entry later than the one before it", () => {
    const backwards = entries.flatMap((e, i) => {
      const before = entries[i - 1];
      return before && e.when <= before.when
        ? [`${e.tag} (${e.when}) <= ${before.tag} (${before.when})`]
        : [];
    });
    expect(backwards).toEqual([]);
  });

  it("lists every migration file once, in file-name order", () => {
    const files = readdirSync(MIGRATIONS_FOLDER)
      .filter((f) => f.endsWith(".sql"))
      .map((f) => f.slice(0, -".sql".length))
      .sort();
    expect(entries.map((e) => e.tag)).toEqual(files);
    expect(entries.map((e) => e.idx)).toEqual(files.map((_, i) => i));
  });
});
