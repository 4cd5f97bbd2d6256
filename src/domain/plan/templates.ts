// The week of each split and day count: named days on ISO weekdays, each with the muscle groups
// it trains (the first is the lead, whose main lift is the session's T1) and the movement
// patterns to prefer for them. Two pattern variants alternate between days, so a muscle trained
// twice a week gets, e.g., a row one day and a pull-down the next. Day placement leaves a rest day
// between sessions that share muscles wherever the count allows (docs/programming-rules.md).

import type { ConcreteSplit, MovementPattern } from "../vocabulary.ts";
import type { AccessoryGroup, MajorGroup, TargetGroup } from "./targets.ts";

export type DayKind = "full" | "upper" | "lower" | "push" | "pull" | "legs" | "push_pull";

export interface Block {
  group: TargetGroup;
  /** Slot n of the group on the day prefers patterns[n % length]. */
  patterns: readonly MovementPattern[];
  /** No other pattern fills the block, where the day must not hold one (withoutSecondOverheadPress). */
  only?: boolean;
}

export interface MajorBlock extends Block {
  group: MajorGroup;
}

export interface DayTemplate {
  name: string;
  /** 1 = Monday ... 7 = Sunday */
  dayOfWeek: number;
  kind: DayKind;
  /** Major groups, lead first. */
  majors: readonly MajorBlock[];
  /** Optional groups, filled when time is left, in this order of preference. */
  accessories: readonly Block[];
}

interface ScheduledDay {
  name: string;
  dayOfWeek: number;
  kind: DayKind;
  /** Index into the kind's LEADS. */
  lead: number;
  /** Which of the two pattern variants. */
  alt: 0 | 1;
}

function day(name: string, dayOfWeek: number, kind: DayKind, lead: number, alt: 0 | 1): ScheduledDay {
  return { name, dayOfWeek, kind, lead, alt };
}

/** Weekdays: 2 days Mon/Thu, 3 Mon/Wed/Fri, 4 Mon/Tue/Thu/Fri, 5 Mon/Tue/Wed/Fri/Sat, 6 Mon-Sat. */
export const SCHEDULES: Readonly<Record<ConcreteSplit, Readonly<Record<number, readonly ScheduledDay[]>>>> = {
  full_body: {
    2: [day("Full-A", 1, "full", 0, 0), day("Full-B", 4, "full", 2, 1)],
    3: [day("Full-A", 1, "full", 0, 0), day("Full-B", 3, "full", 1, 1), day("Full-C", 5, "full", 2, 0)],
    4: [
      day("Full-A", 1, "full", 0, 0),
      day("Full-B", 2, "full", 1, 1),
      day("Full-C", 4, "full", 2, 0),
      day("Full-D", 5, "full", 3, 1),
    ],
    5: [
      day("Full-A", 1, "full", 0, 0),
      day("Full-B", 2, "full", 1, 1),
      day("Full-C", 3, "full", 2, 0),
      day("Full-D", 5, "full", 3, 1),
      day("Full-E", 6, "full", 4, 0),
    ],
    6: [
      day("Full-A", 1, "full", 0, 0),
      day("Full-B", 2, "full", 1, 1),
      day("Full-C", 3, "full", 2, 0),
      day("Full-D", 4, "full", 3, 1),
      day("Full-E", 5, "full", 4, 0),
      day("Full-F", 6, "full", 5, 1),
    ],
  },
  upper_lower: {
    2: [day("Upper-A", 1, "upper", 0, 0), day("Lower-A", 4, "lower", 0, 0)],
    3: [day("Upper-A", 1, "upper", 0, 0), day("Lower-A", 3, "lower", 0, 0), day("Upper-B", 5, "upper", 1, 1)],
    4: [
      day("Upper-A", 1, "upper", 0, 0),
      day("Lower-A", 2, "lower", 0, 0),
      day("Upper-B", 4, "upper", 1, 1),
      day("Lower-B", 5, "lower", 1, 1),
    ],
    5: [
      day("Upper-A", 1, "upper", 0, 0),
      day("Lower-A", 2, "lower", 0, 0),
      day("Upper-B", 3, "upper", 1, 1),
      day("Lower-B", 5, "lower", 1, 1),
      day("Upper-C", 6, "upper", 2, 0),
    ],
    6: [
      day("Upper-A", 1, "upper", 0, 0),
      day("Lower-A", 2, "lower", 0, 0),
      day("Upper-B", 3, "upper", 1, 1),
      day("Lower-B", 4, "lower", 1, 1),
      day("Upper-C", 5, "upper", 2, 0),
      day("Lower-C", 6, "lower", 2, 0),
    ],
  },
  push_pull_legs: {
    // Two days cannot hold three day types: push and pull share the upper day.
    2: [day("Push-Pull", 1, "push_pull", 0, 0), day("Legs", 4, "legs", 0, 0)],
    3: [day("Push", 1, "push", 0, 0), day("Pull", 3, "pull", 0, 0), day("Legs", 5, "legs", 0, 0)],
    // Legs twice: lower body holds three major groups, push two and pull one.
    4: [
      day("Push", 1, "push", 0, 0),
      day("Legs-A", 2, "legs", 0, 0),
      day("Pull", 4, "pull", 0, 0),
      day("Legs-B", 5, "legs", 1, 1),
    ],
    // Push/pull/legs plus an upper and a lower day, so every muscle is trained twice.
    5: [
      day("Push", 1, "push", 0, 0),
      day("Pull", 2, "pull", 0, 0),
      day("Legs", 3, "legs", 0, 0),
      day("Upper", 5, "upper", 2, 1),
      day("Lower", 6, "lower", 1, 1),
    ],
    6: [
      day("Push-A", 1, "push", 0, 0),
      day("Pull-A", 2, "pull", 0, 0),
      day("Legs-A", 3, "legs", 0, 0),
      day("Push-B", 4, "push", 1, 1),
      day("Pull-B", 5, "pull", 1, 1),
      day("Legs-B", 6, "legs", 1, 1),
    ],
  },
};

