// The ops HTTP app (docs/contract.md section 6): health checks, Prometheus metrics, the pg-boss
// dashboard at /queues, and the product's own pages. Everything but the health checks passes
// accessControl. Pages that need the database answer 503 until the worker has started.
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import { Hono } from "hono";
import type pg from "pg";
import { z } from "zod";
import type { MetricsSource } from "../metrics/metrics-endpoint.ts";
import { accessControl } from "./access.ts";
import {
  deadLettersPage,
  overviewPage,
  planRequestsPage,
  progressIndexPage,
  userProgressPage,
} from "./pages/pages.ts";
import type { Readiness } from "./readiness.ts";

/** Where @pg-boss/dashboard is mounted. */
export const DASHBOARD_PATH = "/queues";

/**
 * Nothing leaves this origin: the product pages need nothing else, and the pg-boss dashboard's
 * only outside reference (a Google Fonts stylesheet) is refused, so its pages fall back to the
 * system fonts and work offline. Its inline bootstrap scripts need 'unsafe-inline'.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export interface OpsRuntime {
  pool: pg.Pool;
  metrics: MetricsSource;
  /** @pg-boss/dashboard's handler (a fetch-style function), when mounted. */
  dashboard?: (request: Request) => Promise<Response>;
}

export interface OpsAppOptions {
  readiness: Readiness;
  token: string | undefined;
  /** The worker's pool and metrics once it has started; undefined before. */
  runtime: () => OpsRuntime | undefined;
}

const PLAN_REQUEST_STATUS = z.enum(["queued", "running", "succeeded", "failed"]);

export function createOpsApp(opts: OpsAppOptions): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.use(async (c, next) => {
    await next();
    c.res.headers.set("Content-Security-Policy", CSP);
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("Referrer-Policy", "no-referrer");
  });
  app.use(accessControl(opts.token));

  app.get("/healthz", (c) => c.text("ok\n"));
  app.get("/readyz", async (c) => {
    const report = await opts.readiness.check();
    return report.ready ? c.text("ready\n") : c.text(`not ready: ${report.reason}\n`, 503);
  });

  /** A route that needs the worker's pool: 503 until the worker has started. */
  const started =
    (handler: (c: Context, runtime: OpsRuntime) => Response | Promise<Response>) => (c: Context) => {
      const runtime = opts.runtime();
      return runtime ? handler(c, runtime) : c.text("starting: the worker has not started yet\n", 503);
    };

  app.get(
    "/metrics",
    started(async (c, { metrics }) =>
      c.body(await metrics.render(), 200, { "Content-Type": metrics.contentType }),
    ),
  );

  const dashboard = started((c, { dashboard }) =>
    dashboard ? dashboard(c.req.raw) : c.text("the pg-boss dashboard is not mounted\n", 404),
  );
  app.all(DASHBOARD_PATH, dashboard);
  app.all(`${DASHBOARD_PATH}/*`, dashboard);

  app.get(
    "/",
    started(async (c, { pool }) => c.html(await overviewPage(pool))),
  );
  app.get(
    "/plan-requests",
    started(async (c, { pool }) => {
      const given = c.req.query("status");
      const status = given === undefined || given === "" ? undefined : PLAN_REQUEST_STATUS.safeParse(given);
      if (status && !status.success) {
        return c.text(
          `status: must be one of ${PLAN_REQUEST_STATUS.options.join(", ")} (got ${given})\n`,
          400,
        );
      }
      return c.html(await planRequestsPage(pool, status?.data));
    }),
  );
  app.get(
    "/dead-letters",
    started(async (c, { pool }) => c.html(await deadLettersPage(pool))),
  );
  app.get(
    "/progress",
    started(async (c, { pool }) => {
      const user = c.req.query("user")?.trim();
      if (!user) return c.html(await progressIndexPage(pool));
      if (!z.guid().safeParse(user).success) {
        return c.html(await progressIndexPage(pool, `user: must be a uuid (got ${user})`), 400);
      }
      return c.redirect(`/progress/${user}`);
    }),
  );
  app.get(
    "/progress/:userId",
    started(async (c, { pool }) => {
      const userId = c.req.param("userId") ?? "";
      if (!z.guid().safeParse(userId).success) {
        return c.html(await progressIndexPage(pool, `user: must be a uuid (got ${userId})`), 400);
      }
      return c.html(await userProgressPage(pool, userId));
    }),
  );
  return app;
}
