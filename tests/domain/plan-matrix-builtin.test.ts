// Every request of the matrix (tests/domain/plan-matrix.ts) on the built-in catalogue: no request
// fails, and every plan obeys the rules of docs/programming-rules.md (tests/domain/plan-rules.ts).
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import { checkMatrix } from "./plan-matrix.ts";

describe("the request matrix on the built-in catalogue", () => {
  it.each(["hypertrophy", "strength", "general_fitness", "endurance"] as const)(
    "%s: every request gets a plan that obeys every rule",
    (goal) => {
      const { plans, failures } = checkMatrix(BUILTIN_CATALOGUE, goal);
      expect(plans).toBe(2400);
      expect(failures).toEqual([]);
    },
    // CPU-bound: 2,400 plans a goal; 30 s is too short on a 2-core machine under other load.
    120_000,
  );
});
