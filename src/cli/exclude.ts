// `exclude add|remove|list --user <uuid> [<exercise-id>] [--reason r]`: a lifter's exercise
// exclusions (docs/swap.md). Generation, alternatives and swaps never use an excluded exercise.
// An unknown exercise or user is bad input (exit 2).
import { addExclusion, listExclusions, removeExclusion } from "../db/queries/exercise-exclusion.ts";
import { existingUserIds } from "../db/queries/plan-generate.ts";
import { EXCLUSION_REASONS, type ExclusionReason } from "../domain/swap/exclusion-reasons.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { EXCLUDE_ADD, EXCLUDE_LIST, EXCLUDE_REMOVE } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { parseExerciseId } from "./exercise-args.ts";
import { formatTable } from "./format-table.ts";
import { flagMessage, got, InputError, UsageError } from "./usage.ts";
import { parseUserFlag } from "./user-flag.ts";

interface Args {
  userId: string;
  exerciseId: string;
  reason: ExclusionReason | null;
}

async function mustExist(ctx: CliContext, path: readonly string[], userId: string) {
  if (!(await existingUserIds(ctx.pool, [userId])).has(userId)) {
    throw new InputError(flagMessage(path, "--user", `no such user ${userId}`));
  }
}

function parseReason(value: string | undefined): ExclusionReason | null {
  if (value === undefined) return null;
  if (!(EXCLUSION_REASONS as readonly string[]).includes(value)) {
    throw new UsageError(
      flagMessage(
        EXCLUDE_ADD.path,
        "--reason",
        `must be one of ${EXCLUSION_REASONS.join(", ")}${got(value)}`,
      ),
    );
  }
  return value as ExclusionReason;
}

export const excludeAdd = {
  parse(argv: string[]): Args {
    const { values, positionals } = parseFlags(EXCLUDE_ADD, argv);
    return {
      userId: parseUserFlag(EXCLUDE_ADD.path, values.user as string),
      exerciseId: parseExerciseId(EXCLUDE_ADD.path, positionals[0] as string),
      reason: parseReason(values.reason),
    };
  },
  async run(args: Args, ctx: CliContext) {
    await mustExist(ctx, EXCLUDE_ADD.path, args.userId);
    if (!(await addExclusion(ctx.pool, args.userId, args.exerciseId, args.reason))) {
      throw new InputError(`exclude add: <exercise-id>: no exercise ${args.exerciseId} in the catalogue`);
    }
    ctx.out(`excluded ${args.exerciseId} for user ${args.userId}${args.reason ? ` (${args.reason})` : ""}`);
  },
} satisfies CliCommand & { run(args: Args, ctx: CliContext): Promise<void> };

export const excludeRemove = {
  parse(argv: string[]): Omit<Args, "reason"> {
    const { values, positionals } = parseFlags(EXCLUDE_REMOVE, argv);
    return {
      userId: parseUserFlag(EXCLUDE_REMOVE.path, values.user as string),
      exerciseId: parseExerciseId(EXCLUDE_REMOVE.path, positionals[0] as string),
    };
  },
  async run(args: Omit<Args, "reason">, ctx: CliContext) {
    await mustExist(ctx, EXCLUDE_REMOVE.path, args.userId);
    const removed = await removeExclusion(ctx.pool, args.userId, args.exerciseId);
    ctx.out(
      removed
        ? `removed the exclusion of ${args.exerciseId} for user ${args.userId}`
        : `user ${args.userId} had not excluded ${args.exerciseId}; nothing to remove`,
    );
  },
} satisfies CliCommand & { run(args: Omit<Args, "reason">, ctx: CliContext): Promise<void> };

export const excludeList = {
  parse(argv: string[]): { userId: string } {
    const { values } = parseFlags(EXCLUDE_LIST, argv);
    return { userId: parseUserFlag(EXCLUDE_LIST.path, values.user as string) };
  },
  async run(args: { userId: string }, ctx: CliContext) {
    await mustExist(ctx, EXCLUDE_LIST.path, args.userId);
    const list = await listExclusions(ctx.pool, args.userId);
    ctx.out(`exclusions of user ${args.userId}:`);
    for (const line of formatTable(
      ["exercise id", "name", "reason", "since"],
      list.map((x) => [x.exerciseId, x.name, x.reason, x.createdAt.toISOString().slice(0, 10)]),
      { indent: "  ", empty: "  (none)" },
    )) {
      ctx.out(line);
    }
  },
} satisfies CliCommand & { run(args: { userId: string }, ctx: CliContext): Promise<void> };
