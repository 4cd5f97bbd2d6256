// The CLI's commands, each a thin layer over the same functions the jobs use. A command file
// exports a `CliCommand`; add it to COMMANDS.
import { catalogueImport } from "./catalogue-import.ts";
import type { CliContext } from "./context.ts";
import { demoCommand } from "./demo.ts";
import type { CliIo } from "./main.ts";
import { planRequest } from "./plan-request.ts";
import { planShow } from "./plan-show.ts";
import { progressRefreshCommand } from "./progress-refresh.ts";
import { progressShowCommand } from "./progress-show.ts";
import { resetCommand } from "./reset.ts";
import { rolloverCommand } from "./rollover.ts";
import { status } from "./status.ts";
import { userCreateCommand } from "./user-create.ts";

export interface CliCommand {
  /** The words that select it, e.g. ["plan", "request"]. */
  path: readonly string[];
  /** Parses and validates argv (throw UsageError) before any database work. */
  parse(argv: string[]): unknown;
  run(args: never, ctx: CliContext): Promise<void>;
}

/** A command that must not open the database (`reset`): it gets the process's io only. */
export interface StandaloneCommand {
  path: readonly string[];
  standalone: true;
  parse(argv: string[]): unknown;
  run(args: never, io: CliIo): Promise<void>;
}

export const COMMANDS: readonly (CliCommand | StandaloneCommand)[] = [
  catalogueImport,
  demoCommand,
  planRequest,
  planShow,
  progressRefreshCommand,
  progressShowCommand,
  resetCommand,
  rolloverCommand,
  status,
  userCreateCommand,
];
