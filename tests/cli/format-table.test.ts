import { describe, expect, it } from "vitest";
import { formatTable } from "../../src/cli/format-table.ts";

describe("formatTable", () => {
  it("pads columns, aligns numbers right, prints empty cells as -", () => {
    expect(
      formatTable(
        ["name", "n", "note"],
        [
          ["squat", 5, "T1"],
          ["curl", 12, null],
        ],
      ),
    ).toEqual(["name    n  note", "-----  --  ----", "squat   5  T1", "curl   12  -"]);
  });

  it("keeps a column of empty cells left-aligned, and indents", () => {
    expect(formatTable(["a", "b"], [["x", null]], { indent: "  " })).toEqual(["  a  b", "  -  -", "  x  -"]);
  });

  it("says so when there are no rows", () => {
    expect(formatTable(["a"], [], { indent: "  ", empty: "(no queues)" })).toEqual(["  (no queues)"]);
    expect(formatTable(["a"], [])).toEqual(["(none)"]);
  });
});
