// Where a muscle group's added sets go (docs/mesocycles.md, "Where added sets go"). Reference
// model of the rollover's `alloc` step (src/db/queries/rollover.ts); tests/rollover/
// distribute-parity.test.ts compares the two on random one-session plans.
import { MAX_SETS_PER_ROW } from "./caps.ts";

export interface GroupRow {
  id: string;
  sets: number;
  tier: string | null;
  /** The session's date (YYYY-MM-DD) and the row's order in it: the tie-breaks after tier. */
  sessionDate: string;
  order: number;
  /** The session it is in, and what one set of it costs (the time model). */
  session: string;
  setSeconds: number;
  /** A novice's linear lift (linear-progression.ts) keeps its sets: its load carries the progress. */
  fixed?: boolean;
}

const TIER_RANK: Readonly<Record<string, number>> = { T3: 0, T2: 1, T1: 2 };

/**
 * The sets each row of one group gains: `change` (RP's, > 0) capped by the group's MRV left
 * (mrv - the group's sets), spread one set each in turn over the rows below MAX_SETS_PER_ROW in
 * order of fewest sets, T3 then T2 then T1, session date, order in session, id; a row keeps its
 * added sets only while its session's running total of added seconds stays within `room`.
 */
export function distributeSets(
  rows: readonly GroupRow[],
  change: number,
  mrv: number,
  room: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  const groupSets = rows.reduce((n, r) => n + r.sets, 0);
  const total = Math.max(0, Math.min(change, mrv - groupSets));
  const eligible = rows
    .filter((r) => r.sets < MAX_SETS_PER_ROW && r.fixed !== true)
    .sort(
      (a, b) =>
        a.sets - b.sets ||
        (TIER_RANK[a.tier ?? ""] ?? 0) - (TIER_RANK[b.tier ?? ""] ?? 0) ||
        (a.sessionDate < b.sessionDate ? -1 : a.sessionDate > b.sessionDate ? 1 : 0) ||
        a.order - b.order ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const n = eligible.length;
  const used = new Map<string, number>();
  eligible.forEach((r, i) => {
    const rk = i + 1;
    const add = Math.min(MAX_SETS_PER_ROW - r.sets, rk <= total ? Math.floor((total - rk) / n) + 1 : 0);
    if (add <= 0) return;
    const u = (used.get(r.session) ?? 0) + add * r.setSeconds;
    used.set(r.session, u);
    if (u <= (room.get(r.session) ?? Number.POSITIVE_INFINITY)) out.set(r.id, add);
  });
  return out;
}
