// The worker's ops server as main.ts uses it: listening from the start (so /healthz answers while
// the worker starts), given the database once pg-boss is up, closed before the database stops.
// The pages, /metrics and the pg-boss dashboard (/queues) run on a small pool of their own; the
// worker's pool only answers /readyz's probe. close() stops the server first (requests in flight
// finish, later ones get 503), then the dashboard, then the pages' pool: no page ever finds its
// pool ended.
import type pg from "pg";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { createMetricsSource } from "../metrics/metrics-endpoint.ts";
import { createOpsApp, DASHBOARD_PATH, type OpsRuntime } from "./app.ts";
import { type MountedDashboard, mountDashboard } from "./dashboard.ts";
import { listenOps, type OpsServer } from "./listen.ts";
import { createPagesPool } from "./pages-pool.ts";
import type { Readiness } from "./readiness.ts";

export interface OpsService {
  /** undefined when the server is off (HTTP_PORT=0) or the default port was taken. */
  server: OpsServer | undefined;
  /**
   * The worker has started: report ready while `pool` (the worker's) answers, and serve the pages
   * from a pool of their own on `databaseUrl`.
   */
  attach(worker: { pool: pg.Pool; databaseUrl: string }): void;
  close(): Promise<void>;
}

export type OpsConfig = Pick<Config, "HTTP_PORT" | "HTTP_HOST" | "OPS_TOKEN"> &
  Partial<
    Pick<
      Config,
      "OPS_DB_POOL_SIZE" | "HTTP_HEADERS_TIMEOUT_MS" | "HTTP_REQUEST_TIMEOUT_MS" | "HTTP_MAX_CONNECTIONS"
    >
  >;

export async function startOpsService(opts: {
  config: OpsConfig;
  logger: Logger;
  readiness: Readiness;
  /** How long close() lets requests in flight finish (tests shorten it). */
  closeGraceMs?: number;
}): Promise<OpsService> {
  const { config, logger, readiness } = opts;
  let runtime: OpsRuntime | undefined;
  let pagesPool: pg.Pool | undefined;
  let dashboard: MountedDashboard | undefined;
  let closing = false;
  let closed: Promise<void> | undefined;
  const app = createOpsApp({
    readiness,
    token: config.OPS_TOKEN,
    runtime: () => runtime,
    closing: () => closing,
    logger,
  });
  const server = await listenOps(
    app,
    {
      port: config.HTTP_PORT,
      host: config.HTTP_HOST,
      ...(config.HTTP_HEADERS_TIMEOUT_MS ? { headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS } : {}),
      ...(config.HTTP_REQUEST_TIMEOUT_MS ? { requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS } : {}),
      ...(config.HTTP_MAX_CONNECTIONS ? { maxConnections: config.HTTP_MAX_CONNECTIONS } : {}),
      ...(opts.closeGraceMs !== undefined ? { closeGraceMs: opts.closeGraceMs } : {}),
    },
    logger,
  );
  return {
    server,
    attach({ pool, databaseUrl }) {
      readiness.markStarted(() => pool.query("SELECT 1"));
      if (!server || closing) return;
      pagesPool = createPagesPool(databaseUrl, config.OPS_DB_POOL_SIZE ?? 3, logger);
      dashboard = mountDashboard({ pool: pagesPool, databaseUrl, basePath: DASHBOARD_PATH, logger });
      runtime = { pool: pagesPool, metrics: createMetricsSource(pagesPool), dashboard };
    },
    close() {
      closed ??= (async () => {
        closing = true;
        await server?.close();
        runtime = undefined;
        await dashboard?.close();
        await pagesPool?.end();
      })();
      return closed;
    },
  };
}
