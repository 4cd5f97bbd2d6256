// The product's exclusion list (excluded-exercises.ts) on named built-in entries: the rules the
// matrix only sees as "no excluded exercise in any plan", each with a case it strikes and one it
// keeps.

import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import { exclusionOf, isAlwaysExcluded } from "../../src/domain/plan/excluded-exercises.ts";
import type { Equipment } from "../../src/domain/vocabulary.ts";

const named = (name: string): CatalogueEntry => {
  const entry = BUILTIN_CATALOGUE.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no built-in entry named ${name}`);
  return entry;
};

function ruleFor(name: string, equipment: readonly Equipment[]): string | undefined {
  const has = new Set<Equipment>([...equipment, "bodyweight"]);
  const eligible = BUILTIN_CATALOGUE.filter((e) => has.has(e.equipment));
  return exclusionOf(named(name), {
    goal: "hypertrophy",
    experience: "intermediate",
    equipment: has,
    eligible,
  })?.rule;
}

describe("kettlebell copies of dumbbell lifts", () => {
  const rule = "kettlebell copies of dumbbell lifts when the lifter has dumbbells";

  it("strikes a kettlebell front squat, floor press and row for a lifter with dumbbells", () => {
    for (const name of ["Double Kettlebell Front Squat", "Kettlebell Floor Press", "One-Arm Kettlebell Row"])
      expect(ruleFor(name, ["dumbbell", "kettlebell", "bench"]), name).toBe(rule);
  });

  it("keeps them for a lifter with kettlebells only", () => {
    expect(ruleFor("Double Kettlebell Front Squat", ["kettlebell"])).toBeUndefined();
  });

  it("keeps the kettlebell's own lifts beside dumbbells", () => {
    for (const name of ["Kettlebell Swing", "Kettlebell Turkish Get-Up"])
      expect(ruleFor(name, ["dumbbell", "kettlebell"]), name).toBeUndefined();
  });
});

describe("strongman events", () => {
  it("strike every entry of the category, whatever the lifter has", () => {
    const conan = { ...named("Barbell Back Squat"), name: "Conan's Wheel", category: "strongman" as const };
    const has = new Set<Equipment>(["other", "barbell", "bodyweight"]);
    expect(
      exclusionOf(conan, { goal: "strength", experience: "intermediate", equipment: has, eligible: [] })
        ?.rule,
    ).toBe("strongman events");
    expect(
      exclusionOf(named("Barbell Back Squat"), {
        goal: "strength",
        experience: "intermediate",
        equipment: has,
        eligible: [],
      }),
    ).toBeUndefined();
  });
});

describe("resisted by a partner", () => {
  it("strikes a towel triceps extension and a partner-held back extension, keeps a towel curl against a door", () => {
    const has = new Set<Equipment>(["bodyweight"]);
    const towel = { ...named("Towel Curl"), name: "Standing Towel Triceps Extension" };
    expect(
      exclusionOf(towel, {
        goal: "general_fitness",
        experience: "intermediate",
        equipment: has,
        eligible: [],
      })?.rule,
    ).toBe("resisted by a partner");
    const partnerHeld = { ...named("Towel Curl"), name: "Hyperextensions With No Hyperextension Bench" };
    expect(
      exclusionOf(partnerHeld, {
        goal: "hypertrophy",
        experience: "intermediate",
        equipment: has,
        eligible: [],
      })?.rule,
    ).toBe("resisted by a partner");
    // The bar a partner places across the thighs (two coaches' reads); the standing raise stays.
    expect(isAlwaysExcluded(named("Barbell Seated Calf Raise"))).toBe(true);
    expect(isAlwaysExcluded(named("Barbell Standing Calf Raise"))).toBe(false);
    expect(
      exclusionOf(named("Doorknob Towel Curl"), {
        goal: "general_fitness",
        experience: "intermediate",
        equipment: has,
        eligible: [],
      }),
    ).toBeUndefined();
  });
});

describe("bodyweight squats and lunges in barbell strength plans", () => {
  const rule = "bodyweight squats and lunges in barbell strength plans from intermediate up";
  const context = (
    experience: "beginner" | "intermediate",
    goal: "strength" | "hypertrophy" = "strength",
  ) => ({
    goal,
    experience,
    equipment: new Set<Equipment>(["barbell", "bench", "bodyweight"]),
    eligible: [],
  });

  it("strike a bodyweight squat and a bodyweight Bulgarian split squat for an intermediate strength lifter with a barbell", () => {
    expect(exclusionOf(named("Bodyweight Squat"), context("intermediate"))?.rule).toBe(rule);
    expect(exclusionOf(named("Bodyweight Bulgarian Split Squat"), context("intermediate"))?.rule).toBe(rule);
  });

  it("keep them for a beginner and for hypertrophy", () => {
    expect(exclusionOf(named("Bodyweight Squat"), context("beginner"))).toBeUndefined();
    expect(exclusionOf(named("Bodyweight Squat"), context("intermediate", "hypertrophy"))).toBeUndefined();
    expect(
      exclusionOf(named("Bodyweight Bulgarian Split Squat"), context("intermediate", "hypertrophy")),
    ).toBeUndefined();
  });
});

describe("a dumbbell held by a beginner's legs", () => {
  const context = (experience: "beginner" | "intermediate") => ({
    goal: "hypertrophy" as const,
    experience,
    equipment: new Set<Equipment>(["dumbbell", "bodyweight"]),
    eligible: [],
  });

  it("strikes a dumbbell leg curl, leg extension and donkey kick for a beginner, not for an intermediate lifter", () => {
    for (const name of ["Dumbbell Leg Curl", "Seated Dumbbell Leg Extension", "Dumbbell Donkey Kick"]) {
      expect(exclusionOf(named(name), context("beginner"))?.rule, name).toBe(
        "a dumbbell held by a beginner's legs",
      );
      expect(exclusionOf(named(name), context("intermediate")), name).toBeUndefined();
    }
  });
});

describe("the bar lowered to the neck", () => {
  it("strikes a guillotine press for every lifter, in plans and swaps", () => {
    const guillotine = { ...named("Barbell Bench Press"), name: "Barbell Guillotine Bench Press" };
    const has = new Set<Equipment>(["barbell", "bench", "bodyweight"]);
    const context = {
      goal: "strength" as const,
      experience: "advanced" as const,
      equipment: has,
      eligible: [],
    };
    expect(exclusionOf(guillotine, context)?.rule).toBe("lowering the bar to the neck");
    expect(isAlwaysExcluded(guillotine)).toBe(true);
    expect(isAlwaysExcluded(named("Barbell Bench Press"))).toBe(false);
  });
});

describe("a barbell rear-delt row", () => {
  const row = {
    ...named("Barbell Bent-Over Row"),
    name: "Barbell Rear Delt Row",
    primaryMuscle: "shoulders" as const,
  };
  const context = (equipment: readonly Equipment[], eligible: readonly CatalogueEntry[]) => ({
    goal: "hypertrophy" as const,
    experience: "intermediate" as const,
    equipment: new Set<Equipment>([...equipment, "bodyweight"]),
    eligible,
  });
  it("is struck where a face pull is possible, kept where no other rear-delt work is", () => {
    expect(exclusionOf(row, context(["barbell", "cable"], [row, named("Face Pull")]))?.rule).toBe(
      "a barbell rear-delt row when a face pull, reverse fly or rear raise is possible",
    );
    expect(exclusionOf(row, context(["barbell"], [row, named("Barbell Bent-Over Row")]))).toBeUndefined();
  });
});

describe("bodyweight glute work", () => {
  it("is struck for a lifter with dumbbells, kept for one with nothing to load", () => {
    expect(ruleFor("Glute Bridge", ["dumbbell"])).toBe(
      "bodyweight glute work for a lifter who can load a hinge or a lunge",
    );
    expect(ruleFor("Glute Bridge", [])).toBeUndefined();
  });
});

describe("rotator-cuff rotations", () => {
  const rotation = {
    ...named("Cable Lateral Raise"),
    name: "External Rotation with Cable",
    movementPattern: "shoulder_isolation" as const,
  };
  const context = (eligible: readonly CatalogueEntry[]) => ({
    goal: "hypertrophy" as const,
    experience: "intermediate" as const,
    equipment: new Set<Equipment>(["cable", "bodyweight"]),
    eligible,
  });
  const rule = "rotator-cuff rotations when a delt raise or an overhead press is possible";
  it("are struck where a lateral raise or a press is possible, kept where nothing else trains the delts", () => {
    expect(exclusionOf(rotation, context([rotation, named("Cable Lateral Raise")]))?.rule).toBe(rule);
    expect(exclusionOf(rotation, context([rotation, named("Face Pull")]))?.rule).toBe(rule);
    expect(exclusionOf(rotation, context([rotation]))).toBeUndefined();
  });
  it("keep a rear-delt fly that turns the arms out at the top", () => {
    const fly = { ...rotation, name: "Reverse Flyes With External Rotation" };
    expect(exclusionOf(fly, context([fly, named("Cable Lateral Raise")]))).toBeUndefined();
  });
});
