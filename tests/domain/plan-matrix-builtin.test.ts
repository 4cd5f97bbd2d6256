// Every request of the matrix (tests/domain/plan-matrix.ts) on the built-in catalogue: no request
// fails, and every plan obeys the rules of docs/programming-rules.md (tests/domain/plan-rules.ts).

import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import type { Goal } from "../../src/domain/vocabulary.ts";
import { checkMatrix } from "./plan-matrix.ts";

/** Plans with a session under 85% of its minutes while it has room, and plans smaller than the same request with fewer minutes. */
const TIME_RULE_GAPS: Readonly<Record<Goal, readonly [number, number]>> = {
  hypertrophy: [16, 20],
  strength: [32, 11],
  general_fitness: [20, 22],
  endurance: [0, 3],
};

/**
 * Plans short of a movement a coach looks for (issue 22, items 4 and 5; plan-rules.ts
 * movementViolations), of 2,400 a goal, as measured on 2026-12-06: mostly 2-3-day and 30-45-minute
 * weeks where the groups' minimums take the time first.
 */
const MOVEMENT_GAPS: Readonly<Record<Goal, number>> = {
  hypertrophy: 425,
  strength: 36,
  general_fitness: 20,
  endurance: 0,
};

describe("the request matrix on the built-in catalogue", () => {
  it.each(["hypertrophy", "strength", "general_fitness", "endurance"] as const)(
    "%s: every request gets a plan that obeys every rule",
    (goal) => {
      const { plans, failures, shortSessions, shrinking, movementsShort } = checkMatrix(
        BUILTIN_CATALOGUE,
        goal,
      );
      expect(plans).toBe(2400);
      expect(failures).toEqual([]);
      // Issue 22, item 2, not met everywhere yet: held at (or below) the counts measured on branch freq (strength frequency and the room
      // definition fixed), of
      // 2,400 plans a goal (docs/testing.md).
      const [shortMax, shrinkingMax] = TIME_RULE_GAPS[goal];
      expect(shortSessions).toBeLessThanOrEqual(shortMax);
      expect(shrinking).toBeLessThanOrEqual(shrinkingMax);
      expect(movementsShort).toBeLessThanOrEqual(MOVEMENT_GAPS[goal]);
    },
    // CPU-bound: 2,400 plans a goal; 30 s is too short on a 2-core machine under other load.
    120_000,
  );
});
