// The ops server's settings: a public HTTP_HOST without OPS_TOKEN and an empty OPS_TOKEN stop the
// worker at start (exit 2, one line), before anything listens; the new limits parse and default.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { startMain } from "../helpers/main-process.ts";

describe("ops server settings", () => {
  it("refuses a non-loopback HTTP_HOST without OPS_TOKEN, unless the server is off", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "ops.example"]) {
      expect(() => loadConfig({ HTTP_HOST: host }), host).toThrow(
        `configuration: HTTP_HOST: ${host} is not a loopback address: set OPS_TOKEN (at least 16 characters) to serve the ops pages beyond this machine, or HTTP_HOST=127.0.0.1`,
      );
    }
    for (const host of ["127.0.0.1", "127.0.0.2", "localhost", "::1"]) {
      expect(loadConfig({ HTTP_HOST: host }).HTTP_HOST).toBe(host);
    }
    expect(loadConfig({ HTTP_HOST: "0.0.0.0", OPS_TOKEN: "a-token-of-sixteen-chars" }).HTTP_HOST).toBe(
      "0.0.0.0",
    );
    expect(loadConfig({ HTTP_HOST: "0.0.0.0", HTTP_PORT: "0" }).HTTP_PORT).toBe(0);
  });

  it("calls an empty OPS_TOKEN an error instead of unset", () => {
    expect(() => loadConfig({ OPS_TOKEN: "" })).toThrow(ConfigError);
    expect(() => loadConfig({ OPS_TOKEN: "" })).toThrow(
      "configuration: OPS_TOKEN: is empty; unset it to serve the ops pages on this machine only, or give at least 16 characters",
    );
    expect(loadConfig({}).OPS_TOKEN).toBeUndefined();
  });

  it("defaults the pages' pool, the timeouts and the connection cap, and bounds them", () => {
    expect(loadConfig({})).toMatchObject({
      OPS_DB_POOL_SIZE: 3,
      HTTP_HEADERS_TIMEOUT_MS: 10_000,
      HTTP_REQUEST_TIMEOUT_MS: 30_000,
      HTTP_MAX_CONNECTIONS: 64,
    });
    expect(() => loadConfig({ OPS_DB_POOL_SIZE: "0" })).toThrow(/^configuration: OPS_DB_POOL_SIZE: /);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: "10" })).toThrow(
      /^configuration: HTTP_HEADERS_TIMEOUT_MS: /,
    );
    expect(() => loadConfig({ HTTP_MAX_CONNECTIONS: "many" })).toThrow(
      /^configuration: HTTP_MAX_CONNECTIONS: /,
    );
  });

  it("stops the worker at start with exit 2 and one line, for either mistake", async () => {
    for (const env of [{ HTTP_HOST: "0.0.0.0" }, { OPS_TOKEN: "" }]) {
      const run = startMain({ ...env, HTTP_PORT: "1" });
      let stderr = "";
      run.child.stderr.on("data", (d) => (stderr += d));
      const { code, log } = await run.exitCode();
      expect(code, log).toBe(2);
      const lines = stderr.trim().split("\n");
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: configuration: (HTTP_HOST|OPS_TOKEN): /);
    }
  });
});
