// The plan.swap payload (contract section 7): { userId, exerciseRowId, exerciseId? }, validated at
// the edge; a message names the field.
import { z } from "zod";
import { EXERCISE_ID_PATTERN } from "../../domain/catalogue-entry.ts";
import { guidInput } from "../../domain/uuid.ts";
import { shown } from "../bounds.ts";

const uuid = () =>
  guidInput({
    error: (issue) =>
      issue.input === undefined ? "is required" : `must be a uuid (got ${shown(issue.input)})`,
  });

export const planSwapPayload = z.strictObject(
  {
    userId: uuid(),
    exerciseRowId: uuid(),
    /** The catalogue exercise to swap in; without it, the row's first alternative. */
    exerciseId: z
      .string({ error: (issue) => `must be a catalogue exercise id (got ${shown(issue.input)})` })
      .max(200, { error: "must be at most 200 characters" })
      .regex(EXERCISE_ID_PATTERN, {
        error: (issue) => `must be a catalogue exercise id (got ${shown(issue.input)})`,
      })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type" ? `must be a JSON object (got ${shown(issue.input)})` : undefined,
  },
);

export type PlanSwapPayload = z.infer<typeof planSwapPayload>;
