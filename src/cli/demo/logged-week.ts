// The week a demo lifter logs: a starting load picked for each exercise row (the app lets the
// lifter choose one; the generator prescribes none), and sets that a real week could hold. Most
// rows reach the top of their rep range on every set, some stay inside the range at a harder
// effort, and some fall a rep short of the range on every set, so the rollover shows each of its
// outcomes: load up, held, held after a week below the prescription. Pure and deterministic: the same rows always give the same week.
import type { LivedSet } from "../../db/queries/lived-weeks.ts";
import { isLowerBody, loadStepKg } from "../../domain/load-progression/load-increment.ts";
import { parseRepTarget } from "../../domain/load-progression/rep-target.ts";

export interface DemoRow {
  id: string;
  sets: number;
  reps: string;
  equipment: string | null;
  muscleGroup: string | null;
  tier: string | null;
  /** The session's date, YYYY-MM-DD. */
  sessionDate: string;
}

export type Outcome = "top" | "range" | "short" | "unlogged";

/** A set the demo's lifter logs: the same shape as a lived week's (lived-weeks.ts). */
export type LoggedSet = LivedSet;

export interface DemoRowLog {
  rowId: string;
  /** The load picked for the row before the week; null for work without an external load. */
  startingLoadKg: number | null;
  outcome: Outcome;
  sets: LoggedSet[];
}

/** The pattern rows follow in order: three in five at the top, one in range, one short. */
const PATTERN: readonly Outcome[] = ["top", "top", "range", "top", "short"];

// Plausible first loads for an intermediate lifter, by equipment, body half and tier (T1, T2,
// T3). A demo's choice, not a rule of the engine: the rollover only progresses what is logged.
const LOADS: Readonly<Record<string, { lower: number[]; upper: number[] }>> = {
  barbell: { lower: [80, 60, 40], upper: [50, 40, 25] },
  ez_bar: { lower: [30, 25, 20], upper: [30, 25, 20] },
  dumbbell: { lower: [24, 20, 14], upper: [22, 16, 10] },
  kettlebell: { lower: [24, 20, 16], upper: [16, 12, 8] },
  machine: { lower: [80, 60, 45], upper: [45, 35, 25] },
  cable: { lower: [30, 25, 20], upper: [35, 25, 15] },
};

const TIER_INDEX: Readonly<Record<string, number>> = { T1: 0, T2: 1, T3: 2 };

export function startingLoadKg(row: Pick<DemoRow, "equipment" | "muscleGroup" | "tier">): number | null {
  const table = LOADS[row.equipment ?? ""];
  if (!table) return null;
  const loads = isLowerBody(row.muscleGroup ?? "") ? table.lower : table.upper;
  const load = loads[TIER_INDEX[row.tier ?? ""] ?? 2] as number;
  const step = loadStepKg(row.equipment ?? "");
  return Math.round(load / step) * step;
}

/** Reps per set for an outcome: top = every set at the top; range = top down to the bottom; short = every set one below the bottom. */
function repsFor(outcome: Outcome, sets: number, min: number, max: number): number[] {
  const k = Math.max(1, sets);
  if (outcome === "top") return Array.from({ length: k }, () => max);
  if (outcome === "range") {
    return Array.from({ length: k }, (_, i) =>
      k === 1 ? min : Math.round(max - ((max - min) * i) / (k - 1)),
    );
  }
  const reps = Array.from({ length: k }, () => Math.max(1, min - 1));
  if (min === 1) reps.pop(); // a bottom of 1 cannot be missed by a rep: one set fewer (a hold)
  return reps;
}

/** The demo week for the rows, in the order given (session date, then order in session). */
export function planDemoWeek(rows: readonly DemoRow[]): DemoRowLog[] {
  return rows.map((row, index) => {
    const target = parseRepTarget(row.reps);
    const startingLoad = startingLoadKg(row);
    let outcome = PATTERN[index % PATTERN.length] as Outcome;
    // A rep target the rollover cannot read (AMRAP, 30s) is left unlogged: it carries over as it is.
    if (target === null) outcome = "unlogged";
    // A fixed single rep cannot be "in range" without being at the top.
    if (outcome === "range" && target !== null && target.min === target.max) outcome = "top";
    const reps = target === null ? [] : repsFor(outcome, row.sets, target.min, target.max);
    if (outcome === "short" && reps.length === 0) outcome = "unlogged";
    const evening = Date.parse(`${row.sessionDate}T18:00:00Z`);
    const sets = reps.map((repsDone, i) => ({
      exerciseRowId: row.id,
      setNo: i + 1,
      repsDone,
      weightKg: startingLoad ?? 0,
      // Harder as the sets go on; a week inside the range or short of it was hard throughout.
      rpe: outcome === "top" ? Math.min(9, 7 + i) : outcome === "range" ? 9 : Math.min(9, 8 + i),
      recordedAt: new Date(evening + (index * 15 + i * 3) * 60_000),
    }));
    return { rowId: row.id, startingLoadKg: startingLoad, outcome, sets };
  });
}
