// The pg-boss dashboard at /queues, running on OUR pg-boss and on the pages' own small pool.
// @pg-boss/dashboard bundles an older pg-boss that refuses our schema; the build is patched at
// install (src/http/dashboard-patch.ts, docs/dashboard.md) to ask the hooks below instead: the
// pool for its reads, a pg-boss for its writes (retry, cancel, resume, delete, send), and the
// request's CSP nonce for its inline scripts. An unpatched build is not mounted: /queues answers
// 503 naming the fix rather than job pages that answer 500.
import { createDashboardHandler } from "@pg-boss/dashboard/handler";
import type pg from "pg";
import { PgBoss } from "pg-boss";
import { BOSS_SCHEMA } from "../boss.ts";
import type { Logger } from "../logger.ts";
import { HOOKS_KEY, isDashboardPatched } from "./dashboard-patch.ts";

/** The request header the ops app sets (always, overwriting a client's) to the response's nonce. */
export const NONCE_HEADER = "x-training-engine-csp-nonce";

export interface MountedDashboard {
  (request: Request): Promise<Response>;
  close(): Promise<void>;
}

interface DashboardHooks {
  pool(connectionString: string): pg.Pool;
  boss(connectionString: string, schema: string): Promise<PgBoss>;
  nonce(request: Request): string | undefined;
}

interface Mounted {
  pool: pg.Pool;
  boss(): Promise<PgBoss>;
}

/** What each mounted dashboard serves, by database URL (the only thing the build passes back). */
const mounted = new Map<string, Mounted>();

function mountedFor(url: string, schema = BOSS_SCHEMA): Mounted {
  const entry = mounted.get(url);
  // The dashboard only knows the databases it was given; anything else is a bug, not a guess.
  if (!entry || schema !== BOSS_SCHEMA)
    throw new Error("the pg-boss dashboard asked for a database it was not given");
  return entry;
}

const hooks: DashboardHooks = {
  pool: (url) => mountedFor(url).pool,
  boss: async (url, schema) => mountedFor(url, schema).boss(),
  nonce: (request) => request.headers.get(NONCE_HEADER) ?? undefined,
};

/**
 * The dashboard's handler for `basePath`, or undefined (logged) when the installed build is not
 * the patched one.
 */
export function mountDashboard(opts: {
  pool: pg.Pool;
  databaseUrl: string;
  basePath: string;
  logger: Logger;
}): MountedDashboard | undefined {
  const { pool, databaseUrl, basePath, logger } = opts;
  if (!isDashboardPatched()) {
    logger.error(
      "the pg-boss dashboard is not mounted: node_modules/@pg-boss/dashboard is not the patched build; run `npm ci` (its postinstall patches it)",
    );
    return undefined;
  }
  let boss: Promise<PgBoss> | undefined;
  const entry: Mounted = {
    pool,
    boss() {
      boss ??= startBossOn(pool, logger).catch((error: unknown) => {
        boss = undefined;
        throw error;
      });
      return boss;
    },
  };
  mounted.set(databaseUrl, entry);
  (globalThis as Record<symbol, unknown>)[Symbol.for(HOOKS_KEY)] = hooks;
  const handler = createDashboardHandler({
    databases: [{ url: databaseUrl, name: "training", schema: BOSS_SCHEMA }],
    basePath,
  });
  return Object.assign((request: Request) => handler(request), {
    async close() {
      await handler.close();
      if (mounted.get(databaseUrl) === entry) mounted.delete(databaseUrl);
      const started = await boss?.catch(() => undefined);
      await started?.stop({ graceful: false, close: false });
    },
  });
}

/**
 * Our pg-boss for the dashboard's writes, on the pages' pool through pg-boss's `db` adapter: no
 * pool, supervisor, scheduler or migration of its own (the worker's instance does those).
 */
async function startBossOn(pool: pg.Pool, logger: Logger): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: BOSS_SCHEMA,
    migrate: false,
    createSchema: false,
    supervise: false,
    schedule: false,
  });
  const log = logger.child({ component: "pg-boss-dashboard" });
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error (dashboard)"));
  await boss.start();
  return boss;
}
