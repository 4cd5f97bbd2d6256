// `plan request` argument parsing, without a database: the equipment list, including the empty list.
import { describe, expect, it } from "vitest";
import { parsePlanRequest } from "../../src/cli/plan-request.ts";

const USER = "7d6a6f1e-3f5b-4f43-9d64-5b0c1b0f4a11";
const parse = (...extra: string[]) => parsePlanRequest(["--user", USER, "--days", "3", ...extra]).payload;

describe("plan request --equipment", () => {
  it('"" and "none" are the empty list: bodyweight only', () => {
    expect(parse("--equipment", "").equipment).toEqual([]);
    expect(parse("--equipment", "none").equipment).toEqual([]);
  });

  it("takes the pullup_bar and bench values", () => {
    expect(parse("--equipment", "dumbbell, pullup_bar,bench").equipment).toEqual([
      "dumbbell",
      "pullup_bar",
      "bench",
    ]);
  });

  it("leaves equipment out when the flag is absent (the full gym default)", () => {
    expect(parse().equipment).toBeUndefined();
  });

  it("names the flag for an unknown value", () => {
    expect(() => parse("--equipment", "barbell,anvil")).toThrow(/--equipment: /);
  });
});
