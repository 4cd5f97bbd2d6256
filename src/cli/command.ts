// What a CLI command is: apart from the list of commands (commands.ts), so a command file can name
// the type without importing the list that loads it.
import type { CliContext } from "./context.ts";
import type { CliIo } from "./io.ts";

export interface CliCommand {
  /** Parses and validates argv (throw UsageError) before any database work. */
  parse(argv: string[]): unknown;
  run(args: never, ctx: CliContext): Promise<void>;
}

/** A command that must not open the database (`reset`): it gets the process's io only. */
export interface StandaloneCommand {
  standalone: true;
  parse(argv: string[]): unknown;
  run(args: never, io: CliIo): Promise<void>;
}
