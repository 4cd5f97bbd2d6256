// The project's own exercise catalogue: written for this worker (facts and instructions in our own
// words), so plans can be generated without importing any third-party catalogue. The data lives in
// builtin.json, one object per exercise in CatalogueEntry's fields; this module loads it and checks
// every entry against catalogueEntrySchema, so a bad entry stops the import of this module (and
// with it the worker's start) with an error naming the entry and the field.
//
// Every entry has a movement pattern; ids are stable (`te_` + snake_case) and never reused for
// another exercise. Coverage rules (asserted in tests/domain/catalogue-builtin.test.ts): every muscle
// group is a primary muscle, every major muscle has several exercises including beginner bodyweight,
// dumbbell and band options, every equipment value appears at least twice (as main implement or as a
// requirement), and foam-roll items are never working sets. `requires` records what an entry cannot
// be done without besides its main implement: `pullup_bar` for hanging work (and a bar at hip height
// for inverted rows: a pull-up bar set low, or a bar in a rack), `bench` for lying, seated or
// supported work on a bench, `other` for dip bars.

import { type CatalogueEntry, parseCatalogueEntries } from "../catalogue-entry.ts";
import data from "./builtin.json" with { type: "json" };

export const BUILTIN_CATALOGUE: readonly CatalogueEntry[] = parseCatalogueEntries(
  data,
  "src/domain/catalogue/builtin.json",
);
