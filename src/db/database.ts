import { type Config, ConfigError } from "../config.ts";
import type { Logger } from "../logger.ts";
import { startEmbeddedDatabase } from "./embedded.ts";
import { sharesServerSessions } from "./pooler-probe.ts";

export interface DatabaseHandle {
  /** Where queries and pg-boss go: DATABASE_URL (a pooler's URL is fine), or the embedded server. */
  url: string;
  /**
   * Where whatever needs a session of its own goes (the migrator's advisory lock, LISTEN for
   * logged sets): DATABASE_DIRECT_URL when set, otherwise the same as `url`.
   */
  directUrl: string;
  /** True when `url` and `directUrl` differ: `url` is taken to be a transaction-mode pooler. */
  pooled: boolean;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

const DIRECT_HINT =
  'the database\'s direct URL (on Supabase: the "Direct connection" string, port 5432, docs/supabase.md)';

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in EMBEDDED_PG_DIR. A DATABASE_URL
 * that is a transaction-mode pooler without DATABASE_DIRECT_URL, or a DATABASE_DIRECT_URL that is
 * one itself, is refused with one line (ConfigError): LISTEN and the migrator's lock would break
 * silently there.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  if (!config.DATABASE_URL) {
    const embedded = await startEmbeddedDatabase({
      dir: config.EMBEDDED_PG_DIR,
      port: config.EMBEDDED_PG_PORT,
      logger,
    });
    return { ...embedded, directUrl: embedded.url, pooled: false, stop: () => embedded.stop() };
  }
  const url = config.DATABASE_URL;
  const directUrl = config.DATABASE_DIRECT_URL ?? url;
  if (await sharesServerSessions(directUrl)) {
    const name = config.DATABASE_DIRECT_URL ? "DATABASE_DIRECT_URL" : "DATABASE_URL";
    const fix = config.DATABASE_DIRECT_URL
      ? `give DATABASE_DIRECT_URL ${DIRECT_HINT}`
      : `keep it and set DATABASE_DIRECT_URL to ${DIRECT_HINT}`;
    throw new ConfigError(
      `configuration: ${name}: is a transaction-mode pooler (two connections shared one server session), where LISTEN and the migrator's lock do not hold: ${fix}`,
    );
  }
  return { url, directUrl, pooled: directUrl !== url, stop: async () => {} };
}
