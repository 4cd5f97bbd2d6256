#!/usr/bin/env node
// `npm run cli -- <command> [options]`. Exit codes (docs/contract.md): 0 success; 2 bad usage or bad
// input, with a one-line reason on stderr; 1 any other failure.
import { COMMANDS } from "./commands.ts";
import { openCliContext } from "./context.ts";
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

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let opened: Awaited<ReturnType<typeof openCliContext>> | undefined;
  try {
    const { command, rest } = select(argv);
    const args = command.parse(rest);
    opened = await openCliContext();
    await command.run(args as never, opened.ctx);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n${error instanceof InputError ? "" : `\n${USAGE}\n`}`);
      return 2;
    }
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await opened?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
