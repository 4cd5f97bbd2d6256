// `--user <uuid>` as every command takes it: any case, lower-cased (src/domain/uuid.ts); anything
// else is bad usage naming the flag.
import { guidInput } from "../domain/uuid.ts";
import { flagMessage, got, UsageError } from "./usage.ts";

const userId = guidInput();

export function parseUserFlag(path: readonly string[], value: string): string {
  const parsed = userId.safeParse(value);
  if (!parsed.success) throw new UsageError(flagMessage(path, "--user", `must be a uuid${got(value)}`));
  return parsed.data;
}
