// The two lifters of docs/mesocycle-tables.md (issue 21, "Shown"), lived through the real
// rollover for two mesocycles, and the tables written from what the database then holds. Shared
// by the docs script (scripts/mesocycle-tables.ts) and its drift test
// (tests/docs/mesocycle-tables.test.ts).
import type pg from "pg";
import { liftLoad, mainLifts, setsPerMuscle, tierRir } from "../src/cli/demo/format-lived.ts";
import { createModelLifter, type LifterModel } from "../src/cli/demo/lifter-model.ts";
import { generateLivedPlan, liveWeeks } from "../src/cli/demo/live-weeks.ts";
import { type LivedWeek, livedWeeks } from "../src/db/queries/lived-weeks.ts";
import { createUser } from "../src/db/queries/users.ts";
import { addDays, mondayOf } from "../src/domain/calendar.ts";
import type { PlanRequest } from "../src/domain/plan/index.ts";
import { EQUIPMENT } from "../src/domain/vocabulary.ts";
import { createLogger } from "../src/logger.ts";

/** The most weeks lived: two mesocycles of up to five weeks and a deload each, and a week after. */
export const MAX_WEEKS = 12;

const LIFTERS: readonly {
  title: string;
  request: Omit<PlanRequest, "weekStart">;
  model: LifterModel;
  who: string;
}[] = [
  {
    title: "Intermediate hypertrophy, 4 days x 60 minutes, full gym",
    request: {
      goal: "hypertrophy",
      experience: "intermediate",
      split: "auto",
      daysPerWeek: 4,
      sessionMinutes: 60,
      equipment: EQUIPMENT,
    },
    model: { weeklyGain: 0.01, soreness: 1, pump: 1 },
    who: "true 1RM +1% a week",
  },
  {
    title: "Beginner strength, 3 days x 60 minutes, full gym",
    request: {
      goal: "strength",
      experience: "beginner",
      split: "auto",
      daysPerWeek: 3,
      sessionMinutes: 60,
      equipment: EQUIPMENT,
    },
    model: { weeklyGain: 0.02, soreness: 1, pump: 1 },
    who: "true 1RM +2% a week (a beginner's faster gains)",
  },
];

/** The weeks to show: through the week after the second deload, at most MAX_WEEKS. */
export function shownWeeks(weeks: readonly LivedWeek[]): LivedWeek[] {
  let deloads = 0;
  for (const [i, week] of weeks.entries()) {
    if (week.isDeload) deloads += 1;
    if (deloads === 2 && !week.isDeload) return weeks.slice(0, i + 1);
  }
  return weeks.slice(0, MAX_WEEKS);
}

/** Whether a plan has lived far enough: a week after its second deload, or MAX_WEEKS weeks. */
const livedEnough = (weeks: readonly LivedWeek[]) => {
  const deloads = weeks.flatMap((w, i) => (w.isDeload ? [i] : []));
  const second = deloads[1];
  return weeks.length >= MAX_WEEKS || (second !== undefined && second + 1 < weeks.length);
};

const cell = (v: string | number | null) => (v === null ? "-" : String(v));
const row = (label: string, values: readonly (string | number | null)[]) =>
  `| ${label} | ${values.map(cell).join(" | ")} |`;

