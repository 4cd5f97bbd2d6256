import pino from "pino";

export type Logger = pino.Logger;

/** The root logger: JSON lines on stdout. Jobs log through child loggers (queue, job id, attempt). */
export function createLogger(level: string = "info"): Logger {
  return pino({ level, base: { service: "training-engine" } });
}
