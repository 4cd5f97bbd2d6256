// The CLI's one entry function, apart from the process: tests run it in-process with their own
// environment and output. Exit codes (docs/contract.md): 0 success; 2 bad usage or bad input, with
// a one-line reason on stderr; 1 any other failure.
import { COMMANDS } from "./commands.ts";
import { openCliContext } from "./context.ts";
import type { CliIo } from "./io.ts";
import { InputError, USAGE, UsageError } from "./usage.ts";

function select(argv: string[]) {
  const matches = COMMANDS.filter((c) => c.path.every((word, i) => argv[i] === word));
  const command = matches.sort((a, b) => b.path.length - a.path.length)[0];
  if (!command) {
    const given = argv
      .filter((a) => !a.startsWith("-"))
      .slice(0, 2)
      .join(" ");
    throw new UsageError(given ? `unknown command: ${given}` : "no command given");
  }
  return { command, rest: argv.slice(command.path.length) };
}

export type { CliIo };

export const processIo: CliIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  terminal: process.stderr,
};

/** Runs one command line and returns the exit code; never exits the process itself. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  let opened: Awaited<ReturnType<typeof openCliContext>> | undefined;
  try {
    const { command, rest } = select(argv);
    const args = command.parse(rest);
    opened = await openCliContext(io);
    await command.run(args as never, opened.ctx);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\n${error instanceof InputError ? "" : `\n${USAGE}\n`}`);
      return 2;
    }
    io.stderr(`error: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await opened?.close();
  }
}
