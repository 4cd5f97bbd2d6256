// The weekly ranges `progress show` and the progress page read a week against
// (src/charts/progress-data.ts): where a trained lifter's hypertrophy plan counts side- and
// rear-delt raises apart from the shoulders' range (targets.ts, deltIsolation), the progress tables,
// which do not tell the delt heads apart, read the shoulders' top as the range's top plus the
// raises' own, and the back's plus the raises' half-sets for it. Pure: no database.
import { describe, expect, it } from "vitest";
import { muscleGroupSets } from "../../src/charts/progress-data.ts";
import type { ProgressSummary } from "../../src/db/queries/progress-summary.ts";

function week(goal: string, experience: string, muscles: Record<string, number>): ProgressSummary {
  return {
    goal,
    experience,
    weeks: ["2026-01-05"],
    lifts: [],
    muscles: Object.entries(muscles).map(([muscle, hardSets]) => ({ muscle, hardSets })),
    records: [],
  };
}

const verdict = (s: ProgressSummary, group: string) => muscleGroupSets(s).find((g) => g.group === group);

describe("progress ranges with the delt raises counted apart", () => {
  it("reads a trained hypertrophy week's shoulders and back inside their tops with the raises", () => {
    const s = week("hypertrophy", "intermediate", { shoulders: 30, lats: 12, middle_back: 12 });
    expect(verdict(s, "shoulders")).toMatchObject({ range: { min: 10, max: 36 }, verdict: "in range" });
    expect(verdict(s, "back")).toMatchObject({ range: { min: 10, max: 28 }, verdict: "in range" });
  });

  it("keeps the plain tops where the raises are not counted apart", () => {
    const s = week("strength", "intermediate", { shoulders: 30, lats: 12, middle_back: 12 });
    expect(verdict(s, "shoulders")).toMatchObject({ range: { min: 6, max: 16 }, verdict: "above" });
    expect(verdict(s, "back")).toMatchObject({ range: { min: 6, max: 16 }, verdict: "above" });
  });
});
