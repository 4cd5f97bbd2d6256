// The rollover's "as of" date: a calendar date (YYYY-MM-DD), by default today in the configured
// time zone read from the injected clock, so a test pins time and never waits for it.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isIsoDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (match === null) return false;
  // setUTCFullYear: Date.UTC would read years 0-99 as 1900-1999.
  const ms = new Date(0).setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value;
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
