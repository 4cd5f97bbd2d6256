// `reset [--yes]`: removes what the embedded PostgreSQL keeps for this clone (its data, and as
// root the relocated data and staged binaries outside the clone: src/db/embedded-reset.ts), so a
// newcomer can start over or delete the clone without leaving ~130 MB in system folders. Without
// --yes it only lists them. It refuses while a server runs on the data folder (stop `npm start`
// first) rather than stopping one another process owns. It never opens the database, and never
// touches DATABASE_URL's.
import { loadConfig } from "../config.ts";
import { type ResetTarget, removeTargets, resetTargets, runningServerPid } from "../db/embedded-reset.ts";
import { parseFlags } from "./args.ts";
import type { StandaloneCommand } from "./command.ts";
import { RESET } from "./command-specs.ts";
import type { CliIo } from "./io.ts";
import { InputError } from "./usage.ts";

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const resetCommand = {
  standalone: true,
  parse(argv: string[]): { yes: boolean } {
    const { values } = parseFlags(RESET, argv);
    return { yes: values.yes === true };
  },
  async run(args: { yes: boolean }, io: CliIo) {
    const config = loadConfig(io.env);
    const dir = config.EMBEDDED_PG_DIR;
    const pid = await runningServerPid(dir);
    if (pid !== undefined) {
      throw new InputError(
        `reset: the embedded PostgreSQL is running on ${dir} (pid ${pid}): stop \`npm start\` (Ctrl-C) and any CLI command using it, then run reset again`,
      );
    }
    const targets = await resetTargets(dir);
    const out = (line: string) => io.stdout(`${line}\n`);
    if (config.DATABASE_URL)
      out("note: DATABASE_URL is set; reset never touches that database, only the embedded one's files");
    const line = (t: ResetTarget) => `${t.path}  (${t.what}, ${megabytes(t.bytes)}`;
    const kept = targets.filter((t) => t.inUseBy !== undefined);
    const removable = targets.filter((t) => t.inUseBy === undefined);
    for (const t of kept) out(`kept ${line(t)}: in use by a running program, pid ${t.inUseBy})`);
    if (removable.length === 0) {
      const left = kept.length > 0 ? " that no running program uses" : "";
      out(`nothing to remove: no embedded PostgreSQL files for ${dir}${left}`);
      return;
    }
    if (!args.yes) {
      for (const t of removable) out(`would remove ${line(t)})`);
      throw new InputError("reset: nothing removed; run `reset --yes` to remove the above");
    }
    await removeTargets(removable);
    for (const t of removable) out(`removed ${line(t)})`);
    const total = removable.reduce((sum, t) => sum + t.bytes, 0);
    out(`reset: ${megabytes(total)} removed; the next \`npm start\` initialises a new embedded database`);
  },
} satisfies StandaloneCommand & { run(args: { yes: boolean }, io: CliIo): Promise<void> };
