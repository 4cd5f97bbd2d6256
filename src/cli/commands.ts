// Every command: its spec (command-specs.ts) and the loader of its code, which runs only when the
// command does, so `--help` and `--version` never load pg-boss, pg, drizzle or the embedded server
// (tests/cli/help.test.ts proves it).
import type { LoadableCommand } from "./command.ts";
import {
  CATALOGUE_IMPORT,
  DEMO,
  EXCLUDE_ADD,
  EXCLUDE_LIST,
  EXCLUDE_REMOVE,
  PLAN_ALTERNATIVES,
  PLAN_REQUEST,
  PLAN_SHOW,
  PLAN_SWAP,
  PROGRESS_REFRESH,
  PROGRESS_SHOW,
  RESET,
  ROLLOVER,
  STATUS,
  USER_CREATE,
} from "./command-specs.ts";

export const COMMANDS: readonly LoadableCommand[] = [
  { ...CATALOGUE_IMPORT, load: async () => (await import("./catalogue-import.ts")).catalogueImport },
  { ...PLAN_REQUEST, load: async () => (await import("./plan-request.ts")).planRequest },
  { ...PLAN_SHOW, load: async () => (await import("./plan-show.ts")).planShow },
  { ...PLAN_ALTERNATIVES, load: async () => (await import("./plan-alternatives.ts")).planAlternatives },
  { ...PLAN_SWAP, load: async () => (await import("./plan-swap.ts")).planSwapCommand },
  { ...EXCLUDE_ADD, load: async () => (await import("./exclude.ts")).excludeAdd },
  { ...EXCLUDE_REMOVE, load: async () => (await import("./exclude.ts")).excludeRemove },
  { ...EXCLUDE_LIST, load: async () => (await import("./exclude.ts")).excludeList },
  { ...ROLLOVER, load: async () => (await import("./rollover.ts")).rolloverCommand },
  { ...PROGRESS_REFRESH, load: async () => (await import("./progress-refresh.ts")).progressRefreshCommand },
  { ...PROGRESS_SHOW, load: async () => (await import("./progress-show.ts")).progressShowCommand },
  { ...STATUS, load: async () => (await import("./status.ts")).status },
  { ...USER_CREATE, load: async () => (await import("./user-create.ts")).userCreateCommand },
  { ...RESET, load: async () => (await import("./reset.ts")).resetCommand },
  { ...DEMO, load: async () => (await import("./demo.ts")).demoCommand },
];