/** Pattern preferences per group, variant A and B. */
const GROUP_PATTERNS: Readonly<Record<TargetGroup, readonly [MovementPattern[], MovementPattern[]]>> = {
  quadriceps: [
    ["squat", "knee_extension", "lunge"],
    ["lunge", "knee_extension", "squat"],
  ],
  hamstrings: [
    ["hinge", "knee_flexion"],
    ["knee_flexion", "hinge"],
  ],
  glutes: [
    ["hinge", "hip_isolation", "lunge"],
    ["hip_isolation", "hinge", "lunge"],
  ],
  chest: [
    ["horizontal_push", "chest_isolation"],
    ["horizontal_push", "chest_isolation"],
  ],
  // A third back exercise is a second row (a cable or supported one), not a second vertical
  // pull: a coach read a pull day of a pull-down and pull-ups.
  back: [
    ["horizontal_pull", "vertical_pull", "horizontal_pull"],
    ["vertical_pull", "horizontal_pull", "horizontal_pull"],
  ],
  shoulders: [
    ["vertical_push", "shoulder_isolation"],
    ["shoulder_isolation", "vertical_push"],
  ],
  biceps: [["elbow_flexion"], ["elbow_flexion"]],
  triceps: [["elbow_extension"], ["elbow_extension"]],
  calves: [["calf_raise"], ["calf_raise"]],
  abdominals: [["core"], ["core"]],
};

/**
 * Strength's second chest exercise is a press, a variant of the bench (close-grip, incline,
 * paused, dumbbell), before any fly: a coach read an advanced strength week whose push day paired
 * the bench with a cable fly and no close-grip or paused bench. Every push day's too: a coach read
 * push/pull/legs push days of one press beside two flyes.
 */
const STRENGTH_CHEST: readonly MovementPattern[] = ["horizontal_push", "horizontal_push", "chest_isolation"];

