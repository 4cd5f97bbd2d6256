// The calendar: arithmetic on YYYY-MM-DD strings in UTC, so the result never depends on the
// machine's time zone or clock (a `now` is always passed in). Plans, the rollover, the date window,
// the CLI and the tests all count days here and nowhere else.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds at UTC midnight of a valid YYYY-MM-DD date, else undefined (e.g. 2025-02-30). */
function parseUtc(date: string): number | undefined {
  const match = DATE_RE.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999, which made 0001-01-01
  // (a Monday) "not a Monday".
  const ms = new Date(0).setUTCFullYear(year, month - 1, day);
  return Number.isFinite(ms) && isoDate(ms) === date ? ms : undefined;
}

/** YYYY-MM-DD of a UTC timestamp; years below 1000 keep their four digits. */
function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isIsoDate(value: string): boolean {
  return parseUtc(value) !== undefined;
}

export function isMonday(date: string): boolean {
  const ms = parseUtc(date);
  return ms !== undefined && new Date(ms).getUTCDay() === 1;
}

/** `date` + `days` calendar days. `date` must be a valid YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const ms = parseUtc(date);
  if (ms === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return isoDate(ms + days * DAY_MS);
}

/** The UTC calendar date of an instant. */
export function utcDateOf(instant: Date): string {
  return isoDate(instant.getTime());
}

/** The Monday of the week (Monday to Sunday) that holds the valid YYYY-MM-DD `date`. */
export function mondayOf(date: string): string {
  const ms = parseUtc(date);
  if (ms === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return addDays(date, -((new Date(ms).getUTCDay() + 6) % 7));
}

/** The first Monday strictly after `now`'s UTC date. */
export function nextMonday(now: Date): string {
  return addDays(mondayOf(utcDateOf(now)), 7);
}

/** The calendar date of `now` in the IANA time zone `timeZone` (throws RangeError on a bad zone). */
export function todayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
