// node:util parseArgs in strict mode over a command's own flag list (commands.ts), with its errors
// turned into one-line UsageErrors (exit 2).
import { parseArgs } from "node:util";
import type { CommandSpec, Flags } from "./command.ts";
import { flagMessage, UsageError } from "./usage.ts";

/** The parsed flags, typed from the spec: a string flag's value, true for a boolean given. */
export type FlagValues<F extends Flags> = {
  [K in keyof F]?: F[K]["type"] extends "boolean" ? boolean : string;
};

/** Parses argv strictly: an unknown flag, a missing value or a stray positional is a UsageError. */
export function parseFlags<F extends Flags>(
  spec: Pick<CommandSpec<F>, "path" | "flags" | "args">,
  argv: string[],
): { values: FlagValues<F>; positionals: string[] } {
  const command = spec.path.join(" ");
  const options = Object.fromEntries(Object.entries(spec.flags).map(([name, f]) => [name, { type: f.type }]));
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages are multi-line for some codes; keep the first line only.
    const message = (error as Error).message.split("\n")[0] ?? "bad arguments";
    throw new UsageError(`${command}: ${message.replace(/\. To specify a positional.*$/, "")}`, {
      cause: error,
    });
  }
  for (const [name, flag] of Object.entries(spec.flags)) {
    if (flag.required && parsed.values[name] === undefined) {
      throw new UsageError(flagMessage(spec.path, `--${name}`, "is required"));
    }
  }
  const expected = spec.args.length;
  if (parsed.positionals.length !== expected) {
    throw new UsageError(
      expected === 0
        ? `${command}: unexpected argument ${parsed.positionals[0]}`
        : `${command}: expected ${expected} argument${expected > 1 ? "s" : ""}, got ${parsed.positionals.length}`,
    );
  }
  return { values: parsed.values as FlagValues<F>, positionals: parsed.positionals };
}
