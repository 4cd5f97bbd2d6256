// Shared by every benchmark: a server (BENCH_DATABASE_URL, or a scratch embedded PostgreSQL with
// its normal durability settings), fresh migrated databases, timing and statistics.
import pg from "pg";
import { createBoss } from "../src/boss.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { createLogger } from "../src/logger.ts";
import { startScratchPostgres } from "../tests/helpers/scratch-postgres.ts";
import { databaseUrl } from "../tests/helpers/urls.ts";

export interface BenchContext {
  serverVersion: string;
  /**
   * A new, migrated database (with pg-boss's schema); dropped when the run ends. `migrate`
   * replaces this checkout's migrations (the A/B bench migrates with the last release's).
   */
  freshDatabase(label: string, migrate?: (url: string) => Promise<void>): Promise<string>;
  /** `--plans N` from the command line: the size a bench that reads it runs at. */
  plans?: number;
  log(message: string): void;
}

export interface Bench {
  id: string;
  title: string;
  /** Returns the section's markdown body (tables of measured numbers, the goal, a verdict). */
  run(ctx: BenchContext): Promise<string>;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
};

/**
 * The machine's speed when a bench ran: the median of three runs of a fixed loop on one core, in
 * ms. This VM's cores have run at half their speed for stretches (the same loop, the same code),
 * so a figure is read beside the probe of its run, and ratios to the limit reference (timed in
 * the same run) are what compare across runs.
 */
export function cpuProbeMs(): number {
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const started = performance.now();
    let x = 0;
    for (let i = 0; i < 200_000_000; i++) x += i % 7;
    runs.push(performance.now() - started);
    if (x < 0) throw new Error("unreachable: keeps the loop from being optimised away");
  }
  return median(runs);
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function openBenchServer(): Promise<{
  adminUrl: string;
  label: string;
  close(): Promise<void>;
}> {
  if (process.env.BENCH_DATABASE_URL) {
    const { hostname, port } = new URL(process.env.BENCH_DATABASE_URL);
    return {
      adminUrl: process.env.BENCH_DATABASE_URL,
      label: `BENCH_DATABASE_URL, ${hostname}:${port || 5432}, the server's own settings`,
      close: async () => {},
    };
  }
  // Durable (fsync and synchronous_commit stay on); memory sized for the 10M-row tables.
  const server = await startScratchPostgres({
    shared_buffers: "2GB",
    max_wal_size: "8GB",
    work_mem: "64MB",
    maintenance_work_mem: "1GB",
    max_connections: "200",
  });
  return { adminUrl: server.url, label: "embedded (shared_buffers=2GB, fsync on)", close: server.stop };
}

export async function createContext(
  adminUrl: string,
): Promise<{ ctx: BenchContext; close(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const created: string[] = [];
  const logger = createLogger("warn");
  const ctx: BenchContext = {
    serverVersion: rows[0]?.v ?? "unknown",
    async freshDatabase(label, migrate) {
      const name = `te_bench_${label.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${created.length}`;
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      created.push(name);
      const url = databaseUrl(adminUrl, name);
      await (migrate ? migrate(url) : migrateDatabase(url, logger));
      // The benches give one user many plans (insert_full_plan x N, plan requests per user and
      // run): load, not a tenant. Lift the bounds per user (docs/bounds.md) on their databases.
      const lift = new pg.Client({ connectionString: url });
      await lift.connect();
      await lift
        .query(
          "UPDATE public.user_bounds SET max_active_plans = 1000000, max_plan_requests_per_hour = 1000000",
        )
        .finally(() => lift.end());
      const boss = createBoss(url, logger, { max: 2 });
      await boss.start();
      await boss.stop({ graceful: false, close: true });
      return url;
    },
    log: (message) => process.stderr.write(`[bench] ${message}\n`),
  };
  return {
    ctx,
    async close() {
      for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
