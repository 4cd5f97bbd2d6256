import pino from "pino";

export type Logger = pino.Logger;

/**
 * The root logger: JSON lines on stdout, or on `destination` (the CLI logs to stderr, since its
 * stdout is the command's output). Jobs log through child loggers (queue, job id, attempt).
 */
export function createLogger(level: string = "info", destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: "training-engine" } };
  return destination ? pino(options, destination) : pino(options);
}
