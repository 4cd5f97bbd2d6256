// Weekly hard-set targets per trained muscle group, by goal and experience. Sets are counted as the
// progress report counts them (Pelland et al. 2024): 1 for the slot's own muscle_group and 0.5 for
// each secondary muscle, so a fresh plan reads inside its ranges in `progress show`.
// Sources and reasoning: docs/programming-rules.md.

import type { ExperienceLevel, Goal, MuscleGroup } from "../vocabulary.ts";

/** Every plan trains these; the generator lands each inside [min, max] when time allows. */
export const MAJOR_GROUPS = ["chest", "back", "shoulders", "quadriceps", "hamstrings", "glutes"] as const;

/** The legs' groups: calf raises go on days that train one (week-draft.ts), and their T2s order. */
export const LEG_GROUPS: ReadonlySet<TargetGroup> = new Set(["quadriceps", "hamstrings", "glutes"]);
export type MajorGroup = (typeof MAJOR_GROUPS)[number];

/** Trained when session time is left over; the range has min 0. */
export const ACCESSORY_GROUPS = ["biceps", "triceps", "calves", "abdominals"] as const;
export type AccessoryGroup = (typeof ACCESSORY_GROUPS)[number];

export type TargetGroup = MajorGroup | AccessoryGroup;

/**
 * The catalogue muscles that count for a group. "back" is lats plus middle_back: catalogues
 * disagree on which of the two a row or pull-down names as primary, so counting them apart would
 * make a plan's back volume depend on a labelling accident.
 */
export const GROUP_MUSCLES: Readonly<Record<TargetGroup, readonly MuscleGroup[]>> = {
  chest: ["chest"],
  back: ["lats", "middle_back"],
  shoulders: ["shoulders"],
  quadriceps: ["quadriceps"],
  hamstrings: ["hamstrings"],
  glutes: ["glutes"],
  biceps: ["biceps"],
  triceps: ["triceps"],
  calves: ["calves"],
  abdominals: ["abdominals"],
};

export function groupOfMuscle(muscle: MuscleGroup): TargetGroup | undefined {
  for (const group of [...MAJOR_GROUPS, ...ACCESSORY_GROUPS]) {
    if (GROUP_MUSCLES[group].includes(muscle)) return group;
  }
  return undefined;
}

/** Weekly direct sets: the range to land in, and `aim`, where spare session time stops adding. */
export interface SetRange {
  min: number;
  aim: number;
  max: number;
  /**
   * The most direct sets a week (sets of the group's own exercises), where a group's work is
   * nearly all direct: calves and abdominals. Without it their top is the majors' (below), and the
   * spare minutes of a long week went into calf raises and crunches on every day.
   */
  direct?: number;
  /**
   * The shoulders of a trained lifter's hypertrophy week: side- and rear-delt isolation (lateral
   * raises, reverse flyes, face pulls; delt-head.ts) counts here, in direct sets, and not against
   * `max`, which then holds the presses and everything else that trains the shoulders. The presses'
   * and rows' half-sets train the front and rear heads; the side delts get little from them
   * (COACHING.md section 2: side and rear delts, MEV 8, MAV 16-22 direct sets). Counted together, the
   * half-sets of 14 pressing and 14 rowing sets filled the range and a coach read an advanced
   * push/pull/legs week with 6 lateral-raise sets and no rear-delt work. `rearMax` keeps the side
   * delts first: the rows train the rear delts too, and the side delts have nothing else.
   */
  deltIsolation?: { aim: number; max: number; rearMax: number };
  /**
   * The back, in those weeks: the raises' half-sets for it (a face pull's middle back) count with
   * the raises, not against `max` (8 rear-delt sets had taken 4 sets of rows); at most this many.
   */
  fromRaises?: number;
}

/** The most fractional sets a week the group may read in `progress show`: `max` plus the raises' own. */
export function fractionalTop(range: SetRange): number {
  return range.max + (range.deltIsolation?.max ?? 0) + (range.fromRaises ?? 0);
}

type GroupTargets = Readonly<Record<TargetGroup, SetRange>>;

const ABDOMINAL_DIRECT_MAX = 6;

/**
 * Accessory groups get half a set from every press, row and squat that lists them as a secondary
 * muscle, so their top is the majors' top: a cap of 4 on triceps would allow only 8 pressing sets a
 * week. Their minimum stays 0 and `aim` (where spare time stops adding direct work) is their own.
 */
