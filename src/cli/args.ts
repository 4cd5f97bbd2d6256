// node:util parseArgs in strict mode, with its errors turned into one-line UsageErrors (exit 2).
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./usage.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses argv strictly: an unknown flag, a missing value or a stray positional is a UsageError. */
export function parseFlags<O extends Options>(command: string, argv: string[], options: O, positionals = 0) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages are multi-line for some codes; keep the first line only.
    const message = (error as Error).message.split("\n")[0] ?? "bad arguments";
    throw new UsageError(`${command}: ${message.replace(/\. To specify a positional.*$/, "")}`, {
      cause: error,
    });
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(
      positionals === 0
        ? `${command}: unexpected argument ${parsed.positionals[0]}`
        : `${command}: expected ${positionals} argument${positionals > 1 ? "s" : ""}, got ${parsed.positionals.length}`,
    );
  }
  return parsed;
}
