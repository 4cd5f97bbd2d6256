import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { startEmbeddedDatabase } from "./embedded.ts";

export interface DatabaseHandle {
  url: string;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in EMBEDDED_PG_DIR. */
export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => {} };
  return startEmbeddedDatabase({ dir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, logger });
}
