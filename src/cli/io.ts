// What a CLI run reads and writes through: apart from main.ts, so the context it opens can name it.
/** Where a CLI run reads its settings and writes its output: the process's, or a test's. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The process's stderr, where long commands draw a progress bar when it is a terminal. */
  terminal?: NodeJS.WriteStream;
}