/** One lifter's weeks as a markdown table, a column per week. */
export function lifterTable(weeks: readonly LivedWeek[]): string[] {
  return [
    `| week | ${weeks.map((w) => w.weekNumber).join(" | ")} |`,
    `| --- | ${weeks.map(() => "---:").join(" | ")} |`,
    row(
      "mesocycle",
      weeks.map((w) => w.mesocycle),
    ),
    row(
      "week in mesocycle",
      weeks.map((w) => w.mesocycleWeek),
    ),
    row(
      "deload",
      weeks.map((w) => (w.isDeload ? "**D**" : "")),
    ),
    row(
      "recovery muscles",
      weeks.map((w) => (w.recoveryMuscles.length > 0 ? w.recoveryMuscles.join(", ") : "")),
    ),
    row(
      "**sets per muscle group**",
      weeks.map(() => ""),
    ),
    ...setsPerMuscle(weeks).map((m) => row(m.muscle, m.sets)),
    row(
      "total sets",
      weeks.map((w) => w.rows.reduce((n, r) => n + r.sets, 0)),
    ),
    row(
      "**RIR per tier**",
      weeks.map(() => ""),
    ),
    ...["T1", "T2", "T3"].map((t) =>
      row(
        t,
        weeks.map((w) => tierRir(w, t)),
      ),
    ),
    row(
      "**main-lift loads, kg**",
      weeks.map(() => ""),
    ),
    ...mainLifts(weeks).map((l) =>
      row(
        l.name,
        weeks.map((w) => liftLoad(w, l.key)),
      ),
    ),
  ];
}

/**
 * Lives both lifters' plans (week 1 MAX_WEEKS weeks before `today`'s Monday, so every rolled week
 * is in the database's date window) and returns docs/mesocycle-tables.md.
 */
export async function mesocycleTablesMarkdown(pool: pg.Pool, today: string): Promise<string> {
  const firstWeek = addDays(mondayOf(today), -7 * MAX_WEEKS);
  const plans = [];
  for (const lifter of LIFTERS) {
    const userId = await createUser(pool, `mesocycle-lifter-${plans.length + 1}@example.test`);
    const planId = await generateLivedPlan(pool, userId, { ...lifter.request, weekStart: firstWeek });
    plans.push({ planId, lifter: createModelLifter(lifter.model) });
  }
  // Week by week for both (one rollover rolls both), until each has lived far enough.
  for (let week = 1; week < MAX_WEEKS; week += 1) {
    const lived = await Promise.all(plans.map((p) => livedWeeks(pool, p.planId)));
    if (lived.every(livedEnough)) break;
    await liveWeeks(pool, {
      plans,
      firstWeek,
      fromWeek: week,
      weeks: week,
      batchPlans: 500,
      logger: createLogger("silent"),
    });
  }
  const sections: string[] = [];
  for (const [i, lifter] of LIFTERS.entries()) {
    const weeks = shownWeeks(await livedWeeks(pool, plans[i]?.planId as string));
    sections.push(
      `## ${lifter.title}`,
      "",
      `The generator's plan for \`${JSON.stringify({ goal: lifter.request.goal, experience: lifter.request.experience, daysPerWeek: lifter.request.daysPerWeek, sessionMinutes: lifter.request.sessionMinutes })}\`, full gym; the lifter's ${lifter.who}.`,
      "",
      ...lifterTable(weeks),
      "",
    );
  }
  return [
    "# Two mesocycles, week by week",
    "",
    "Generated by `npm run docs:mesocycles` (`scripts/mesocycle-tables.ts`); do not edit by hand. Two",
    "plans from the real plan generator on the built-in catalogue are lived through the real rollover",
    "(`rolloverAsOf`, the job's code) on a scratch database, week by week: each week a modelled lifter",
    "(`src/cli/demo/lifter-model.ts`) logs every set at the row's target RIR (a starting load picked",
    "where a row has none; the lifter's true 1RM per exercise rises by a share a week from a rep short",
    "of the top of the range in week 1, a 1.5% drop-off per set, the RPE logged from the reps left) and",
    "one feedback line per trained muscle (soreness 1, pump 1, no joint pain), then the rollover runs",
    "as of the next Monday. The tables stop at the week after the second deload (at most",
    `${MAX_WEEKS} weeks). Each column is a week as the rollover wrote it: its mesocycle, week within`,
    "it and deload flag, the muscles given a recovery session, the prescribed sets per muscle group",
    "(the rows' `sets`, by their primary muscle), the RIR written on each tier's rows (a range where",
    "the rows differ) and the loads of the main lifts (the T1 rows of week 1; the heaviest row of the",
    "exercise). The rules are in [progression.md](progression.md).",
    "",
    ...sections,
  ].join("\n");
}
