// A lived plan's weeks side by side as text (`demo --weeks N`, scripts/mesocycle-tables.ts): per
// week its mesocycle and week within it, deloads, recovery muscles, sets per muscle group, the
// RIR per tier and the main lifts' loads; then each week's changes in the rollover's own words;
// then the main lifts' estimated 1RM as an ASCII chart with the deload weeks marked. Pure.

import type { LivedWeek } from "../../db/queries/lived-weeks.ts";
import { estimateOneRepMax } from "../../domain/progress-aggregates/e1rm.ts";
import { formatTable } from "../format-table.ts";

const TIERS = ["T1", "T2", "T3"] as const;
const round = (n: number) => Math.round(n * 100) / 100;

/** "1.3" = mesocycle 1, week 3; a deload week gets " D". */
export const weekCell = (w: Pick<LivedWeek, "mesocycle" | "mesocycleWeek" | "isDeload">) =>
  `${w.mesocycle}.${w.mesocycleWeek}${w.isDeload ? " D" : ""}`;

/** The main lifts: the T1 exercises of the first week, in order, at most `max`. */
export function mainLifts(weeks: readonly LivedWeek[], max = 4): { key: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const row of weeks[0]?.rows ?? []) {
    if (row.tier === "T1" && !seen.has(row.exerciseKey)) seen.set(row.exerciseKey, row.name);
  }
  return [...seen].slice(0, max).map(([key, name]) => ({ key, name }));
}

/** The weekly sets of each muscle group (the rows' prescribed sets), largest first in week 1. */
export function setsPerMuscle(weeks: readonly LivedWeek[]): { muscle: string; sets: number[] }[] {
  const muscles = new Map<string, number[]>();
  weeks.forEach((week, i) => {
    for (const row of week.rows) {
      const muscle = row.muscleGroup ?? "other";
      const sets = muscles.get(muscle) ?? weeks.map(() => 0);
      sets[i] = (sets[i] ?? 0) + row.sets;
      muscles.set(muscle, sets);
    }
  });
  return [...muscles]
    .map(([muscle, sets]) => ({ muscle, sets }))
    .sort((a, b) => (b.sets[0] ?? 0) - (a.sets[0] ?? 0) || a.muscle.localeCompare(b.muscle));
}

/** The RIR written on a tier's rows in a week: one value, or the range ("1-2"). */
export function tierRir(week: LivedWeek, tier: string): string | null {
  const values = week.rows.filter((r) => r.tier === tier && r.rir !== null).map((r) => r.rir as number);
  if (values.length === 0) return null;
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}

/** A main lift's row: the exercise's T1 rows (the same lift as an accessory is another row). */
const isLift = (r: LivedWeek["rows"][number], key: string) => r.exerciseKey === key && r.tier === "T1";

/** A main lift's load in a week: its heaviest T1 row of that exercise. */
export function liftLoad(week: LivedWeek, key: string): number | null {
  const loads = week.rows.filter((r) => isLift(r, key) && r.weight !== null).map((r) => r.weight as number);
  return loads.length === 0 ? null : round(Math.max(...loads));
}

/** A main lift's estimated 1RM from the week's best logged set (the RTS chart with the RPE logged). */
export function liftE1rm(week: LivedWeek, key: string): number | null {
  let best: number | null = null;
  for (const row of week.rows) {
    if (!isLift(row, key) || row.best === null || row.best.kg <= 0) continue;
    const e1rm = estimateOneRepMax(row.best.kg, row.best.reps, row.best.rpe);
    if (best === null || e1rm > best) best = e1rm;
  }
  return best === null ? null : Math.round(best * 10) / 10;
}

/** The weeks side by side: one column a week. */
export function livedWeeksTable(weeks: readonly LivedWeek[]): string[] {
  const header = ["", ...weeks.map((w) => `w${w.weekNumber}`)];
  const rows: (string | number | null)[][] = [
    ["mesocycle.week", ...weeks.map(weekCell)],
    [
      "recovery muscles",
      ...weeks.map((w) => (w.recoveryMuscles.length > 0 ? w.recoveryMuscles.length : null)),
    ],
    ["sets per muscle group", ...weeks.map(() => " ")],
    ...setsPerMuscle(weeks).map((m) => [`  ${m.muscle}`, ...m.sets]),
    ["  total", ...weeks.map((w) => w.rows.reduce((n, r) => n + r.sets, 0))],
    ["RIR per tier", ...weeks.map(() => " ")],
    ...TIERS.map((t) => [`  ${t}`, ...weeks.map((w) => tierRir(w, t))]),
    ["main-lift loads, kg", ...weeks.map(() => " ")],
    ...mainLifts(weeks).map((l) => [`  ${l.name}`, ...weeks.map((w) => liftLoad(w, l.key))]),
  ];
  return formatTable(header, rows, {
    indent: "  ",
    alignRight: weeks.map((_, i) => i + 1),
  });
}