interface Lead {
  group: MajorGroup;
  pattern: MovementPattern;
}

const UPPER_LEADS: readonly Lead[] = [
  { group: "chest", pattern: "horizontal_push" },
  { group: "shoulders", pattern: "vertical_push" },
  { group: "back", pattern: "horizontal_pull" },
];

const LOWER_LEADS: readonly Lead[] = [
  { group: "quadriceps", pattern: "squat" },
  { group: "hamstrings", pattern: "hinge" },
  { group: "glutes", pattern: "hinge" },
];

/** Candidate T1 lifts per day kind, the big barbell-style patterns first. */
const LEADS: Readonly<Record<DayKind, readonly Lead[]>> = {
  full: [
    { group: "quadriceps", pattern: "squat" },
    { group: "chest", pattern: "horizontal_push" },
    { group: "hamstrings", pattern: "hinge" },
    { group: "shoulders", pattern: "vertical_push" },
    { group: "back", pattern: "vertical_pull" },
    { group: "back", pattern: "horizontal_pull" },
  ],
  upper: UPPER_LEADS,
  push_pull: UPPER_LEADS,
  lower: LOWER_LEADS,
  legs: LOWER_LEADS,
  push: [
    { group: "chest", pattern: "horizontal_push" },
    { group: "shoulders", pattern: "vertical_push" },
  ],
  pull: [
    { group: "back", pattern: "vertical_pull" },
    { group: "back", pattern: "horizontal_pull" },
  ],
};

/**
 * Strength's pull day leads with the row, the pull it loads heaviest, and pulls vertically next (a
 * coach read a chin-up for 6-10 leading an advanced strength pull day before the barbell row); a
 * second pull day leads with the vertical pull.
 */
const STRENGTH_PULL_LEADS: readonly Lead[] = [
  { group: "back", pattern: "horizontal_pull" },
  { group: "back", pattern: "vertical_pull" },
];

const UPPER_MAJORS: readonly MajorGroup[] = ["chest", "back", "shoulders"];
const LOWER_MAJORS: readonly MajorGroup[] = ["quadriceps", "hamstrings", "glutes"];

/** Major groups per kind in session order (alternating regions where mixed, to spread fatigue). */
const MAJORS: Readonly<Record<DayKind, readonly MajorGroup[]>> = {
  full: ["quadriceps", "chest", "back", "hamstrings", "shoulders", "glutes"],
  upper: UPPER_MAJORS,
  push_pull: UPPER_MAJORS,
  lower: LOWER_MAJORS,
  legs: LOWER_MAJORS,
  push: ["chest", "shoulders"],
  pull: ["back"],
};

// Push and pull days also take abdominal work so they are not much shorter than a leg day; it
// recovers within a day, so it may follow itself on consecutive days. Calves go on the days that
// train the legs (week-draft.ts, fitsDayKind).
const ACCESSORIES: Readonly<Record<DayKind, readonly AccessoryGroup[]>> = {
  full: ["triceps", "biceps", "calves", "abdominals"],
  upper: ["biceps", "triceps"],
  push_pull: ["biceps", "triceps"],
  lower: ["calves", "abdominals"],
  legs: ["calves", "abdominals"],
  push: ["triceps", "abdominals"],
  pull: ["biceps", "abdominals"],
};

/** The list without the first occurrence of `item` (a strength chest block presses twice). */
function withoutFirst<T>(items: readonly T[], item: T): T[] {
  const index = items.indexOf(item);
  return index === -1 ? [...items] : [...items.slice(0, index), ...items.slice(index + 1)];
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const n = items.length;
  return items.map((_, i) => items[(i + by) % n] as T);
}

/**
 * For goals that keep pull >= push (hypertrophy, general fitness), the shoulders are trained with
 * lateral and rear-delt work first and an overhead press second, and no day leads with an overhead
 * press: a vertical pull leads instead. Bench pressing already trains the front delts, and every
 * pressing set would need a pulling set to match.
 */
