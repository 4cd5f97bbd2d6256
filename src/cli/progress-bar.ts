// Progress of the long commands (rollover, progress refresh --full, catalogue import): a bar on a
// terminal (cli-progress), plain log lines otherwise (CI, a file, a pipe), both on stderr so that
// stdout stays the command's result.
import { Presets, SingleBar } from "cli-progress";

export interface Progress {
  /** The work to do, in `unit`s; 0 when there is nothing to do. */
  start(total: number): void;
  /** `done` of the total so far. */
  update(done: number): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  unit: string;
}

/** Where progress goes: a bar on `terminal` when it is a TTY, else plain lines through `write`. */
export interface ProgressOutput {
  write(text: string): void;
  terminal?: NodeJS.WriteStream;
}

export function createProgress(opts: ProgressOptions, output: ProgressOutput): Progress {
  return output.terminal?.isTTY ? terminalBar(opts, output.terminal) : logLines(opts, output.write);
}

function terminalBar(opts: ProgressOptions, stream: NodeJS.WriteStream): Progress {
  const bar = new SingleBar(
    {
      stream,
      format: `${opts.label} [{bar}] {percentage}% | {value}/{total} ${opts.unit} | {duration_formatted}`,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    start(total) {
      // Nothing to do draws no bar (a bar of 0/0 would read as 100% or NaN).
      if (total === 0) {
        stream.write(`${opts.label}: 0 ${opts.unit} to do\n`);
        return;
      }
      started = true;
      bar.start(total, 0);
    },
    update(done) {
      if (started) bar.update(done);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

function logLines(opts: ProgressOptions, write: (text: string) => void): Progress {
  let total = 0;
  let last = -1;
  const began = performance.now();
  const line = (done: number) => {
    const pct = total > 0 ? ` (${Math.floor((done * 100) / total)}%)` : "";
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    write(`${opts.label}: ${done}/${total} ${opts.unit}${pct}, ${seconds} s\n`);
  };
  return {
    start(n) {
      total = n;
      line(0);
      last = 0;
    },
    update(done) {
      if (done === last) return;
      last = done;
      line(done);
    },
    stop() {},
  };
}
