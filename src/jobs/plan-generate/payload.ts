// The plan request as it travels in a plan.generate job (docs/contract.md section 2): the zod
// schema that validates it at the edge, and the defaults applied to it.

import { z } from "zod";
import { isMonday, nextMonday } from "../../domain/calendar.ts";
import { inDateWindow, outsideWindowMessage, planDateWindow } from "../../domain/date-window.ts";
import type { PlanRequest } from "../../domain/plan/index.ts";
import { uuidInput } from "../../domain/uuid.ts";
import { EQUIPMENT, EXPERIENCE_LEVELS, GOALS, SPLITS } from "../../domain/vocabulary.ts";
import { payloadSizeProblem, shown } from "../bounds.ts";
import { describeZodError } from "../runtime.ts";

/**
 * The contract's default equipment: a full gym, every value of the vocabulary (so it includes the
 * later `pullup_bar` and `bench`, and a request without `equipment` keeps every exercise it had).
 */
export const FULL_GYM = EQUIPMENT;

// Values quoted in messages are cut short (src/jobs/bounds.ts).
const show = shown;
const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${what} (got ${show(issue.input)})`;
const oneOf = (values: readonly string[]) => (issue: { input: unknown }) =>
  issue.input === undefined
    ? "is required"
    : `must be one of ${values.join(", ")} (got ${show(issue.input)})`;
// Any case in, lower case out (src/domain/uuid.ts): the handler compares user ids as strings.
const uuid = () => uuidInput({ error: required("a uuid") });
const intBetween = (min: number, max: number) => {
  const message = (issue: { input: unknown }) =>
    `must be an integer from ${min} to ${max} (got ${show(issue.input)})`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? "is required" : message(issue)) })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

const PAYLOAD_SHAPE = {
  userId: uuid(),
  goal: z.enum(GOALS, { error: oneOf(GOALS) }).optional(),
  experience: z.enum(EXPERIENCE_LEVELS, { error: oneOf(EXPERIENCE_LEVELS) }).optional(),
  split: z.enum(SPLITS, { error: oneOf(SPLITS) }).optional(),
  daysPerWeek: intBetween(2, 6),
  equipment: z
    .array(z.enum(EQUIPMENT, { error: oneOf(EQUIPMENT) }), {
      error: required("an array of equipment values"),
    })
    // [] is valid: no equipment at all, so bodyweight training only (docs/programming-rules.md).
    .refine((list) => new Set(list).size === list.length, { error: "must not repeat a value" })
    .optional(),
  weekStart: z
    .string({ error: required("a date YYYY-MM-DD") })
    // The generator's own Monday test, so the payload check and the generator agree on any date.
    .refine(isMonday, { error: (issue) => `must be a Monday as YYYY-MM-DD (got ${show(issue.input)})` })
    .optional(),
  sessionMinutes: intBetween(20, 180).optional(),
  requestId: uuid().optional(),
  /** Set by the plan_request trigger, never by a user: the row to report to. */
  planRequestId: uuid().optional(),
};

const PAYLOAD_KEYS = Object.keys(PAYLOAD_SHAPE);

/** A plan request as it travels in a job (docs/contract.md section 2), validated at the edge. */
export const planRequestPayload = z.strictObject(PAYLOAD_SHAPE, {
  error: (issue) =>
    issue.code === "invalid_type" ? `must be a JSON object (got ${show(issue.input)})` : undefined,
});

export type PlanRequestPayload = z.infer<typeof planRequestPayload>;

/** describeZodError, with the fields a plan request may have after an unknown one. */
export function describePayloadError(error: z.ZodError): string {
  return describeZodError(error, `a plan request has ${PAYLOAD_KEYS.join(", ")}`);
}

/**
 * The whole check of a job's plan request, as the handler and sendPlanRequest run it: the size
 * limit first (nothing larger is parsed further), then the contract, then weekStart inside the
 * date window around `now` (docs/contract.md section 2; src/domain/date-window.ts).
 */
export function checkPlanRequestPayload(
  data: unknown,
  now: Date,
): { ok: true; payload: PlanRequestPayload } | { ok: false; error: string } {
  const tooLarge = payloadSizeProblem(data);
  if (tooLarge) return { ok: false, error: tooLarge };
  const parsed = planRequestPayload.safeParse(data ?? {});
  if (!parsed.success) return { ok: false, error: describePayloadError(parsed.error) };
  const problem = weekStartProblem(parsed.data, now);
  return problem ? { ok: false, error: problem } : { ok: true, payload: parsed.data };
}

/** weekStart outside the date window around `now` (src/domain/date-window.ts), or undefined. */
export function weekStartProblem(payload: PlanRequestPayload, now: Date): string | undefined {
  const { weekStart } = payload;
  const window = planDateWindow(now);
  return weekStart !== undefined && !inDateWindow(weekStart, window)
    ? `weekStart: ${outsideWindowMessage(weekStart, window)}`
    : undefined;
}

/** Applies the contract's defaults to a validated payload. */
export function resolvePlanRequest(payload: PlanRequestPayload, now: Date): PlanRequest {
  return {
    goal: payload.goal ?? "general_fitness",
    experience: payload.experience ?? "intermediate",
    split: payload.split ?? "auto",
    daysPerWeek: payload.daysPerWeek,
    equipment: payload.equipment ?? FULL_GYM,
    weekStart: payload.weekStart ?? nextMonday(now),
    sessionMinutes: payload.sessionMinutes ?? 60,
  };
}
