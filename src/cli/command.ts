// What a CLI command is, and the shape of its spec (command-specs.ts): apart from the list of
// commands (commands.ts), so a command file can name the types without importing the list that
// loads it.
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

export interface FlagSpec {
  type: "string" | "boolean";
  /** The placeholder of a string flag's value in the help: `--user <uuid>`. */
  value?: string;
  /** What the value may be. */
  help: string;
  /** What applies when the flag is not given, in words. */
  default?: string;
  required?: boolean;
}

export type Flags = Readonly<Record<string, FlagSpec>>;

export interface CommandSpec<F extends Flags = Flags> {
  /** The words that select it, e.g. ["plan", "request"]. */
  path: readonly string[];
  summary: string;
  /** Positional arguments, all required. */
  args: readonly { name: string; help: string }[];
  flags: F;
}

/** A command's spec with the loader of its code (commands.ts). */
export interface LoadableCommand extends CommandSpec {
  /** Loads the command's code (its module and what it imports). */
  load(): Promise<CliCommand | StandaloneCommand>;
}
