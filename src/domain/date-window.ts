// The window plan and week dates must lie in: from PLAN_DATE_WINDOW_DAYS days before today (UTC)
// to as many days after. The database enforces the same rule for every client (trigger
// plan_dates_in_window, function public.plan_date_window()); the payload checks apply it here
// with the injected clock. It bounds the rollover's catch-up (at most about 53 weeks per plan)
// while leaving room for honest use: a plan started months ago, a catch-up after a long break,
// a plan that starts in a few weeks.
import { addDays, utcDateOf } from "./calendar.ts";

export const PLAN_DATE_WINDOW_DAYS = 365;

export interface DateWindow {
  /** First allowed date, YYYY-MM-DD. */
  from: string;
  /** Last allowed date, YYYY-MM-DD. */
  to: string;
}

/** The window around `now`'s UTC date. */
export function planDateWindow(now: Date): DateWindow {
  const today = utcDateOf(now);
  return { from: addDays(today, -PLAN_DATE_WINDOW_DAYS), to: addDays(today, PLAN_DATE_WINDOW_DAYS) };
}

/** True when the valid YYYY-MM-DD `date` lies in the window (string order is date order). */
export function inDateWindow(date: string, window: DateWindow): boolean {
  return date >= window.from && date <= window.to;
}

/** The message of a date outside the window, for `field`. */
export function outsideWindowMessage(date: string, window: DateWindow): string {
  return `must lie from ${window.from} to ${window.to}, a year either side of today (got ${JSON.stringify(date)})`;
}