/** The part of a reason before its evidence ("+2.5 kg", "held", "+1 set"): what kind of change. */
const reasonKind = (reason: string) => reason.split(":")[0]?.trim() ?? reason;

/** Each rolled week's changes: the main lifts' reasons in full, the other rows' counted by kind. */
export function livedReasons(weeks: readonly LivedWeek[]): string[] {
  const lifts = mainLifts(weeks);
  const lines: string[] = [];
  for (const week of weeks.slice(1)) {
    const recovery =
      week.recoveryMuscles.length > 0 ? `; recovery session for ${week.recoveryMuscles.join(", ")}` : "";
    lines.push(`  week ${week.weekNumber} (${weekCell(week)})${recovery}:`);
    for (const lift of lifts) {
      const row = week.rows.find((r) => isLift(r, lift.key));
      if (row) lines.push(`    ${lift.name}: ${row.reason ?? "(no reason written)"}`);
    }
    const kinds = new Map<string, number>();
    for (const row of week.rows) {
      if (lifts.some((l) => isLift(row, l.key))) continue;
      const kind = row.reason ? reasonKind(row.reason) : "(no reason written)";
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const counted = [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (counted.length > 0)
      lines.push(`    other rows: ${counted.map(([k, n]) => `${n} x ${k}`).join(", ")}`);
    const swaps = week.rows.filter((r) => r.swapSuggested).map((r) => r.name);
    if (swaps.length > 0) lines.push(`    swap suggested (joint pain): ${swaps.join(", ")}`);
  }
  return lines;
}

const MARKS = ["*", "o", "+", "x", "#"] as const;
const CHART_ROWS = 10;

/** The main lifts' e1RM per logged week as an ASCII chart; "D" under a deload week. */
export function e1rmAsciiChart(weeks: readonly LivedWeek[]): string[] {
  const logged = weeks.filter((w) => w.rows.some((r) => r.best !== null));
  const lifts = mainLifts(weeks).filter((l) => logged.some((w) => liftE1rm(w, l.key) !== null));
  const values = lifts.flatMap((l) =>
    logged.map((w) => liftE1rm(w, l.key)).filter((v): v is number => v !== null),
  );
  if (values.length === 0) return ["  (no logged main-lift sets)"];
  // A column of its own for each lift within a week's slot, so no two marks collide.
  const COLUMN = Math.max(6, lifts.length + 3);
  const lo = Math.floor(Math.min(...values));
  const hi = Math.ceil(Math.max(...values));
  const span = Math.max(1, hi - lo);
  const grid = Array.from({ length: CHART_ROWS }, () =>
    Array.from({ length: logged.length * COLUMN }, () => " "),
  );
  lifts.forEach((lift, n) => {
    logged.forEach((week, i) => {
      const v = liftE1rm(week, lift.key);
      if (v === null) return;
      const row = CHART_ROWS - 1 - Math.round(((v - lo) / span) * (CHART_ROWS - 1));
      (grid[row] as string[])[i * COLUMN + 1 + n] = MARKS[n % MARKS.length] as string;
    });
  });
  const label = (row: number) => {
    const v = hi - (row / (CHART_ROWS - 1)) * span;
    return row === 0 || row === CHART_ROWS - 1 || row === Math.floor(CHART_ROWS / 2)
      ? `${Math.round(v)}`.padStart(6)
      : "".padStart(6);
  };
  const lines = grid.map((cells, row) => `  ${label(row)} |${cells.join("").trimEnd()}`);
  lines.push(`  ${"".padStart(6)} +${"-".repeat(logged.length * COLUMN)}`);
  lines.push(
    `  ${"week".padStart(6)}  ${logged.map((w) => `w${w.weekNumber}`.padStart(3).padEnd(COLUMN)).join("")}`.trimEnd(),
  );
  lines.push(
    `  ${"".padStart(6)}  ${logged.map((w) => (w.isDeload ? "  D" : "").padEnd(COLUMN)).join("")}`.trimEnd(),
  );
  lines.push(
    `  ${lifts.map((l, n) => `${MARKS[n % MARKS.length]} ${l.name}`).join("   ")}   (D: deload week)`,
  );
  return lines;
}

/** Everything `demo --weeks N` ends with. */
export function formatLivedPlan(weeks: readonly LivedWeek[]): string[] {
  return [
    `the weeks side by side (mesocycle.week; D: deload; sets and RIR as the rollover wrote them):`,
    "",
    ...livedWeeksTable(weeks),
    "",
    "what the rollover changed, and why (progress_reason):",
    "",
    ...livedReasons(weeks),
    "",
    "estimated 1RM of the main lifts (kg) from each week's best logged set:",
    "",
    ...e1rmAsciiChart(weeks),
  ];
}
