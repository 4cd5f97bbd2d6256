// The only reader of process.env: every setting parsed once, validated, typed and frozen.
// Each one is listed in the README's Configuration table.
import { z } from "zod";
import { describeSettingIssue } from "./config-message.ts";
import { isLoopbackHost } from "./http/loopback.ts";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** True for a time zone this Node knows (Intl throws a RangeError for any other). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const configSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  // A connection that keeps its session (not a transaction-mode pooler), for what needs one: the
  // migrator's advisory lock and the LISTEN for logged sets (docs/pooler.md). Unset: DATABASE_URL.
  DATABASE_DIRECT_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  EMBEDDED_PG_DIR: z.string().min(1).default("./.data/pg"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  // A few seconds under the usual 30 s termination grace (Kubernetes, systemd, Docker), so the
  // drain ends and the database stops before the process is killed.
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  // Parallel batch statements help more than bigger batches: 100 x 8 and 200 x 4 ran 1.1-2x the
  // plans/s of 50 x 2, within noise of each other, on the 2-core machine (bench/RESULTS.md).
  PLAN_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(100),
  PLAN_LOCAL_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(8),
  ROLLOVER_CRON: z.string().min(9).default("15 0 * * *"),
  ROLLOVER_TZ: z
    .string()
    .refine(isTimeZone, { error: "must be an IANA time zone such as UTC or Europe/Berlin" })
    .default("UTC"),
  ROLLOVER_BATCH_PLANS: z.coerce.number().int().min(1).max(50_000).default(500),
  ROLLOVER_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(1),
  // --- Bounds per user (issue 18, docs/bounds.md). The database's own bounds (active plans,
  // requests per hour, sessions and slots per plan, sets per row and week) are the row of
  // public.user_bounds, so no client can pass them; only what the worker alone does is here.
  // The most weeks one rollover run gives one plan: with a plan's size bounded, this bounds what a
  // run writes per plan (a plan 20 weeks behind gets 12 now and the rest from the next runs).
  ROLLOVER_MAX_WEEKS_PER_PLAN: z.coerce.number().int().min(1).max(53).default(12),
  // --- end of the bounds per user.
  PROGRESS_REBUILD_CRON: z.string().min(9).default("30 3 * * *"),
  PROGRESS_DEBOUNCE_SECONDS: z.coerce.number().int().min(0).max(3600).default(1),
  PROGRESS_SWEEP_CRON: z.string().min(9).default("*/5 * * * *"),
  LOAD_BUILTIN_CATALOGUE: bool.default(true),
  // The ops HTTP server (src/http/): unset means the default port, which may be taken by another
  // worker on the host (then the worker runs without it); set, a port that cannot be bound exits 2.
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HTTP_HOST: z.string().min(1).default("127.0.0.1"),
  OPS_TOKEN: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
  // The ops pages' own pool, apart from the worker's (DB_POOL_SIZE): 50 page loads at once must
  // not starve the jobs or /readyz. Its pg-boss dashboard reads and writes use it too.
  OPS_DB_POOL_SIZE: z.coerce.number().int().min(1).max(20).default(3),
  // A client gets this long to send its headers, and its whole request; then the socket closes.
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  // Open connections at once; past it new ones are closed at once (the pages are for a few people).
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(10_000).default(64),
  // Off where the worker runs as a least-privilege role and migrations run at deploy time: then
  // `npm start` only checks the schema is current (src/db/schema-status.ts).
  MIGRATE_ON_START: bool.default(true),
});

/** Rules across settings, checked after each setting is valid on its own. */
const checkedSchema = configSchema.superRefine((config, ctx) => {
  // Without DATABASE_URL the worker runs on the embedded server, which needs no second URL.
  if (config.DATABASE_DIRECT_URL && !config.DATABASE_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_DIRECT_URL"],
      message:
        "is set without DATABASE_URL: set DATABASE_URL too (the pooled URL), or unset both for the embedded database",
    });
  }
  // The ops pages let whoever reaches them retry, cancel and delete jobs: beyond this machine
  // only with a token. HTTP_PORT=0 turns the server off, so the host does not matter then.
  if (config.HTTP_PORT !== 0 && !config.OPS_TOKEN && !isLoopbackHost(config.HTTP_HOST)) {
    ctx.addIssue({
      code: "custom",
      path: ["HTTP_HOST"],
      message: `${config.HTTP_HOST} is not a loopback address: set OPS_TOKEN (at least 16 characters) to serve the ops pages beyond this machine, or HTTP_HOST=127.0.0.1`,
    });
  }
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {}

/** Parses the environment once; a bad setting names the variable and stops the process. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty token is a mistake (an unfilled secret), not "no token": say so instead of serving
  // the pages as if it had never been set.
  if (env.OPS_TOKEN === "") {
    throw new ConfigError(
      "configuration: OPS_TOKEN: is empty; unset it to serve the ops pages on this machine only, or give at least 16 characters",
    );
  }
  // Empty strings mean "unset", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = checkedSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const name = String(issue.path[0]);
    const schema = (configSchema.shape as Record<string, z.ZodType>)[name];
    throw new ConfigError(
      `configuration: ${name}: ${describeSettingIssue(name, schema, issue, present[name])}`,
    );
  }
  return Object.freeze(parsed.data);
}

/**
 * loadConfig for a process's entry point (the worker, db:migrate): a bad setting is one line on
 * stderr and exit 2, the one rule of the CLI and the worker (docs/cli.md, "Exit codes").
 */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(2);
  }
}
