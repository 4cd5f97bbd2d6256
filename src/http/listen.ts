// Binding the ops server. Several workers often share one host (development, tests, a VM): when
// the *default* port is taken the worker warns once, naming the port and the setting, and runs
// without the server. A port set explicitly in HTTP_PORT that cannot be bound is a bad setting:
// main.ts exits 2 with the one line this error carries.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { Logger } from "../logger.ts";

export const DEFAULT_HTTP_PORT = 8080;

export class HttpBindError extends Error {}

export interface OpsServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ListenSettings {
  /** HTTP_PORT as configured: undefined means the default (8080); 0 turns the server off. */
  port: number | undefined;
  host: string;
  /** The port used when `port` is unset: DEFAULT_HTTP_PORT. */
  defaultPort?: number;
  /** HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_MAX_CONNECTIONS (src/config.ts). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxConnections?: number;
  /** How long close() lets requests in flight finish before it cuts their connections. */
  closeGraceMs?: number;
}

export const LISTEN_DEFAULTS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 64,
  closeGraceMs: 5_000,
} as const;

/** Starts the server, or returns undefined when it is turned off or the default port is taken. */
type FetchHandler = Parameters<typeof createAdaptorServer>[0]["fetch"];

export async function listenOps(
  app: { fetch: FetchHandler },
  settings: ListenSettings,
  logger: Logger,
): Promise<OpsServer | undefined> {
  if (settings.port === 0) {
    logger.info("ops HTTP server off (HTTP_PORT=0)");
    return undefined;
  }
  const explicit = settings.port !== undefined;
  const port = settings.port ?? settings.defaultPort ?? DEFAULT_HTTP_PORT;
  const headersTimeout = settings.headersTimeoutMs ?? LISTEN_DEFAULTS.headersTimeoutMs;
  const requestTimeout = Math.max(
    settings.requestTimeoutMs ?? LISTEN_DEFAULTS.requestTimeoutMs,
    headersTimeout, // Node requires requestTimeout >= headersTimeout
  );
  const server = createAdaptorServer({
    fetch: app.fetch,
    serverOptions: {
      headersTimeout,
      requestTimeout,
      // Node enforces both timeouts only when it checks its connections: by default every 30 s,
      // so a slow-header client would be cut off up to 30 s late.
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
  }) as Server;
  server.maxConnections = settings.maxConnections ?? LISTEN_DEFAULTS.maxConnections;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, settings.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (!explicit && code === "EADDRINUSE") {
      logger.warn(
        { port, host: settings.host },
        `ops HTTP server not started: port ${port} is in use; set HTTP_PORT to another port, or 0 to turn it off`,
      );
      return undefined;
    }
    throw new HttpBindError(`HTTP_PORT: cannot listen on ${settings.host}:${port} (${code})`, {
      cause: error,
    });
  }
  const bound = (server.address() as AddressInfo).port;
  const shownHost = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  const url = `http://${shownHost}:${bound}`;
  logger.info({ url }, "ops HTTP server listening");
  let closing: Promise<void> | undefined;
  const grace = settings.closeGraceMs ?? LISTEN_DEFAULTS.closeGraceMs;
  return {
    url,
    port: bound,
    // No new connections; idle keep-alive ones close now; requests in flight get `grace` to
    // finish (a page's queries run under a statement timeout), then their sockets are cut.
    close() {
      closing ??= new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), grace);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
