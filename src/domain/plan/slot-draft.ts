// One exercise slot of a day being drafted: apart from week-draft.ts, which builds the week, so
// supersets.ts (which week-draft.ts calls) can name it without a circle.
import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { Tier } from "../vocabulary.ts";
import type { TargetGroup } from "./targets.ts";

export interface SlotDraft {
  entry: CatalogueEntry;
  group: TargetGroup;
  tier: Tier;
  sets: number;
  /** The block's position in the day (majors, then accessories): session order within a tier. */
  position: number;
  /** Creation order in the week: the last tie-breaker. */
  seq: number;
  /** Back-off sets of the day's main lift: the same exercise, lighter, for more reps. */
  backOff?: true;
}