const BALANCED_SHOULDERS: readonly [MovementPattern[], MovementPattern[]] = [
  ["shoulder_isolation", "vertical_push"],
  ["shoulder_isolation", "horizontal_pull"],
];

function balancedLead(lead: Lead): Lead {
  return lead.group === "shoulders" ? { group: "back", pattern: "vertical_pull" } : lead;
}

/**
 * Strength trains the lifts it tests: an upper day leads with a press, not a row (a coach read an
 * advanced strength week whose upper day opened with 5 sets of rows). The bench press, or the
 * overhead press where a push day already leads with the bench.
 */
function pressLead(lead: Lead, kind: DayKind, weekHasPushDay: boolean): Lead {
  if (lead.group !== "back" || (kind !== "upper" && kind !== "push_pull")) return lead;
  return (weekHasPushDay ? UPPER_LEADS[1] : UPPER_LEADS[0]) as Lead;
}

/**
 * Strength trains the barbell presses: where the lifter has a barbell but no barbell chest press (no
 * bench), a day the bench press would lead is led by the overhead press (a push day had led with a
 * machine chest press and the week's one barbell press was a 2-set overhead press on the pull day).
 */
function overheadWithoutBench(lead: Lead, benchless: boolean): Lead {
  return benchless && lead.group === "chest" && lead.pattern === "horizontal_push"
    ? { group: "shoulders", pattern: "vertical_push" }
    : lead;
}

/**
 * A novice strength lifter's full-body days alternate two workouts, as the novice programs write
 * them (Rippetoe's Starting Strength, StrongLifts 5x5): every day squats first; A benches and rows,
 * B presses overhead and deadlifts. A coach read a novice week whose second day led with the bench
 * and whose first and third days split the pressing into a 3-set bench and a 2-set press.
 */
const NOVICE_MAJORS: readonly [readonly MajorGroup[], readonly MajorGroup[]] = [
  ["quadriceps", "chest", "back"],
  ["quadriceps", "shoulders", "hamstrings", "back"],
];

function buildDay(
  scheduled: ScheduledDay,
  ordinal: number,
  balanced: boolean,
  strength: { weekHasPushDay: boolean; novice: boolean; benchless: boolean } | undefined,
): DayTemplate {
  const novice = strength?.novice === true && scheduled.kind === "full";
  const leads = strength && scheduled.kind === "pull" ? STRENGTH_PULL_LEADS : LEADS[scheduled.kind];
  // B leads with the deadlift, which then trades tiers with the squat (strength-frequency.ts,
  // squatBeforeDeadlift): the squat opens the day, the deadlift keeps a main lift's 5s.
  const chosen = novice
    ? (LEADS.full[scheduled.alt === 0 ? 0 : 2] as Lead)
    : (leads[scheduled.lead % leads.length] as Lead);
  const lead = balanced
    ? balancedLead(chosen)
    : strength
      ? overheadWithoutBench(pressLead(chosen, scheduled.kind, strength.weekHasPushDay), strength.benchless)
      : chosen;
  // A strength upper day led by a press rows first: its pressing needs a row beside it (a coach
  // read a press-led upper day with a pull-down as its only pull); so does a pull day the row leads.
  const rowFirst =
    strength !== undefined &&
    (scheduled.kind === "upper" || (scheduled.kind === "pull" && lead.pattern === "horizontal_pull"));
  const patternsOf = (group: TargetGroup): readonly MovementPattern[] =>
    balanced && group === "shoulders"
      ? BALANCED_SHOULDERS[scheduled.alt]
      : rowFirst && group === "back"
        ? (GROUP_PATTERNS.back[0] as readonly MovementPattern[])
        : (strength !== undefined || scheduled.kind === "push") && group === "chest"
          ? STRENGTH_CHEST
          : GROUP_PATTERNS[group][scheduled.alt];
  const leadPatterns = patternsOf(lead.group);
  // A push day keeps its lead on the chest when the overhead press may not lead.
  // Strength trains the glutes with its squats and hinges (their half-sets reach the glutes'
  // range): a glute exercise of its own took the range the lifts needed, and a 90-minute lower
  // day ended at 60 (a coach's read). Glutes lead no strength day either.
  const majors = novice
    ? NOVICE_MAJORS[scheduled.alt]
    : strength
      ? MAJORS[scheduled.kind].filter((group) => group !== "glutes")
      : MAJORS[scheduled.kind];
  const leadGroup = majors.includes(lead.group) ? lead.group : (majors[0] as MajorGroup);
  const leadBlock: MajorBlock =
    leadGroup === lead.group
      ? {
          group: lead.group,
          patterns: [lead.pattern, ...withoutFirst(leadPatterns, lead.pattern)],
        }
      : { group: leadGroup, patterns: patternsOf(leadGroup) };
  const others = majors
    .filter((group) => group !== leadGroup)
    .map((group): MajorBlock => ({ group, patterns: patternsOf(group) }));
  const accessories = rotate(ACCESSORIES[scheduled.kind], ordinal).map(
    (group): Block => ({ group, patterns: patternsOf(group) }),
  );
  return {
    // A novice's day is named for its workout: a week of three is Full-A, Full-B, Full-A, and the
    // rollover turns a week whose first and third days share a name to B A B and back (the novice
    // programmes alternate their workouts; the accessories of the two A days may differ).
    name: novice ? `Full-${scheduled.alt === 0 ? "A" : "B"}` : scheduled.name,
    dayOfWeek: scheduled.dayOfWeek,
    kind: scheduled.kind,
    majors: [leadBlock, ...others],
    accessories,
  };
}

