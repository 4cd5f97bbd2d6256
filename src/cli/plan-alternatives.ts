// `plan alternatives <row-id>`: the row's ranked alternatives (exercise_alternatives, docs/swap.md)
// as a table, best first, each with its reason. A row that does not exist is bad input (exit 2).
import { exerciseAlternatives, exerciseRowOwner } from "../db/queries/swap.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { PLAN_ALTERNATIVES } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { parseRowId } from "./exercise-args.ts";
import { formatTable } from "./format-table.ts";
import { InputError } from "./usage.ts";

export const planAlternatives = {
  parse(argv: string[]): { rowId: string } {
    const { positionals } = parseFlags(PLAN_ALTERNATIVES, argv);
    return { rowId: parseRowId(PLAN_ALTERNATIVES.path, positionals[0] as string) };
  },
  async run(args: { rowId: string }, ctx: CliContext) {
    if ((await exerciseRowOwner(ctx.pool, args.rowId)) === null) {
      throw new InputError(`plan alternatives: no exercise row ${args.rowId}`);
    }
    const alternatives = await exerciseAlternatives(ctx.pool, args.rowId, 8);
    ctx.out(`alternatives for row ${args.rowId}, best first:`);
    for (const line of formatTable(
      ["#", "exercise id", "name", "equipment", "score", "reason"],
      alternatives.map((a, i) => [i + 1, a.exerciseId, a.name, a.equipment, a.score.toFixed(2), a.reason]),
      {
        indent: "  ",
        empty: "  (none: no exercise of this pattern or muscle fits the plan's equipment and level)",
      },
    )) {
      ctx.out(line);
    }
  },
} satisfies CliCommand & { run(args: { rowId: string }, ctx: CliContext): Promise<void> };
