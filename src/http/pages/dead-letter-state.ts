// A dead letter's state in the words a reader needs: pg-boss's "completed" on a dead-letter job
// means a handler took it (plan.generate's marks the request failed), not that the work succeeded.
import type { JobState } from "../../db/queries/queues.ts";

const WORDS: Record<JobState, string> = {
  created: "waiting",
  retry: "waiting",
  active: "being handled",
  completed: "handled",
  failed: "handler failed",
  cancelled: "cancelled",
};

export const deadLetterStateWords = (state: string): string => WORDS[state as JobState] ?? state;

/** The dead-letter table's columns: states that read the same are added up. */
export const DEAD_LETTER_COLUMNS = [
  "waiting",
  "being handled",
  "handled",
  "handler failed",
  "cancelled",
] as const;