/**
 * The days of a week for a split and day count (2..6), in week order. `balanced`: the goal keeps
 * pull >= push (see BALANCED_SHOULDERS); `strength`: upper days lead with a press (pressLead).
 */
export function dayTemplates(
  split: ConcreteSplit,
  daysPerWeek: number,
  balanced = false,
  strength = false,
  /** A beginner: strength full-body days alternate the novice workouts (NOVICE_MAJORS). */
  novice = false,
  /** Strength with a barbell but no barbell chest press (no bench): the overhead press leads. */
  benchless = false,
): readonly DayTemplate[] {
  const schedule = SCHEDULES[split][daysPerWeek];
  if (schedule === undefined) throw new RangeError(`no ${split} schedule for ${daysPerWeek} days`);
  const seen = new Map<DayKind, number>();
  // The novice workouts alternate over two or three days (A B, A B A); four or more full-body days
  // rotate their leads instead.
  const presses = strength
    ? {
        weekHasPushDay: schedule.some((d) => d.kind === "push"),
        novice: novice && daysPerWeek <= 3,
        benchless,
      }
    : undefined;
  const days = schedule.map((scheduled) => {
    const ordinal = seen.get(scheduled.kind) ?? 0;
    seen.set(scheduled.kind, ordinal + 1);
    return buildDay(scheduled, ordinal, balanced, presses);
  });
  return strength ? withoutSecondOverheadPress(days) : days;
}

/**
 * Strength: where a day leads with the overhead press, a day led by the bench press trains the
 * shoulders with raises, not a second overhead press (two coaches read an upper day of a bench press,
 * an incline bench and the other day's overhead press, 11 pressing sets, and would drop the press);
 * where no raise can be had (a barbell lifter's front raises are out), with nothing more.
 */
function withoutSecondOverheadPress(days: readonly DayTemplate[]): readonly DayTemplate[] {
  const pressLeads = days.some(
    (d) => d.majors[0]?.group === "shoulders" && d.majors[0].patterns[0] === "vertical_push",
  );
  if (!pressLeads) return days;
  return days.map((d) =>
    d.majors[0]?.group !== "chest"
      ? d
      : {
          ...d,
          majors: d.majors.map((block) =>
            block.group === "shoulders" ? { ...block, patterns: ["shoulder_isolation"], only: true } : block,
          ),
        },
  );
}
