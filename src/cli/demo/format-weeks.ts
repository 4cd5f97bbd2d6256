// Week 1 beside week 2 as text: per session, each exercise's week 1 prescription, what was logged
// against it, the week 2 prescription the rollover wrote, and what changed, in words. Pure, so the
// layout is tested without a database.
import { parseRepTarget } from "../../domain/load-progression/rep-target.ts";
import { mesocycleLabel, SWAP_SUGGESTED } from "../../domain/week-labels.ts";
import { formatTable } from "../format-table.ts";
import type { SideBySideRow, WeekPlace } from "./queries.ts";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

const kg = (n: number) => `${Math.round(n * 100) / 100} kg`;
const prescription = (p: { sets: number; reps: string; weight: number | null }) =>
  `${p.sets} x ${p.reps}${p.weight !== null && p.weight > 0 ? ` @ ${kg(p.weight)}` : ""}`;

/**
 * What the rollover did to the row: its own one line (progress_reason) where it wrote one, else
 * read from the two rows and the logged sets; a row marked for a swap says so after it.
 */
export function describeChange(row: SideBySideRow): string {
  const change = describeLoadChange(row);
  return row.after?.swapSuggested ? `${change}; ${SWAP_SUGGESTED}` : change;
}

function describeLoadChange(row: SideBySideRow): string {
  const { before, after, logged } = row;
  if (after === null) return "not rolled over yet";
  if (after.reason) return after.reason;
  if (logged.reps.length === 0) return "carried over: nothing logged";
  const w1 = before.weight ?? 0;
  const w2 = after.weight ?? 0;
  if (w2 > w1 && w1 > 0) return `+${kg(w2 - w1)}: the log's estimate`;
  if (w2 > w1) return `${kg(w2)}: taken from the log`;
  if (w2 < w1) return `-${kg(w1 - w2)}: below the prescription`;
  if (after.missStreak > 0) return `held: below the prescription (${after.missStreak} week)`;
  const target = parseRepTarget(before.reps);
  if (target === null) return "carried over: reps are not a range";
  const top = logged.reps.filter((r) => r >= target.max).length >= before.sets;
  return top ? "top reached; no load to add" : "held: inside the range";
}

export function formatWeeksSideBySide(rows: readonly SideBySideRow[]): string[] {
  const lines: string[] = [];
  const sessions = new Map<string, SideBySideRow[]>();
  for (const row of rows) {
    const key = `${row.before.date}\u0000${row.dayLabel}`;
    sessions.set(key, [...(sessions.get(key) ?? []), row]);
  }
  for (const group of sessions.values()) {
    const first = group[0] as SideBySideRow;
    const day = DAY_NAMES[first.dayOfWeek - 1] ?? "?";
    lines.push(
      `  ${first.dayLabel} · ${day} ${first.before.date}${first.after ? ` -> ${day} ${first.after.date}` : ""}`,
    );
    lines.push(
      ...formatTable(
        ["#", "exercise", "week 1", "logged (reps @ load)", "week 2", "change"],
        group.map((r) => [
          r.order,
          r.name,
          prescription(r.before),
          r.logged.reps.length === 0
            ? null
            : `${r.logged.reps.join(" ")}${r.logged.weightKg ? ` @ ${kg(r.logged.weightKg)}` : " (bodyweight)"}`,
          r.after ? prescription(r.after) : null,
          describeChange(r),
        ]),
        { indent: "    ", alignRight: [0] },
      ),
      "",
    );
  }
  return lines;
}

/** "week 1 (mesocycle 1, week 1) beside week 2 (mesocycle 1, week 2 · deload)", and recovery muscles. */
export function formatWeekPlaces(places: readonly WeekPlace[], planId: string): string[] {
  const lines = [
    `${places.map((p) => `week ${p.weekNumber} (${mesocycleLabel(p)})`).join(" beside ")} (plan ${planId}):`,
  ];
  for (const p of places) {
    if (p.recoveryMuscles.length > 0) {
      lines.push(
        `week ${p.weekNumber}: recovery session (half the sets) for ${p.recoveryMuscles.join(", ")}`,
      );
    }
  }
  return lines;
}
