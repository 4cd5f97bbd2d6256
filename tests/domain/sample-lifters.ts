// The ten lifters of issue 22 (docs/sample-plans.md shows their first weeks on both catalogues).
import type { PlanRequest } from "../../src/domain/plan/index.ts";
import { EQUIPMENT, type Equipment } from "../../src/domain/vocabulary.ts";

function lifter(
  goal: PlanRequest["goal"],
  experience: PlanRequest["experience"],
  daysPerWeek: number,
  sessionMinutes: number,
  equipment: readonly Equipment[],
  split: PlanRequest["split"] = "auto",
): PlanRequest {
  return { goal, experience, split, daysPerWeek, equipment, weekStart: "2026-01-05", sessionMinutes };
}

export const SAMPLE_LIFTERS: readonly PlanRequest[] = [
  lifter("general_fitness", "beginner", 3, 45, []),
  lifter("hypertrophy", "beginner", 3, 60, ["dumbbell", "bench"]),
  lifter("hypertrophy", "intermediate", 4, 60, EQUIPMENT, "upper_lower"),
  lifter("strength", "intermediate", 4, 90, ["barbell", "bench", "pullup_bar"]),
  lifter("hypertrophy", "advanced", 6, 60, EQUIPMENT, "push_pull_legs"),
  lifter("strength", "advanced", 5, 90, EQUIPMENT),
  lifter("general_fitness", "intermediate", 2, 30, EQUIPMENT),
  lifter("strength", "beginner", 3, 60, EQUIPMENT),
  lifter("hypertrophy", "intermediate", 5, 45, ["dumbbell", "bench", "cable", "machine"]),
  lifter("hypertrophy", "advanced", 4, 30, EQUIPMENT),
];
