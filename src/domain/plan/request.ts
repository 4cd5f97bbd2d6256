import type { Equipment, ExperienceLevel, Goal, Split } from "../vocabulary.ts";

/**
 * A plan request after validation and defaults (docs/contract.md section 2), minus `userId` and
 * `requestId`: those decide who gets the plan and whether it is made at all, not what it holds.
 */
export interface PlanRequest {
  goal: Goal;
  experience: ExperienceLevel;
  /** "auto" is resolved by `resolveSplit` from `daysPerWeek`. */
  split: Split;
  /** 2..6 */
  daysPerWeek: number;
  /** What the lifter has; bodyweight is always allowed on top (docs/programming-rules.md). */
  equipment: readonly Equipment[];
  /** YYYY-MM-DD, a Monday. */
  weekStart: string;
  /** 20..180, the whole session including warm-up. */
  sessionMinutes: number;
}
