// Test dates from the clock, never a fixed year: the database keeps plan and week dates within a
// year of today (src/domain/date-window.ts), so tests place their plans relative to today.
import { addDays, mondayOf, utcDateOf } from "../../src/domain/calendar.ts";

/** `date` + `days` calendar days. */
export const plusDays = addDays;

/** The Monday of `now`'s UTC week, moved by `weeks` weeks (negative: into the past). */
export function monday(weeks = 0, now = new Date()): string {
  return addDays(mondayOf(utcDateOf(now)), weeks * 7);
}

/** The `n` Mondays from `first`, a week apart. */
export const mondays = (first: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => addDays(first, i * 7));
