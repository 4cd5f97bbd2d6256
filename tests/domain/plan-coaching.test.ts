// Issue 22: what a strength coach checks in a first week, beyond the rulebook's ranges. Each test
// names the item of the issue it holds the generator to. The matrix-wide rules are in
// plan-rules.ts (violations); these hold on the ten sample lifters on both catalogues.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import { mapFreeExerciseDb } from "../../src/domain/catalogue/free-exercise-db.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import { BACK_OFF_NOTE } from "../../src/domain/plan/back-off-sets.ts";
import { isPush } from "../../src/domain/plan/balance.ts";
import { pressAngleOf } from "../../src/domain/plan/choose-exercise.ts";
import { deltHeadOf } from "../../src/domain/plan/delt-head.ts";
import { generatePlan, MAJOR_GROUPS } from "../../src/domain/plan/index.ts";
import { isPowerLift } from "../../src/domain/plan/lift-reps.ts";
import { patternOf } from "../../src/domain/plan/movement.ts";
import { loadsSpine } from "../../src/domain/plan/spine-load.ts";
import { contribution } from "../../src/domain/plan/week-draft.ts";
import { EQUIPMENT } from "../../src/domain/vocabulary.ts";
import { matrix } from "./plan-matrix.ts";
import { fractionalSets, movementViolations, timeViolations, violations } from "./plan-rules.ts";
import { SAMPLE_LIFTERS } from "./sample-lifters.ts";

const byId = new Map(BUILTIN_CATALOGUE.map((e) => [e.exerciseId, e]));
const FREE_EXERCISE_DB = mapFreeExerciseDb(
  JSON.parse(readFileSync(new URL("../fixtures/free-exercise-db.exercises.json", import.meta.url), "utf8")),
).entries;
const CATALOGUES = [
  ["built-in", BUILTIN_CATALOGUE],
  ["free-exercise-db", FREE_EXERCISE_DB],
] as const;

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

describe("item 4: side and rear delts told apart by name", () => {
  it.each([
    ["Side Lateral Raise", "side"],
    // Seated, bent forward with the torso on the thighs (its instructions): a rear-delt raise.
    ["Cable Seated Lateral Raise", "rear"],
    // Chest down on a flat bench (its instructions): a rear-delt raise.
    ["Lying One-Arm Lateral Raise", "rear"],
    ["One-Arm Incline Lateral Raise", "side"],
    ["Dumbbell Lying Rear Lateral Raise", "rear"],
    ["Bent Over Low-Pulley Side Lateral", "rear"],
    ["Reverse Flyes", "rear"],
    // A word between "reverse" and "flyes": it had counted with the presses, as unplaced work.
    ["Reverse Machine Flyes", "rear"],
    ["Face Pull", "rear"],
    ["Alternating Deltoid Raise", "front"],
    ["Side Laterals to Front Raise", "front"],
    ["Dumbbell Front Raise", "front"],
    // Prone raises and snow angels: rear delts and the upper back (a coach read a snow angel on a
    // push day the day before the pulls, where no rear-delt work may go).
    ["Prone Reverse Snow Angel", "rear"],
    ["Prone T Raise", "rear"],
  ] as const)("%s trains the %s delts", (name, head) => {
    const entry =
      FREE_EXERCISE_DB.find((e) => e.name === name) ?? BUILTIN_CATALOGUE.find((e) => e.name === name);
    expect(entry, name).toBeDefined();
    if (entry !== undefined) expect(deltHeadOf(entry)).toBe(head);
  });
});

describe("item 7: free-exercise-db corrections", () => {
  it("imports the inverted row as bodyweight, so a bodyweight week pulls", () => {
    expect(FREE_EXERCISE_DB.find((e) => e.exerciseId === "Inverted_Row")).toMatchObject({
      equipment: "bodyweight",
      requires: [],
    });
    const plan = generatePlan(SAMPLE_LIFTERS[0] as (typeof SAMPLE_LIFTERS)[number], FREE_EXERCISE_DB);
    expect(plan.sessions.flatMap((s) => s.slots).some((s) => s.name === "Inverted Row")).toBe(true);
  });
});

describe.each(CATALOGUES)("the ten sample lifters on the %s catalogue", (_name, catalogue) => {
  const ids = new Map<string, (typeof catalogue)[number]>(catalogue.map((e) => [e.exerciseId, e]));
  it.each(SAMPLE_LIFTERS.map((request, index) => [index + 1, request] as const))(
    "lifter %i: every rule of the matrix",
    (_index, request) => {
      expect(violations(generatePlan(request, catalogue), request, catalogue, ids)).toEqual([]);
    },
  );
  // Lifters 7 and 10 train in 30-minute sessions: their weeks pair their work (item 3, tested
  // below) but cannot hold these movement minimums beside every group's main lifts.
  const roomy = SAMPLE_LIFTERS.map((request, index) => [index + 1, request] as const).filter(
    ([, request]) => request.sessionMinutes >= 45,
  );
  it.each(roomy)(
    "lifter %i: lateral raises, knee flexion and an overhead press where they belong",
    (_i, request) => {
      expect(movementViolations(generatePlan(request, catalogue), request, catalogue, ids)).toEqual([]);
    },
  );
});

