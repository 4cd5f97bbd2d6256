// Writes docs/sample-plans.md: ten plans the generator makes from the built-in catalogue, and the
// same ten requests on the real free-exercise-db file imported alone, in full, for a coach to read. Run `npm run docs:sample-plans` after changing the generator or the
// catalogue, and read the diff. Pure: no database, and the same output every run.

import { readFileSync, writeFileSync } from "node:fs";
import { BUILTIN_CATALOGUE } from "../src/domain/catalogue/builtin.ts";
import { mapFreeExerciseDb } from "../src/domain/catalogue/free-exercise-db.ts";
import type { CatalogueEntry } from "../src/domain/catalogue-entry.ts";
import { isPull, isPush } from "../src/domain/plan/balance.ts";
import {
  ACCESSORY_GROUPS,
  GROUP_MUSCLES,
  generatePlan,
  MAJOR_GROUPS,
  type PlanRequest,
  type TargetGroup,
  WEEKLY_SET_TARGETS,
} from "../src/domain/plan/index.ts";
import type { PlanJson } from "../src/domain/plan-json.ts";
import { hardSetsForSet } from "../src/domain/progress-aggregates/hard-sets.ts";
import { deltIsolation } from "../tests/domain/plan-rules.ts";
import { SAMPLES } from "./sample-lifters.ts";

/** The shared free-exercise-db file, as tests/fixtures holds it, mapped as `catalogue import` maps it. */
const FREE_EXERCISE_DB: readonly CatalogueEntry[] = mapFreeExerciseDb(
  JSON.parse(
    readFileSync(new URL("../tests/fixtures/free-exercise-db.exercises.json", import.meta.url), "utf8"),
  ),
).entries;

function weeklySets(plan: PlanJson): Map<TargetGroup, number> {
  const sets = new Map<TargetGroup, number>();
  for (const slot of plan.sessions.flatMap((s) => s.slots)) {
    for (const [muscle, weight] of hardSetsForSet(slot.muscle_group, slot.secondary_muscles ?? [])) {
      const group = [...MAJOR_GROUPS, ...ACCESSORY_GROUPS].find((g) =>
        (GROUP_MUSCLES[g] as readonly string[]).includes(muscle),
      );
      if (group !== undefined) sets.set(group, (sets.get(group) ?? 0) + weight * slot.sets);
    }
  }
  return sets;
}

/** Direct weekly sets per group: the slots whose own muscle is in the group. */
function directSets(plan: PlanJson): Map<TargetGroup, number> {
  const sets = new Map<TargetGroup, number>();
  for (const slot of plan.sessions.flatMap((s) => s.slots)) {
    const group = [...MAJOR_GROUPS, ...ACCESSORY_GROUPS].find((g) =>
      (GROUP_MUSCLES[g] as readonly string[]).includes(slot.muscle_group),
    );
    if (group !== undefined) sets.set(group, (sets.get(group) ?? 0) + slot.sets);
  }
  return sets;
}

function render(
  title: string,
  who: string,
  request: PlanRequest,
  catalogue: readonly CatalogueEntry[],
): string {
  const byId = new Map(catalogue.map((entry) => [entry.exerciseId, entry]));
  const plan = generatePlan(request, catalogue);
  const { equipment, ...rest } = request;
  const lines = [
    `### ${title}`,
    "",
    who,
    "",
    "```json",
    JSON.stringify({ ...rest, equipment }),
    "```",
    "",
    `Split: \`${plan.split_type}\`. Notes: ${plan.notes === undefined ? "none." : plan.notes}`,
    "",
  ];
  for (const session of plan.sessions) {
    lines.push(`#### ${session.day_name}, ${session.date} (${session.duration_minutes} min)`, "");
    lines.push("| # | exercise | equipment | muscle | tier | sets x reps | RIR | notes |");
    lines.push("| - | -------- | --------- | ------ | ---- | ----------- | --- | ----- |");
    for (const slot of session.slots) {
      const needs = byId.get(slot.exercise_id ?? "")?.requires ?? [];
      const gear = [slot.equipment, ...needs].join(" + ");
      lines.push(
        `| ${slot.order_in_session} | ${slot.name} | ${gear} | ${slot.muscle_group} | ${slot.tier} | ${slot.sets} x ${slot.reps} | ${slot.rir} | ${slot.notes ?? ""} |`,
      );
    }
    lines.push("");
  }
  const sets = weeklySets(plan);
  const direct = directSets(plan);
  const targets = WEEKLY_SET_TARGETS[request.goal][request.experience];
  const minutes = plan.sessions.map((s) => s.duration_minutes ?? 0);
  lines.push(`Minutes per session: ${minutes.join(", ")} of ${request.sessionMinutes}.`, "");
  lines.push(
    "Weekly sets per group: direct (the exercise's own muscle) and fractional, as `progress show`",
    "counts them (1 per set, 0.5 per other group it trains); the range applies to the fractional count:",
    "",
  );
  lines.push("| group | direct | fractional | range |", "| ----- | ------ | ---------- | ----- |");
  const isolation = deltIsolation(plan, byId).all;
  for (const group of [...MAJOR_GROUPS, ...ACCESSORY_GROUPS]) {
    const { min, max, deltIsolation } = targets[group];
    // Side- and rear-delt raises count apart where the targets say so (targets.ts).
    const range =
      deltIsolation === undefined
        ? `${min}-${max}`
        : `${min}-${max}, and side- and rear-delt raises ${isolation} of ${deltIsolation.aim}-${deltIsolation.max}`;
    lines.push(`| ${group} | ${direct.get(group) ?? 0} | ${sets.get(group) ?? 0} | ${range} |`);
  }
  let push = 0;
  let pull = 0;
  for (const slot of plan.sessions.flatMap((s) => s.slots)) {
    const entry = byId.get(slot.exercise_id ?? "");
    if (entry !== undefined && isPush(entry)) push += slot.sets;
    if (entry !== undefined && isPull(entry)) pull += slot.sets;
  }
  lines.push("", `Pushing sets ${push}, pulling sets ${pull}.`, "");
  return lines.join("\n");
}

const header = [
  "# Sample plans",
  "",
  "Ten first weeks as the generator writes them for ten kinds of lifter (issue 22), first from the",
  "built-in catalogue, then the same ten requests on the real free-exercise-db file imported alone",
  "(`tests/fixtures/free-exercise-db.exercises.json`, mapped as `catalogue import` maps it, with its",
  "known data errors corrected). Generated by `npm run docs:sample-plans` (`scripts/sample-plans.ts`);",
  "do not edit by hand. The rules behind them are in [programming-rules.md](programming-rules.md).",
  "`AMRAP` means as many good reps as the RIR leaves in reserve; rows marked `superset A` alternate,",
  "resting after each pair. Equipment shows what each exercise needs besides its main implement",
  "(`+ bench`).",
  "",
].join("\n");

const CATALOGUES: readonly { title: string; catalogue: readonly CatalogueEntry[] }[] = [
  { title: "On the built-in catalogue", catalogue: BUILTIN_CATALOGUE },
  { title: "On free-exercise-db", catalogue: FREE_EXERCISE_DB },
];

const body = CATALOGUES.map(({ title, catalogue }) =>
  [
    `## ${title}`,
    "",
    ...SAMPLES.map((sample) => render(sample.title, sample.who, sample.request, catalogue)),
  ].join("\n"),
).join("\n");
writeFileSync(new URL("../docs/sample-plans.md", import.meta.url), `${header}\n${body}`);
