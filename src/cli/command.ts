// What a CLI command is: apart from the list of commands (commands.ts), so a command file can name
// the type without importing the list that imports it.
import type { CliContext } from "./context.ts";

export interface CliCommand {
  /** The words that select it, e.g. ["plan", "request"]. */
  path: readonly string[];
  /** Parses and validates argv (throw UsageError) before any database work. */
  parse(argv: string[]): unknown;
  run(args: never, ctx: CliContext): Promise<void>;
}
