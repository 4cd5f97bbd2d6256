// One log line per database outage (src/db/connection-outage.ts): the first connection error is a
// warn line without a stack, the next ones within 30 s are debug; other errors are not connection
// errors. The clock is faked; the logger is a real pino writing to a buffer.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isConnectionError, reportConnectionError } from "../../src/db/connection-outage.ts";
import { createLogger } from "../../src/logger.ts";

describe("connection errors", () => {
  beforeEach(() =>
    // Far past any real time an earlier file in this process may have left the quiet window at.
    vi.useFakeTimers({ now: new Date("2099-01-04T12:00:00Z") }),
  );
  afterEach(() => vi.useRealTimers());

  it("tells a lost connection from other errors", () => {
    expect(isConnectionError(Object.assign(new Error("terminating connection"), { code: "57P01" }))).toBe(
      true,
    );
    expect(
      isConnectionError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
  });

  it("logs one warn line per outage, debug within 30 s, and again after", () => {
    const lines: Array<{ level: number; msg: string; err?: unknown }> = [];
    const logger = createLogger("debug", { write: (line: string) => lines.push(JSON.parse(line)) });
    const error = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
    });
    for (let i = 0; i < 7; i++) reportConnectionError(logger, error);
    vi.advanceTimersByTime(31_000);
    reportConnectionError(logger, error);
    expect(lines.map((l) => l.level)).toEqual([40, 20, 20, 20, 20, 20, 20, 40]);
    expect(lines[0]?.msg).toMatch(
      /^database connection lost \(57P01 terminating connection due to administrator command\): reconnecting/,
    );
    expect(lines.some((l) => l.err !== undefined)).toBe(false);
  });
});
