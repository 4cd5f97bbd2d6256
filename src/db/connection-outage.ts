// One log line per database outage, not a stack per connection. When the server goes away (a
// restart, the embedded server stopped by the process that started it), every pg-boss loop and
// every pooled connection reports it, about seven stacks a second, for as long as it lasts. Both
// pg-boss and the pools reconnect by themselves; what the operator needs is one line saying the
// connection is lost and that it is being retried. The first connection error logs that line
// (warn, no stack); the next ones within QUIET_MS go to debug. Other errors are not touched.
import type { Logger } from "../logger.ts";

const QUIET_MS = 30_000;

/** SQLSTATEs and socket codes of a connection ended or refused by the server (or the network). */
const CONNECTION_CODES = new Set([
  "57P01", // admin_shutdown: the server is stopping
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error/i;

export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return (code !== undefined && CONNECTION_CODES.has(code)) || CONNECTION_MESSAGES.test(message ?? "");
}

let quietUntil = 0;
let shuttingDown = false;

/**
 * Called just before this process stops the server it owns: a connection a library still held
 * (pg-boss closes some of its own after stop() resolves) ending now is our shutdown, not news.
 */
export function expectConnectionLoss(): void {
  shuttingDown = true;
}

/** Logs a connection error: one warn line per outage, debug after that. */
export function reportConnectionError(logger: Logger, error: unknown): void {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const reason = `${code ? `${code} ` : ""}${(message ?? String(error)).split("\n")[0]}`;
  if (shuttingDown) {
    logger.debug({ reason }, "database connection ended during shutdown");
    return;
  }
  if (Date.now() < quietUntil) {
    logger.debug({ reason }, "database connection error (outage already reported)");
    return;
  }
  quietUntil = Date.now() + QUIET_MS;
  logger.warn(
    { reason },
    `database connection lost (${reason}): reconnecting; further connection errors in the next ${QUIET_MS / 1000} s are logged at debug`,
  );
}
