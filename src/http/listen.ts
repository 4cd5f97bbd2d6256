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
}

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
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
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
  return {
    url,
    port: bound,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
