// Superset pairing (src/domain/plan/supersets.ts): a pair that needs one barbell comes before a pair
// of two barbell lifts, which still pair where nothing else would.
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import type { SlotDraft } from "../../src/domain/plan/slot-draft.ts";
import { supersetPairs } from "../../src/domain/plan/supersets.ts";
import type { TargetGroup } from "../../src/domain/plan/targets.ts";
import type { Tier } from "../../src/domain/vocabulary.ts";

let seq = 0;
function slot(name: string, group: TargetGroup, tier: Tier): SlotDraft {
  const entry = BUILTIN_CATALOGUE.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no ${name} in the built-in catalogue`);
  seq += 1;
  return { entry, group, tier, sets: 3, position: seq, seq };
}

const names = (pairs: [SlotDraft, SlotDraft][]) => pairs.map(([a, b]) => [a.entry.name, b.entry.name]);

describe("supersetPairs", () => {
  it("pairs a short session's barbell squat with the pull-down, not the barbell bench press", () => {
    const ordered = [
      slot("Barbell Back Squat", "quadriceps", "T1"),
      slot("Barbell Bench Press", "chest", "T2"),
      slot("Lat Pulldown", "back", "T2"),
    ];
    expect(names(supersetPairs(ordered, true))).toEqual([["Barbell Back Squat", "Lat Pulldown"]]);
  });

  it("still pairs two barbell lifts where no other partner fits", () => {
    const ordered = [
      slot("Barbell Back Squat", "quadriceps", "T1"),
      slot("Barbell Bench Press", "chest", "T2"),
    ];
    expect(names(supersetPairs(ordered, true))).toEqual([["Barbell Back Squat", "Barbell Bench Press"]]);
  });

  it("pairs the bench press with the cable row, not the barbell row", () => {
    const ordered = [
      slot("Barbell Bench Press", "chest", "T2"),
      slot("Barbell Bent-Over Row", "back", "T2"),
      slot("Seated Cable Row", "back", "T2"),
    ];
    expect(names(supersetPairs(ordered))[0]).toEqual(["Barbell Bench Press", "Seated Cable Row"]);
  });
});
