// When a pg-boss cron schedule fires next, in its own time zone: what the overview shows beside
// the schedule's last run. pg-boss parses schedules with the same cron-parser.
import { CronExpressionParser } from "cron-parser";

/** The next time `cron` fires after `now` in `timezone`; null when the expression does not parse. */
export function nextCronRun(cron: string, timezone: string, now: Date): Date | null {
  try {
    return CronExpressionParser.parse(cron, { tz: timezone, currentDate: now }).next().toDate();
  } catch {
    return null;
  }
}
