// The full request matrix of the issue: goal x experience x split x 2-6 days x ten equipment
// profiles x session minutes, every combination (9,600 plans per catalogue). Generation is pure
// (well under a millisecond a plan), so the matrix runs without a database.

import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import { generatePlan, type PlanRequest } from "../../src/domain/plan/index.ts";
import type { PlanJson } from "../../src/domain/plan-json.ts";
import {
  EQUIPMENT,
  type Equipment,
  EXPERIENCE_LEVELS,
  GOALS,
  type Goal,
  SPLITS,
} from "../../src/domain/vocabulary.ts";
import {
  appliesStrengthRule,
  movementViolations,
  strengthViolations,
  timeViolations,
  violations,
} from "./plan-rules.ts";

/** Ten lifters' equipment, from nothing to a full gym. */
export const EQUIPMENT_PROFILES: Readonly<Record<string, readonly Equipment[]>> = {
  "full gym (default)": EQUIPMENT,
  "nothing ([])": [],
  "bodyweight only": ["bodyweight"],
  "dumbbells only": ["dumbbell"],
  "dumbbells and a bench": ["dumbbell", "bench"],
  "bands only": ["bands"],
  "kettlebells only": ["kettlebell"],
  "barbell, bench and bar": ["barbell", "bench", "pullup_bar"],
  "machines and cables": ["machine", "cable"],
  "home: dumbbells, bands, bar": ["dumbbell", "bands", "pullup_bar"],
};

export const MINUTES = [30, 45, 60, 90] as const;

export function* matrix(): Generator<[string, PlanRequest]> {
  for (const goal of GOALS)
    for (const experience of EXPERIENCE_LEVELS)
      for (const split of SPLITS)
        for (const daysPerWeek of [2, 3, 4, 5, 6])
          for (const [profile, equipment] of Object.entries(EQUIPMENT_PROFILES))
            for (const sessionMinutes of MINUTES)
              yield [
                profile,
                { goal, experience, split, daysPerWeek, equipment, weekStart: "2026-01-05", sessionMinutes },
              ];
}

/**
 * Generates every plan of the matrix for one goal and checks it: returns how many plans were made
 * and, for each broken rule or failed request, one line naming the request (at most 20 lines, so a
 * regression reads at a glance).
 */
export function checkMatrix(
  catalogue: readonly CatalogueEntry[],
  goal: Goal,
): { plans: number; failures: string[]; shortSessions: number; shrinking: number; movementsShort: number } {
  const byId = new Map(catalogue.map((e) => [e.exerciseId, e]));
  const failures: string[] = [];
  let plans = 0;
  // Issue 22, item 2, counted rather than listed (the tests assert the first at 0 and hold the
  // second, not met everywhere yet, at a ceiling): plans with a session under 85% of its minutes
  // while a group it trains has room, and plans with fewer weekly sets than the same request with
  // fewer minutes (MINUTES runs innermost, in increasing order).
  let shortSessions = 0;
  let shrinking = 0;
  // Issue 22, items 4 and 5, counted too: plans short of lateral raises, knee flexion, a leg curl or
  // an overhead press (movementViolations), mostly short weeks where the groups' minimums bind.
  let movementsShort = 0;
  const setsBefore = new Map<string, number>();
  for (const [profile, request] of matrix()) {
    if (request.goal !== goal) continue;
    const name = `${profile}, ${request.experience}, ${request.split} x${request.daysPerWeek}, ${request.sessionMinutes} min`;
    let plan: PlanJson;
    try {
      plan = generatePlan(request, catalogue);
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
      continue;
    }
    plans += 1;
    if (timeViolations(plan, request, catalogue, byId).length > 0) shortSessions += 1;
    const sets = plan.sessions.flatMap((s) => s.slots).reduce((sum, slot) => sum + slot.sets, 0);
    const key = `${profile}|${request.experience}|${request.split}|${request.daysPerWeek}`;
    if (sets < (setsBefore.get(key) ?? 0)) shrinking += 1;
    setsBefore.set(key, Math.max(sets, setsBefore.get(key) ?? 0));
    if (movementViolations(plan, request, catalogue, byId).length > 0) movementsShort += 1;
    const broken = violations(plan, request, catalogue, byId);
    if (appliesStrengthRule(request)) broken.push(...strengthViolations(plan, byId, request.sessionMinutes));
    for (const line of broken) if (failures.length < 20) failures.push(`${name}: ${line}`);
  }
  return { plans, failures, shortSessions, shrinking, movementsShort };
}
