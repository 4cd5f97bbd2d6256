// Calendar arithmetic on YYYY-MM-DD strings in UTC, so the result never depends on the machine's
// time zone or clock.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

export function isMonday(date: string): boolean {
  const ms = parseUtc(date);
  return ms !== undefined && new Date(ms).getUTCDay() === 1;
}

/** `date` + `days` calendar days. `date` must be a valid YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const ms = parseUtc(date);
  if (ms === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return isoDate(ms + days * 86_400_000);
}
