// `progress show --user <uuid>`: a readable summary from the progress tables: the last weeks'
// e1RM per main lift with the change over the window, the latest week's hard sets per muscle
// group against the weekly set range of the plan's goal and experience (WEEKLY_SET_TARGETS, the
// generator's own ranges; counted the progress way, 0.5 per secondary muscle), and the latest
// records. A --user that is not a uuid is bad usage (exit 2); one that is no user's is bad input
// (exit 2, `no such user`), not an empty history.
import path from "node:path";
import { e1rmTrendSvg } from "../charts/e1rm-trend.ts";
import { goalAndExperience, muscleGroupSets } from "../charts/progress-data.ts";
import { weeklySetsSvg } from "../charts/weekly-sets.ts";
import { type ProgressSummary, readProgressSummary } from "../db/queries/progress-summary.ts";
import { userExists } from "../db/queries/users.ts";
import { utcDateOf } from "../domain/calendar.ts";
import { recordName, recordValue } from "../domain/record-types.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { PROGRESS_SHOW } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { formatTable } from "./format-table.ts";
import { ensureFolder, TargetError, writeRegularFile } from "./safe-write.ts";
import { flagMessage, InputError, UsageError } from "./usage.ts";
import { parseUserFlag } from "./user-flag.ts";

export interface ProgressShowArgs {
  userId: string;
  /** --svg DIR: also write the progress page's charts there as SVG files. */
  svgDir?: string;
}

const kg = (n: number | null) => (n === null ? null : n.toFixed(1));

/** The summary as lines; pure, so tests can check the layout. */
export function formatProgressSummary(userId: string, s: ProgressSummary): string[] {
  const { goal, experience } = goalAndExperience(s);
  const lines = [`progress of ${userId} (goal ${goal}, ${experience})`, ""];
  if (s.weeks.length === 0) {
    lines.push("no logged sets yet (or not refreshed: `progress refresh --user ...`)");
    return lines;
  }

  lines.push(`e1RM (kg) per main lift, weeks starting ${s.weeks[0]} .. ${s.weeks[s.weeks.length - 1]}:`);
  lines.push(
    ...formatTable(
      [
        "lift",
        ...s.weeks.map((w) => `${w.slice(5)}${s.deloadWeeks?.includes(w) ? " deload" : ""}`),
        "change",
      ],
      s.lifts.map((l) => {
        const known = l.e1rmByWeek.filter((v): v is number => v !== null);
        const first = known[0];
        const last = known[known.length - 1];
        const change =
          first !== undefined && last !== undefined && known.length > 1
            ? `${last >= first ? "+" : ""}${(last - first).toFixed(1)}`
            : null;
        return [l.name, ...l.e1rmByWeek.map(kg), change];
      }),
      { indent: "  ", alignRight: s.weeks.map((_, i) => i + 1).concat(s.weeks.length + 1) },
    ),
    "",
  );

  const latest = s.weeks[s.weeks.length - 1];
  const groupRows = muscleGroupSets(s).map((r) => [
    r.group,
    r.sets,
    r.range ? `${r.range.min}-${r.range.max}` : null,
    r.verdict,
  ]);
  lines.push(
    `hard sets in the week of ${latest} (1 per set, 0.5 per secondary muscle) against the ${goal} range:`,
  );
  lines.push(...formatTable(["muscle group", "sets", "range", "status"], groupRows, { indent: "  " }), "");

  lines.push("recent records:");
  lines.push(
    ...formatTable(
      ["exercise", "record", "value", "achieved"],
      s.records.map((r) => [
        r.name,
        recordName(r.type),
        recordValue(r.type, r.value),
        utcDateOf(r.achievedAt),
      ]),
      { indent: "  ", alignRight: [2] },
    ),
  );
  return lines;
}

export const progressShowCommand = {
  parse(argv: string[]): ProgressShowArgs {
    const { values } = parseFlags(PROGRESS_SHOW, argv);
    const userId = parseUserFlag(PROGRESS_SHOW.path, values.user ?? "");
    if (values.svg !== undefined && values.svg.trim() === "") {
      throw new UsageError(flagMessage(PROGRESS_SHOW.path, "--svg", "needs a folder"));
    }
    return values.svg === undefined ? { userId } : { userId, svgDir: values.svg };
  },
  async run(args: ProgressShowArgs, ctx: CliContext) {
    // Made-up defaults for an id that is no one's would read as an empty history: say so instead.
    if (!(await userExists(ctx.pool, args.userId))) {
      throw new InputError(flagMessage(PROGRESS_SHOW.path, "--user", `no such user ${args.userId}`));
    }
    // The folder first: a --svg that cannot be written fails before any work.
    const { svgDir } = args;
    if (svgDir) await svgTarget(() => ensureFolder(svgDir));
    const summary = await readProgressSummary(ctx.pool, args.userId);
    for (const line of formatProgressSummary(args.userId, summary)) ctx.out(line);
    if (svgDir) {
      const files = await svgTarget(() => writeProgressCharts(svgDir, summary));
      ctx.out("");
      for (const file of files) ctx.out(`wrote ${file}`);
    }
  },
} satisfies CliCommand & { run(args: ProgressShowArgs, ctx: CliContext): Promise<void> };

/** A TargetError of the --svg folder or its files as bad input naming the flag (exit 2). */
async function svgTarget<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    throw new InputError(flagMessage(PROGRESS_SHOW.path, "--svg", error.message), { cause: error });
  }
}

/** The progress page's two charts as SVG files in `dir` (created if missing); returns their paths. */
export async function writeProgressCharts(dir: string, summary: ProgressSummary): Promise<string[]> {
  await ensureFolder(dir);
  const { goal } = goalAndExperience(summary);
  const charts = [
    ["e1rm-trend.svg", e1rmTrendSvg(summary)],
    ["weekly-sets.svg", weeklySetsSvg(muscleGroupSets(summary), { week: summary.weeks.at(-1), goal })],
  ] as const;
  const written: string[] = [];
  for (const [name, svg] of charts) {
    const file = path.join(dir, name);
    await writeRegularFile(file, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
    written.push(file);
  }
  return written;
}
