// `rollover [--as-of YYYY-MM-DD]`: the weekly rollover now, in this process, with the same code as
// the plan.rollover job (runRollover). Without --as-of the date is today in ROLLOVER_TZ. A date
// that is not a real YYYY-MM-DD is bad usage: exit 2 before the database is opened. Progress (plans
// rolled of those due) goes to stderr: a bar on a terminal, log lines otherwise.
import { countDuePlans } from "../db/queries/rollover.ts";
import { isIsoDate } from "../domain/calendar.ts";
import { asOfProblem, rolloverDate, runRollover } from "../jobs/plan-rollover/index.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { ROLLOVER } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { flagMessage, got, InputError, UsageError } from "./usage.ts";

export interface RolloverArgs {
  asOf?: string;
}

export const rolloverCommand = {
  parse(argv: string[]): RolloverArgs {
    const { values } = parseFlags(ROLLOVER, argv);
    const asOf = values["as-of"];
    if (asOf === undefined) return {};
    if (!isIsoDate(asOf)) {
      throw new UsageError(flagMessage(ROLLOVER.path, "--as-of", `must be a date YYYY-MM-DD${got(asOf)}`));
    }
    return { asOf };
  },
  async run(args: RolloverArgs, ctx: CliContext) {
    const started = performance.now();
    const asOf = rolloverDate(args, ctx.config, ctx.now);
    // The job's own check: a date outside the window is bad input (exit 2), as in the queue.
    const problem = asOfProblem({ asOf }, ctx.now());
    // The job names its payload field (asOf); the CLI names the flag that filled it.
    if (problem) throw new InputError(flagMessage(ROLLOVER.path, "--as-of", problem.replace(/^asOf: /, "")));
    const progress = ctx.progress({ label: `rollover as of ${asOf}`, unit: "plans" });
    progress.start(await countDuePlans(ctx.pool, asOf));
    const result = await runRollover(
      { pool: ctx.pool, config: ctx.config, now: ctx.now },
      { asOf },
      ctx.logger,
      (p) => progress.update(p.plansRolled),
    ).finally(() => progress.stop());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    ctx.out(
      `rollover as of ${asOf}: ${result.weeksCreated} week${result.weeksCreated === 1 ? "" : "s"} created ` +
        `for ${result.plansRolled} plan${result.plansRolled === 1 ? "" : "s"} in ${seconds} s`,
    );
  },
} satisfies CliCommand & { run(args: RolloverArgs, ctx: CliContext): Promise<void> };