describe.each(CATALOGUES)("items 2, 3 and 6 on the %s catalogue", (name, catalogue) => {
  const ids = new Map<string, (typeof catalogue)[number]>(catalogue.map((e) => [e.exerciseId, e]));
  const lifter = (n: number) => SAMPLE_LIFTERS[n - 1] as (typeof SAMPLE_LIFTERS)[number];
  // Open in issue 22: on free-exercise-db the intermediate barbell strength lifter (4) gets 4-set
  // main lifts and 6 bench sets: the back's range is full (pull-ups, rows and the deadlift's
  // half-sets) while the strength pull share needs more pulling for more pressing.
  const strong = [4, 6].filter((n) => name === "built-in" || n !== 4);

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])("lifter %i uses the time asked unless nothing fits", (n) => {
    const request = lifter(n);
    expect(timeViolations(generatePlan(request, catalogue), request, catalogue, ids)).toEqual([]);
  });

  it.each(strong)(
    "strength lifter %i: main lifts 3-5 sets, one at 5, the bench pattern 8+ sets a week",
    (n) => {
      const plan = generatePlan(lifter(n), catalogue);
      const mains = plan.sessions.flatMap((s) => s.slots.filter((slot) => slot.tier === "T1"));
      for (const main of mains) expect(main.sets).toBeGreaterThanOrEqual(3);
      expect(Math.max(...mains.map((main) => main.sets))).toBe(5);
      const press = plan.sessions
        .flatMap((s) => s.slots)
        .filter((slot) => {
          const entry = ids.get(slot.exercise_id ?? "");
          return (
            entry !== undefined && patternOf(entry) === "horizontal_push" && entry.equipment === "barbell"
          );
        })
        .reduce((sum, slot) => sum + slot.sets, 0);
      expect(press).toBeGreaterThanOrEqual(8);
    },
  );

  it.each([4, 6])(
    "strength lifter %i at 90 minutes: the squat day takes back-off squats after the top sets, for the minutes no other exercise takes",
    (n) => {
      const plan = generatePlan(lifter(n), catalogue);
      const squatDay = plan.sessions.find((s) => {
        const entry = ids.get(s.slots[0]?.exercise_id ?? "");
        return entry !== undefined && patternOf(entry) === "squat" && s.slots[0]?.tier === "T1";
      });
      const [top, backOff] = squatDay?.slots ?? [];
      expect(backOff).toMatchObject({ exercise_id: top?.exercise_id, tier: "T2", notes: BACK_OFF_NOTE });
      expect(backOff?.sets).toBeGreaterThanOrEqual(2);
      expect(backOff?.reps).toBe("6-8");
    },
  );

  it("the barbell strength lifter (4): no bodyweight hamstring filler (walkouts, slides) beside the deadlifts", () => {
    const plan = generatePlan(lifter(4), catalogue);
    const filler = plan.sessions
      .flatMap((s) => s.slots)
      .filter((slot) => slot.equipment === "bodyweight" && slot.muscle_group === "hamstrings")
      .filter((slot) => !/nordic|glute[- ]?ham/i.test(slot.name));
    expect(filler.map((slot) => slot.name)).toEqual([]);
  });

  it("the novice strength lifter (8): squat, bench and press at the same 5s every day, the deadlift after the squat 2 sets at most", () => {
    const plan = generatePlan(lifter(8), catalogue);
    const slots = plan.sessions.flatMap((s) => s.slots);
    const power = slots.filter((slot) => {
      const entry = ids.get(slot.exercise_id ?? "");
      return entry !== undefined && isPowerLift(entry);
    });
    expect(power.length).toBeGreaterThanOrEqual(6);
    for (const slot of power) expect(slot.reps, slot.name).toBe("5");
    for (const session of plan.sessions) {
      const deadlift = session.slots.findIndex((slot) => /^(barbell )?deadlift$/i.test(slot.name));
      const squat = session.slots.findIndex((slot) => {
        const entry = ids.get(slot.exercise_id ?? "");
        return entry !== undefined && isPowerLift(entry) && patternOf(entry) === "squat";
      });
      if (deadlift > squat && squat >= 0) expect(session.slots[deadlift]?.sets).toBeLessThanOrEqual(2);
    }
  });

  it("the novice strength lifter (8): A/B workouts, the squat first every day, one press and one pull a day, the deadlift on B", () => {
    // A coach read the old week's second day led by the bench and its pressing split into a 3-set
    // bench and a 2-set press (templates.ts, NOVICE_MAJORS).
    const plan = generatePlan(lifter(8), catalogue);
    const entryOf = (slot: { exercise_id?: string | null }) => ids.get(slot.exercise_id ?? "");
    const kinds = plan.sessions.map((session) => {
      const lead = entryOf(session.slots[0] ?? {});
      expect(lead?.equipment, session.day_name).toBe("barbell");
      expect(lead === undefined ? undefined : patternOf(lead), session.day_name).toBe("squat");
      const presses = session.slots.filter((slot) => {
        const entry = entryOf(slot);
        return (
          entry !== undefined &&
          slot.tier !== "T3" &&
          ["horizontal_push", "vertical_push"].includes(patternOf(entry))
        );
      });
      const pulls = session.slots.filter((slot) => {
        const entry = entryOf(slot);
        return entry !== undefined && ["horizontal_pull", "vertical_pull"].includes(patternOf(entry));
      });
      expect(presses.length, `${session.day_name}: ${presses.map((p) => p.name)}`).toBe(1);
      // No fly beside the bench (a coach read dumbbell flyes on a novice's A days).
      const chest = session.slots.filter((slot) => slot.muscle_group === "chest");
      expect(chest.length, `${session.day_name}: ${chest.map((c) => c.name)}`).toBeLessThanOrEqual(1);
      expect(pulls.length, session.day_name).toBe(1);
      const deadlift = session.slots.some(
        (slot) => /deadlift$/i.test(slot.name) && !/romanian/i.test(slot.name),
      );
      const press = entryOf(presses[0] ?? {});
      return `${press === undefined ? "none" : patternOf(press)}${deadlift ? "+deadlift" : ""}`;
    });
    expect(kinds).toEqual(["horizontal_push", "vertical_push+deadlift", "horizontal_push"]);
  });

  it("the advanced lifter at 4 x 30 (lifter 10): 3+ exercises a session, the main lift paired, every major group trained", () => {
    const plan = generatePlan(lifter(10), catalogue);
    for (const session of plan.sessions) {
      expect(session.slots.length, session.day_name).toBeGreaterThanOrEqual(3);
      expect(session.duration_minutes).toBeLessThanOrEqual(30);
    }
    expect(plan.sessions.some((s) => s.slots[0]?.tier === "T1" && s.slots[0]?.notes !== undefined)).toBe(
      true,
    );
    const weekly = fractionalSets(plan);
    for (const group of MAJOR_GROUPS) expect(weekly.get(group) ?? 0, group).toBeGreaterThanOrEqual(4);
  });

  it("a longer session never gives a smaller week: each lifter from 30 to 120 minutes", () => {
    for (const request of SAMPLE_LIFTERS) {
      const sets = [30, 45, 60, 75, 90, 105, 120].map((sessionMinutes) =>
        generatePlan({ ...request, sessionMinutes }, catalogue)
          .sessions.flatMap((s) => s.slots)
          .reduce((sum, slot) => sum + slot.sets, 0),
      );
      for (let i = 1; i < sets.length; i++)
        expect(sets[i], `${request.goal} ${sets}`).toBeGreaterThanOrEqual(sets[i - 1] ?? 0);
    }
  });

  it("strength pull-ups and chin-ups (bodyweight) take 6-10, like loaded pulls (item 6)", () => {
    const plan = generatePlan(lifter(4), catalogue);
    const bodyweightPulls = plan.sessions
      .flatMap((s) => s.slots)
      .filter((slot) => {
        const entry = ids.get(slot.exercise_id ?? "");
        return (
          entry?.equipment === "bodyweight" && ["vertical_pull", "horizontal_pull"].includes(patternOf(entry))
        );
      });
    expect(bodyweightPulls.length).toBeGreaterThan(0);
    for (const slot of bodyweightPulls) expect(slot.reps, slot.name).toBe("6-10");
  });

  it("with a bench in the kit, triceps work is no floor skull crusher (lifters 2, 5)", () => {
    for (const n of [2, 5]) {
      const names = generatePlan(lifter(n), catalogue).sessions.flatMap((s) =>
        s.slots.map((slot) => slot.name),
      );
      expect(
        names.filter((name) => /\bfloor\b.*\bskull/i.test(name)),
        `lifter ${n}`,
      ).toEqual([]);
    }
  });

  it("a gym's overhead press is a dumbbell or machine press, not a standing cable press (lifters 9, 10)", () => {
    for (const n of [9, 10]) {
      const presses = generatePlan(lifter(n), catalogue)
        .sessions.flatMap((s) => s.slots)
        .filter((slot) => patternOf(ids.get(slot.exercise_id ?? "") as CatalogueEntry) === "vertical_push");
      // Open: on free-exercise-db lifter 9's week has no overhead press at all (a coach's read).
      if (name === "built-in") expect(presses.length, `lifter ${n}`).toBeGreaterThan(0);
      for (const slot of presses) expect(slot.equipment, slot.name).not.toBe("cable");
    }
  });
});

