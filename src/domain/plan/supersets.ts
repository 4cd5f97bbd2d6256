// Supersets (docs/programming-rules.md, section 4): where sessions are short (45 minutes or less)
// or the goal is endurance, accessory work is done in pairs: the two exercises alternate and the
// rest comes once after each round. Antagonist pairs first (a press with a row, a curl with a
// triceps extension, a leg extension with a leg curl): one muscle rests while its opposite works,
// so the pair loses little load or reps while the session saves a rest per round (Robbins et al.
// 2010; Weakley et al. 2017). Then any two slots of different groups that do not compete (calves
// with abdominals, an upper-body with a lower-body lift). Main lifts (T1) are never paired: they get their full rest. Pairs are within
// one tier, so the session's order (T1, T2, T3) holds; in the plan, both rows of a pair carry the
// same `notes`, "superset A" (B, C... in session order), and sit next to each other.

import type { MovementPattern, Tier } from "../vocabulary.ts";
import { isPull, isPush } from "./balance.ts";
import { patternOf } from "./movement.ts";
import type { SlotDraft } from "./slot-draft.ts";
import type { TargetGroup } from "./targets.ts";

export const SUPERSET_MAX_MINUTES = 45;

/** Groups that compete for the same muscles or grip when alternated: a pair spans two regions. */
const REGION: Readonly<Record<TargetGroup, string>> = {
  chest: "upper",
  back: "upper",
  shoulders: "upper",
  biceps: "upper",
  triceps: "upper",
  quadriceps: "lower",
  hamstrings: "lower",
  glutes: "lower",
  calves: "calves",
  abdominals: "core",
};

const OPPOSITES: readonly (readonly [MovementPattern, MovementPattern])[] = [
  ["elbow_flexion", "elbow_extension"],
  ["knee_extension", "knee_flexion"],
];

function antagonists(a: SlotDraft, b: SlotDraft): boolean {
  if ((isPush(a.entry) && isPull(b.entry)) || (isPull(a.entry) && isPush(b.entry))) return true;
  const pa = patternOf(a.entry);
  const pb = patternOf(b.entry);
  return OPPOSITES.some(([x, y]) => (pa === x && pb === y) || (pa === y && pb === x));
}

/**
 * The day's pairs, each [first, second] in session order, given the slots in session order. Greedy
 * and deterministic: for each unpaired slot, its first antagonist of the same tier later in the
 * session; then, for what is left, the first later slot of the same tier and another group.
 */
export function supersetPairs(ordered: readonly SlotDraft[]): [SlotDraft, SlotDraft][] {
  const pairs: [SlotDraft, SlotDraft][] = [];
  const paired = new Set<SlotDraft>();
  const pass = (fits: (a: SlotDraft, b: SlotDraft) => boolean) => {
    ordered.forEach((a, i) => {
      if (a.tier === "T1" || paired.has(a)) return;
      const b = ordered.find(
        (c, j) => j > i && !paired.has(c) && c.tier === a.tier && c.group !== a.group && fits(a, c),
      );
      if (b === undefined) return;
      paired.add(a);
      paired.add(b);
      pairs.push([a, b]);
    });
  };
  pass(antagonists);
  pass((a, b) => REGION[a.group] !== REGION[b.group]);
  return pairs.sort((x, y) => ordered.indexOf(x[0]) - ordered.indexOf(y[0]));
}

const TIER_RANK: Readonly<Record<Tier, number>> = { T1: 0, T2: 1, T3: 2 };

/** Session order: T1, T2, T3, and within a tier the day's block order, then creation order. */
export function sessionOrder(slots: readonly SlotDraft[]): SlotDraft[] {
  return [...slots].sort(
    (a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.position - b.position || a.seq - b.seq,
  );
}

/** Session order with each pair's second slot moved up to follow its first. */
export function withPairsAdjacent(
  ordered: readonly SlotDraft[],
  pairs: readonly [SlotDraft, SlotDraft][],
): SlotDraft[] {
  const second = new Map(pairs.map(([a, b]) => [a, b]));
  const seconds = new Set(pairs.map(([, b]) => b));
  const out: SlotDraft[] = [];
  for (const slot of ordered) {
    if (seconds.has(slot)) continue;
    out.push(slot);
    const partner = second.get(slot);
    if (partner !== undefined) out.push(partner);
  }
  return out;
}
