// `plan show <plan-id>`: the plan as a coach reads it, a table per week and session (day label,
// date, exercises with sets x reps, RIR, tier, load); each week says its mesocycle, its week
// within it, whether it is a deload and which muscles get a recovery session. A malformed or
// unknown id is bad input: exit 2 with the reason (docs/cli.md), since nothing failed but the
// question.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { exerciseAlternatives } from "../db/queries/swap.ts";
import {
  modularTrainingExercise,
  modularTrainingPlan,
  modularTrainingSession,
  modularTrainingWeek,
} from "../db/schema/index.ts";
import { uuidInput } from "../domain/uuid.ts";
import { mesocycleLabel, SWAP_SUGGESTED } from "../domain/week-labels.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { PLAN_SHOW } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { formatTable } from "./format-table.ts";
import { flagMessage, got, InputError, UsageError } from "./usage.ts";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export interface PlanView {
  plan: typeof modularTrainingPlan.$inferSelect;
  weeks: {
    weekNumber: number;
    weekStart: string;
    isDeload: boolean;
    /** The mesocycle the week belongs to and its week within it (docs/progression.md). */
    mesocycle: number;
    mesocycleWeek: number;
    /** Muscles given a recovery session this week (half their sets), by the rollover. */
    recoveryMuscles: string[];
    sessions: {
      dayLabel: string;
      sessionDate: string;
      dayOfWeek: number;
      focusArea: string;
      completed: boolean;
      exercises: {
        /** The exercise row's id: what `plan alternatives` and `plan swap` take. */
        id: string;
        order: number | null;
        name: string;
        muscleGroup: string | null;
        sets: number;
        reps: string;
        rir: number | null;
        tier: string | null;
        weight: number | null;
        equipment: string | null;
        /** The generator's marks ("superset A": rows that alternate), or the lifter's own. */
        notes: string | null;
        /** The rollover's one line: what changed and on what evidence (null in week 1). */
        reason: string | null;
        /** The rollover marked the row for a swap (joint pain logged on its muscle). */
        swapSuggested: boolean;
      }[];
    }[];
  }[];
}

