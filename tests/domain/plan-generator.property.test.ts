// Property tests of the plan generator: every goal x experience x split x days combination (240),
// each with fast-check drawing any equipment subset (the new pullup_bar and bench included), the
// Monday, the session minutes (20-180) and a shuffle of the catalogue, against the test fixture and
// the built-in catalogue. Every plan must keep the rules of docs/programming-rules.md
// (tests/domain/plan-rules.ts), no valid request may fail, and a shuffled catalogue must give the
// deep-equal plan (determinism and catalogue-order independence in one). The exhaustive request
// matrix on both real catalogues is in plan-matrix-*.test.ts.

import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, it } from "vitest";
import { addDays as plusDays } from "../../src/domain/calendar.ts";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import { generatePlan, type PlanRequest } from "../../src/domain/plan/index.ts";
import { EQUIPMENT, type Equipment, EXPERIENCE_LEVELS, GOALS, SPLITS } from "../../src/domain/vocabulary.ts";
import { FIXTURE_CATALOGUE } from "../fixtures/catalogue.ts";
import { appliesStrengthRule, strengthViolations, violations } from "./plan-rules.ts";

const DAYS = [2, 3, 4, 5, 6] as const;
const RUNS_PER_COMBINATION = 8;
// A fixed seed, so every CI run checks the same 3,840 requests and a failure replays exactly;
// PROPERTY_SEED=random draws new ones (docs/testing.md lists what such runs have found).
const SEED =
  process.env.PROPERTY_SEED === "random" ? undefined : Number(process.env.PROPERTY_SEED ?? 20261206);

const COMBINATIONS = GOALS.flatMap((goal) =>
  EXPERIENCE_LEVELS.flatMap((experience) =>
    SPLITS.flatMap((split) => DAYS.map((daysPerWeek) => ({ goal, experience, split, daysPerWeek }))),
  ),
);

const CATALOGUES: readonly (readonly [string, readonly CatalogueEntry[]])[] = [
  ["fixture", FIXTURE_CATALOGUE],
  ["builtin", BUILTIN_CATALOGUE],
];

/** Fisher-Yates driven by a small LCG: a cheap, seed-reproducible permutation. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0;
  for (let i = result.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

const FIRST_MONDAY = "2000-01-03";
const mondayArb = fc.integer({ min: 0, max: 52 * 150 }).map((weeks) => plusDays(FIRST_MONDAY, weeks * 7));
const equipmentArb = fc.subarray([...EQUIPMENT]) as fc.Arbitrary<Equipment[]>;
const minutesArb = fc.integer({ min: 20, max: 180 });

describe.each(CATALOGUES)("generatePlan over the %s catalogue", (name, catalogue) => {
  const options = { evenDays: name !== "fixture", shortSessions: name !== "fixture" };
  const byId = new Map(catalogue.map((e) => [e.exerciseId, e]));
  it.each(GOALS.flatMap((goal) => EXPERIENCE_LEVELS.map((experience) => [goal, experience] as const)))(
    "%s / %s: every split and day count obeys the rules",
    (goal, experience) => {
      for (const combination of COMBINATIONS.filter((c) => c.goal === goal && c.experience === experience)) {
        // One seed per combination, so each draws its own requests.
        const seed = SEED === undefined ? undefined : SEED + COMBINATIONS.indexOf(combination);
        fc.assert(
          fc.property(
            equipmentArb,
            mondayArb,
            minutesArb,
            fc.integer(),
            (equipment, weekStart, sessionMinutes, shuffleSeed) => {
              const request: PlanRequest = { ...combination, equipment, weekStart, sessionMinutes };
              const plan = generatePlan(request, catalogue);
              const broken = violations(plan, request, catalogue, byId, options);
              if (appliesStrengthRule(request))
                broken.push(...strengthViolations(plan, byId, request.sessionMinutes));
              if (broken.length > 0) throw new Error(broken.join("; "));
              const again = generatePlan(request, shuffle(catalogue, shuffleSeed));
              if (!isDeepStrictEqual(again, plan)) throw new Error("a shuffled catalogue gave another plan");
            },
          ),
          { numRuns: RUNS_PER_COMBINATION, seed },
        );
      }
    },
  );
});
