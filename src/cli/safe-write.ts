// Writing the files a command is asked for (`progress show --svg DIR`) without the traps of the
// usual one-liners: `mkdir(dir, { recursive: true })` spins for ever at 100% CPU on a folder under
// /proc (Node retries ENOENT there), and `writeFile` on a FIFO blocks, on a device writes into it,
// and follows a symlink wherever it points. Here the folder is made one level at a time with a
// bounded retry, and only regular files (new or existing) are written: anything else is refused
// with a TargetError naming the path and the reason.
import { constants } from "node:fs";
import { lstat, mkdir, open, stat } from "node:fs/promises";
import path from "node:path";

export class TargetError extends Error {}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** Makes `dir` and any missing parents, one level at a time; a non-folder in the way is refused. */
export async function ensureFolder(dir: string): Promise<void> {
  const absolute = path.resolve(dir);
  try {
    const info = await stat(absolute);
    if (!info.isDirectory()) throw new TargetError(`${absolute} exists and is not a folder`);
    return;
  } catch (error) {
    if (error instanceof TargetError) throw error;
    if (codeOf(error) !== "ENOENT") throw new TargetError(`cannot use ${absolute} (${codeOf(error)})`);
  }
  const parent = path.dirname(absolute);
  if (parent !== absolute) await ensureFolder(parent);
  try {
    await mkdir(absolute); // not recursive: one attempt, whatever the file system answers
  } catch (error) {
    if (codeOf(error) === "EEXIST" && (await stat(absolute)).isDirectory()) return;
    throw new TargetError(`cannot create the folder ${absolute} (${codeOf(error)})`);
  }
}

/** Writes `text` to `file`, which must be absent or a regular file (not a link, FIFO or device). */
export async function writeRegularFile(file: string, text: string): Promise<void> {
  try {
    const info = await lstat(file);
    if (!info.isFile()) throw new TargetError(`${file} exists and is not a regular file`);
  } catch (error) {
    if (error instanceof TargetError) throw error;
    if (codeOf(error) !== "ENOENT") throw new TargetError(`cannot use ${file} (${codeOf(error)})`);
  }
  // O_NOFOLLOW and O_NONBLOCK: a link or a FIFO put there since the check fails instead of being
  // followed or waited on.
  const flags =
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, flags, 0o644);
    if (!(await handle.stat()).isFile()) throw new TargetError(`${file} is not a regular file`);
    await handle.writeFile(text);
  } catch (error) {
    if (error instanceof TargetError) throw error;
    throw new TargetError(`cannot write ${file} (${codeOf(error)})`);
  } finally {
    await handle?.close();
  }
}
