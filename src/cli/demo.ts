// `demo`: the newcomer's tour of the three jobs on this database (src/cli/demo/tour.ts). It takes
// no flags; each run makes a new demo user, so running it twice is safe.
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { DEMO } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { runDemo } from "./demo/tour.ts";

export const demoCommand = {
  parse(argv: string[]): Record<string, never> {
    parseFlags(DEMO, argv);
    return {};
  },
  async run(_args: Record<string, never>, ctx: CliContext) {
    await runDemo(ctx);
  },
} satisfies CliCommand & { run(args: Record<string, never>, ctx: CliContext): Promise<void> };
