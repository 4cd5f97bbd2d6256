// A bad setting in words a person reads, the same whatever zod's own wording: the range of a
// number, the choices of a list, the value given (cut by the one helper, src/jobs/bounds.ts), and
// never the value of a secret (a URL with its password, a token).
import { z } from "zod";
import { shown } from "./jobs/bounds.ts";

const SECRET = /URL|TOKEN|PASSWORD|SECRET/;

/** The schema under .default(), .optional() and a transform's pipe: the one that says what is valid. */
function innermost(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 8; depth++) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional)
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else break;
  }
  return current;
}

export function describeSettingIssue(
  name: string,
  schema: z.ZodType | undefined,
  issue: z.core.$ZodIssue,
  given: unknown,
): string {
  // A cross-setting rule (config.ts) writes its own sentence, the value included.
  if (issue.code === "custom") return issue.message;
  const value = SECRET.test(name) ? "" : ` (got ${shown(given)})`;
  const inner = schema ? innermost(schema) : undefined;
  if (inner instanceof z.ZodNumber) {
    const kind = inner.isInt ? "an integer" : "a number";
    return `must be ${kind} from ${inner.minValue} to ${inner.maxValue}${value}`;
  }
  if (inner instanceof z.ZodEnum) return `must be one of ${inner.options.join(", ")}${value}`;
  if (issue.code === "invalid_format" && issue.format === "url") {
    return "must be a postgres:// or postgresql:// URL";
  }
  if (issue.code === "too_small" && issue.origin === "string") {
    return `must be at least ${issue.minimum} characters${value}`;
  }
  return `${issue.message}${value}`;
}
