// Who may see the ops pages (docs/contract.md section 6). With OPS_TOKEN set, every path but the
// health checks needs it: `Authorization: Bearer <token>` (Prometheus, curl), or HTTP Basic with
// the token as the password, so a browser can open the dashboard through its own login prompt.
// Without OPS_TOKEN those paths answer only requests from this machine: a loopback peer address,
// and a loopback Host header (so a web page cannot reach them through DNS rebinding).
import { timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { isLoopbackAddress } from "./loopback.ts";

/** Paths anyone may ask: they tell only that the process is up and ready. */
export const OPEN_PATHS = new Set(["/healthz", "/readyz"]);

const REALM = 'Basic realm="training-engine ops", charset="UTF-8"';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token an Authorization header carries: a Bearer token, or a Basic password. */
export function presentedToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ""] = header.split(" ", 2);
  if (scheme?.toLowerCase() === "bearer") return value.trim();
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(value.trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The host name of a Host header without its port: `127.0.0.1:8080` -> `127.0.0.1`. */
export function hostName(hostHeader: string | undefined): string {
  if (!hostHeader) return "";
  if (hostHeader.startsWith("[")) return hostHeader.slice(0, hostHeader.indexOf("]") + 1);
  return hostHeader.split(":")[0] ?? "";
}

/** Whether this request may see the ops pages: the token, or, without one, this machine. */
export function isAuthorised(c: Context, token: string | undefined): boolean {
  if (token) {
    const given = presentedToken(c.req.header("authorization"));
    return given !== undefined && sameSecret(given, token);
  }
  const peer = getConnInfo(c).remote.address;
  return isLoopbackAddress(peer) && LOOPBACK_HOSTS.has(hostName(c.req.header("host")));
}

export function accessControl(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (OPEN_PATHS.has(c.req.path) || isAuthorised(c, token)) return next();
    if (token) {
      c.header("WWW-Authenticate", REALM);
      return c.text("unauthorized: send Authorization: Bearer <OPS_TOKEN>\n", 401);
    }
    return c.text("forbidden: without OPS_TOKEN the ops pages answer only on localhost\n", 403);
  };
}
