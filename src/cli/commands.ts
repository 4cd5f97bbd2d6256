// The CLI's commands, each a thin layer over the same functions the jobs use. A command file
// exports a `CliCommand` (command.ts); add it to COMMANDS.
import { catalogueImport } from "./catalogue-import.ts";
import type { CliCommand } from "./command.ts";
import { demoCommand } from "./demo.ts";
import { planRequest } from "./plan-request.ts";
import { planShow } from "./plan-show.ts";
import { progressRefreshCommand } from "./progress-refresh.ts";
import { progressShowCommand } from "./progress-show.ts";
import { rolloverCommand } from "./rollover.ts";
import { status } from "./status.ts";
import { userCreateCommand } from "./user-create.ts";

export type { CliCommand } from "./command.ts";

export const COMMANDS: readonly CliCommand[] = [
  catalogueImport,
  demoCommand,
  planRequest,
  planShow,
  progressRefreshCommand,
  progressShowCommand,
  rolloverCommand,
  status,
  userCreateCommand,
];
