// `plan swap <row-id> <exercise-id>`: the plan.swap job's work in this process (swapRow), printing
// what changed. A swap that cannot be done (no such row, an excluded exercise, equipment the plan's
// request did not allow, a row with logged sets) is bad input: exit 2 with the reason.
import { SwapRefusedError, swapRow } from "../jobs/plan-swap/swap.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { PLAN_SWAP } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { parseExerciseId, parseRowId } from "./exercise-args.ts";
import { InputError } from "./usage.ts";

interface Args {
  rowId: string;
  exerciseId: string;
}

export const planSwapCommand = {
  parse(argv: string[]): Args {
    const { positionals } = parseFlags(PLAN_SWAP, argv);
    return {
      rowId: parseRowId(PLAN_SWAP.path, positionals[0] as string),
      exerciseId: parseExerciseId(PLAN_SWAP.path, positionals[1] as string),
    };
  },
  async run(args: Args, ctx: CliContext) {
    try {
      const s = await swapRow(ctx.pool, { exerciseRowId: args.rowId, exerciseId: args.exerciseId });
      const load = s.weight === null ? "no load yet (no history to derive one from)" : `load ${s.weight} kg`;
      ctx.out(
        `swapped row ${s.rowId}: ${s.from ?? "(no catalogue id)"} -> ${s.exerciseId} (${s.name}), ${load}; ` +
          `${s.laterRows} row${s.laterRows === 1 ? "" : "s"} of later weeks follow`,
      );
    } catch (error) {
      if (error instanceof SwapRefusedError)
        throw new InputError(`plan swap: ${error.message}`, { cause: error });
      throw error;
    }
  },
} satisfies CliCommand & { run(args: Args, ctx: CliContext): Promise<void> };
