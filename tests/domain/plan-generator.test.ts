// Example plans of the generator, checked by hand against docs/programming-rules.md, and its errors.
// The fixture catalogue keeps these stable while the built-in catalogue grows.

import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import {
  GROUP_MUSCLES,
  generatePlan,
  MAJOR_GROUPS,
  PlanGenerationError,
  type PlanRequest,
  resolveSplit,
  type TargetGroup,
  WEEKLY_SET_TARGETS,
} from "../../src/domain/plan/index.ts";
import type { PlanJson } from "../../src/domain/plan-json.ts";
import { EQUIPMENT, EXPERIENCE_LEVELS, GOALS } from "../../src/domain/vocabulary.ts";
import { FIXTURE_CATALOGUE } from "../fixtures/catalogue.ts";

const FULL_GYM = EQUIPMENT.filter((e) => e !== "foam_roll");

function request(overrides: Partial<PlanRequest>): PlanRequest {
  return {
    goal: "hypertrophy",
    experience: "intermediate",
    split: "auto",
    daysPerWeek: 3,
    equipment: FULL_GYM,
    weekStart: "2025-06-02",
    sessionMinutes: 60,
    ...overrides,
  };
}

/** One line per slot: "T1 Barbell_Squat 4x6-8 @2". */
function rows(plan: PlanJson): string[][] {
  return plan.sessions.map((s) =>
    s.slots.map((x) => `${x.tier} ${x.exercise_id} ${x.sets}x${x.reps} @${x.rir}`),
  );
}

function weeklySets(plan: PlanJson): Map<TargetGroup, number> {
  const result = new Map<TargetGroup, number>();
  for (const slot of plan.sessions.flatMap((s) => s.slots)) {
    const group = (Object.keys(GROUP_MUSCLES) as TargetGroup[]).find((g) =>
      (GROUP_MUSCLES[g] as readonly string[]).includes(slot.muscle_group),
    );
    if (group !== undefined) result.set(group, (result.get(group) ?? 0) + slot.sets);
  }
  return result;
}

describe("resolveSplit", () => {
  it("chooses by days when auto and keeps an explicit split", () => {
    expect([2, 3, 4, 5, 6].map((d) => resolveSplit("auto", d))).toEqual([
      "full_body",
      "full_body",
      "upper_lower",
      "push_pull_legs",
      "push_pull_legs",
    ]);
    expect(resolveSplit("upper_lower", 2)).toBe("upper_lower");
  });
});

