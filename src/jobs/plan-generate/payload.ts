// The plan request as it travels in a plan.generate job (CONTRACT.md section 2): the zod
// schema that validates it at the edge, and the defaults applied to it.

import { z } from "zod";
import type { PlanRequest } from "../../domain/plan/index.ts";
import { EQUIPMENT, EXPERIENCE_LEVELS, GOALS, SPLITS } from "../../domain/vocabulary.ts";
import { describeZodError } from "../runtime.ts";

/**
 * The contract's default equipment: a full gym, every value of the vocabulary (so it includes the
 * later `pullup_bar` and `bench`, and a request without `equipment` keeps every exercise it had).
 */
export const FULL_GYM = EQUIPMENT;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date YYYY-MM-DD that is a Monday (UTC, so no time zone can move it). */
function isMondayDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getUTCDay() === 1;
}

const show = (input: unknown) => (input === undefined ? "nothing" : JSON.stringify(input));
const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${what} (got ${show(issue.input)})`;
const oneOf = (values: readonly string[]) => (issue: { input: unknown }) =>
  issue.input === undefined
    ? "is required"
    : `must be one of ${values.join(", ")} (got ${show(issue.input)})`;
const uuid = () => z.uuid({ error: required("a uuid") });
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
    .refine(isMondayDate, { error: (issue) => `must be a Monday as YYYY-MM-DD (got ${show(issue.input)})` })
    .optional(),
  sessionMinutes: intBetween(20, 180).optional(),
  requestId: uuid().optional(),
  /** Set by the plan_request trigger, never by a user: the row to report to. */
  planRequestId: uuid().optional(),
};

const PAYLOAD_KEYS = Object.keys(PAYLOAD_SHAPE);

/** A plan request as it travels in a job (CONTRACT.md section 2), validated at the edge. */
export const planRequestPayload = z.strictObject(PAYLOAD_SHAPE, {
  error: (issue) =>
    issue.code === "invalid_type" ? `must be a JSON object (got ${show(issue.input)})` : undefined,
});

export type PlanRequestPayload = z.infer<typeof planRequestPayload>;

/** describeZodError, with the fields a plan request may have after an unknown one. */
export function describePayloadError(error: z.ZodError): string {
  return describeZodError(error, `a plan request has ${PAYLOAD_KEYS.join(", ")}`);
}

/** The first Monday strictly after `now`'s UTC date. */
export function nextMonday(now: Date): string {
  const day = now.getUTCDay();
  const ahead = (8 - day) % 7 || 7;
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight + ahead * 86_400_000).toISOString().slice(0, 10);
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
