// The long commands' progress: a bar on a terminal, plain lines otherwise, both on the stream given
// (stderr in the CLI).
import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/cli/progress-bar.ts";

/** A writable that records what it is given; `tty` makes it look like a terminal. */
function fakeStream(tty: boolean) {
  const written: string[] = [];
  const stream = {
    isTTY: tty,
    columns: 120,
    write: (chunk: string) => {
      written.push(chunk);
      return true;
    },
    cursorTo: () => true,
    clearLine: () => true,
    clearScreenDown: () => true,
    moveCursor: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe("createProgress", () => {
  it("writes one plain line per step when the stream is not a terminal", () => {
    const { stream, written } = fakeStream(false);
    const progress = createProgress(
      { label: "rollover as of 2026-02-09", unit: "plans" },
      { write: (t) => stream.write(t), terminal: stream },
    );
    progress.start(200);
    progress.update(100);
    progress.update(100); // no news: no line
    progress.update(200);
    progress.stop();
    expect(written.join("").trim().split("\n")).toEqual([
      expect.stringMatching(/^rollover as of 2026-02-09: 0\/200 plans \(0%\), [\d.]+ s$/),
      expect.stringMatching(/^rollover as of 2026-02-09: 100\/200 plans \(50%\), [\d.]+ s$/),
      expect.stringMatching(/^rollover as of 2026-02-09: 200\/200 plans \(100%\), [\d.]+ s$/),
    ]);
  });

  it("draws a bar on a terminal", () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(
      { label: "catalogue import x.json", unit: "exercises" },
      { write: (t) => stream.write(t), terminal: stream },
    );
    progress.start(4);
    progress.update(4);
    progress.stop();
    const out = written.join("");
    expect(out).toContain("catalogue import x.json [");
    expect(out).toMatch(/\] 100% \| 4\/4 exercises \|/);
  });

  it("draws no bar on a terminal when there is nothing to do", () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(
      { label: "rollover as of 2027-03-01", unit: "plans" },
      { write: (t) => stream.write(t), terminal: stream },
    );
    progress.start(0);
    progress.stop();
    expect(written.join("")).toBe("rollover as of 2027-03-01: 0 plans to do\n");
  });
});
