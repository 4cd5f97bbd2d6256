// The plan generator's public surface.
export { PlanGenerationError } from "./errors.ts";
export { generatePlan } from "./generate.ts";
export type { PlanRequest } from "./request.ts";
export { resolveSplit } from "./split.ts";
export {
  ACCESSORY_GROUPS,
  fractionalTop,
  GROUP_MUSCLES,
  MAJOR_GROUPS,
  type SetRange,
  type TargetGroup,
  WEEKLY_SET_TARGETS,
} from "./targets.ts";
