// The ten lifters of issue 22, each with a title and a line for docs/sample-plans.md: one list for
// the docs script (scripts/sample-plans.ts) and the coaching test (tests/domain/plan-coaching.test.ts).
import type { PlanRequest } from "../src/domain/plan/index.ts";
import { EQUIPMENT, type Equipment } from "../src/domain/vocabulary.ts";

/** The Monday the sample plans start on: fixed, so the docs come out the same every run. */
export const SAMPLE_WEEK = "2026-01-05";

const FULL_GYM = EQUIPMENT;

/** The ten lifters of issue 22, each on both catalogues. */
export const SAMPLES: readonly { title: string; who: string; request: PlanRequest }[] = [
  lifter(
    "Bodyweight beginner, general fitness, 3 x 45",
    "A beginner with nothing but a floor (`equipment: []`).",
    "general_fitness",
    "beginner",
    3,
    45,
    [],
  ),
  lifter(
    "Dumbbell beginner, hypertrophy, 3 x 60",
    "A beginner at home with dumbbells and a bench.",
    "hypertrophy",
    "beginner",
    3,
    60,
    ["dumbbell", "bench"],
  ),
  lifter(
    "Intermediate hypertrophy, upper/lower 4 x 60",
    "An intermediate lifter in a full gym.",
    "hypertrophy",
    "intermediate",
    4,
    60,
    FULL_GYM,
    "upper_lower",
  ),
  lifter(
    "Intermediate barbell strength, 4 x 90",
    "An intermediate strength lifter with a barbell, a bench and a pull-up bar.",
    "strength",
    "intermediate",
    4,
    90,
    ["barbell", "bench", "pullup_bar"],
  ),
  lifter(
    "Advanced hypertrophy, push/pull/legs 6 x 60",
    "An advanced lifter in a full gym.",
    "hypertrophy",
    "advanced",
    6,
    60,
    FULL_GYM,
    "push_pull_legs",
  ),
  lifter(
    "Advanced strength, 5 x 90",
    "An advanced strength lifter in a full gym.",
    "strength",
    "advanced",
    5,
    90,
    FULL_GYM,
  ),
  lifter(
    "Intermediate general fitness, 2 x 30",
    "An intermediate lifter with two half-hours a week in a full gym.",
    "general_fitness",
    "intermediate",
    2,
    30,
    FULL_GYM,
  ),
  lifter(
    "Beginner strength, 3 x 60",
    "A beginner strength lifter in a full gym.",
    "strength",
    "beginner",
    3,
    60,
    FULL_GYM,
  ),
  lifter(
    "Intermediate hypertrophy without a barbell, 5 x 45",
    "An intermediate lifter with dumbbells (and a bench), cables and machines, no barbell.",
    "hypertrophy",
    "intermediate",
    5,
    45,
    ["dumbbell", "bench", "cable", "machine"],
  ),
  lifter(
    "Advanced hypertrophy, 4 x 30",
    "An advanced lifter with four half-hours a week in a full gym.",
    "hypertrophy",
    "advanced",
    4,
    30,
    FULL_GYM,
  ),
];

function lifter(
  title: string,
  who: string,
  goal: PlanRequest["goal"],
  experience: PlanRequest["experience"],
  daysPerWeek: number,
  sessionMinutes: number,
  equipment: readonly Equipment[],
  split: PlanRequest["split"] = "auto",
): { title: string; who: string; request: PlanRequest } {
  return {
    title,
    who,
    request: { goal, experience, split, daysPerWeek, equipment, weekStart: SAMPLE_WEEK, sessionMinutes },
  };
}