function targets(
  major: SetRange,
  accessoryOwn: SetRange,
  deltIsolation?: SetRange["deltIsolation"],
): GroupTargets {
  const accessory: SetRange = { ...accessoryOwn, max: Math.max(accessoryOwn.max, major.max) };
  // Calves and abdominals: the half-sets of squats, leg curls and presses still count up to the
  // majors' top, but their own exercises stop at their own top.
  const direct: SetRange = { ...accessory, direct: accessoryOwn.max };
  // Abdominals stop at 6 direct sets: every squat, hinge and press braces them, and a coach read 9
  // sets of crunches in a week whose side delts and calves had 6 each.
  const abdominals: SetRange = { ...direct, direct: Math.min(accessoryOwn.max, ABDOMINAL_DIRECT_MAX) };
  return {
    chest: major,
    back: deltIsolation === undefined ? major : { ...major, fromRaises: deltIsolation.max / 2 },
    shoulders: deltIsolation === undefined ? major : { ...major, deltIsolation },
    quadriceps: major,
    hamstrings: major,
    // The glutes need no sets of their own (RP's landmarks, COACHING.md section 2: glute MEV 0):
    // squats, hinges and lunges train them. Coach reads found a pull-through or a kickback holding a
    // short week's minutes while the quadriceps or the chest sat below their minimums. Their aim and
    // top stay the majors': spare minutes still go to a hip thrust.
    glutes: { ...major, min: 0 },
    biceps: accessory,
    triceps: accessory,
    calves: direct,
    abdominals,
  };
}

export const WEEKLY_SET_TARGETS: Readonly<Record<Goal, Readonly<Record<ExperienceLevel, GroupTargets>>>> = {
  // Schoenfeld, Ogborn and Krieger (2017): >= 10 weekly sets beat < 5; gains flatten towards 20.
  hypertrophy: {
    beginner: targets({ min: 6, aim: 8, max: 12 }, { min: 0, aim: 4, max: 8 }),
    // Side and rear delts: aim at the majors' aim, above RP's MEV (8); stop inside its MAV (16-22).
    intermediate: targets(
      { min: 10, aim: 12, max: 20 },
      { min: 0, aim: 6, max: 12 },
      { aim: 12, max: 16, rearMax: 6 },
    ),
    advanced: targets(
      { min: 10, aim: 14, max: 20 },
      { min: 0, aim: 8, max: 14 },
      { aim: 14, max: 20, rearMax: 8 },
    ),
  },
  // Strength follows load and practice of the lifts more than volume (Ralston et al. 2017), so the
  // aim is low; but 10+ weekly sets of a lift beat fewer for strength too (Ralston et al. 2017,
  // multi-joint lifts), so a long session's spare minutes may take the main lifts and their
  // variations up to the top (fractional: a squat's half-sets for the glutes and hamstrings count).
  strength: {
    beginner: targets({ min: 4, aim: 6, max: 10 }, { min: 0, aim: 2, max: 4 }),
    intermediate: targets({ min: 6, aim: 8, max: 16 }, { min: 0, aim: 4, max: 6 }),
    advanced: targets({ min: 6, aim: 10, max: 18 }, { min: 0, aim: 4, max: 8 }),
  },
  // ACSM (2009, 2011): 2-4 sets per muscle group, 2-3 days a week.
  general_fitness: {
    // 2-3 days a week of 2-4 sets: 6 sets is three full-body days of 2, so every day gets a push,
    // a pull and a squat; 10 leaves room for the half-sets other lifts add.
    beginner: targets({ min: 6, aim: 6, max: 10 }, { min: 0, aim: 2, max: 4 }),
    intermediate: targets({ min: 6, aim: 8, max: 12 }, { min: 0, aim: 4, max: 8 }),
    advanced: targets({ min: 8, aim: 10, max: 14 }, { min: 0, aim: 6, max: 10 }),
  },
  // ACSM (2009) local muscular endurance: light loads, many reps, short rests; volume as fitness.
  endurance: {
    beginner: targets({ min: 6, aim: 6, max: 10 }, { min: 0, aim: 2, max: 4 }),
    intermediate: targets({ min: 6, aim: 8, max: 12 }, { min: 0, aim: 4, max: 8 }),
    advanced: targets({ min: 8, aim: 10, max: 14 }, { min: 0, aim: 6, max: 10 }),
  },
};

export function weeklyTarget(goal: Goal, experience: ExperienceLevel, group: TargetGroup): SetRange {
  return WEEKLY_SET_TARGETS[goal][experience][group];
}
