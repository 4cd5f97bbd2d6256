// The help texts, made from the command list (commands.ts): the overview for `--help`, and each
// command's own flags with their values and defaults for `<command> --help`.
import type { CommandSpec } from "./command.ts";
import { COMMANDS } from "./commands.ts";

const PROGRAM = "training-engine";

function synopsis(spec: CommandSpec): string {
  const args = spec.args.map((a) => `<${a.name}>`);
  const required = Object.entries(spec.flags)
    .filter(([, f]) => f.required)
    .map(([name, f]) => `--${name} <${f.value ?? "value"}>`);
  const optional = Object.values(spec.flags).some((f) => !f.required) ? ["[options]"] : [];
  return [...spec.path, ...args, ...required, ...optional].join(" ");
}

/** The longest line the help writes: the right column wraps under itself past it. */
const LINE = 100;

/** `right` in lines of at most `width` characters, broken at spaces. */
function wrap(right: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of right.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

const column = (rows: [string, string][], indent = "  ") => {
  const width = Math.max(...rows.map(([left]) => left.length));
  const hang = " ".repeat(indent.length + width + 2);
  return rows.flatMap(([left, right]) =>
    wrap(right, Math.max(30, LINE - hang.length)).map((part, i) =>
      (i === 0 ? `${indent}${left.padEnd(width)}  ${part}` : `${hang}${part}`).trimEnd(),
    ),
  );
};

/** The overview: every command with its synopsis and what it does. */
export const USAGE = [
  `usage: ${PROGRAM} <command> [options]`,
  "",
  "commands:",
  ...column(COMMANDS.map((c) => [synopsis(c), c.summary])),
  "",
  "options:",
  ...column([
    ["<command> --help", "the command's flags, their values and defaults"],
    ["--version", "the program's version"],
  ]),
  "",
  "exit codes: 0 success; 2 bad usage, bad input or bad configuration; 1 any other failure",
].join("\n");

/** One command's help: its synopsis, arguments and every flag with its values and default. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [`usage: ${PROGRAM} ${synopsis(spec)}`, "", spec.summary];
  if (spec.args.length > 0) {
    lines.push("", "arguments:", ...column(spec.args.map((a) => [`<${a.name}>`, a.help])));
  }
  const flags = Object.entries(spec.flags).map(([name, f]): [string, string] => {
    const left = f.type === "string" ? `--${name} <${f.value ?? "value"}>` : `--${name}`;
    const when = f.required ? "required" : f.default === undefined ? undefined : `default: ${f.default}`;
    return [left, when ? `${f.help} (${when})` : f.help];
  });
  lines.push("", "options:", ...column([...flags, ["-h, --help", "this help"]]));
  return lines.join("\n");
}
