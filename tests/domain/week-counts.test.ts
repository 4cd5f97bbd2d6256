// The week's running counts (fractional sets per group, pushing and pulling sets, delt isolation)
// are what every range and balance check reads while the passes build a week: they must equal
// what the week's slots hold, or a check passes a week it should not (or notes the wrong
// shortfall). A pass that took sets away and gave them back had given one set back twice.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import { mapFreeExerciseDb } from "../../src/domain/catalogue/free-exercise-db.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import { isPull, isPush } from "../../src/domain/plan/balance.ts";
import { draftWeek } from "../../src/domain/plan/generate.ts";
import type { PlanRequest } from "../../src/domain/plan/index.ts";
import { contribution, type WeekDraft } from "../../src/domain/plan/week-draft.ts";
import { EQUIPMENT, EXPERIENCE_LEVELS, GOALS, SPLITS } from "../../src/domain/vocabulary.ts";
import { FIXTURE_CATALOGUE } from "../fixtures/catalogue.ts";

/** The counts recomputed from the slots, beside the week's running ones. */
function recount(week: WeekDraft): { group: string; running: number; slots: number }[] {
  const fromSlots = new Map<string, number>();
  let push = 0;
  let pull = 0;
  for (const day of week.days) {
    for (const slot of day.slots) {
      for (const [group, weight] of contribution(slot.entry)) {
        fromSlots.set(group, (fromSlots.get(group) ?? 0) + weight * slot.sets);
      }
      if (isPush(slot.entry)) push += slot.sets;
      if (isPull(slot.entry)) pull += slot.sets;
    }
  }
  const groups = new Set([...fromSlots.keys(), ...week.weekly.keys()]);
  return [
    ...[...groups].map((group) => ({
      group,
      running: week.weekly.get(group as never) ?? 0,
      slots: fromSlots.get(group) ?? 0,
    })),
    { group: "pushing sets", running: week.pushSets, slots: push },
    { group: "pulling sets", running: week.pullSets, slots: pull },
  ].filter(({ running, slots }) => Math.abs(running - slots) > 1e-9);
}

/** A small deterministic generator, so every run draws the same requests. */
function* requests(seed: number, count: number): Generator<PlanRequest> {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  for (let i = 0; i < count; i++) {
    yield {
      goal: pick(GOALS),
      experience: pick(EXPERIENCE_LEVELS),
      split: pick(SPLITS),
      daysPerWeek: 2 + Math.floor(next() * 5),
      equipment: EQUIPMENT.filter(() => next() < 0.35),
      weekStart: "2026-01-05",
      sessionMinutes: 20 + Math.floor(next() * 161),
    };
  }
}

const FREE_EXERCISE_DB = mapFreeExerciseDb(
  JSON.parse(readFileSync(new URL("../fixtures/free-exercise-db.exercises.json", import.meta.url), "utf8")),
).entries;

const CATALOGUES: readonly (readonly [string, readonly CatalogueEntry[]])[] = [
  ["built-in", BUILTIN_CATALOGUE],
  ["free-exercise-db", FREE_EXERCISE_DB],
  ["fixture", FIXTURE_CATALOGUE],
];

describe.each(CATALOGUES)("the week's running counts on the %s catalogue", (_name, catalogue) => {
  it("equal the slots' sets for short barbell strength weeks whose lifts took sets and gave them back", () => {
    for (const experience of ["intermediate", "advanced"] as const) {
      const { week } = draftWeek(
        {
          goal: "strength",
          experience,
          split: "upper_lower",
          daysPerWeek: 3,
          equipment: ["barbell", "machine", "bodyweight", "foam_roll", "pullup_bar"],
          weekStart: "2026-01-05",
          sessionMinutes: 32,
        },
        catalogue,
      );
      expect(recount(week), experience).toEqual([]);
    }
  });

  it("equal the slots' sets for 1,500 drawn requests", () => {
    for (const request of requests(13, 1500)) {
      expect(recount(draftWeek(request, catalogue).week), JSON.stringify(request)).toEqual([]);
    }
  }, 120_000);
});
