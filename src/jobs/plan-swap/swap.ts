// A swap as the plan.swap job and the CLI run it (docs/swap.md): the row must be the user's, the
// exercise is the one asked for or else the row's first alternative, and swap_exercise does the
// rest in one transaction. A swap that cannot be done throws SwapRefusedError with the reason.
import type pg from "pg";
import { isPgError } from "../../db/pg-errors.ts";
import {
  exerciseAlternatives,
  exerciseRowOwner,
  type SwappedRow,
  swapExercise,
} from "../../db/queries/swap.ts";
import { withTransaction } from "../../db/transaction.ts";

/** A swap that can never be done as asked: no such row of the user's, no alternative, or refused by the database. */
export class SwapRefusedError extends Error {}

export interface SwapRequest {
  /** When given, the row must be this user's. */
  userId?: string;
  exerciseRowId: string;
  /** Without it, the row's first alternative. */
  exerciseId?: string;
}

export interface SwapResult extends SwappedRow {
  userId: string;
  /** What the row held before. */
  from: string | null;
}

export async function swapRow(pool: pg.Pool, request: SwapRequest): Promise<SwapResult> {
  return withTransaction(pool, async (client) => {
    const owner = await exerciseRowOwner(client, request.exerciseRowId);
    if (owner === null || (request.userId !== undefined && owner !== request.userId)) {
      throw new SwapRefusedError(
        `exerciseRowId: no exercise row ${request.exerciseRowId}${request.userId ? ` of user ${request.userId}` : ""}`,
      );
    }
    const { rows } = await client.query<{ exercise_id: string | null }>(
      "SELECT exercise_id FROM public.modular_training_exercise WHERE id = $1 FOR UPDATE",
      [request.exerciseRowId],
    );
    const from = rows[0]?.exercise_id ?? null;
    let exerciseId = request.exerciseId;
    if (exerciseId === undefined) {
      const [best] = await exerciseAlternatives(client, request.exerciseRowId, 1);
      if (!best) throw new SwapRefusedError(`exerciseRowId: row ${request.exerciseRowId} has no alternative`);
      exerciseId = best.exerciseId;
    }
    try {
      return { ...(await swapExercise(client, request.exerciseRowId, exerciseId)), userId: owner, from };
    } catch (error) {
      // swap_exercise's refusals carry the reason: "p_exercise_id: ... is on the lifter's exclusions".
      if (isPgError(error, "invalidParameterValue") || isPgError(error, "noDataFound")) {
        throw new SwapRefusedError(payloadWords((error as Error).message), { cause: error });
      }
      throw error;
    }
  });
}

/** swap_exercise's message in the payload's words: `p_exercise_id: ...` -> `exerciseId: ...`. */
const payloadWords = (message: string) =>
  message
    .replace(/^swap_exercise: /, "")
    .replace(/^p_exercise_id:/, "exerciseId:")
    .replace(/^p_row_id:/, "exerciseRowId:");