/** Reads a plan with its weeks, sessions and exercises in two statements; null when it does not exist. */
export async function loadPlanView(db: Db, planId: string): Promise<PlanView | null> {
  const [plan] = await db.select().from(modularTrainingPlan).where(eq(modularTrainingPlan.id, planId));
  if (!plan) return null;
  const rows = await db
    .select({
      weekId: modularTrainingWeek.id,
      weekNumber: modularTrainingWeek.weekNumber,
      weekStart: modularTrainingWeek.weekStart,
      isDeload: modularTrainingWeek.isDeload,
      mesocycle: modularTrainingWeek.mesocycle,
      mesocycleWeek: modularTrainingWeek.mesocycleWeek,
      recoveryMuscles: modularTrainingWeek.recoveryMuscles,
      sessionId: modularTrainingSession.id,
      dayLabel: modularTrainingSession.dayLabel,
      sessionDate: modularTrainingSession.sessionDate,
      dayOfWeek: modularTrainingSession.dayOfWeek,
      focusArea: modularTrainingSession.focusArea,
      completed: modularTrainingSession.completed,
      rowId: modularTrainingExercise.id,
      order: modularTrainingExercise.orderInSession,
      name: modularTrainingExercise.exerciseName,
      muscleGroup: modularTrainingExercise.muscleGroup,
      sets: modularTrainingExercise.sets,
      reps: modularTrainingExercise.reps,
      rir: modularTrainingExercise.rir,
      tier: modularTrainingExercise.tier,
      weight: modularTrainingExercise.weight,
      equipment: modularTrainingExercise.equipment,
      notes: modularTrainingExercise.notes,
      reason: modularTrainingExercise.progressReason,
      swapSuggested: modularTrainingExercise.swapSuggested,
    })
    .from(modularTrainingWeek)
    .leftJoin(modularTrainingSession, eq(modularTrainingSession.weekId, modularTrainingWeek.id))
    .leftJoin(modularTrainingExercise, eq(modularTrainingExercise.sessionId, modularTrainingSession.id))
    .where(eq(modularTrainingWeek.planId, planId))
    .orderBy(
      asc(modularTrainingWeek.weekNumber),
      asc(modularTrainingSession.sessionDate),
      asc(modularTrainingSession.sessionNumber),
      asc(modularTrainingSession.id),
      asc(modularTrainingExercise.orderInSession),
      asc(modularTrainingExercise.displayOrder),
    );

  const view: PlanView = { plan, weeks: [] };
  const weeks = new Map<string, PlanView["weeks"][number]>();
  const sessions = new Map<string, PlanView["weeks"][number]["sessions"][number]>();
  for (const r of rows) {
    let week = weeks.get(r.weekId);
    if (!week) {
      week = {
        weekNumber: r.weekNumber,
        weekStart: r.weekStart,
        isDeload: r.isDeload,
        mesocycle: r.mesocycle,
        mesocycleWeek: r.mesocycleWeek,
        recoveryMuscles: r.recoveryMuscles,
        sessions: [],
      };
      weeks.set(r.weekId, week);
      view.weeks.push(week);
    }
    if (r.sessionId === null) continue;
    let session = sessions.get(r.sessionId);
    if (!session) {
      session = {
        dayLabel: r.dayLabel ?? "",
        sessionDate: r.sessionDate ?? "",
        dayOfWeek: r.dayOfWeek ?? 0,
        focusArea: r.focusArea ?? "",
        completed: r.completed ?? false,
        exercises: [],
      };
      sessions.set(r.sessionId, session);
      week.sessions.push(session);
    }
    if (r.rowId === null || r.name === null || r.sets === null || r.reps === null) continue;
    session.exercises.push({
      id: r.rowId,
      order: r.order,
      name: r.name,
      muscleGroup: r.muscleGroup,
      sets: r.sets,
      reps: r.reps,
      rir: r.rir,
      tier: r.tier,
      weight: r.weight,
      equipment: r.equipment,
      notes: r.notes,
      reason: r.reason,
      swapSuggested: r.swapSuggested ?? false,
    });
  }
  return view;
}

const rowNotes = (e: { notes: string | null; swapSuggested: boolean }) =>
  [e.swapSuggested ? SWAP_SUGGESTED : null, e.notes].filter((n) => n).join("; ");

const load = (weight: number | null) => (weight === null ? "-" : `${Math.round(weight * 100) / 100} kg`);

/**
 * The plan as lines of text: a header, then per week and session a table of exercises; with
 * `rowIds`, each exercise row's id last (for `plan alternatives` and `plan swap`).
 */
export function formatPlan(
  view: PlanView,
  opts: { rowIds?: boolean; suggestions?: ReadonlyMap<string, readonly SwapOption[]> } = {},
): string[] {
  const { plan } = view;
  const lines = [
    `plan ${plan.id}`,
    `  user ${plan.userId} · ${plan.splitType} · ${plan.goalType} · ${plan.experienceLevel} · ${plan.status} · ` +
      `starts ${plan.weekStart} · ${plan.deloadEveryWeeks ? `deload every ${plan.deloadEveryWeeks} weeks` : "mesocycles by goal and level"}`,
  ];
  for (const week of view.weeks) {
    lines.push("", `week ${week.weekNumber} · ${week.weekStart} · ${mesocycleLabel(week)}`);
    if (week.recoveryMuscles.length > 0) {
      lines.push(`  recovery session (half the sets) for: ${week.recoveryMuscles.join(", ")}`);
    }
    if (week.sessions.length === 0) lines.push("  (no sessions)");
    for (const s of week.sessions) {
      const day = DAY_NAMES[s.dayOfWeek - 1] ?? "?";
      lines.push(
        "",
        `  ${s.dayLabel} · ${day} ${s.sessionDate} · ${s.focusArea}${s.completed ? " · completed" : ""}`,
      );
      lines.push(
        ...formatTable(
          [
            "#",
            "exercise",
            "muscle",
            "sets x reps",
            "RIR",
            "tier",
            "load",
            "notes",
            "why",
            ...(opts.rowIds ? ["row id"] : []),
          ],
          s.exercises.map((e) => [
            e.order,
            e.name,
            e.muscleGroup,
            `${e.sets} x ${e.reps}`,
            e.rir,
            e.tier,
            load(e.weight),
            rowNotes(e),
            e.reason ?? "",
            ...(opts.rowIds ? [e.id] : []),
          ]),
          { indent: "    ", alignRight: [0, 4], empty: "(no exercises)" },
        ),
      );
      lines.push(...swapSuggestionLines(s.exercises, opts.suggestions));
    }
  }
  return lines;
}

