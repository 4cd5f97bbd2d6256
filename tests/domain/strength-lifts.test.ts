// Strength weeks with a barbell and little else (requests outside the matrix's equipment profiles,
// where a grid of them found rules broken): the barbell squat on two days where a barbell lunge
// held the second squat day's place, and no range passed to place a barbell press.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mapFreeExerciseDb } from "../../src/domain/catalogue/free-exercise-db.ts";
import { generatePlan, type PlanRequest } from "../../src/domain/plan/index.ts";
import { strengthViolations, violations } from "./plan-rules.ts";

const FREE_EXERCISE_DB = mapFreeExerciseDb(
  JSON.parse(readFileSync(new URL("../fixtures/free-exercise-db.exercises.json", import.meta.url), "utf8")),
).entries;
const byId = new Map(FREE_EXERCISE_DB.map((e) => [e.exerciseId, e]));

const strength = (overrides: Partial<PlanRequest>): PlanRequest => ({
  goal: "strength",
  experience: "intermediate",
  split: "upper_lower",
  daysPerWeek: 4,
  equipment: ["barbell"],
  weekStart: "2026-01-05",
  sessionMinutes: 60,
  ...overrides,
});

describe("barbell strength weeks on free-exercise-db", () => {
  it("squat on two days: a barbell lunge beside the deadlift gives its place to a squat (3 sets at most)", () => {
    for (const daysPerWeek of [4, 5]) {
      for (const sessionMinutes of [44, 60, 90]) {
        const request = strength({ daysPerWeek, sessionMinutes });
        const plan = generatePlan(request, FREE_EXERCISE_DB);
        const where = `upper/lower x${daysPerWeek}, ${sessionMinutes} min`;
        expect(strengthViolations(plan, byId, sessionMinutes), where).toEqual([]);
        expect(violations(plan, request, FREE_EXERCISE_DB, byId), where).toEqual([]);
      }
    }
  });

  it("placing a barbell press never takes a range past its top (the pulling sets it needed had taken the room)", () => {
    for (const sessionMinutes of [37, 52, 90]) {
      const request = strength({
        experience: "beginner",
        split: "auto",
        daysPerWeek: 6,
        sessionMinutes,
        equipment: ["barbell", "cable"],
      });
      const plan = generatePlan(request, FREE_EXERCISE_DB);
      const over = violations(plan, request, FREE_EXERCISE_DB, byId).filter((line) => / over \d/.test(line));
      expect(over, `${sessionMinutes} min`).toEqual([]);
    }
  });
});
