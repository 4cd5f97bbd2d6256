// Supersets (docs/programming-rules.md, section 4): where sessions are short (45 minutes or less)
// or the goal is endurance, accessory work is done in pairs: the two exercises alternate and the
// rest comes once after each round. Antagonist pairs first (a press with a row, a curl with a
// triceps extension, a leg extension with a leg curl): one muscle rests while its opposite works,
// so the pair loses little load or reps while the session saves a rest per round (Robbins et al.
// 2010; Weakley et al. 2017). Then any two slots of different groups that do not compete (calves
// with abdominals, an upper-body with a lower-body lift). Pairs are within one tier, so the session's
// order (T1, T2, T3) holds, except in sessions of 40 minutes or less (issue 22, item 3): there the
// main lift (T1) pairs with a T2 that does not compete with it (a squat with a row or a press, a
// bench press with a row), keeping the main lift's full rest after each round, so a 30-minute
// session holds three or more exercises instead of a main lift and one more. In longer sessions
// main lifts are never paired. Never two lifts that load the spine (spine-load.ts: a back squat
// with a bent-over row, a deadlift with a barbell lunge): the lower back would work through both
// without rest; a squat pairs with a pull-down or a chest-supported row instead. In the plan, both
// rows of a pair carry the same `notes`, "superset A" (B, C... in session order), and sit next to
// each other. Each kind of pair is sought at one barbell first (a barbell lift with a dumbbell,
// cable or machine one), and of two barbell lifts only in a strength week, where nothing else
// pairs (twoBars: two coaches' reads would not sign a squat paired with a barbell bench). Longer
// sessions of a trained lifter's hypertrophy week pair only the arms (armsOnly): a curl with a
// triceps exercise.

import type { MovementPattern, Tier } from "../vocabulary.ts";
import { isPull, isPush } from "./balance.ts";
import { patternOf } from "./movement.ts";
import type { SlotDraft } from "./slot-draft.ts";
import { isBarbellLegLift, loadsSpine } from "./spine-load.ts";
import { LEG_GROUPS, type TargetGroup } from "./targets.ts";

export const SUPERSET_MAX_MINUTES = 45;
/** At or below this, the main lift is paired too. */
export const SUPERSET_MAIN_MAX_MINUTES = 40;

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

/** A curl and a triceps exercise: the arm superset of longer hypertrophy sessions. */
function armAntagonists(a: SlotDraft, b: SlotDraft): boolean {
  const arms = new Set([patternOf(a.entry), patternOf(b.entry)]);
  return arms.has("elbow_flexion") && arms.has("elbow_extension");
}

/**
 * A T2 that would take from the main lift between its sets: the same region (unless it is the
 * antagonist), or a row after a hinge (the lower back and the grip work in both).
 */
function competesWithMain(main: SlotDraft, partner: SlotDraft): boolean {
  if (REGION[main.group] === REGION[partner.group]) return true;
  return patternOf(main.entry) === "hinge" && patternOf(partner.entry) === "horizontal_pull";
}

/**
 * The day's pairs, each [first, second] in session order, given the slots in session order. Greedy
 * and deterministic: for each unpaired slot, its first antagonist of the same tier later in the
 * session; then, for what is left, the first later slot of the same tier and another group. With
 * `pairMain`, the main lift first takes a T2 partner from another region (or an antagonist). With
 * `armsOnly`, only a curl with a triceps exercise.
 */
export function supersetPairs(
  ordered: readonly SlotDraft[],
  pairMain = false,
  armsOnly = false,
  /** Two barbell lifts may pair where nothing else does: strength only (barbell-only weeks). */
  twoBars = true,
  /** The finished week's last pairing: T2s (and, with `pairMain`, main lifts) take fillers. */
  fillers = false,
): [SlotDraft, SlotDraft][] {
  const pairs: [SlotDraft, SlotDraft][] = [];
  const paired = new Set<SlotDraft>();
  const pass = (fits: Fits, mainOnly = false) =>
    greedyPass(
      ordered,
      pairs,
      paired,
      (a) => (a.tier === "T1") === mainOnly,
      (a) => (a.tier === "T1" ? "T2" : a.tier),
      fits,
    );
  // Each kind of pair at one barbell first: two barbell lifts alternated need two bars, loaded
  // apart, in a gym (a coach read a back squat paired with a bench press); a barbell lift with a
  // dumbbell, cable or machine one needs one station. Two barbell lifts still pair where nothing
  // else would.
  const oneBar =
    (fits: Fits): Fits =>
    (a, b) =>
      !(a.entry.equipment === "barbell" && b.entry.equipment === "barbell") && fits(a, b);
  const notCompeting = (a: SlotDraft, b: SlotDraft) => !competesWithMain(a, b);
  const otherRegion = (a: SlotDraft, b: SlotDraft) => REGION[a.group] !== REGION[b.group];
  if (armsOnly) {
    pass(armAntagonists);
    return pairs.sort((x, y) => ordered.indexOf(x[0]) - ordered.indexOf(y[0]));
  }
  if (pairMain) {
    pass(oneBar(antagonists), true);
    pass(oneBar(notCompeting), true);
    if (twoBars) {
      pass(antagonists, true);
      pass(notCompeting, true);
    }
  }
  pass(oneBar(antagonists));
  pass(oneBar(otherRegion));
  if (twoBars) {
    pass(antagonists);
    pass(otherRegion);
  }
  if (fillers) {
    // What is left alone: a T2 (and in the shortest sessions a main lift) takes an isolation
    // exercise that does not compete with it, done between its sets (a squat with a plank, a row
    // with a lateral raise).
    // Each unpaired T2 (and main lift, with `pairMain`) with a later isolation exercise (T3),
    // listed beside its lift, ahead of the other T2s: a pair keeps its first row's place.
    const lifts = (a: SlotDraft) => a.tier === "T2" || (a.tier === "T1" && pairMain);
    greedyPass(ordered, pairs, paired, lifts, () => "T3", oneBar(fillsRest));
    if (twoBars) greedyPass(ordered, pairs, paired, lifts, () => "T3", fillsRest);
  }
  return pairs.sort((x, y) => ordered.indexOf(x[0]) - ordered.indexOf(y[0]));
}

