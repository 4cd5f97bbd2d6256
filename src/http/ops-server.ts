// The worker's ops server as main.ts uses it: listening from the start (so /healthz answers while
// the worker starts), given the worker's pool once pg-boss is up, closed last. The pg-boss
// dashboard is mounted at /queues from the package's prebuilt handler, on the same database.
import { createDashboardHandler, type DashboardHandler } from "@pg-boss/dashboard/handler";
import type pg from "pg";
import { BOSS_SCHEMA } from "../boss.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { createMetricsSource } from "../metrics/metrics-endpoint.ts";
import { isLoopbackAddress } from "./access.ts";
import { createOpsApp, DASHBOARD_PATH, type OpsRuntime } from "./app.ts";
import { listenOps, type OpsServer } from "./listen.ts";
import type { Readiness } from "./readiness.ts";

export interface OpsService {
  /** undefined when the server is off (HTTP_PORT=0) or the default port was taken. */
  server: OpsServer | undefined;
  /** The worker has started: serve its pool's pages and metrics, and report ready. */
  attach(worker: { pool: pg.Pool; databaseUrl: string }): void;
  close(): Promise<void>;
}

export async function startOpsService(opts: {
  config: Pick<Config, "HTTP_PORT" | "HTTP_HOST" | "OPS_TOKEN">;
  logger: Logger;
  readiness: Readiness;
}): Promise<OpsService> {
  const { config, logger, readiness } = opts;
  let runtime: OpsRuntime | undefined;
  let dashboard: DashboardHandler | undefined;
  const app = createOpsApp({ readiness, token: config.OPS_TOKEN, runtime: () => runtime });
  const server = await listenOps(app, { port: config.HTTP_PORT, host: config.HTTP_HOST }, logger);
  const host = config.HTTP_HOST;
  if (server && !config.OPS_TOKEN && !(host === "localhost" || isLoopbackAddress(host))) {
    logger.warn(
      { host },
      "OPS_TOKEN is unset: the ops pages answer only requests from this machine; only /healthz and /readyz answer others",
    );
  }
  return {
    server,
    attach({ pool, databaseUrl }) {
      readiness.markStarted(() => pool.query("SELECT 1"));
      if (!server) return;
      dashboard = createDashboardHandler({
        databases: [{ url: databaseUrl, name: "training", schema: BOSS_SCHEMA }],
        basePath: DASHBOARD_PATH,
      });
      runtime = { pool, metrics: createMetricsSource(pool), dashboard };
    },
    async close() {
      await server?.close();
      await dashboard?.close();
    },
  };
}
