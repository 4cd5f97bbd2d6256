// Picks the exercise for a new slot from the group's eligible entries. Ranking, most important
// first (docs/programming-rules.md, "Exercise selection"):
// 1. category: strength/powerlifting before olympic/strongman before plyometrics, whose jumps and
//    throws are poor hard sets;
// 2. dynamic before static holds: a hold is timed, not counted, so a rep target does not fit it
//    (repeating a squat beats a wall sit);
// 3. the slot's role: compound where the preferred pattern is compound, else isolation;
// 4. variety: fewer uses earlier in the week (Upper-A and Upper-B get different presses), and not
//    a near-twin of an exercise already in the session (same pattern and same last name word, as
//    a deadlift and a sumo deadlift);
// 5. the preferred pattern, then any pattern the block lists;
// 6. equipment that can be loaded in small steps (weights, cables, machines) before bodyweight,
//    and bodyweight before bands, balls and "other": progression needs a load to add to;
// 7. for compounds, a staple lift (back squat, bench press, Romanian deadlift, row...) before the
//    rest, and its plain form before niche variations (decline, single-arm, assisted): the lifts
//    coaches and lifters know and can load, progress and compare;
// 8. for beginners, beginner-level before intermediate;
// 9. equipment: free weights first for compounds (they load the most), cables and dumbbells first
//    for isolation (constant tension, easy set-up);
// 10. the simpler exercise (lower catalogue level), then exerciseId, so ties never depend on
//    catalogue order.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { CatalogueLevel, Category, Equipment, ExperienceLevel } from "../vocabulary.ts";
import { isCompound, isCompoundPattern, patternOf } from "./movement.ts";
import type { Block } from "./templates.ts";

const CATEGORY_RANK: Readonly<Record<Category, number>> = {
  strength: 0,
  powerlifting: 0,
  olympic_weightlifting: 1,
  strongman: 1,
  plyometrics: 2,
  stretching: 3,
  cardio: 3,
};

/**
 * Name fragments of staple compound lifts, most canonical first: a name ranks by the first fragment
 * it contains. A soft preference (names are free text), so any catalogue still works.
 */
const STAPLES: readonly string[] = [
  "back squat",
  "front squat",
  "bench press",
  "romanian deadlift",
  "deadlift",
  "overhead press",
  "military press",
  "shoulder press",
  "bent-over row",
  "bent over row",
  "squat",
  "lat pulldown",
  "pull-up",
  "pullup",
  "chin-up",
  "hip thrust",
  "leg press",
  "lunge",
  "row",
  "pulldown",
  "push-up",
  "pushup",
  "dip",
];

/** Words of a harder-to-load or niche variation: the plain lift comes first. */
const VARIATION =
  /\b(side|single|one|kneeling|decline|deficit|bosu|ball|band|smith|partial|negative|assisted)\b/i;

function stapleRank(name: string): number {
  const lower = name.toLowerCase();
  const index = STAPLES.findIndex((fragment) => lower.includes(fragment));
  const rank = index === -1 ? STAPLES.length : index;
  // Any plain staple before any variation: "Lat Pulldown" before "Machine-Assisted Pull-Up".
  return VARIATION.test(name) ? STAPLES.length + 1 + rank : rank;
}

/**
 * A per-entry value computed once: the name-derived ranks are a function of the (immutable)
 * catalogue entry alone, and string work on names was a quarter of generatePlan's CPU time
 * (bench/plan-throughput.ts measures generation on distinct requests, where the memo never helps).
 */
function perEntry<T>(compute: (entry: CatalogueEntry) => T): (entry: CatalogueEntry) => T {
  const cache = new WeakMap<CatalogueEntry, T>();
  return (entry) => {
    if (cache.has(entry)) return cache.get(entry) as T;
    const value = compute(entry);
    cache.set(entry, value);
    return value;
  };
}

const stapleRankOf = perEntry((entry) => stapleRank(entry.name));

const LOAD_CLASS: Readonly<Record<Equipment, number>> = {
  barbell: 0,
  dumbbell: 0,
  kettlebell: 0,
  cable: 0,
  machine: 0,
  ez_bar: 0,
  bodyweight: 1,
  bands: 2,
  medicine_ball: 2,
  exercise_ball: 2,
  other: 2,
  foam_roll: 3,
};

const LEVEL_RANK: Readonly<Record<CatalogueLevel, number>> = { beginner: 0, intermediate: 1, expert: 2 };

const COMPOUND_EQUIPMENT: readonly Equipment[] = [
  "barbell",
  "dumbbell",
  "cable",
  "machine",
  "kettlebell",
  "ez_bar",
  "bodyweight",
  "bands",
  "other",
  "medicine_ball",
  "exercise_ball",
  "foam_roll",
];

const ISOLATION_EQUIPMENT: readonly Equipment[] = [
  "cable",
  "dumbbell",
  "machine",
  "ez_bar",
  "barbell",
  "bands",
  "bodyweight",
  "kettlebell",
  "other",
  "exercise_ball",
  "medicine_ball",
  "foam_roll",
];

export interface ChoiceContext {
  experience: ExperienceLevel;
  /** Exercises already in this session: never chosen again. */
  session: readonly CatalogueEntry[];
  /** Exercise id -> slots using it earlier in the week. */
  weekUse: ReadonlyMap<string, number>;
}

/** `candidates` must be sorted by exerciseId; undefined when every candidate is already in the session. */
export function chooseExercise(
  candidates: readonly CatalogueEntry[],
  block: Block,
  slotIndex: number,
  context: ChoiceContext,
): CatalogueEntry | undefined {
  const preferred = block.patterns[slotIndex % block.patterns.length];
  const wantCompound = preferred !== undefined && isCompoundPattern(preferred);
  const equipmentOrder = wantCompound ? COMPOUND_EQUIPMENT : ISOLATION_EQUIPMENT;
  const used = new Set(context.session.map((entry) => entry.exerciseId));
  const twins = new Set(context.session.map(twinKey));
  const key = (entry: CatalogueEntry): number[] => {
    const pattern = patternOf(entry);
    return [
      CATEGORY_RANK[entry.category],
      entry.force === "static" ? 1 : 0,
      isCompound(entry) === wantCompound ? 0 : 1,
      context.weekUse.get(entry.exerciseId) ?? 0,
      twins.has(twinKey(entry)) ? 1 : 0,
      pattern === preferred ? 0 : block.patterns.includes(pattern) ? 1 : 2,
      LOAD_CLASS[entry.equipment],
      wantCompound ? stapleRankOf(entry) : 0,
      context.experience === "beginner" && entry.level !== "beginner" ? 1 : 0,
      equipmentOrder.indexOf(entry.equipment),
      LEVEL_RANK[entry.level],
    ];
  };
  let best: CatalogueEntry | undefined;
  let bestKey: number[] = [];
  for (const entry of candidates) {
    if (used.has(entry.exerciseId)) continue;
    const entryKey = key(entry);
    // Strictly better only: candidates come sorted by id, so the first of equals wins.
    if (best === undefined || compareKeys(entryKey, bestKey) < 0) {
      best = entry;
      bestKey = entryKey;
    }
  }
  return best;
}

const twinKey = perEntry((entry): string => {
  const words = entry.name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  return `${patternOf(entry)}:${words.at(-1) ?? ""}`;
});

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
