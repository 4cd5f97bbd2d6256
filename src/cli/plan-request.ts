// `plan request --user <uuid> --days <n> [...] [--wait]`: validates the flags with the job's own
// zod schema (a bad flag exits 2 naming it), enqueues plan.generate through the job module's
// sendPlanRequest, and prints the job id. With --wait it follows the job until a running worker
// settles it and prints the plan as `plan show` does; a failed job prints its error and exits 1.
import { z } from "zod";
import { userExists } from "../db/queries/users.ts";
import {
  checkPlanRequestPayload,
  PLAN_GENERATE_QUEUE,
  PLAN_QUEUE_OPTIONS,
  PlanRequestFailedError,
  planRequestPayload,
  sendPlanRequest,
  waitForPlan,
} from "../jobs/plan-generate/index.ts";
import { ensureQueue } from "../jobs/runtime.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { PLAN_REQUEST } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { printPlan } from "./plan-show.ts";
import { flagMessage, got, InputError, UsageError } from "./usage.ts";

/** The payload field each flag fills, so a zod issue can name the flag the user typed. */
const FLAG_OF_FIELD: Readonly<Record<string, string>> = {
  userId: "--user",
  daysPerWeek: "--days",
  goal: "--goal",
  experience: "--experience",
  split: "--split",
  equipment: "--equipment",
  weekStart: "--week-start",
  sessionMinutes: "--minutes",
  requestId: "--request-id",
};

export const DEFAULT_WAIT_SECONDS = 120;
/** How often --wait reads the job's state: fine enough to feel instant, cheap for the server. */
const POLL_MS = 50;

/** "5" -> 5; anything else stays a string, so zod reports "expected number" against the flag. */
const integerOrString = (value: string) => (/^-?\d+$/.test(value.trim()) ? Number(value) : value);

export interface PlanRequestArgs {
  payload: z.infer<typeof planRequestPayload>;
  wait: boolean;
  timeoutSeconds: number;
}

function equipmentList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === "" || trimmed === "none") return [];
  return trimmed.split(",").map((s) => s.trim());
}

export function parsePlanRequest(argv: string[]): PlanRequestArgs {
  const { values } = parseFlags(PLAN_REQUEST, argv);
  const raw: Record<string, unknown> = {
    userId: values.user,
    daysPerWeek: values.days === undefined ? undefined : integerOrString(values.days),
    goal: values.goal,
    experience: values.experience,
    split: values.split,
    // --equipment "" (or "none") is the empty list: bodyweight only.
    equipment: equipmentList(values.equipment),
    weekStart: values["week-start"],
    sessionMinutes: values.minutes === undefined ? undefined : integerOrString(values.minutes),
    requestId: values["request-id"],
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  const parsed = planRequestPayload.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    const flag = FLAG_OF_FIELD[field] ?? (field || "arguments");
    throw new UsageError(flagMessage(PLAN_REQUEST.path, flag, issue?.message ?? "invalid"));
  }
  if (!values.wait && values["timeout-seconds"] !== undefined) {
    throw new UsageError(flagMessage(PLAN_REQUEST.path, "--timeout-seconds", "needs --wait"));
  }
  const timeout = z.coerce
    .number()
    .positive()
    .max(24 * 3600)
    .safeParse(values["timeout-seconds"] ?? DEFAULT_WAIT_SECONDS);
  if (!timeout.success) {
    throw new UsageError(
      flagMessage(
        PLAN_REQUEST.path,
        "--timeout-seconds",
        `must be a number of seconds up to 86400${got(values["timeout-seconds"])}`,
      ),
    );
  }
  return { payload: parsed.data, wait: values.wait ?? false, timeoutSeconds: timeout.data };
}

export const planRequest: CliCommand = {
  parse: parsePlanRequest,
  async run(args: PlanRequestArgs, ctx: CliContext) {
    // The job's whole check, with the clock (the date window): bad input, exit 2.
    const checked = checkPlanRequestPayload(args.payload, ctx.now());
    if (!checked.ok) {
      const [field = "", ...problem] = checked.error.split(": ");
      throw new InputError(flagMessage(PLAN_REQUEST.path, FLAG_OF_FIELD[field] ?? field, problem.join(": ")));
    }
    if (!(await userExists(ctx.pool, args.payload.userId))) {
      throw new InputError(flagMessage(PLAN_REQUEST.path, "--user", `no such user ${args.payload.userId}`));
    }
    const boss = await ctx.boss();
    // The queue exists once a worker has started; before that, the CLI creates it with the same
    // policy so the request waits in it and a worker started later catches up.
    await ensureQueue(boss, PLAN_GENERATE_QUEUE, PLAN_QUEUE_OPTIONS);
    const jobId = await sendPlanRequest(boss, args.payload, ctx.now());
    ctx.out(`job ${jobId}`);
    if (!args.wait) return;

    const { requestId } = args.payload;
    if (requestId) {
      // A repeated request id: its job may be gone (retention) while its plan stays.
      const { rows } = await ctx.pool.query<{ id: string }>(
        "SELECT id FROM public.modular_training_plan WHERE request_id = $1",
        [requestId],
      );
      if (rows[0]) return printPlan(ctx, rows[0].id);
    }
    let planId: string;
    try {
      ({ planId } = await waitForPlan(boss, jobId, {
        timeoutMs: args.timeoutSeconds * 1000,
        pollMs: POLL_MS,
      }));
    } catch (error) {
      if (error instanceof PlanRequestFailedError) {
        throw new Error(`${PLAN_GENERATE_QUEUE} job ${jobId} failed: ${error.message}`, { cause: error });
      }
      throw new Error(`${(error as Error).message}; is a worker running? (npm start)`, { cause: error });
    }
    await printPlan(ctx, planId);
  },
};
