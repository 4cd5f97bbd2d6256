import { MAX_ERROR_CHARS } from "../../src/jobs/bounds.ts";

/**
 * A refusal's message: bounded, and `field: problem`, the field a plain name, a path
 * (`equipment[2]`) or a quoted key, the problem in the contract's words.
 */
export const namesAField = (error: unknown) =>
  typeof error === "string" &&
  error.length <= MAX_ERROR_CHARS &&
  /^(payload|[\w-]+(\[\d+\])*(\.[\w-]+)*|"(?:[^"\\]|\\.)*"(\.\.\. \(\d+ characters\))?)(, ([\w-]+|"(?:[^"\\]|\\.)*"(\.\.\. \(\d+ characters\))?))*: (must |is required|unknown fields?\b|no such user |.* is already used )/.test(
    error,
  );
