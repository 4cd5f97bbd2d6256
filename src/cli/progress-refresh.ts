// `progress refresh [--user <uuid>] [--full]`: brings the progress tables up to date in this
// process with the same function as the progress.refresh job (refreshProgress), and prints what
// it recomputed. Without flags it is the sweep: every user's marked weeks. A --user that is not
// a uuid is bad usage: exit 2 before the database is opened. `--full` for every user rebuilds in
// batches of users, two at a time, as the nightly job does, and shows its progress.
import {
  type RefreshCounts,
  type RefreshOptions,
  rebuildProgressByUser,
  refreshProgress,
} from "../jobs/progress-refresh/refresh.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { PROGRESS_REFRESH } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { parseUserFlag } from "./user-flag.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function describeRefresh(c: RefreshCounts): string {
  const what =
    c.mode === "full" || c.mode === "user-full"
      ? `rebuilt ${plural(c.users, "user")} from the sets: ${plural(c.exerciseWeeks, "exercise-week row")}, ` +
        `${plural(c.muscleWeeks, "muscle-week row")}, ${plural(c.records, "record")} changed`
      : `recomputed ${plural(c.exerciseWeeks, "exercise week")}, ${plural(c.muscleWeeks, "muscle week")} ` +
        `and the records of ${plural(c.records, "exercise")} for ${plural(c.users, "user")}`;
  // Users whose refresh failed were set aside and are retried later (docs/progress.md).
  const aside = c.setAside ? `; ${plural(c.setAside, "user")} set aside (refresh failed, retried later)` : "";
  return `progress refresh (${c.mode}): ${plural(c.marks, "mark")} drained; ${what}${aside} in ${c.ms} ms`;
}

export const progressRefreshCommand = {
  parse(argv: string[]): RefreshOptions {
    const { values } = parseFlags(PROGRESS_REFRESH, argv);
    const options: RefreshOptions = {};
    if (values.user !== undefined) options.userId = parseUserFlag(PROGRESS_REFRESH.path, values.user);
    if (values.full) options.full = true;
    return options;
  },
  async run(args: RefreshOptions, ctx: CliContext) {
    if (args.full && !args.userId) {
      // Every user, in batches, with progress on stderr (a bar on a terminal, log lines otherwise).
      const progress = ctx.progress({ label: "progress rebuild", unit: "users" });
      const counts = await rebuildProgressByUser(ctx.pool, {
        onStart: (users) => progress.start(users),
        onBatch: (done) => progress.update(done),
      }).finally(() => progress.stop());
      ctx.out(describeRefresh(counts));
      return;
    }
    ctx.out(describeRefresh(await refreshProgress(ctx.pool, args)));
  },
} satisfies CliCommand & { run(args: RefreshOptions, ctx: CliContext): Promise<void> };