describe.each(CATALOGUES)(
  "a coach's reads of the hypertrophy weeks on the %s catalogue",
  (_name, catalogue) => {
    const ids = new Map<string, (typeof catalogue)[number]>(catalogue.map((e) => [e.exerciseId, e]));
    const trained = SAMPLE_LIFTERS.map((request, index) => [index + 1, request] as const).filter(
      ([, r]) => r.goal === "hypertrophy" && r.experience !== "beginner" && r.sessionMinutes >= 45,
    );
    const entryOf = (slot: { exercise_id?: string | null }) => ids.get(slot.exercise_id ?? "");

    it.each(trained)(
      "lifter %i: the week's curls are biceps curls: a supinated one among two or more, none reverse-grip or lying under a pulley",
      (_i, request) => {
        // A coach read free-exercise-db weeks whose curls were a rope hammer curl and a reverse
        // cable curl (forearm work), or a curl lying on the floor under the high pulley.
        const plan = generatePlan(request, catalogue);
        const curls = plan.sessions.flatMap((s) =>
          s.slots.filter((slot) => {
            const entry = entryOf(slot);
            return (
              entry !== undefined && entry.primaryMuscle === "biceps" && patternOf(entry) === "elbow_flexion"
            );
          }),
        );
        const names = curls.map((slot) => slot.name);
        expect(
          names.filter((n) => /\breverse\b.*\bcurls?\b|\blying\b.*\b(high pulley|cable curls?)\b/i.test(n)),
        ).toEqual([]);
        if (new Set(names).size >= 2)
          expect(
            names.some((n) => !/hammer|reverse|zottman/i.test(n)),
            names.join(", "),
          ).toBe(true);
      },
    );

    it.each(trained)("lifter %i: the leg curls hold 40% of the hamstrings' direct sets", (_i, request) => {
      // Two coaches read 8 Romanian deadlift sets to 4 of leg curls in the big hypertrophy weeks
      // (hamstring-curls.ts: the short head grows from knee flexion only).
      const plan = generatePlan(request, catalogue);
      const hamstrings = plan.sessions.flatMap((s) =>
        s.slots.filter((slot) => slot.muscle_group === "hamstrings"),
      );
      const sets = (slots: typeof hamstrings) => slots.reduce((sum, slot) => sum + slot.sets, 0);
      const curls = hamstrings.filter((slot) => {
        const entry = entryOf(slot);
        return entry !== undefined && patternOf(entry) === "knee_flexion";
      });
      expect(curls.length).toBeGreaterThan(0);
      expect(
        sets(curls),
        hamstrings.map((slot) => `${slot.name} ${slot.sets}`).join(", "),
      ).toBeGreaterThanOrEqual(0.4 * sets(hamstrings));
    });

    it.each(trained)(
      "lifter %i: leg curls on two days take two machines (lying and seated) where the lifter has both",
      (i, request) => {
        const plan = generatePlan(request, catalogue);
        const curls = plan.sessions.flatMap((s) =>
          s.slots.filter((slot) => {
            const entry = entryOf(slot);
            return entry?.equipment === "machine" && patternOf(entry) === "knee_flexion";
          }),
        );
        const both = ["lying", "seated"].every((kind) =>
          catalogue.some(
            (e) =>
              e.equipment === "machine" &&
              patternOf(e) === "knee_flexion" &&
              e.name.toLowerCase().includes(kind) &&
              request.equipment.includes("machine"),
          ),
        );
        if (curls.length >= 2 && both)
          expect(new Set(curls.map((slot) => slot.name)).size, `lifter ${i}`).toBeGreaterThanOrEqual(2);
      },
    );

    it.each(trained)(
      "lifter %i: side and rear delts get work of their own beside the presses (6+ lateral, 4+ rear-delt sets, side first; 12+ for the advanced lifter)",
      (i, request) => {
        // A coach read the presses' and rows' half-sets filling the shoulders' range: an advanced
        // push/pull/legs week with 6 lateral-raise sets and no rear-delt work (targets.ts,
        // deltIsolation).
        const plan = generatePlan(request, catalogue);
        const setsOf = (head: string) =>
          plan.sessions
            .flatMap((s) => s.slots)
            .reduce((sum, slot) => {
              const entry = entryOf(slot);
              return sum + (entry !== undefined && deltHeadOf(entry) === head ? slot.sets : 0);
            }, 0);
        const side = setsOf("side");
        const rear = setsOf("rear");
        expect(side, `lifter ${i}: lateral raises`).toBeGreaterThanOrEqual(6);
        expect(rear, `lifter ${i}: rear delts`).toBeGreaterThanOrEqual(4);
        expect(side, `lifter ${i}: side before rear`).toBeGreaterThanOrEqual(rear);
        if (request.experience === "advanced") expect(side + rear, `lifter ${i}`).toBeGreaterThanOrEqual(12);
      },
    );

    it.each(trained)(
      "lifter %i: a day led by a barbell hinge squats on a machine (or with dumbbells), not with a barbell that is not the week's main squat",
      (_i, request) => {
        const plan = generatePlan(request, catalogue);
        const mains = new Set(plan.sessions.map((s) => s.slots[0]?.exercise_id));
        const hingeLed = plan.sessions.filter((s) => {
          const lead = entryOf(s.slots[0] ?? {});
          return lead?.equipment === "barbell" && patternOf(lead) === "hinge" && loadsSpine(lead);
        });
        for (const session of hingeLed) {
          const quads = session.slots.slice(1).filter((slot) => {
            const entry = entryOf(slot);
            return entry !== undefined && slot.muscle_group === "quadriceps" && slot.tier === "T2";
          });
          const spinal = quads.filter(
            (slot) => !mains.has(slot.exercise_id) && loadsSpine(entryOf(slot) as never),
          );
          expect(spinal, session.day_name).toEqual([]);
          if (
            request.equipment.includes("machine") &&
            quads.length > 0 &&
            !quads.some((q) => mains.has(q.exercise_id))
          )
            expect(
              quads.map((q) => q.equipment),
              session.day_name,
            ).toContain("machine");
        }
      },
    );

    it.each(trained)(
      "lifter %i: a session's loaded chest presses each take another angle (no flat dumbbell press after the flat bench)",
      (_i, request) => {
        const plan = generatePlan(request, catalogue);
        for (const session of plan.sessions) {
          const angles = session.slots.flatMap((slot) => {
            const entry = entryOf(slot);
            const angle = entry === undefined ? undefined : pressAngleOf(entry);
            return angle === undefined ? [] : [angle];
          });
          expect(angles.length, `${session.day_name}: ${angles}`).toBe(new Set(angles).size);
        }
      },
    );

    it.each(trained)(
      "lifter %i: plain triceps work where there is a cable, not a reverse-grip pushdown or a triceps extension on an incline or decline bench",
      (_i, request) => {
        const names = generatePlan(request, catalogue).sessions.flatMap((s) =>
          s.slots.map((slot) => slot.name),
        );
        expect(names.filter((name) => /reverse grip|(incline|decline|lying).*triceps/i.test(name))).toEqual(
          [],
        );
      },
    );

    it.each(trained.filter(([, r]) => r.sessionMinutes >= 60))(
      "lifter %i: no day's second pull is another day's main pull (a coach read two pull days of the same pull-down and row)",
      (_i, request) => {
        const plan = generatePlan(request, catalogue);
        const pulls = plan.sessions.flatMap((s) =>
          s.slots.filter((slot) => {
            const entry = entryOf(slot);
            return entry !== undefined && ["horizontal_pull", "vertical_pull"].includes(patternOf(entry));
          }),
        );
        const mains = new Set(pulls.filter((slot) => slot.tier === "T1").map((slot) => slot.exercise_id));
        expect(pulls.filter((slot) => slot.tier !== "T1" && mains.has(slot.exercise_id))).toEqual([]);
      },
    );

    it.each(trained)(
      "lifter %i: a row held in a hinge on one day at most, and never beside a hamstrings-led day",
      (_i, request) => {
        const plan = generatePlan(request, catalogue);
        const hingedRow = (session: (typeof plan.sessions)[number]) =>
          session.slots.some((slot) => {
            const entry = entryOf(slot);
            return entry !== undefined && patternOf(entry) === "horizontal_pull" && loadsSpine(entry);
          });
        const rowDays = plan.sessions.filter(hingedRow);
        expect(rowDays.map((s) => s.day_name).length).toBeLessThanOrEqual(1);
        for (const day of rowDays) {
          const hamstringsLed = plan.sessions.filter(
            (other) =>
              Math.abs(other.day_of_week - day.day_of_week) <= 1 &&
              other.slots[0]?.muscle_group === "hamstrings",
          );
          expect(
            hamstringsLed.map((s) => s.day_name),
            day.day_name,
          ).toEqual([]);
        }
      },
    );

    it.each(trained)("lifter %i: every push day holds two presses", (_i, request) => {
      const plan = generatePlan(request, catalogue);
      for (const day of plan.sessions.filter((s) => s.day_name.startsWith("Push"))) {
        const presses = day.slots.filter((slot) => {
          const entry = entryOf(slot);
          return entry !== undefined && ["horizontal_push", "vertical_push"].includes(patternOf(entry));
        });
        expect(presses.length, `${day.day_name}: ${presses.map((slot) => slot.name)}`).toBeGreaterThanOrEqual(
          2,
        );
      }
    });

    it.each(trained)(
      "lifter %i: the second chest exposure is another press, not the main lift again",
      (_i, request) => {
        const plan = generatePlan(request, catalogue);
        const slots = plan.sessions.flatMap((s) => s.slots).filter((slot) => slot.muscle_group === "chest");
        const mains = new Set(slots.filter((slot) => slot.tier === "T1").map((slot) => slot.name));
        const again = slots.filter((slot) => slot.tier === "T2" && mains.has(slot.name));
        expect(again.map((slot) => slot.name)).toEqual([]);
      },
    );

    it.each(trained)("lifter %i: 4+ direct sets of each arm a week", (_i, request) => {
      const plan = generatePlan(request, catalogue);
      const direct = (muscle: string) =>
        plan.sessions
          .flatMap((s) => s.slots)
          .filter((slot) => slot.muscle_group === muscle)
          .reduce((sum, slot) => sum + slot.sets, 0);
      expect(direct("biceps")).toBeGreaterThanOrEqual(4);
      expect(direct("triceps")).toBeGreaterThanOrEqual(4);
    });
  },
);

