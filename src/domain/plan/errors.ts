/**
 * The catalogue (or, defensively, the request) cannot give a plan. The message starts with the
 * request field to change (`equipment: ...`, `experience: ...`), because the job reports it to the
 * user verbatim and a retry would fail the same way.
 */
export class PlanGenerationError extends Error {
  readonly field: string;

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = "PlanGenerationError";
    this.field = field;
  }
}
