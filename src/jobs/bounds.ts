// Size limits at the edge: a payload over MAX_PAYLOAD_BYTES is refused before it is parsed
// further, and every error the worker stores (job output, plan_request.error) or logs is cut to
// MAX_ERROR_CHARS, so an input can never make its own error, the job table or the log large.

/** The most JSON a job payload (and a plan_request's params) may hold. A plan request is < 1 KiB. */
export const MAX_PAYLOAD_BYTES = 4096;
/** The longest error message stored or logged. */
export const MAX_ERROR_CHARS = 1024;
/** The longest rendering of a value quoted in an error message ("got ..."). */
export const MAX_SHOWN_CHARS = 80;

/** `text` cut to `max` characters, saying how long it was when cut. */
export function boundedText(text: string, max = MAX_ERROR_CHARS): string {
  if (text.length <= max) return text;
  const tail = `... (${text.length} characters, cut)`;
  return text.slice(0, Math.max(0, max - tail.length)) + tail;
}

/** A value as JSON for an error message, cut to MAX_SHOWN_CHARS ("nothing" when absent). */
export function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length <= MAX_SHOWN_CHARS
    ? text
    : `${text.slice(0, MAX_SHOWN_CHARS)}... (${text.length} characters)`;
}

/** The UTF-8 size of `data` as JSON. */
export function jsonBytes(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data ?? null) ?? "", "utf8");
}

/** The message for a payload over the limit, or undefined when it fits. */
export function payloadSizeProblem(data: unknown): string | undefined {
  const bytes = jsonBytes(data);
  return bytes > MAX_PAYLOAD_BYTES
    ? `payload: must be at most ${MAX_PAYLOAD_BYTES} bytes of JSON (got ${bytes} bytes)`
    : undefined;
}

/**
 * An error for the log, bounded: its type, code, message and stack each cut (pino logs an `err`
 * object as it is, so a message quoting a large input would otherwise go into the log whole).
 */
export function boundedErr(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: boundedText(String(error)) };
  const { code } = error as { code?: unknown };
  return {
    type: error.name,
    ...(code === undefined ? {} : { code }),
    message: boundedText(error.message),
    stack: error.stack ? boundedText(error.stack, 2 * MAX_ERROR_CHARS) : undefined,
  };
}
