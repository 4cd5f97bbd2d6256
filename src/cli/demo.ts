// `demo`: the newcomer's tour of the three jobs on this database (src/cli/demo/tour.ts); with
// `--weeks N`, the lived tour instead (src/cli/demo/lived-tour.ts): N weeks of a modelled lifter
// through the real rollover, ending with the weeks side by side. Each run makes a new demo user,
// so running it twice is safe.
import { z } from "zod";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { DEMO } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { runLivedDemo } from "./demo/lived-tour.ts";
import { runDemo } from "./demo/tour.ts";
import { flagMessage, got, UsageError } from "./usage.ts";

/** The most weeks the lived tour spans: the rollover's catch-up bound, two mesocycles. */
export const DEMO_MAX_WEEKS = 12;

const weeksInput = z.coerce.number().int().min(2).max(DEMO_MAX_WEEKS);

export interface DemoArgs {
  /** --weeks N: the lived tour of N weeks; absent: the one-week tour. */
  weeks?: number;
}

export const demoCommand = {
  parse(argv: string[]): DemoArgs {
    const { values } = parseFlags(DEMO, argv);
    if (values.weeks === undefined) return {};
    const weeks = weeksInput.safeParse(values.weeks);
    if (!weeks.success || !/^\d+$/.test(values.weeks.trim())) {
      throw new UsageError(
        flagMessage(DEMO.path, "--weeks", `must be a whole number 2..${DEMO_MAX_WEEKS}${got(values.weeks)}`),
      );
    }
    return { weeks: weeks.data };
  },
  async run(args: DemoArgs, ctx: CliContext) {
    if (args.weeks === undefined) await runDemo(ctx);
    else await runLivedDemo(ctx, args.weeks);
  },
} satisfies CliCommand & { run(args: DemoArgs, ctx: CliContext): Promise<void> };
