// The ops HTTP app (docs/contract.md section 6): health checks, Prometheus metrics, the pg-boss
// dashboard at /queues, and the product's own pages. Everything but the health checks passes
// accessControl. Pages that need the database answer 503 until the worker has started, and again
// once the server is closing. Every response is no-store, under a CSP that allows no script but
// this origin's files and the inline ones carrying this response's nonce.
import { randomBytes } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type pg from "pg";
import { z } from "zod";
import { guidInput } from "../domain/uuid.ts";
import type { Logger } from "../logger.ts";
import type { MetricsSource } from "../metrics/metrics-endpoint.ts";
import { accessControl, isAuthorised } from "./access.ts";
import { NONCE_HEADER } from "./dashboard.ts";
import { overviewPage } from "./pages/overview.ts";
import { deadLettersPage, planRequestsPage, progressIndexPage, userProgressPage } from "./pages/pages.ts";
import { planPage } from "./pages/plan.ts";
import type { Readiness } from "./readiness.ts";

// A user id from a URL: any case, lower-cased (src/domain/uuid.ts).
const USER_ID = guidInput();
const PLAN_ID = guidInput();

/** Where @pg-boss/dashboard is mounted. */
export const DASHBOARD_PATH = "/queues";

/** Every route's request body limit: the dashboard's forms and JSON are a few kB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Nothing leaves this origin, and no inline script runs unless it carries the response's nonce
 * (the dashboard's, patched to carry it: src/http/dashboard-patch.ts). Inline styles stay
 * allowed: the product pages carry one <style>, and React writes style attributes.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

type Env = { Bindings: HttpBindings; Variables: { nonce: string } };

export interface OpsRuntime {
  pool: pg.Pool;
  metrics: MetricsSource;
  /** @pg-boss/dashboard's handler (a fetch-style function), when mounted. */
  dashboard?: (request: Request) => Promise<Response>;
}

export interface OpsAppOptions {
  readiness: Readiness;
  token: string | undefined;
  /** The pages' pool and metrics once the worker has started; undefined before. */
  runtime: () => OpsRuntime | undefined;
  /** True once the server is shutting down: pages answer 503 instead of using a closing pool. */
  closing?: () => boolean;
  logger?: Logger;
}

const PLAN_REQUEST_STATUS = z.enum(["queued", "running", "succeeded", "failed"]);

export function createOpsApp(opts: OpsAppOptions): Hono<Env> {
  const app = new Hono<Env>();
  app.use(async (c, next) => {
    const nonce = randomBytes(18).toString("base64");
    c.set("nonce", nonce);
    await next();
    c.res.headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
    // Pages show live state and the dashboard's assets are few: nothing is worth a stale copy.
    c.res.headers.set("Cache-Control", "no-store");
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("Referrer-Policy", "no-referrer");
    // Shutting down: no keep-alive, so the server can close as soon as this answer is sent.
    if (opts.closing?.()) c.res.headers.set("Connection", "close");
  });
  app.use(accessControl(opts.token));
  // After access control: a stranger's body is never read at all.
  app.use(
    bodyLimit({
      maxSize: BODY_LIMIT_BYTES,
      // No `Connection: close`: closing with the rest of the body unread resets the socket, and
      // the client may never see this answer. Node discards the rest instead (nothing is kept),
      // within HTTP_REQUEST_TIMEOUT_MS.
      onError: (c) => {
        return c.text(`payload too large: request bodies are limited to ${BODY_LIMIT_BYTES} bytes\n`, 413);
      },
    }),
  );
  app.onError((error, c) => {
    opts.logger?.error({ err: error, path: c.req.path }, "ops page failed");
    // A page that waited too long for the pages' pool is the server being busy, not broken.
    if (/timeout exceeded when trying to connect/i.test(error.message)) {
      return c.text("busy: the ops pages' database connections are all in use; try again\n", 503);
    }
    return c.text("internal error (logged)\n", 500);
  });

  app.get("/healthz", (c) => c.text("ok\n"));
  app.get("/readyz", async (c) => {
    const report = await opts.readiness.check();
    if (report.ready) return c.text("ready\n");
    // The reason may carry the database's own error text: only for those who may see the pages.
    return isAuthorised(c, opts.token)
      ? c.text(`not ready: ${report.reason}\n`, 503)
      : c.text("not ready\n", 503);
  });

  /** A route that needs the pages' pool: 503 until the worker has started and once closing. */
  const started =
    (handler: (c: Context<Env>, runtime: OpsRuntime) => Response | Promise<Response>) =>
    (c: Context<Env>) => {
      if (opts.closing?.()) return c.text("shutting down\n", 503);
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
    dashboard
      ? dashboard(withNonce(c.req.raw, c.get("nonce")))
      : c.text("the pg-boss dashboard is not mounted (the worker's log says why)\n", 503),
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
    "/plans/:planId",
    started(async (c, { pool }) => {
      const given = c.req.param("planId") ?? "";
      const planId = PLAN_ID.safeParse(given);
      if (!planId.success) return c.text(`plan id: must be a uuid (got ${given})\n`, 400);
      const body = await planPage(pool, planId.data);
      return body ? c.html(body) : c.text(`no plan ${planId.data}\n`, 404);
    }),
  );
  app.get(
    "/progress",
    started(async (c, { pool }) => {
      const user = c.req.query("user")?.trim();
      if (!user) return c.html(await progressIndexPage(pool));
      const userId = USER_ID.safeParse(user);
      if (!userId.success) {
        return c.html(await progressIndexPage(pool, `user: must be a uuid (got ${user})`), 400);
      }
      return c.redirect(`/progress/${userId.data}`);
    }),
  );
  app.get(
    "/progress/:userId",
    started(async (c, { pool }) => {
      const given = c.req.param("userId") ?? "";
      const userId = USER_ID.safeParse(given);
      if (!userId.success) {
        return c.html(await progressIndexPage(pool, `user: must be a uuid (got ${given})`), 400);
      }
      return c.html(await userProgressPage(pool, userId.data));
    }),
  );
  return app;
}

/** The request as the dashboard sees it: our nonce in NONCE_HEADER, whatever the client sent there. */
function withNonce(request: Request, nonce: string): Request {
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(request.url, {
    method: request.method,
    headers,
    body: hasBody ? request.body : null,
    signal: request.signal,
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}
