// Calendar arithmetic on YYYY-MM-DD strings in UTC, so the result never depends on the machine's
// time zone or clock.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds at UTC midnight of a valid YYYY-MM-DD date, else undefined (e.g. 2025-02-30). */
function parseUtc(date: string): number | undefined {
  const match = DATE_RE.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : undefined;
}

export function isMonday(date: string): boolean {
  const ms = parseUtc(date);
  return ms !== undefined && new Date(ms).getUTCDay() === 1;
}

/** `date` + `days` calendar days. `date` must be a valid YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const ms = parseUtc(date);
  if (ms === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return new Date(ms + days * 86_400_000).toISOString().slice(0, 10);
}