export async function printPlan(
  ctx: CliContext,
  planId: string,
  opts: { rowIds?: boolean } = {},
): Promise<void> {
  const view = await loadPlanView(ctx.db, planId);
  if (!view) throw new InputError(`plan not found: ${planId}`);
  const suggestions = await loadSwapSuggestions(ctx, view);
  for (const line of formatPlan(view, { ...opts, suggestions })) ctx.out(line);
}

// --- Swap suggestions (issue 23, item 3): a row the rollover marked swap_suggested, because the
// lifter reported joint pain on its muscle, lists its top alternatives under the session's table,
// each with its reason, so the lifter sees what to swap to (`plan swap <row-id> <exercise-id>`).

/** One alternative shown under a row with a swap suggestion. */
export interface SwapOption {
  exerciseId: string;
  name: string;
  reason: string;
}

/** How many alternatives a suggestion lists. */
const SUGGESTED_ALTERNATIVES = 3;

/** The top alternatives of every row with swap_suggested (exercise_alternatives), by row id. */
async function loadSwapSuggestions(ctx: CliContext, view: PlanView): Promise<Map<string, SwapOption[]>> {
  const out = new Map<string, SwapOption[]>();
  for (const week of view.weeks)
    for (const session of week.sessions)
      for (const e of session.exercises)
        if (e.swapSuggested)
          out.set(e.id, await exerciseAlternatives(ctx.pool, e.id, SUGGESTED_ALTERNATIVES));
  return out;
}

/** The lines under a session's table: per suggested row, its alternatives or that none fit. */
function swapSuggestionLines(
  exercises: PlanView["weeks"][number]["sessions"][number]["exercises"],
  suggestions: ReadonlyMap<string, readonly SwapOption[]> | undefined,
): string[] {
  const lines: string[] = [];
  for (const e of exercises.filter((x) => x.swapSuggested)) {
    const options = suggestions?.get(e.id) ?? [];
    lines.push(`    joint pain reported: swap suggested for ${e.name} (row ${e.id})`);
    if (options.length === 0) lines.push("      (no alternative fits the plan's equipment and level)");
    options.forEach((o, i) => {
      lines.push(`      ${i + 1}. ${o.name} (${o.exerciseId}): ${o.reason}`);
    });
  }
  return lines;
}

const planIdInput = uuidInput();

export const planShow: CliCommand = {
  parse(argv) {
    const { values, positionals } = parseFlags(PLAN_SHOW, argv);
    const planId = planIdInput.safeParse(positionals[0]);
    if (!planId.success) {
      throw new UsageError(flagMessage(PLAN_SHOW.path, "<plan-id>", `must be a uuid${got(positionals[0])}`));
    }
    return { planId: planId.data, rowIds: values.ids === true };
  },
  async run(args: { planId: string; rowIds: boolean }, ctx) {
    await printPlan(ctx, args.planId, { rowIds: args.rowIds });
  },
};