describe("generatePlan examples", () => {
  it("3-day hypertrophy, intermediate, full gym: the hand-checked plan", () => {
    const plan = generatePlan(request({}), FIXTURE_CATALOGUE);
    expect(plan).toMatchObject({
      split_type: "full_body",
      week_start: "2025-06-02",
      goal_type: "hypertrophy",
      experience_level: "intermediate",
    });
    expect(plan.notes).toBeUndefined();
    expect(plan.sessions.map((s) => [s.day_name, s.date, s.day_of_week, s.duration_minutes])).toEqual([
      ["Full-A", "2025-06-02", 1, 59],
      ["Full-B", "2025-06-04", 3, 60],
      ["Full-C", "2025-06-06", 5, 59],
    ]);
    // Minimum shares (10 sets per major over 3 days): 4/3/3 with the 4 rotating so each day holds
    // 20 sets. Lead lifts: squat, bench press, Romanian deadlift. Variants alternate: row vs
    // pull-down, press vs lateral work, lunge on the B day. Full-A: 480 s warm-up + 4 T1 sets x 162 s
    // + 16 T2 sets x 148 s = 3496 s = 59 min. Full-B had 284 s left: one 2-set curl (2 x 130 s).
    expect(rows(plan)).toEqual([
      [
        "T1 Barbell_Squat 4x6-8 @2",
        "T2 Dumbbell_Bench_Press 3x8-12 @2",
        "T2 Bent_Over_Barbell_Row 4x8-12 @2",
        "T2 Dumbbell_Romanian_Deadlift 3x8-12 @2",
        "T2 Standing_Military_Press 3x8-12 @2",
        "T2 Barbell_Hip_Thrust 3x8-12 @2",
      ],
      [
        "T1 Barbell_Bench_Press 4x6-8 @2",
        "T2 Dumbbell_Lunges 3x8-12 @2",
        "T2 Wide-Grip_Lat_Pulldown 3x8-12 @2",
        "T3 Lying_Leg_Curls 3x12-15 @1",
        "T3 Face_Pull 3x12-15 @1",
        "T3 Cable_Glute_Kickback 4x12-15 @1",
        "T3 Dumbbell_Bicep_Curl 2x12-15 @1",
      ],
      [
        "T1 Romanian_Deadlift 4x6-8 @2",
        "T2 Front_Barbell_Squat 3x8-12 @2",
        "T2 Incline_Dumbbell_Press 3x8-12 @2",
        "T2 Seated_Cable_Rows 3x8-12 @2",
        "T2 Dumbbell_Shoulder_Press 4x8-12 @2",
        "T2 Dumbbell_Step_Up 3x8-12 @2",
      ],
    ]);
    expect(plan.sessions[0]?.focus_area).toBe("quadriceps,chest,middle_back,hamstrings,shoulders,glutes");
    expect(plan.sessions[0]?.slots[0]).toEqual({
      exercise_id: "Barbell_Squat",
      name: "Barbell Squat",
      muscle_group: "quadriceps",
      secondary_muscles: ["glutes", "hamstrings"],
      equipment: "barbell",
      tier: "T1",
      sets: 4,
      reps: "6-8",
      rir: 2,
      weight: null,
      order_in_session: 1,
    });
    const weekly = weeklySets(plan);
    for (const group of MAJOR_GROUPS) expect(weekly.get(group)).toBe(10);
  });

  it("4-day upper/lower: Mon/Tue/Thu/Fri, halves apart, different exercises on the A and B days", () => {
    const plan = generatePlan(request({ split: "upper_lower", daysPerWeek: 4 }), FIXTURE_CATALOGUE);
    expect(plan.sessions.map((s) => `${s.day_name}@${s.day_of_week}`)).toEqual([
      "Upper-A@1",
      "Lower-A@2",
      "Upper-B@4",
      "Lower-B@5",
    ]);
    const upper = new Set(["chest", "lats", "middle_back", "shoulders", "biceps", "triceps"]);
    for (const session of plan.sessions) {
      const isUpper = session.day_name.startsWith("Upper");
      for (const slot of session.slots) expect(upper.has(slot.muscle_group)).toBe(isUpper);
    }
    // Compounds differ between the A and B days; the fixture has one leg extension, so that repeats.
    const compounds = (name: string) =>
      plan.sessions
        .find((s) => s.day_name === name)
        ?.slots.filter((x) => x.tier !== "T3")
        .map((x) => x.exercise_id);
    expect(compounds("Upper-A")?.filter((id) => compounds("Upper-B")?.includes(id))).toEqual([]);
    expect(compounds("Lower-A")?.filter((id) => compounds("Lower-B")?.includes(id))).toEqual([]);
    expect(plan.sessions.map((s) => s.slots[0]?.exercise_id)).toEqual([
      "Barbell_Bench_Press",
      "Barbell_Squat",
      "Standing_Military_Press",
      "Romanian_Deadlift",
    ]);
    const weekly = weeklySets(plan);
    for (const group of MAJOR_GROUPS) expect(weekly.get(group)).toBe(12); // hypertrophy aim: time allows
  });

  it("a beginner with bodyweight only gets bodyweight, beginner-friendly work in range", () => {
    const plan = generatePlan(
      request({ experience: "beginner", equipment: [], sessionMinutes: 45 }),
      FIXTURE_CATALOGUE,
    );
    const slots = plan.sessions.flatMap((s) => s.slots);
    expect(new Set(slots.map((x) => x.equipment))).toEqual(new Set(["bodyweight"]));
    const byId = new Map(FIXTURE_CATALOGUE.map((e) => [e.exerciseId, e]));
    for (const slot of slots) {
      expect(byId.get(slot.exercise_id ?? "")?.level).not.toBe("expert");
      expect(slot.rir).toBeGreaterThanOrEqual(2);
    }
    // Never the expert handstand push-up or muscle-up, never the stretch, the wall sit or the jumps.
    for (const id of ["Handstand_Push-Ups", "Muscle_Up", "Quad_Stretch", "Wall_Sit", "Jump_Squat"]) {
      expect(slots.map((x) => x.exercise_id)).not.toContain(id);
    }
    const weekly = weeklySets(plan);
    const { min, max } = WEEKLY_SET_TARGETS.hypertrophy.beginner.chest;
    for (const group of MAJOR_GROUPS) {
      expect(weekly.get(group)).toBeGreaterThanOrEqual(min);
      expect(weekly.get(group)).toBeLessThanOrEqual(max);
    }
  });

  it("strength beginner: a fixed 5-rep main lift of at least 3 sets, far from failure", () => {
    const plan = generatePlan(request({ goal: "strength", experience: "beginner" }), FIXTURE_CATALOGUE);
    for (const session of plan.sessions) {
      expect(session.slots[0]).toMatchObject({ tier: "T1", reps: "5", rir: 3 });
      expect(session.slots[0]?.sets).toBeGreaterThanOrEqual(3);
    }
  });

  it("works when every row is imported-style (no movement pattern, some without mechanic)", () => {
    const bare = FIXTURE_CATALOGUE.map((e) => ({ ...e, movementPattern: null }));
    const plan = generatePlan(request({ daysPerWeek: 4 }), bare);
    expect(plan.notes).toBeUndefined();
    for (const session of plan.sessions) {
      expect(session.slots[0]?.tier).toBe("T1");
      const categories = session.slots.map((x) => bare.find((e) => e.exerciseId === x.exercise_id)?.category);
      expect(categories).not.toContain("cardio");
      expect(categories).not.toContain("stretching");
    }
  });

  it("2 days x 20 minutes cannot hold the minimum: capped to fit, and the notes say so", () => {
    const plan = generatePlan(request({ daysPerWeek: 2, sessionMinutes: 20 }), FIXTURE_CATALOGUE);
    for (const session of plan.sessions) expect(session.duration_minutes).toBeLessThanOrEqual(20);
    expect(plan.notes).toMatch(/^Weekly sets below the minimum .*chest \d+ of 10/);
  });

  it("the default request (3 x 60 min, full gym) meets every range for every goal and level", () => {
    for (const goal of GOALS) {
      for (const experience of EXPERIENCE_LEVELS) {
        const plan = generatePlan(request({ goal, experience }), BUILTIN_CATALOGUE);
        const weekly = weeklySets(plan);
        for (const group of MAJOR_GROUPS) {
          const { min, max } = WEEKLY_SET_TARGETS[goal][experience][group];
          expect(weekly.get(group), `${goal}/${experience}/${group}`).toBeGreaterThanOrEqual(min);
          expect(weekly.get(group), `${goal}/${experience}/${group}`).toBeLessThanOrEqual(max);
        }
      }
    }
  });

  it("is deterministic and ignores catalogue order", () => {
    const plan = generatePlan(request({ daysPerWeek: 5 }), BUILTIN_CATALOGUE);
    expect(generatePlan(request({ daysPerWeek: 5 }), [...BUILTIN_CATALOGUE].reverse())).toEqual(plan);
  });
});

