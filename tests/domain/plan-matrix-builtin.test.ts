// Every request of the matrix (tests/domain/plan-matrix.ts) on the built-in catalogue: no request
// fails, and every plan obeys the rules of docs/programming-rules.md (tests/domain/plan-rules.ts).

import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import type { Goal } from "../../src/domain/vocabulary.ts";
import { checkMatrix } from "./plan-matrix.ts";

/**
 * Plans with fewer weekly sets than the same request with fewer minutes (issue 22, item 2), of 2,400
 * a goal, as measured on 2026-12-07 (once the supported rows listed no shoulders): weeks
 * at the top of their ranges, 1-2 sets smaller, where the sets a range holds depend on which
 * lifts (and their half-sets) took it first.
 */
const SMALLER_WEEK_GAPS: Readonly<Record<Goal, number>> = {
  hypertrophy: 0,
  strength: 20,
  // 71 -> 74 when a lifter who can load a hinge or a lunge lost bodyweight glute work (the
  // exclusion list): three more weeks 1-2 sets smaller at more minutes. 74 -> 88 and endurance
  // 27 -> 39 when a short session stopped adding a second barbell lift (use-time.ts): its 45-minute
  // weeks take more, shorter sets in its place and hold a set or two more than at 60-90 minutes,
  // mostly barbell-only beginners (a glute minimum of 0 left general fitness at 74). 88 -> 90
  // when a standing cable press ranked as a variation (choose-exercise.ts, CABLE_PRESS): two more
  // weeks 1-2 sets smaller at more minutes (counted, not traced one by one); 90 -> 92 when a floor
  // skull crusher ranked after the bench forms where the kit has a bench (the same kind of count).
  general_fitness: 92,
  endurance: 39,
};

/**
 * Plans short of a movement a coach looks for (issue 22, items 4 and 5; plan-rules.ts
 * movementViolations), of 2,400 a goal, as measured on 2026-12-07: mostly 2-3-day and 30-45-minute
 * weeks where the groups' minimums take the time first, and lower days of 30 minutes or of a full
 * hamstrings range without a leg curl; strength and general-fitness full-body weeks of 2 days
 * short of an overhead press, and of 5-6 days with their leg extension off the machine.
 */
const MOVEMENT_GAPS: Readonly<Record<Goal, number>> = {
  // 541 -> 537 when side- and rear-delt raises counted apart (the rear-delt rule, stricter with
  // them: the shoulders' range no longer excuses a missing rear-delt exercise).
  // 537 -> 504 when the prone raises and snow angels counted as rear-delt work (delt-head.ts),
  // 502 when a short session loaded one bar (choose-exercise.ts, secondBarbell).
  // 502 -> 431 and general fitness 21 -> 17 when the glutes' minimum went to 0 (targets.ts): the
  // minutes of a hip thrust or kickback below the minimum went to leg curls and lateral raises.
  hypertrophy: 431,
  // 10 -> 12 when a novice's full-body day pulled with one exercise: two 5 x 30 beginner weeks
  // take their leg extension off the machine; 12 -> 10 when a barbell strength week's front raises
  // went out (excluded-exercises.ts).
  strength: 10,
  // 25 -> 21 when a short session loaded one bar.
  general_fitness: 17,
  // 0 -> 2: two full-gym beginner endurance weeks (4 x 60 and 4 x 90) take a cable leg extension
  // where the machine's range check fails once the glutes' minimum is 0.
  endurance: 2,
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
      // Issue 22, item 2: every session uses 85% of its minutes wherever it has room (plan-rules.ts
      // timeViolations); a longer request's smaller week is not met everywhere yet and held at (or
      // below) the counts measured (docs/testing.md).
      expect(shortSessions).toBe(0);
      expect(shrinking).toBeLessThanOrEqual(SMALLER_WEEK_GAPS[goal]);
      expect(movementsShort).toBeLessThanOrEqual(MOVEMENT_GAPS[goal]);
    },
    // CPU-bound: 2,400 plans a goal; 30 s is too short on a 2-core machine under other load.
    120_000,
  );
});
