// The positional ids the swap and exclude commands take: an exercise row's uuid and a catalogue
// exercise id, each checked before the database is opened (bad usage names the argument).
import { EXERCISE_ID_PATTERN } from "../domain/catalogue-entry.ts";
import { guidInput } from "../domain/uuid.ts";
import { flagMessage, got, UsageError } from "./usage.ts";

const rowId = guidInput();

export function parseRowId(path: readonly string[], value: string): string {
  const parsed = rowId.safeParse(value);
  if (!parsed.success) throw new UsageError(flagMessage(path, "<row-id>", `must be a uuid${got(value)}`));
  return parsed.data;
}

export function parseExerciseId(path: readonly string[], value: string): string {
  if (value.length > 200 || !EXERCISE_ID_PATTERN.test(value)) {
    throw new UsageError(flagMessage(path, "<exercise-id>", `must be a catalogue exercise id${got(value)}`));
  }
  return value;
}
