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

  describe("fillers (a short session's lifts left alone, once the week is settled)", () => {
    const legDay = (isolation: string, group: TargetGroup) => [
      slot("Barbell Back Squat", "quadriceps", "T1"),
      slot("Barbell Romanian Deadlift", "hamstrings", "T2"),
      slot(isolation, group, "T3"),
    ];
    const pairsOf = (ordered: SlotDraft[], pairMain = true) =>
      names(supersetPairs(ordered, pairMain, false, false, true));

    it("pairs the squat with calf raises in its rests, never crunches beside a lift that loads the spine", () => {
      expect(pairsOf(legDay("Machine Standing Calf Raise", "calves"))).toEqual([
        ["Barbell Back Squat", "Machine Standing Calf Raise"],
      ]);
      expect(pairsOf(legDay("Crunch", "abdominals"))).toEqual([]);
    });

    it("pairs a row with a lateral raise and a press with a curl, not a row with a curl", () => {
      const row = () => slot("Seated Cable Row", "back", "T2");
      expect(pairsOf([row(), slot("Dumbbell Lateral Raise", "shoulders", "T3")])).toHaveLength(1);
      expect(pairsOf([row(), slot("Dumbbell Curl", "biceps", "T3")])).toEqual([]);
      expect(
        pairsOf([slot("Dumbbell Bench Press", "chest", "T2"), slot("Dumbbell Curl", "biceps", "T3")]),
      ).toHaveLength(1);
    });

    it("leaves the lifts alone until the week asks for fillers, and the main lift outside the shortest sessions", () => {
      expect(names(supersetPairs(legDay("Machine Standing Calf Raise", "calves"), true))).toEqual([]);
      expect(pairsOf(legDay("Machine Standing Calf Raise", "calves"), false)).toEqual([
        ["Barbell Romanian Deadlift", "Machine Standing Calf Raise"],
      ]);
    });
  });
});