/**
 * Upper-body isolation work that leaves a lift's muscles alone, beside the antagonists: a pull with
 * a triceps exercise or a delt raise, a press with a curl.
 */
const FRESH_PARTNERS: readonly (readonly [(p: MovementPattern) => boolean, MovementPattern])[] = [
  [(p) => p === "horizontal_pull" || p === "vertical_pull", "elbow_extension"],
  [(p) => p === "horizontal_pull" || p === "vertical_pull", "shoulder_isolation"],
  [(p) => p === "horizontal_push" || p === "vertical_push" || p === "chest_isolation", "elbow_flexion"],
];

/** Whether the isolation exercise `filler` can be done in the rests of `lift` without taking from it. */
function fillsRest(lift: SlotDraft, filler: SlotDraft): boolean {
  // The trunk braces a lift that loads the spine: crunches between squat or deadlift sets tire it
  // (the reason core work done alone comes last, week-draft.ts listedOrder).
  if (filler.group === "abdominals" && loadsSpine(lift.entry)) return false;
  if (lift.tier === "T1") return !competesWithMain(lift, filler);
  if (REGION[lift.group] !== REGION[filler.group] || antagonists(lift, filler)) return true;
  const liftPattern = patternOf(lift.entry);
  const fillerPattern = patternOf(filler.entry);
  return FRESH_PARTNERS.some(([lifts, partner]) => lifts(liftPattern) && fillerPattern === partner);
}

type Fits = (a: SlotDraft, b: SlotDraft) => boolean;

/**
 * Greedy and deterministic: each unpaired slot that `leads`, in session order, with the first later
 * unpaired slot of its `partnerTier` and another group that `fits` (never two lifts that load the
 * spine).
 */
function greedyPass(
  ordered: readonly SlotDraft[],
  pairs: [SlotDraft, SlotDraft][],
  paired: Set<SlotDraft>,
  leads: (a: SlotDraft) => boolean,
  partnerTier: (a: SlotDraft) => Tier,
  fits: Fits,
): void {
  ordered.forEach((a, i) => {
    if (paired.has(a) || !leads(a)) return;
    const tier = partnerTier(a);
    const b = ordered.find(
      (c, j) =>
        j > i &&
        !paired.has(c) &&
        c.tier === tier &&
        c.group !== a.group &&
        !(loadsSpine(a.entry) && loadsSpine(c.entry)) &&
        fits(a, c),
    );
    if (b === undefined) return;
    paired.add(a);
    paired.add(b);
    pairs.push([a, b]);
  });
}

const TIER_RANK: Readonly<Record<Tier, number>> = { T1: 0, T2: 1, T3: 2 };

/** Session order: T1, T2, T3, and within a tier the day's block order, then creation order. */
export function sessionOrder(slots: readonly SlotDraft[]): SlotDraft[] {
  const ordered = [...slots].sort(
    (a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.position - b.position || a.seq - b.seq,
  );
  // Among the leg T2s, the heavy leg lifts first (a coach read a glute-ham raise between the
  // deadlift and the squat); upper-body work keeps its places, alternating regions on full-body days.
  const legT2 = (slot: SlotDraft): boolean => slot.tier === "T2" && LEG_GROUPS.has(slot.group);
  const places = ordered.flatMap((slot, index) => (legT2(slot) ? [index] : []));
  const legs = places.map((index) => ordered[index] as SlotDraft);
  const heavyFirst = [
    ...legs.filter((s) => isBarbellLegLift(s.entry)),
    ...legs.filter((s) => !isBarbellLegLift(s.entry)),
  ];
  places.forEach((index, i) => {
    ordered[index] = heavyFirst[i] as SlotDraft;
  });
  return ordered;
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
