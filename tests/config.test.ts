import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

describe("loadConfig", () => {
  it("applies the documented defaults and treats empty strings as unset", () => {
    const config = loadConfig({ DATABASE_URL: "", LOG_LEVEL: "" });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config).toMatchObject({
      EMBEDDED_PG_DIR: "./.data/pg",
      EMBEDDED_PG_PORT: 54329,
      LOG_LEVEL: "info",
      MIGRATE_ON_START: true,
      ROLLOVER_CRON: "15 0 * * *",
      ROLLOVER_TZ: "UTC",
      PROGRESS_DEBOUNCE_SECONDS: 1,
    });
    // The ops server: the default port when unset (src/http/listen.ts), localhost, no token.
    expect(config).toMatchObject({ HTTP_HOST: "127.0.0.1", SHUTDOWN_TIMEOUT_MS: 25_000 });
    expect(config.HTTP_PORT).toBeUndefined();
    expect(config.OPS_TOKEN).toBeUndefined();
    expect(loadConfig({ HTTP_PORT: "0" }).HTTP_PORT).toBe(0);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ DB_POOL_SIZE: "lots" }, /^configuration: DB_POOL_SIZE: /],
    [{ EMBEDDED_PG_PORT: "80" }, /^configuration: EMBEDDED_PG_PORT: /],
    [{ DATABASE_URL: "mysql://x@y/z" }, /^configuration: DATABASE_URL: /],
    [
      { DATABASE_URL: "postgresql://u@pooler:6543/db", DATABASE_DIRECT_URL: "http://x" },
      /^configuration: DATABASE_DIRECT_URL: /,
    ],
    [
      { DATABASE_DIRECT_URL: "postgresql://u@db:5432/db" },
      /^configuration: DATABASE_DIRECT_URL: is set without DATABASE_URL/,
    ],
    [{ ROLLOVER_TZ: "Mars/Base" }, /^configuration: ROLLOVER_TZ: must be an IANA time zone/],
    [{ MIGRATE_ON_START: "maybe" }, /^configuration: MIGRATE_ON_START: /],
    [{ HTTP_PORT: "70000" }, /^configuration: HTTP_PORT: /],
    [{ HTTP_PORT: "eighty" }, /^configuration: HTTP_PORT: /],
    [{ OPS_TOKEN: "short" }, /^configuration: OPS_TOKEN: must be at least 16 characters/],
  ])("rejects %o naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [{ EMBEDDED_PG_PORT: "80" }, 'EMBEDDED_PG_PORT: must be an integer from 1024 to 65535 (got "80")'],
    [{ HTTP_PORT: "eighty" }, 'HTTP_PORT: must be an integer from 0 to 65535 (got "eighty")'],
    [{ DB_POOL_SIZE: "2.5" }, 'DB_POOL_SIZE: must be an integer from 2 to 100 (got "2.5")'],
    [
      { LOG_LEVEL: "loud" },
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [{ ROLLOVER_CRON: "x" }, 'ROLLOVER_CRON: must be at least 9 characters (got "x")'],
  ])("words %o without zod's own wording", (env, message) => {
    expect(() => loadConfig(env)).toThrow(`configuration: ${message}`);
  });

  it("cuts a long value as every other error does, and never shows a secret", () => {
    expect(() => loadConfig({ EMBEDDED_PG_PORT: "9".repeat(300) })).toThrow(
      `configuration: EMBEDDED_PG_PORT: must be an integer from 1024 to 65535 (got "${"9".repeat(79)}... (302 characters))`,
    );
    let message = "";
    try {
      loadConfig({ DATABASE_URL: "mysql://user:hunter2@db/z" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("configuration: DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(() => loadConfig({ OPS_TOKEN: "hunter2" })).toThrow(
      /^configuration: OPS_TOKEN: must be at least 16 characters$/,
    );
  });
});