describe("generatePlan errors", () => {
  const withoutBodyweightChest: CatalogueEntry[] = FIXTURE_CATALOGUE.filter(
    (e) => !(e.primaryMuscle === "chest" && e.equipment === "bodyweight"),
  );

  it("names the equipment when no allowed equipment reaches a major muscle", () => {
    expect(() => generatePlan(request({ equipment: ["kettlebell"] }), withoutBodyweightChest)).toThrowError(
      new PlanGenerationError(
        "equipment",
        "no exercise for chest is possible with [kettlebell] (bodyweight is always allowed)",
      ),
    );
  });

  it("names the experience when only expert exercises fit the equipment", () => {
    const expertOnlyShoulders = FIXTURE_CATALOGUE.filter(
      (e) => e.primaryMuscle !== "shoulders" || e.exerciseId === "Handstand_Push-Ups",
    );
    const error = catchError(() =>
      generatePlan(request({ experience: "beginner", equipment: [] }), expertOnlyShoulders),
    );
    expect(error).toBeInstanceOf(PlanGenerationError);
    expect(error?.message).toBe(
      "experience: no exercise for shoulders is possible for a beginner lifter with [] (bodyweight is always allowed)",
    );
    expect(() =>
      generatePlan(request({ experience: "advanced", equipment: [] }), expertOnlyShoulders),
    ).not.toThrow();
  });

  it("says when the catalogue has no working set for a muscle at all", () => {
    const noHamstrings = FIXTURE_CATALOGUE.filter((e) => e.primaryMuscle !== "hamstrings");
    expect(() => generatePlan(request({}), noHamstrings)).toThrow(
      /^catalogue: has no working-set exercise for hamstrings$/,
    );
  });

  it("rejects out-of-range requests by field", () => {
    expect(() => generatePlan(request({ weekStart: "2025-06-03" }), FIXTURE_CATALOGUE)).toThrow(
      /^weekStart: /,
    );
    expect(() => generatePlan(request({ weekStart: "2025-02-31" }), FIXTURE_CATALOGUE)).toThrow(
      /^weekStart: /,
    );
    expect(() => generatePlan(request({ daysPerWeek: 7 }), FIXTURE_CATALOGUE)).toThrow(/^daysPerWeek: /);
    // Years below 100 are real years (Date.UTC once read 0001 as 1901): 0001-01-01 is a Monday.
    expect(generatePlan(request({ weekStart: "0001-01-01" }), FIXTURE_CATALOGUE).week_start).toBe(
      "0001-01-01",
    );
    expect(() => generatePlan(request({ weekStart: "0001-01-02" }), FIXTURE_CATALOGUE)).toThrow(
      /^weekStart: /,
    );
    expect(() => generatePlan(request({ sessionMinutes: 19 }), FIXTURE_CATALOGUE)).toThrow(
      /^sessionMinutes: /,
    );
  });
});

function catchError(run: () => unknown): Error | undefined {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}
