// The CLI's errors and their one wording: `<command>: <flag as typed>: <problem> (got <value>)`,
// the value cut by the same helper the jobs use (src/jobs/bounds.ts `shown`), so a long value is
// cut the same way in every command and every job error.
import { shown } from "../jobs/bounds.ts";

/** Bad usage or bad input: the CLI prints the one-line reason and the usage, and exits 2. */
export class UsageError extends Error {}

/** Bad input rather than bad usage (a file that is not a catalogue, an unknown plan): exit 2, no usage. */
export class InputError extends UsageError {}

/** ` (got "value")`, the value cut short: the tail of every message about a bad value. */
export const got = (value: unknown) => ` (got ${shown(value)})`;

/** `plan request: --user: must be a uuid (got "bob")`: the message of a bad flag or argument. */
export function flagMessage(path: readonly string[], flag: string, problem: string): string {
  return `${path.join(" ")}: ${flag}: ${problem}`;
}
