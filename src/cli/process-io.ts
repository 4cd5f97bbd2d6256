// The process's own output for a CLI run. A reader that goes away early (`status | head`) closes
// the pipe: the next write fails with EPIPE, which Node raises as an unhandled 'error' event and a
// crash. Here a closed stdout or stderr just stops taking output; the command finishes (and closes
// its database) as it would have, and the exit code is its own.
import type { CliIo } from "./io.ts";

function quietOnClosedPipe(stream: NodeJS.WriteStream): () => boolean {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
  });
  return () => closed;
}

export function processIo(): CliIo {
  const stdoutClosed = quietOnClosedPipe(process.stdout);
  const stderrClosed = quietOnClosedPipe(process.stderr);
  return {
    env: process.env,
    stdout: (text) => {
      if (!stdoutClosed()) process.stdout.write(text);
    },
    stderr: (text) => {
      if (!stderrClosed()) process.stderr.write(text);
    },
    terminal: process.stderr,
  };
}
