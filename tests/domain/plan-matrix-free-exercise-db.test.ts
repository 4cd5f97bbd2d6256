// Every request of the matrix (tests/domain/plan-matrix.ts) on the real free-exercise-db catalogue
// (tests/fixtures, imported alone): no request fails, and every plan obeys the rules.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mapFreeExerciseDb } from "../../src/domain/catalogue/free-exercise-db.ts";
import { checkMatrix } from "./plan-matrix.ts";

const FILE = new URL("../fixtures/free-exercise-db.exercises.json", import.meta.url);
const CATALOGUE = mapFreeExerciseDb(JSON.parse(readFileSync(FILE, "utf8"))).entries;

describe("the request matrix on free-exercise-db", () => {
  it.each(["hypertrophy", "strength", "general_fitness", "endurance"] as const)(
    "%s: every request gets a plan that obeys every rule",
    (goal) => {
      const { plans, failures } = checkMatrix(CATALOGUE, goal);
      expect(plans).toBe(2400);
      expect(failures).toEqual([]);
    },
    // CPU-bound: 2,400 plans a goal; 30 s is too short on a 2-core machine under other load.
    120_000,
  );
});
