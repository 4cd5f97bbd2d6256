// Issue 22: what a strength coach checks in a first week, beyond the rulebook's ranges. Each test
// names the item of the issue it holds the generator to.
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import { contribution } from "../../src/domain/plan/week-draft.ts";

const byId = new Map(BUILTIN_CATALOGUE.map((e) => [e.exerciseId, e]));

describe("item 1: a set counts once per muscle group", () => {
  it("a row or pull-down naming lats and middle back is one back set, not 1.5", () => {
    const pulls = BUILTIN_CATALOGUE.filter(
      (e) =>
        (e.primaryMuscle === "lats" && e.secondaryMuscles.includes("middle_back")) ||
        (e.primaryMuscle === "middle_back" && e.secondaryMuscles.includes("lats")),
    );
    expect(pulls.length).toBeGreaterThan(0);
    for (const entry of pulls) expect(contribution(entry).get("back"), entry.name).toBe(1);
    const bench = byId.get("te_barbell_bench_press");
    expect(bench && Object.fromEntries(contribution(bench))).toEqual({
      chest: 1,
      triceps: 0.5,
      shoulders: 0.5,
    });
  });
});
