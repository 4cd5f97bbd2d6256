// A CLI command's context in this process, on a test database: the command's output collected as
// lines, pg-boss started on first use (registered as the CLI is), and the clock pinned by the test.
import type { PgBoss } from "pg-boss";
import { createBoss, INSTANCE_NAMES } from "../../src/boss.ts";
import type { CliContext } from "../../src/cli/context.ts";
import { createProgress } from "../../src/cli/progress-bar.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import type { TestDatabase } from "./database.ts";

export interface TestCliContext {
  ctx: CliContext;
  lines: string[];
  close(): Promise<void>;
}

export function testCliContext(
  tdb: TestDatabase,
  opts: { now?: () => Date; env?: Record<string, string> } = {},
): TestCliContext {
  const config: Config = loadConfig({ DATABASE_URL: tdb.url, LOG_LEVEL: "silent", ...opts.env });
  const logger = createLogger("silent");
  const lines: string[] = [];
  let boss: PgBoss | undefined;
  const ctx: CliContext = {
    config,
    logger,
    databaseUrl: tdb.url,
    pool: tdb.pool,
    db: tdb.db,
    async boss() {
      if (!boss) {
        boss = createBoss(tdb.url, logger, { max: 3, instanceName: INSTANCE_NAMES.cli });
        await boss.start();
      }
      return boss;
    },
    out: (line = "") => lines.push(line),
    progress: (progressOptions) => createProgress(progressOptions, { write: () => {} }),
    now: opts.now ?? (() => new Date()),
  };
  return { ctx, lines, close: async () => boss?.stop({ graceful: false, close: true }) };
}