describe.each(CATALOGUES)("a coach's reads of the strength weeks on the %s catalogue", (_name, catalogue) => {
  const ids = new Map<string, (typeof catalogue)[number]>(catalogue.map((e) => [e.exerciseId, e]));
  const trained = SAMPLE_LIFTERS.map((request, index) => [index + 1, request] as const).filter(
    ([, r]) => r.goal === "strength" && r.experience !== "beginner",
  );

  it.each(trained)(
    "lifter %i: a bench-led day holds no overhead press where another day leads with it, and 9 pressing sets at most",
    (_i, request) => {
      // Two coaches read a bench day of the bench, an incline and the other day's overhead press (11
      // pressing sets) and would drop the press (templates.ts, day-pressing.ts).
      const plan = generatePlan(request, catalogue);
      const lead = (s: (typeof plan.sessions)[number]) => ids.get(s.slots[0]?.exercise_id ?? "");
      const pressLeads = plan.sessions.some((s) => {
        const entry = lead(s);
        return entry !== undefined && patternOf(entry) === "vertical_push";
      });
      for (const day of plan.sessions) {
        const entries = day.slots.map((slot) => ids.get(slot.exercise_id ?? ""));
        const benchLed = entries[0] !== undefined && patternOf(entries[0]) === "horizontal_push";
        const press = entries.some((e) => e !== undefined && patternOf(e) === "vertical_push");
        if (pressLeads && benchLed) expect(press, day.day_name).toBe(false);
        const pressing = day.slots.reduce((sum, slot, i) => {
          const e = entries[i];
          return sum + (e !== undefined && isPush(e) ? slot.sets : 0);
        }, 0);
        expect(pressing, day.day_name).toBeLessThanOrEqual(9);
      }
    },
  );

  it.each(trained)("lifter %i: a day led by the bench presses again before it flies", (_i, request) => {
    // Two coaches read a strength push day of the bench and dumbbell flyes (second-press.ts).
    const plan = generatePlan(request, catalogue);
    for (const day of plan.sessions) {
      const patterns = day.slots.map((slot) => {
        const entry = ids.get(slot.exercise_id ?? "");
        return entry === undefined ? undefined : patternOf(entry);
      });
      if (patterns[0] !== "horizontal_push" || !patterns.includes("chest_isolation")) continue;
      expect(patterns.filter((p) => p === "horizontal_push").length, day.day_name).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(trained)("lifter %i: a second row beside a barbell row is supported", (_i, request) => {
    const plan = generatePlan(request, catalogue);
    for (const day of plan.sessions) {
      const hinged = day.slots.filter((slot) => {
        const entry = ids.get(slot.exercise_id ?? "");
        return entry !== undefined && patternOf(entry) === "horizontal_pull" && loadsSpine(entry);
      });
      expect(hinged.length, `${day.day_name}: ${hinged.map((slot) => slot.name)}`).toBeLessThanOrEqual(1);
    }
  });

  it.each(trained)(
    "lifter %i: a deadlift day squats with a front, pause or box squat, not the back squat again",
    (_i, request) => {
      const plan = generatePlan(request, catalogue);
      const deadliftDays = plan.sessions.filter((s) =>
        /^(barbell )?deadlifts?$/i.test(s.slots[0]?.name ?? ""),
      );
      expect(deadliftDays.length).toBeGreaterThan(0);
      for (const day of deadliftDays) {
        const squats = day.slots.filter((slot) => {
          const entry = ids.get(slot.exercise_id ?? "");
          return entry?.equipment === "barbell" && patternOf(entry) === "squat";
        });
        for (const squat of squats) expect(squat.name, day.day_name).toMatch(/\b(front|pause|paused|box)\b/i);
        // A front or pause squat before a box squat where the lifter may do one (a coach read a box
        // squat off a flat bench after deadlifts; free-exercise-db's clean-grip front squat is no
        // Olympic clean).
        for (const squat of squats) expect(squat.name, day.day_name).not.toMatch(/\bbox\b/i);
      }
    },
  );
});

describe.each(CATALOGUES)(
  "the load-limited beginners (lifters 1 and 2) on the %s catalogue",
  (_name, catalogue) => {
    const ids = new Map<string, (typeof catalogue)[number]>(catalogue.map((e) => [e.exerciseId, e]));

    it.each([1, 2])("lifter %i: a split squat or lunge on one day, not the same squat on all three", (i) => {
      // Two coaches read a bodyweight or dumbbell squat on all three days, capped by what the lifter
      // can hold (choose-exercise.ts, loadLimitedLegs).
      const plan = generatePlan(SAMPLE_LIFTERS[i - 1] as (typeof SAMPLE_LIFTERS)[number], catalogue);
      const legs = plan.sessions.map((s) =>
        s.slots
          .map((slot) => ids.get(slot.exercise_id ?? ""))
          .filter((e) => e !== undefined && e.primaryMuscle === "quadriceps" && e.mechanic !== "isolation")
          .map((e) => patternOf(e as NonNullable<typeof e>)),
      );
      expect(legs.flat(), JSON.stringify(legs)).toContain("lunge");
    });
  },
);

describe.each(CATALOGUES)("the bodyweight beginner (lifter 1) on the %s catalogue", (_name, catalogue) => {
  const ids = new Map<string, (typeof catalogue)[number]>(catalogue.map((e) => [e.exerciseId, e]));

  it("no day is led by an unloaded hinge while another compound of the day could lead", () => {
    const plan = generatePlan(SAMPLE_LIFTERS[0] as (typeof SAMPLE_LIFTERS)[number], catalogue);
    for (const day of plan.sessions) {
      const main = ids.get(day.slots[0]?.exercise_id ?? "");
      if (main === undefined || patternOf(main) !== "hinge") continue;
      const others = day.slots.filter((slot) => {
        const entry = ids.get(slot.exercise_id ?? "");
        return slot.tier === "T2" && entry?.mechanic === "compound" && patternOf(entry) !== "hinge";
      });
      expect(
        others.map((slot) => slot.name),
        `${day.day_name} led by ${main.name}`,
      ).toEqual([]);
    }
  });
});

describe("the barbell strength lifter (4) on the built-in catalogue", () => {
  it("hangs for core work from the bar it has, rather than crunching every time", () => {
    const plan = generatePlan(SAMPLE_LIFTERS[3] as (typeof SAMPLE_LIFTERS)[number], BUILTIN_CATALOGUE);
    const core = plan.sessions.flatMap((s) => s.slots.filter((slot) => slot.muscle_group === "abdominals"));
    expect(core.map((slot) => slot.name)).toContain("Hanging Leg Raise");
  });
});

describe("the dumbbell beginner (lifter 2) on the built-in catalogue", () => {
  // free-exercise-db holds one dumbbell glute exercise besides its hinges and lunges, so its
  // week may still need a bodyweight kickback where the ranges leave it room.
  it("trains the glutes and hamstrings with the dumbbells, not bodyweight kickbacks", () => {
    const plan = generatePlan(SAMPLE_LIFTERS[1] as (typeof SAMPLE_LIFTERS)[number], BUILTIN_CATALOGUE);
    const unloaded = plan.sessions
      .flatMap((s) => s.slots)
      .filter(
        (slot) => ["glutes", "hamstrings"].includes(slot.muscle_group) && slot.equipment === "bodyweight",
      );
    expect(unloaded.map((slot) => slot.name)).toEqual([]);
  });
});

describe("a pull day pulls (pull-day-back.ts)", () => {
  const isRear = (entry: CatalogueEntry | undefined) => entry !== undefined && deltHeadOf(entry) === "rear";
  // A coach read a pull day of 6 back sets beside 4 of curls and 4 of rear-delt raises.
  it.each([
    ["full gym", EQUIPMENT],
    ["dumbbells and a bench", ["dumbbell", "bench"]],
    ["machines and cables", ["machine", "cable"]],
  ] as const)(
    "an intermediate's 6 x 45 pull days (%s): back sets at least curls and rear-delt work",
    (_, equipment) => {
      const plan = generatePlan(
        {
          goal: "hypertrophy",
          experience: "intermediate",
          split: "push_pull_legs",
          daysPerWeek: 6,
          sessionMinutes: 45,
          equipment: [...equipment],
          weekStart: "2026-01-05",
        },
        BUILTIN_CATALOGUE,
      );
      const pullDays = plan.sessions.filter((s) => s.day_name.startsWith("Pull"));
      expect(pullDays).toHaveLength(2);
      for (const day of pullDays) {
        const sets = (test: (slot: (typeof day.slots)[number]) => boolean) =>
          day.slots.filter(test).reduce((sum, slot) => sum + slot.sets, 0);
        const back = sets((slot) => ["lats", "middle_back"].includes(slot.muscle_group));
        const isolation = sets(
          (slot) =>
            slot.muscle_group === "biceps" ||
            (slot.muscle_group === "shoulders" && isRear(byId.get(slot.exercise_id ?? ""))),
        );
        expect(back, day.day_name).toBeGreaterThanOrEqual(isolation);
      }
    },
  );
});

describe("knee flexion in a trained lifter's hypertrophy week (coach-minimums.ts)", () => {
  // A coach read a glute-ham raise, 2 x 4-8, as an advanced hypertrophy week's hamstring work in a
  // full gym: with a leg-curl machine the knee flexion is a leg curl, not a skill curl.
  it.each(CATALOGUES)("with a machine, no glute-ham raise or Nordic curl (%s)", (_, catalogue) => {
    const skillCurls: string[] = [];
    for (const [profile, request] of matrix()) {
      if (request.goal !== "hypertrophy" || request.experience === "beginner") continue;
      if (!request.equipment.includes("machine")) continue;
      for (const session of generatePlan(request, catalogue).sessions)
        for (const slot of session.slots)
          if (/glute[- ]?ham|nordic/i.test(slot.name)) skillCurls.push(`${profile}: ${slot.name}`);
    }
    expect(skillCurls).toEqual([]);
  });
});

describe("a novice's squat and presses at 3 x 5 (novice-sets.ts)", () => {
  // A coach read a novice's overhead press at 2 x 5 beside a 3 x 5 bench.
  it.each(CATALOGUES)(
    "every barbell squat and press of the novice workouts has 3 sets (%s)",
    (_, catalogue) => {
      const byIdOf = new Map(catalogue.map((e) => [e.exerciseId, e]));
      const short: string[] = [];
      for (const [profile, request] of matrix()) {
        const novice =
          request.goal === "strength" &&
          request.experience === "beginner" &&
          request.split === "full_body" &&
          request.daysPerWeek <= 3 &&
          request.sessionMinutes >= 45;
        if (!novice) continue;
        for (const session of generatePlan(request, catalogue).sessions)
          for (const slot of session.slots) {
            const entry = byIdOf.get(slot.exercise_id ?? "");
            if (entry !== undefined && isPowerLift(entry) && patternOf(entry) !== "hinge" && slot.sets < 3)
              short.push(
                `${profile} x${request.daysPerWeek} ${request.sessionMinutes}: ${slot.name} ${slot.sets}`,
              );
          }
      }
      expect(short).toEqual([]);
    },
  );
});

describe("item 8: a beginner's lift has one rep range all week (generate.ts, slotReps)", () => {
  // A coach read a beginner's dumbbell bench at 6-8 on the day it led and 8-12 on the two others.
  it.each(CATALOGUES)("every beginner week of the matrix (%s)", (_, catalogue) => {
    const mixed: string[] = [];
    for (const [profile, request] of matrix()) {
      if (request.experience !== "beginner") continue;
      const ranges = new Map<string, Set<string>>();
      for (const session of generatePlan(request, catalogue).sessions)
        for (const slot of session.slots) {
          if (slot.notes === BACK_OFF_NOTE) continue;
          const seen = ranges.get(slot.name) ?? new Set<string>();
          seen.add(slot.reps);
          ranges.set(slot.name, seen);
        }
      for (const [name, seen] of ranges)
        if (seen.size > 1 && mixed.length < 10)
          mixed.push(`${profile}, ${request.goal} x${request.daysPerWeek}: ${name} ${[...seen].join(" / ")}`);
    }
    expect(mixed).toEqual([]);
  });
});

describe("item 3: a short session loads one bar (choose-exercise.ts, secondBarbell)", () => {
  // A coach read a 30-minute full-body day of a barbell squat, bench press and hip thrust.
  it.each(CATALOGUES)("full gym, 45 minutes or less, outside strength (%s)", (_, catalogue) => {
    const byIdOf = new Map(catalogue.map((e) => [e.exerciseId, e]));
    const loaded: string[] = [];
    for (const [profile, request] of matrix()) {
      if (profile !== "full gym (default)" || request.goal === "strength" || request.sessionMinutes > 45)
        continue;
      const plan = generatePlan(request, catalogue);
      const mains = new Set(
        plan.sessions.flatMap((s) => s.slots.filter((x) => x.tier === "T1").map((x) => x.exercise_id)),
      );
      for (const session of plan.sessions) {
        const bars = session.slots.filter((slot) => {
          const entry = byIdOf.get(slot.exercise_id ?? "");
          return (
            entry?.equipment === "barbell" && entry.mechanic !== "isolation" && !mains.has(slot.exercise_id)
          );
        });
        const first =
          session.slots[0] && byIdOf.get(session.slots[0].exercise_id ?? "")?.equipment === "barbell";
        if (bars.length > (first ? 0 : 1))
          loaded.push(
            `${request.goal} ${request.experience} ${request.split} x${request.daysPerWeek} ${request.sessionMinutes}: ${session.day_name} ${bars.map((b) => b.name).join(", ")}`,
          );
      }
    }
    expect(loaded.slice(0, 10)).toEqual([]);
  });
});

describe.each(CATALOGUES)(
  "a strength pull day leads with the row (templates.ts) on the %s catalogue",
  (_name, catalogue) => {
    const ids = new Map<string, CatalogueEntry>(catalogue.map((e) => [e.exerciseId, e]));
    // A coach read an advanced strength pull day led by a chin-up for 6-10 before the barbell row.
    it("every trained strength week's first pull day, and a vertical pull beside it where it pulls twice with a bar", () => {
      let pullDays = 0;
      for (const [, request] of matrix()) {
        if (request.goal !== "strength" || request.experience === "beginner") continue;
        const plan = generatePlan(request, catalogue);
        const day = plan.sessions.find((s) => s.day_name.startsWith("Pull"));
        if (day === undefined) continue;
        pullDays += 1;
        const patterns = day.slots.map((slot) => {
          const entry = ids.get(slot.exercise_id ?? "");
          return entry === undefined ? undefined : patternOf(entry);
        });
        expect(patterns[0], `${JSON.stringify(request)} ${day.slots.map((s) => s.name)}`).toBe(
          "horizontal_pull",
        );
        const pulls = patterns.filter((p) => p === "horizontal_pull" || p === "vertical_pull").length;
        if (request.equipment.includes("pullup_bar") && pulls >= 2)
          expect(patterns, day.slots.map((s) => s.name).join(", ")).toContain("vertical_pull");
      }
      expect(pullDays).toBeGreaterThan(100);
    });
  },
);

describe("the glutes' minimum is 0 (targets.ts: RP's glute MEV, the squats and hinges train them)", () => {
  // Coach reads found a pull-through or a kickback holding short weeks' minutes while the
  // quadriceps, hamstrings or chest sat below their minimums. Glute isolation (a kickback) in weeks
  // the notes call short of a major's minimum, counted over the whole matrix: 198 built-in and 647
  // free-exercise-db plans before; what is left is the aim stage's, where no other exercise fits.
  const CEILING: Readonly<Record<string, number>> = { "built-in": 50, "free-exercise-db": 504 };
  it.each(CATALOGUES)(
    "%s: glute isolation in weeks short of a minimum",
    (name, catalogue) => {
      const byId = new Map(catalogue.map((e) => [e.exerciseId, e]));
      let plans = 0;
      for (const [, request] of matrix()) {
        const plan = generatePlan(request, catalogue);
        if (!plan.notes?.includes("below the minimum")) continue;
        const gluteIsolation = plan.sessions.some((s) =>
          s.slots.some((x) => {
            const entry = byId.get(x.exercise_id ?? "");
            return entry?.primaryMuscle === "glutes" && patternOf(entry) === "hip_isolation";
          }),
        );
        if (gluteIsolation) plans += 1;
      }
      expect(plans).toBeLessThanOrEqual(CEILING[name] ?? 0);
    },
    120_000,
  );

  // The minutes the glutes gave up went to pressing, and the pull share then took a set back: from
  // a full-body day's 2-set press, not from another day's main lift (finish-week.ts,
  // removePushSet), which had been left as plain 2-set work and the day with no main lift.
  it.each(CATALOGUES)("%s: a 3 x 30 general-fitness week keeps a main lift every day", (_, catalogue) => {
    const plan = generatePlan(
      {
        goal: "general_fitness",
        experience: "intermediate",
        split: "full_body",
        daysPerWeek: 3,
        sessionMinutes: 30,
        weekStart: "2026-01-05",
        equipment: [...EQUIPMENT],
      },
      catalogue,
    );
    for (const session of plan.sessions)
      expect(
        session.slots.filter((x) => x.tier === "T1"),
        session.day_name,
      ).toHaveLength(1);
  });
});
