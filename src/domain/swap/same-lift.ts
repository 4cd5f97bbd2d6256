// The same lift by another name, as exercise_same_lift (src/db/sql/exercise_same_lift.sql) decides
// it, in TypeScript for the tests that check the ranking (tests/swap/matrix-check.ts): a "full"
// squat for a squat, or the one-leg version of a machine leg extension, is no swap for a busy
// station or a sore joint, so it is not an alike alternative either.

import type { CatalogueEntry } from "../catalogue-entry.ts";

const FILLER: ReadonlySet<string> = new Set(["full", "medium", "grip", "with", "the", "a", "on"]);
const ONE_SIDE: ReadonlySet<string> = new Set(["single", "one", "arm", "leg", "legged", "unilateral"]);

/** Whether `other` is `row`'s lift by another name (the row's mechanic decides the one-side rule). */
export function sameLiftByName(row: CatalogueEntry, other: CatalogueEntry): boolean {
  const sameImplement = row.equipment === other.equipment;
  const sameStation =
    sameImplement &&
    row.mechanic === "isolation" &&
    (other.equipment === "machine" || other.equipment === "cable");
  const key = (name: string): string =>
    [
      ...new Set(
        name
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .filter(
            (t) =>
              t !== "" &&
              !FILLER.has(t) &&
              !(sameImplement && t === other.equipment) &&
              !(sameStation && ONE_SIDE.has(t)),
          )
          .map((t) => t.replace(/s$/, "")),
      ),
    ]
      .sort()
      .join(" ");
  return key(row.name) === key(other.name);
}
