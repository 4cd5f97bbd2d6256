// Every request of the matrix (tests/domain/plan-matrix.ts) on the real free-exercise-db catalogue
// (tests/fixtures, imported alone): no request fails, and every plan obeys the rules.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mapFreeExerciseDb } from "../../src/domain/catalogue/free-exercise-db.ts";
import type { Goal } from "../../src/domain/vocabulary.ts";
import { checkMatrix } from "./plan-matrix.ts";

const FILE = new URL("../fixtures/free-exercise-db.exercises.json", import.meta.url);
const CATALOGUE = mapFreeExerciseDb(JSON.parse(readFileSync(FILE, "utf8"))).entries;

/**
 * Plans with fewer weekly sets than the same request with fewer minutes (issue 22, item 2), of 2,400
 * a goal, as measured on 2026-12-07 (once calf raises went only on days with leg work): weeks
 * at the top of their ranges, 1-2 sets smaller, where the sets a range holds depend on which
 * lifts (and their half-sets) took it first.
 */
const SMALLER_WEEK_GAPS: Readonly<Record<Goal, number>> = {
  // 42, 74 and 76 before the natural glute-ham raise needed its machine pad (bodyweight weeks lost
  // their hardest knee flexion, and a few longer ones their last sets); general fitness 78 -> 82
  // when two bent-over raises named "lateral" counted as rear-delt work; hypertrophy 44 -> 48 when a
  // lifter who cannot load a squat heavily split-squatted on the days that prefer it; 48 -> 50
  // below (secondBarbell); 52 -> 45 on 2026-12-08 after the step-up needed a bench and a standing
  // cable press, a floor skull crusher and a box squat ranked after the plain forms (measured,
  // lowered to it).
  hypertrophy: 45,
  // 34 -> 36 when a novice's full-body day pulled with one exercise (a dumbbell-only 4-day beginner
  // week 1 set smaller at 60 and 90 minutes than at 45); 36 -> 24 when a trained lifter's day pressed
  // 9 sets at most, and 16 when a lifter who cannot load a squat heavily split-squatted on the days
  // that prefer it. 16 -> 22 when a short session's lifts took fillers (supersets.ts, fillerPass):
  // two 6-day beginner weeks of dumbbells hold 1-2 sets more at 30 minutes than at 45-90, where the
  // beginner's ranges, not the minutes, stop them. 22 -> 24 when a bench-led day beside an
  // overhead-press-led one took no overhead press even where no raise can be had (a kettlebell-only
  // 4-day beginner week 1 set smaller at 60 and 90 minutes than at 45).
  strength: 23,
  // 82 -> 91 when a lifter who can load a hinge or a lunge lost bodyweight glute work (the
  // exclusion list: free-exercise-db has no loaded glute exercise, so the glutes train in the
  // hinges, lunges and squats and the weeks are built again); endurance 82 -> 63 with it. With the
  // split squats of legs that cannot be loaded heavily, general fitness 91 -> 90 and endurance
  // 63 -> 69 (raised, weeks 1-2 sets smaller at more minutes). When a short session loaded one
  // bar (choose-exercise.ts, secondBarbell), its other lifts on dumbbells or machines of fewer named
  // secondary muscles, full-gym full-body weeks of 45 minutes hold 1-2 sets more than at 60-90
  // (ranges, not minutes, stop them): hypertrophy 48 -> 50, general fitness 90 -> 100, endurance
  // 69 -> 82. When the glutes' minimum went to 0 (targets.ts: RP's glute MEV is 0, the squats and
  // hinges train them) and a short session stopped adding a second barbell lift (use-time.ts):
  // hypertrophy 50 -> 52, strength 24 -> 23, endurance 82 -> 73. After that day's later plan
  // changes (above), measured and lowered: general fitness 100 -> 92, endurance 73 -> 49.
  general_fitness: 92,
  endurance: 49,
};

/**
 * Plans short of a movement a coach looks for (issue 22, items 4 and 5; plan-rules.ts
 * movementViolations), of 2,400 a goal, as measured on 2026-12-07: mostly 2-3-day and 30-45-minute
 * weeks where the groups' minimums take the time first.
 */
const MOVEMENT_GAPS: Readonly<Record<Goal, number>> = {
  // 422 -> 420 when side- and rear-delt raises counted apart (the rear-delt rule, stricter with
  // them: the shoulders' range no longer excuses a missing rear-delt exercise); 420 -> 412 and
  // general fitness 55 -> 52 when loaded lifters lost bodyweight glute work; 412 -> 411 when front
  // raises named with the implement between the words read as front raises; 411 -> 401 and
  // general fitness 52 -> 48 when a short session loaded one bar and prone raises counted as
  // rear-delt work. 401 -> 341 and general fitness 48 -> 49 when the glutes' minimum went to 0:
  // the minutes a pull-through or kickback took went to leg curls, lateral raises and presses.
  hypertrophy: 341,
  strength: 0,
  general_fitness: 49,
  endurance: 0,
};

describe("the request matrix on free-exercise-db", () => {
  it.each(["hypertrophy", "strength", "general_fitness", "endurance"] as const)(
    "%s: every request gets a plan that obeys every rule",
    (goal) => {
      const { plans, failures, shortSessions, shrinking, movementsShort } = checkMatrix(CATALOGUE, goal);
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
