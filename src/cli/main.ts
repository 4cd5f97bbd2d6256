// The CLI's one entry function, apart from the process: tests run it in-process with their own
// environment and output. Exit codes (docs/cli.md), the same rule as the worker's: 0 success; 2 bad
// usage, bad input or bad configuration, with a one-line reason on stderr; 1 any other failure.
// Only this file's light imports load for `--help` and `--version`; a command's code, the database
// and pg-boss load when a command runs (commands.ts).
import { ConfigError } from "../config.ts";
import type { LoadableCommand } from "./command.ts";
import { COMMANDS } from "./commands.ts";
import { commandHelp, USAGE } from "./help.ts";
import type { CliIo } from "./io.ts";
import { InputError, UsageError } from "./usage.ts";
import { packageVersion } from "./version.ts";

function select(argv: string[]): { spec: LoadableCommand; rest: string[] } {
  const matches = COMMANDS.filter((c) => c.path.every((word, i) => argv[i] === word));
  const spec = matches.sort((a, b) => b.path.length - a.path.length)[0];
  if (!spec) {
    const given = argv
      .filter((a) => !a.startsWith("-"))
      .slice(0, 2)
      .join(" ");
    throw new UsageError(given ? `unknown command: ${given}` : "no command given");
  }
  return { spec, rest: argv.slice(spec.path.length) };
}

/** `--help` or `-h` among a command's arguments (before a `--`, after which all is positional). */
function asksForHelp(rest: readonly string[]): boolean {
  const end = rest.indexOf("--");
  return (end === -1 ? rest : rest.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

export type { CliIo };

/** Runs one command line and returns the exit code; never exits the process itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 1 && ["--help", "-h", "help"].includes(argv[0] ?? "")) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  let close: (() => Promise<void>) | undefined;
  try {
    // `help <command>` is `<command> --help`.
    const { spec, rest } = select(argv[0] === "help" ? argv.slice(1) : argv);
    if (argv[0] === "help" || asksForHelp(rest)) {
      io.stdout(`${commandHelp(spec)}\n`);
      return 0;
    }
    const command = await spec.load();
    const args = command.parse(rest);
    if ("standalone" in command) {
      await command.run(args as never, io);
      return 0;
    }
    const { openCliContext } = await import("./context.ts");
    const opened = await openCliContext(io);
    close = opened.close;
    await command.run(args as never, opened.ctx);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\n${error instanceof InputError ? "" : `\n${USAGE}\n`}`);
      return 2;
    }
    io.stderr(`error: ${(error as Error).message}\n`);
    return error instanceof ConfigError ? 2 : 1;
  } finally {
    await close?.();
  }
}
