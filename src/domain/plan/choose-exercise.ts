// Picks the exercise for a new slot from the group's eligible entries. Ranking, most important
// first (docs/programming-rules.md, "Exercise selection"):
// 1. category: strength/powerlifting before olympic/strongman, whose lifts are skills of their own;
// 2. dynamic before static holds: a hold is timed, not counted, so a rep target does not fit it;
// 3. for a session's main lift (T1), never a skill, and equipment that can be loaded in small steps first, before the
//    slot's role: a leg curl on a machine beats a bodyweight good morning as a day's first lift
//    (for strength from intermediate up, a pull-up or chin-up takes a belt and counts as loadable);
// 4. the slot's role: compound where the preferred pattern is compound, else isolation;
// 5. lateral raises, then rear-delt work, before front raises (the front delts get pressing
//    already; delt-head.ts tells the heads apart by name), and
//    any abdominal exercise before side bends and twists;
// 6. loadable equipment (weights, cables, machines, and pull-ups and chin-ups, which take a belt)
//    before bodyweight, and bodyweight before bands, balls and "other": progression needs a load
//    to add to, so a machine already in the plan is used again before a bodyweight fallback;
// 6b. skills (a Nordic curl, a glute-ham raise) last, and, for beginners, the easier forms of a
//    bodyweight move first (incline and knee push-ups, table rows, band-assisted and negative
//    pull-ups), for everyone else the full move first;
// 7. for a main lift, the preferred pattern, then a lift already a main lift this week: main lifts
//    repeat through the week so they can be practised and progressed (hypertrophy from
//    intermediate up takes a lift not yet a main lift first: A and B days, a flat bench then an
//    incline press);
// 8. repetition or variety: the week's main lifts first where they fit the slot's preferred pattern
//    (for strength and for beginners, wherever they fit the group), so main lifts come back on
//    several days; then, for beginners, any lift already in the week (a beginner learns a short
//    list), and for strength any barbell lift already in the week that fits the slot's preferred
//    pattern (the lifts being trained; a pull-up, not the week's row, where a vertical pull leads);
//    otherwise fewer uses earlier in the week first (Upper-A and Upper-B get different
//    accessory lifts), and not a near-twin of an exercise already in the session (same pattern and
//    same last name word, as a deadlift and a sumo deadlift);
// 9. the preferred pattern, then any pattern the block lists;
// 10. for compounds, a staple lift (back squat, bench press, deadlift, row, leg press and hack squat
//    before any other squat...) before the rest, and its plain form before niche variations
//    (decline, single-arm, assisted, Smith, sumo...); for strength, the conventional deadlift and
//    the plain pull-up or chin-up first;
// 11. for beginners, beginner-level before intermediate (except for strength, where a beginner
//    learns the barbell lifts: Rippetoe's novice programme is the classic example);
// 12. equipment: free weights first for compounds (they load the most), cables and machines first
//    for isolation (constant tension, a fixed path: a gym's leg extension and calf raise are machines,
//    not a dumbbell between the feet);
// 13. the simpler exercise (lower catalogue level), then exerciseId, so ties never depend on
//    catalogue order.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type {
  CatalogueLevel,
  Category,
  Equipment,
  ExperienceLevel,
  Goal,
  MovementPattern,
} from "../vocabulary.ts";
import { armAngleOf } from "./arm-angle.ts";
import { deltRank, FRONT_OR_HYBRID, isLateralRaise } from "./delt-head.ts";
import { isAdvancedSkill } from "./eligibility.ts";
import { isBarWork, isCompound, isCompoundPattern, patternOf } from "./movement.ts";
import { perEntry } from "./per-entry.ts";
import { isBarbellLegLift, loadsSpine } from "./spine-load.ts";
import type { Block } from "./templates.ts";

const CATEGORY_RANK: Readonly<Record<Category, number>> = {
  strength: 0,
  powerlifting: 0,
  olympic_weightlifting: 1,
  strongman: 1,
  plyometrics: 2,
  stretching: 3,
  cardio: 3,
};

/**
 * Name fragments of staple compound lifts, most canonical first: a name ranks by the first fragment
 * it contains. A soft preference (names are free text), so any catalogue still works.
 */
const STAPLES: readonly string[] = [
  "back squat",
  "barbell squat",
  "barbell full squat",
  "front squat",
  "bench press",
  // An incline press before a floor press: a push day's second press for hypertrophy is the incline
  // (a coach's read), and the floor press's short range is a strength lifter's variant.
  "incline press",
  "incline dumbbell press",
  // A machine chest press before the floor press too: the floor cuts the press's stretched half
  // (two coaches read a dumbbell floor press in a week with a bench and machines).
  "chest press",
  "floor press",
  "romanian deadlift",
  "deadlift",
  "overhead press",
  "military press",
  "shoulder press",
  "bent-over row",
  "bent over row",
  // The machine squats before any other squat: a leg press or hack squat is the loadable main lift
  // where there is no barbell, not whichever odd squat variant sorts first.
  "leg press",
  "hack squat",
  "squat",
  "lat pulldown",
  "pull-up",
  "pullup",
  "chin-up",
  "hip thrust",
  "lunge",
  "row",
  "pulldown",
  "push-up",
  "pushup",
  "dip",
];

/** Words of a harder-to-load or niche variation: the plain lift comes first. */
const VARIATION =
  /\b(side|single|one|kneeling|decline|deficit|bosu|ball|band|smith|partial|negative|assisted|shotgun|chair|plie|sumo|narrow|wide|reverse)\b/i;

/**
 * A press on a cable station (a standing cable overhead or chest press): balance limits its load,
 * so it ranks as a variation, after the machine or dumbbell press (a coach read a standing cable
 * overhead press beside an unused machine shoulder press).
 */
const CABLE_PRESS = /\bcable\b.*\bpress(es)?\b/i;

/** The competition deadlift, which a strength plan trains as its weekly hinge. */
export const CONVENTIONAL_DEADLIFT = /^(barbell )?(conventional )?deadlifts?$/i;

/**
 * A barbell deadlift pulled from the floor, of any stance or set-up (conventional, sumo, deficit,
 * with bands or chains): not a Romanian or stiff-leg deadlift, which start from the top. None
 * follows a squat main lift on the same day (finish-week.ts, noDeadliftAfterSquat).
 */
export function isFloorDeadlift(entry: CatalogueEntry): boolean {
  return (
    entry.equipment === "barbell" &&
    patternOf(entry) === "hinge" &&
    /deadlift/i.test(entry.name) &&
    !/romanian|stiff|single|one[- ]leg/i.test(entry.name)
  );
}

/** The front squat's rack position, named in free-exercise-db's "Front Squat (Clean Grip)". */
const CLEAN_GRIP = /\bclean[- ]grip\b/i;

/** A plain back squat: on a deadlift day, a front, pause or box squat (or a machine) comes first. */
const BACK_SQUAT = /^(barbell )?(back |full )?squats?$/i;
/**
 * The squats a deadlift day takes: a front, pause or box squat, lighter on the lower back than the
 * back squat (a coach read free-exercise-db's barbell hack squat, the bar behind the legs and
 * grip-limited, after 5 x 3-5 deadlifts).
 */
const DEADLIFT_DAY_SQUAT = /\b(front|pause|paused|box)\b/i;

/**
 * The hinges a strength plan loads heavy: deadlifts of any stance and good mornings. A day with a
 * deadlift from the floor takes none of them again (see chooseExercise).
 */
export const HEAVY_HINGE = /deadlift|good[- ]?mornings?/i;
const BALLISTIC_HINGE = /\b(swings?|cleans?|snatch(es)?)\b/i;

/** Front raises and their hybrids: the front delts already work in every press. */
export const FRONT_RAISE = FRONT_OR_HYBRID;

/**
 * Side bends, twists and heel touches: lateral flexion and rotation, the weakest abdominal choices
 * (rollouts, leg raises and crunches come first), which loadable-first ranking would otherwise pick
 * on every day (a coach read alternating heel touches as a trained lifter's core work).
 */
const SIDE_BEND = /\bside bends?\b|\btwists?\b|\bheel touch(es|ers?)?\b/i;

/** The pull-up and chin-up, plain: a strength plan's vertical pull before the pull-down. */
const PULL_UP = /\b(pull|chin)[- ]?ups?\b/i;

function stapleRank(name: string, goal: Goal): number {
  if (goal === "strength" && CONVENTIONAL_DEADLIFT.test(name.trim())) return -1;
  if (goal === "strength" && PULL_UP.test(name) && !VARIATION.test(name)) return -1;
  const lower = name.toLowerCase();
  const index = STAPLES.findIndex((fragment) => lower.includes(fragment));
  const rank = index === -1 ? STAPLES.length : index;
  // Any plain staple before any variation: "Lat Pulldown" before "Machine-Assisted Pull-Up".
  return VARIATION.test(name) || CABLE_PRESS.test(name) ? STAPLES.length + 1 + rank : rank;
}

const LOAD_CLASS: Readonly<Record<Equipment, number>> = {
  barbell: 0,
  dumbbell: 0,
  kettlebell: 0,
  cable: 0,
  machine: 0,
  ez_bar: 0,
  bodyweight: 1,
  bands: 2,
  medicine_ball: 2,
  exercise_ball: 2,
  other: 2,
  foam_roll: 3,
  // Requirements rather than implements; as a main implement, a bar or a bench is bodyweight work.
  pullup_bar: 1,
  bench: 1,
};

const LEVEL_RANK: Readonly<Record<CatalogueLevel, number>> = { beginner: 0, intermediate: 1, expert: 2 };

const COMPOUND_EQUIPMENT: readonly Equipment[] = [
  "barbell",
  "dumbbell",
  "cable",
  "machine",
  "kettlebell",
  "ez_bar",
  "bodyweight",
  "bands",
  "other",
  "medicine_ball",
  "exercise_ball",
  "foam_roll",
  "pullup_bar",
  "bench",
];

const ISOLATION_EQUIPMENT: readonly Equipment[] = [
  "cable",
  "machine",
  "dumbbell",
  "ez_bar",
  "barbell",
  "bands",
  "bodyweight",
  "kettlebell",
  "other",
  "exercise_ball",
  "medicine_ball",
  "foam_roll",
  "pullup_bar",
  "bench",
];

/**
 * Leg extensions, leg curls and calf raises: the machine first. A machine made for the movement
 * holds the lifter in place and loads the whole range (a coach read a cable standing leg curl and a
 * cable leg extension in a full gym as second choices); elsewhere cables come first.
 */
const MACHINE_FIRST_PATTERNS: ReadonlySet<string> = new Set(["knee_extension", "knee_flexion", "calf_raise"]);
const MACHINE_FIRST_EQUIPMENT: readonly Equipment[] = [
  "machine",
  ...ISOLATION_EQUIPMENT.filter((e) => e !== "machine"),
];

export interface ChoiceContext {
  goal: Goal;
  experience: ExperienceLevel;
  /** Exercises already in this session: never chosen again. */
  session: readonly CatalogueEntry[];
  /** Exercise id -> slots using it earlier in the week. */
  weekUse: ReadonlyMap<string, number>;
  /** Exercise id -> slots using it as a main lift (T1) earlier in the week. */
  mainUse: ReadonlyMap<string, number>;
  /** The slot would be the session's main lift (T1) if the exercise is a compound. */
  leading: boolean;
  /** A row held in a hinge ranks after a supported one (week-draft.ts, wantsSupportedRow). */
  supportedRow?: boolean;
  /**
   * Sessions of an hour or more: a day's second pull may be another lift than the other pull day's
   * main one (varyBackPull). Shorter weeks hold one second lift per group, and it is a main lift
   * again, so some main lift comes back on another day.
   */
  roomToVary?: boolean;
  /**
   * Sessions of 45 minutes or less outside strength: a session's second barbell lift ranks after a
   * dumbbell, cable or machine one of its pattern (secondBarbell, below).
   */
  quickSetups?: boolean;
  /** Only entries this accepts (e.g. those whose sets still fit every range): the best of the rest. */
  accept?: (entry: CatalogueEntry) => boolean;
}

const KEY_LENGTH = 18;
/** The key's first fields, read from an entry's facts and the session (fillFixed in chooseExercise). */
const FIXED_FIELDS = 8;

/**
 * Easier forms of a bodyweight move: beginners start with them, everyone else gets the full move
 * (progressions and regressions by level: an incline or knee push-up before a push-up).
 */
const REGRESSION =
  /\b(knee|kneeling|incline push|wall|table|band[- ]assisted|negative|machine[- ]assisted)\b/i;

/** What the ranking reads of an entry that never changes: worked out once per entry. */
interface Facts {
  category: number;
  isStatic: number;
  loadClass: number;
  /** A skill (Nordic curl, glute-ham raise...): never a session's main lift. */
  skill: number;
  /** An easier form of a bodyweight move (REGRESSION). */
  regression: number;
  /** A pull-up or chin-up: bodyweight, but a staple that progresses by reps and then a belt. */
  barWork: boolean;
  compound: boolean;
  frontRaise: number;
  pattern: ReturnType<typeof patternOf>;
  twin: string;
  staple: number;
  stapleStrength: number;
  compoundOrder: number;
  isolationOrder: number;
  /** A leg extension, leg curl or calf raise (MACHINE_FIRST_PATTERNS), isolation. */
  machineFirst: boolean;
  /** Arm isolation's angle (arm-angle.ts): a session's second curl or extension takes another. */
  armAngle: string | undefined;
  level: number;
  hingedRow: boolean;
  backSquat: boolean;
  deadliftDaySquat: boolean;
  /** A box squat: a deadlift day's squat after the front and pause squats (a coach's read). */
  boxSquat: boolean;
  lateralRaise: boolean;
  /** A fiddly or weaker form of an isolation move (FIDDLY_ISOLATION) 2, a one-sided one 1: the plain one first. */
  fiddly: number;
  /** A hanging knee or leg raise: a trained lifter's bodyweight core move where there is a bar. */
  hangingRaise: boolean;
  /** A floor version of a bench exercise (a floor skull crusher): a home lifter's form. */
  floorVersion: boolean;
}

/**
 * Isolation work a coach swaps for the plain move (a coach's read of free-exercise-db weeks): a
 * reverse-grip pushdown (less load on the triceps than the rope or bar), a triceps extension on an
 * incline or decline bench (an adjustable bench and an awkward set-up), a cable extension lying on a
 * bench; and (a later read of both catalogues) a triceps kickback, the weakest triceps exercise, a
 * pullover filed as chest work (it trains the lats and serratus more), the cable iron cross; a curl
 * lying on the floor under a pulley (set up on the floor at the station, where a standing cable curl
 * or a preacher curl trains the same); a reverse-grip curl, which trains the forearms more than the
 * biceps (a week's curls were a hammer and a reverse cable curl, no supinated curl); the Tate press,
 * elbows out, where a skull crusher trains the same lying angle (a coach read it in a full gym).
 * exercise_alternatives ranks the same forms down (weaker_variant; reverse_grip_curl).
 */
const FIDDLY_ISOLATION =
  /\breverse[- ]grip\b.*\b(pushdown|push-down|extension)\b|\b(incline|decline)\b.*\btriceps?\b|\bcable lying triceps\b|\btriceps? (dumbbell |cable )?kickbacks?\b|\bpullovers?\b|\biron cross\b|\blying\b.*\b(high pulley|cable curls?)\b|\breverse\b.*\bcurls?\b|\btate press\b/i;

/**
 * One arm or one leg at a time: a set takes each side in turn, about twice the time a two-sided set
 * takes for the same work (a coach read free-exercise-db weeks of one-arm laterals, single-arm
 * crossovers and one-legged kickbacks); the two-sided form first where there is one. A standing leg
 * curl machine works one leg at a time too.
 */
const ONE_SIDED = /\b(one|single)[- ](arm|leg|legged)\b|\bstanding leg curls?\b/i;

const FACTS = new WeakMap<CatalogueEntry, Facts>();

function factsOf(entry: CatalogueEntry): Facts {
  const cached = FACTS.get(entry);
  if (cached !== undefined) return cached;
  const pattern = patternOf(entry);
  const machinePattern = MACHINE_FIRST_PATTERNS.has(pattern);
  const facts: Facts = {
    category: CATEGORY_RANK[entry.category],
    isStatic: entry.force === "static" ? 1 : 0,
    loadClass: LOAD_CLASS[entry.equipment],
    // A clean-grip front squat is kept from beginners (the rack position is a skill: eligibility.ts)
    // but is no Olympic clean: a trained lifter's deadlift day takes it before a box squat.
    skill: isAdvancedSkill(entry) && !CLEAN_GRIP.test(entry.name) ? 1 : 0,
    regression: REGRESSION.test(entry.name) ? 1 : 0,
    barWork: isBarWork(entry),
    compound: isCompound(entry),
    // Lateral raises 0, rear-delt work 1, front raises and their hybrids 2 (delt-head.ts); side
    // bends and twists 2 among the abdominals.
    frontRaise:
      SIDE_BEND.test(entry.name) || FRONT_OR_HYBRID.test(entry.name)
        ? 2
        : entry.primaryMuscle === "shoulders"
          ? deltRank(entry)
          : 0,
    pattern,
    twin: twinKey(entry),
    staple: stapleRank(entry.name, "hypertrophy"),
    stapleStrength: stapleRank(entry.name, "strength"),
    compoundOrder: COMPOUND_EQUIPMENT.indexOf(entry.equipment),
    isolationOrder: (machinePattern ? MACHINE_FIRST_EQUIPMENT : ISOLATION_EQUIPMENT).indexOf(entry.equipment),
    machineFirst: machinePattern && entry.mechanic === "isolation",
    armAngle: armAngleOf(entry),
    level: LEVEL_RANK[entry.level],
    hingedRow: isHingedRow(entry),
    backSquat: BACK_SQUAT.test(entry.name.trim()),
    deadliftDaySquat: DEADLIFT_DAY_SQUAT.test(entry.name),
    boxSquat: /\bbox\b/i.test(entry.name),
    lateralRaise: isLateralRaise(entry),
    fiddly: FIDDLY_ISOLATION.test(entry.name) ? 2 : ONE_SIDED.test(entry.name) ? 1 : 0,
    hangingRaise: /\bhanging (knee|leg) raises?\b/i.test(entry.name),
    floorVersion: entry.mechanic === "isolation" && /\bfloor\b/i.test(entry.name),
  };
  FACTS.set(entry, facts);
  return facts;
}

const FACTS_OF_LIST = new WeakMap<readonly CatalogueEntry[], readonly Facts[]>();

const BENCH_IN_KIT = new WeakMap<readonly CatalogueEntry[], boolean>();

/** Whether some candidate needs a bench, once per candidates array (the ranking's hot path). */
function benchInKitOf(candidates: readonly CatalogueEntry[]): boolean {
  let bench = BENCH_IN_KIT.get(candidates);
  if (bench === undefined) {
    bench = candidates.some((e) => e.requires.includes("bench"));
    BENCH_IN_KIT.set(candidates, bench);
  }
  return bench;
}

/**
 * The facts of each candidate, index for index, once per candidates array: a plan asks for the
 * same group's candidates dozens of times, and one look-up per entry each time was the ranking's
 * largest cost.
 */
function factsOfList(candidates: readonly CatalogueEntry[]): readonly Facts[] {
  let facts = FACTS_OF_LIST.get(candidates);
  if (facts === undefined) {
    facts = candidates.map(factsOf);
    FACTS_OF_LIST.set(candidates, facts);
  }
  return facts;
}

/** `candidates` must be sorted by exerciseId; undefined when every candidate is already in the session. */
export function chooseExercise(
  candidates: readonly CatalogueEntry[],
  block: Block,
  slotIndex: number,
  context: ChoiceContext,
): CatalogueEntry | undefined {
  const preferred = block.patterns[slotIndex % block.patterns.length];
  const wantCompound = preferred !== undefined && isCompoundPattern(preferred);
  const used = new Set<string>();
  const twins = new Set<string>();
  const armAngles = new Set<string | undefined>();
  let lateralInSession = false;
  const pressAngles = new Set<string>();
  for (const entry of context.session) {
    const angle = pressAngleOf(entry);
    if (angle !== undefined) pressAngles.add(angle);
    used.add(entry.exerciseId);
    twins.add(factsOf(entry).twin);
    armAngles.add(factsOf(entry).armAngle);
    if (factsOf(entry).lateralRaise) lateralInSession = true;
  }
  const repeat = context.goal === "strength" || context.experience === "beginner";
  const strength = context.goal === "strength";
  const beginner = context.experience === "beginner";
  const varyMain = context.goal === "hypertrophy" && !beginner;
  const strongPull = context.goal === "strength" && !beginner;
  // Two key buffers, reused: the ranking runs thousands of times a plan, so it allocates nothing.
  let entryKey: number[] = new Array<number>(KEY_LENGTH).fill(0);
  let bestKey: number[] = new Array<number>(KEY_LENGTH).fill(0);
  // The key in two parts, the first (up to FIXED_FIELDS) read from the entry's facts and what the
  // session already holds: most candidates already rank below the best on it, and skip the second
  // part's week look-ups.
  const fillFixed = (entry: CatalogueEntry, facts: Facts, out: number[], equipment: Equipment): void => {
    out[0] = facts.category;
    out[1] = facts.isStatic;
    // A pull-up or chin-up takes a belt: for strength from intermediate up it is as loadable a
    // main lift as a pull-down (a weighted pull-up leads the pull day, not the cable).
    // Without a barbell squat, a machine squat (a leg press, a hack squat) leads before a dumbbell
    // one: it loads the legs as a bar would (a coach read a dumbbell front squat leading a legs day
    // beside an unused leg press).
    const machineSquat = machineSquatLeads && facts.pattern === "squat" && equipment !== "machine" ? 1 : 0;
    out[2] = context.leading
      ? 2 * (strongPull && facts.barWork ? 0 : facts.loadClass) + machineSquat + 20 * facts.skill
      : 0;
    out[3] = (facts.compound === wantCompound ? 0 : 1) + (loadedHipWork && facts.loadClass > 0 ? 2 : 0);
    out[4] =
      facts.frontRaise +
      (equipment === "barbell" &&
      facts.compound &&
      unbarredPatterns?.has(facts.pattern) === true &&
      !context.mainUse.has(entry.exerciseId)
        ? 1
        : 0) +
      (supportedFirst && facts.hingedRow ? 1 : 0) +
      // Outside strength (whose close-grip and paused benches are variations of the lift being
      // trained), a day's second loaded press takes another angle than its first: an incline after
      // the flat bench, not a flat dumbbell press (a coach read two flat presses, and two inclines,
      // on the push days of one week).
      (!strength && pressAngles.size > 0 && pressAngles.has(pressAngleOf(entry) ?? "") ? 1 : 0) +
      (spareTheSpine && facts.compound && !context.mainUse.has(entry.exerciseId)
        ? loadsSpine(entry)
          ? 2
          : machineSquatThere && equipment !== "machine"
            ? 1
            : 0
        : 0);
    // Pull-ups and chin-ups rank with loaded lifts (a belt), except in a strength week's slot that
    // prefers another pattern: there a pull-up is bodyweight like an inverted row, and the row's
    // pattern decides (a bar-only strength week had no row at all).
    out[5] = facts.barWork && !(strength && facts.pattern !== preferred) ? 0 : facts.loadClass;
    out[6] = facts.skill;
    // Regressions are a bodyweight idea: a kneeling cable row or squat is a variation, not an
    // easier form, so for loaded work the plain lift comes first for everyone.
    out[7] = beginner && facts.loadClass > 0 ? 1 - facts.regression : facts.regression;
  };
  // Whether a lift already in the week comes back here: 0 to take it again, higher to take another.
  const reuseRank = (entry: CatalogueEntry, facts: Facts, patternRank: number, mainUses: number): number => {
    // A deadlift day's squat is a barbell front, pause or box squat, before the week's back squat
    // again or a lunge: a coach read a back squat for reps after 5 x 3-5 deadlifts as the lower
    // back's second heavy lift. It stays a barbell squat (the week's second squat day,
    // strength-frequency.ts). Not a beginner's: after their deadlift only beginner lifts follow
    // (the back squat), below.
    const squatAfterDeadlift =
      !beginner &&
      deadliftInSession &&
      facts.pattern === "squat" &&
      facts.compound &&
      entry.equipment === "barbell";
    if (squatAfterDeadlift)
      return facts.backSquat ? 3 : facts.deadliftDaySquat ? (facts.boxSquat ? 1 : 0) : 2;
    // A strength week's pulls keep the slot's preferred pattern before anything else: an upper day
    // that prefers a row rows, rather than repeat the pull day's main chin-up or take a pull-down
    // the week has not used yet (a coach read an advanced upper day of presses and a chin-up).
    if (strength && block.group === "back") return patternRank !== 0 ? 2 : mainUses > 0 ? 0 : 1;
    // Legs that cannot be loaded heavily keep the day's preferred pattern (a split squat on the
    // days that prefer one) before the week's main squat again (loadLimitedLegs, below).
    if (loadLimitedLegs && patternRank !== 0) return 1;
    return mainUses > 0 && (repeat || (patternRank === 0 && !varyChestPress && !varyBackPull)) ? 0 : 1;
  };
  const fillRest = (entry: CatalogueEntry, facts: Facts, out: number[]): void => {
    const patternRank = facts.pattern === preferred ? 0 : block.patterns.includes(facts.pattern) ? 1 : 2;
    const uses = context.weekUse.get(entry.exerciseId) ?? 0;
    const mainUses = context.mainUse.get(entry.exerciseId) ?? 0;
    out[8] = context.leading ? patternRank : 0;
    // Hypertrophy from intermediate up varies its main lifts between days (a flat bench on one
    // push day, an incline or dumbbell press on the next: PHUL and PHAT's A and B days; a coach
    // read 10 chest sets all from the flat bench); each lift still progresses on its own, and a
    // main lift still comes back as another day's second lift (a chest press, see varyChestPress).
    const repeatsMain = mainUses > 0;
    out[9] = context.leading ? (repeatsMain === !varyMain ? 0 : 1) : 0;
    out[10] = reuseRank(entry, facts, patternRank, mainUses);
    // One scale for all: 0 a lift to repeat that is already in the week, 1 a new one, 1 + uses a
    // lift to vary.
    // Strength repeats its barbell lifts where they fit the slot's preferred pattern: a row that
    // comes back on the day that prefers a vertical pull would keep pull-ups out of the week.
    // A beginner repeats a short list, but the back's two patterns both belong on it: a row on the
    // days that prefer a row, a pull-down or pull-up on the others (a coach read a beginner's three
    // days of pull-downs and no row).
    // So do the legs where the lifter cannot load a squat heavily (no barbell or machine squat): a
    // split squat or lunge on the days that prefer one, the squat on the others (two coaches read
    // a bodyweight or dumbbell squat on all three days, capped by what the lifter can hold).
    const repeats =
      (beginner &&
        ((block.group !== "back" && !(block.group === "quadriceps" && loadLimitedLegs)) ||
          patternRank === 0)) ||
      (strength && entry.equipment === "barbell" && patternRank === 0);
    // The machine made for a leg extension, leg curl or calf raise is repeated rather than varied;
    // but a trained lifter's hypertrophy week takes its leg curls lying on one day and seated on the
    // next where there are both (a coach read a lying leg curl on both lower days: seated, the
    // hamstrings work at longer lengths).
    const machineFirst =
      facts.machineFirst && entry.equipment === "machine" && !(varyMain && facts.pattern === "knee_flexion");
    out[11] = repeats || machineFirst ? (uses > 0 ? 0 : 1) : uses === 0 ? 1 : 1 + uses;
    out[12] = twins.has(facts.twin) ? 1 : 0;
    out[13] = patternRank;
    // Among bodyweight core moves (loaded ones rank first by out[5]), a trained lifter with a bar
    // hangs: a coach read crunches in a barbell lifter's week beside an unused pull-up bar.
    const crunchBesideBar = !beginner && block.group === "abdominals" && hangingThere && !facts.hangingRaise;
    out[14] = wantCompound
      ? strength
        ? facts.stapleStrength
        : facts.staple
      : 2 * facts.fiddly + (crunchBesideBar ? 1 : 0) + (benchInKit && facts.floorVersion ? 2 : 0);
    out[15] = beginner && !strength && entry.level !== "beginner" ? 1 : 0;
    out[16] = wantCompound ? facts.compoundOrder : facts.isolationOrder;
    out[17] = facts.level;
  };
  // After a heavy (barbell) hinge a beginner's grip, back and focus are spent: only beginner-level lifts
  // follow it (no front squat after deadlifts; issue 22, item 8).
  // One barbell row a session (a bent-over and a Pendlay row on one day are 8 sets of the same
  // hinged pull, a coach's read): a second row is a dumbbell, supported, cable or machine row, and
  // a supported one first (out[4]: a coach read a barbell and a bent-over dumbbell row on one day).
  const bentRowInSession = context.session.some(isBentRow);
  const verticalPullInSession = context.session.some((entry) => factsOf(entry).pattern === "vertical_pull");
  const supportedFirst = context.supportedRow === true || bentRowInSession;
  // Any row held in a hinge, a dumbbell one too: no deadlift joins it (see below).
  const hingedRowInSession = context.session.some(isHingedRow);
  // A day with a deadlift from the floor holds no second heavy hinge (a Romanian or stiff-leg
  // deadlift, a good morning): the lower back has had its work, and the hamstrings' second
  // exercise is a leg curl (a coach read a deadlift followed by Romanian deadlifts).
  const deadliftInSession = context.session.some(isFloorDeadlift);
  // Two barbell leg lifts that load the spine a session at most (squats, lunges, hinges) beside a
  // conventional deadlift, and in strength plans, whose sets are heavy: a coach read a deadlift
  // followed by a back squat and a barbell split squat as unsafe, and a strength day's squat, barbell
  // split squat and Romanian deadlift as one too many.
  const barbellLegLifts = deadliftInSession || strength ? context.session.filter(isBarbellLegLift).length : 0;
  const afterHinge =
    beginner &&
    context.session.some(
      (entry) =>
        entry.equipment === "barbell" && factsOf(entry).compound && factsOf(entry).pattern === "hinge",
    );
  const machineSquatLeads =
    context.leading &&
    preferred === "squat" &&
    !candidates.some(
      (e) => e.equipment === "barbell" && factsOf(e).pattern === "squat" && factsOf(e).compound,
    ) &&
    candidates.some(
      (e) => e.equipment === "machine" && factsOf(e).pattern === "squat" && factsOf(e).compound,
    );
  const candidateFacts = factsOfList(candidates);
  const loadLimitedLegs =
    block.group === "quadriceps" &&
    !candidates.some(
      (e) =>
        (e.equipment === "barbell" || e.equipment === "machine") &&
        factsOf(e).pattern === "squat" &&
        factsOf(e).compound,
    );
  // Outside strength (whose hip work is its barbell lifts), glute and hamstring work is loaded where
  // the lifter can load it: a dumbbell hip thrust or Romanian deadlift before a bodyweight donkey
  // kick or glute kickback (a coach read bodyweight kickbacks in a dumbbell lifter's plan as filler).
  const loadedHipWork =
    !strength &&
    (block.group === "glutes" || block.group === "hamstrings") &&
    candidates.some((e) => factsOf(e).loadClass === 0);
  // A hypertrophy day led by a barbell hinge (a Romanian deadlift, a deadlift, a good morning)
  // squats on a machine or with dumbbells where it can: a leg press or a hack squat,
  // not a barbell split squat that loads the tired lower back again (a coach's read of a full-gym
  // legs day); without a machine, a dumbbell split squat or goblet squat before a barbell one. The
  // week's main squat still comes back (main lifts are practised on two days); strength squats
  // with the bar (its lifts are the point).
  const spareTheSpine =
    context.goal === "hypertrophy" &&
    !context.leading &&
    block.group === "quadriceps" &&
    context.session[0]?.equipment === "barbell" &&
    factsOf(context.session[0]).pattern === "hinge" &&
    loadsSpine(context.session[0]);
  const hangingThere = block.group === "abdominals" && candidates.some((e) => factsOf(e).hangingRaise);
  // With a bench in the kit (some candidate needs one), a floor version of a bench exercise ranks
  // with the fiddly forms: a coach read a floor skull crusher in a full gym and in a week with a
  // bench, where a lying or overhead extension trains the triceps through the whole range.
  const benchInKit = benchInKitOf(candidates);
  // A short session loads one bar: its other lifts take dumbbells, a cable or a machine where one
  // of the slot's pattern can be had (a coach read a 30-minute full-body day of a barbell squat,
  // bench press and hip thrust, three bars to load in half an hour). Not the week's main lifts:
  // they come back on another day as they are.
  const secondBarbell =
    context.quickSetups === true &&
    !context.leading &&
    context.session.some((e) => e.equipment === "barbell");
  const unbarredPatterns = secondBarbell ? unbarredPatternsOf(candidates) : undefined;
  const machineSquatThere =
    spareTheSpine &&
    candidates.some(
      (e) => e.equipment === "machine" && factsOf(e).pattern === "squat" && factsOf(e).compound,
    );
  // Hypertrophy from intermediate up: the second chest exposure is another press (an incline
  // dumbbell press for a flat bench), not the other day's main lift again as a T2 (two coaches read
  // the flat bench twice in an upper/lower week), where dumbbells give one; the legs' main lifts
  // still come back (a squat twice a week), and a barbell-only week repeats its bench.
  const varyChestPress =
    varyMain &&
    block.group === "chest" &&
    candidates.some((e) => e.equipment === "dumbbell" && factsOf(e).pattern === "horizontal_push");
  // The same for the back: the second pull of a day is another row or pull-down than the other
  // pull day's main lift (a coach read a push/pull/legs week whose two pull days were the same
  // pull-down and row, the tiers swapped), where loaded pulls of the pattern give one.
  const varyBackPull =
    varyMain &&
    context.roomToVary === true &&
    block.group === "back" &&
    candidates.filter((e) => e.equipment !== "bodyweight" && factsOf(e).pattern === preferred).length >= 2;
  let best: CatalogueEntry | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const entry = candidates[i] as CatalogueEntry;
    const facts = candidateFacts[i] as Facts;
    if (used.has(entry.exerciseId)) continue;
    if (block.only === true && !block.patterns.includes(facts.pattern)) continue;
    if (afterHinge && entry.level !== "beginner" && facts.compound) continue;
    if (bentRowInSession && isBentRow(entry)) continue;
    if (deadliftInSession && facts.compound && facts.pattern === "hinge" && HEAVY_HINGE.test(entry.name))
      continue;
    // Nor a ballistic hinge (a swing, a clean): a coach read kettlebell swings after 5 x 3-5
    // deadlifts as unsafe, the tired lower back snapping a fast hinge.
    if (deadliftInSession && facts.pattern === "hinge" && BALLISTIC_HINGE.test(entry.name)) continue;
    if (barbellLegLifts >= MAX_BARBELL_LEG_LIFTS && isBarbellLegLift(entry)) continue;
    // A row beside a deadlift is supported, on a cable or a machine: a bent-over row holds the
    // hinge the deadlift just tired (a coach read a bent-over row after deadlifts as unsafe).
    if (deadliftInSession && isHingedRow(entry)) continue;
    // One vertical pull a session (two coaches read a pull-down followed by pull-ups or chin-ups, 8
    // vertical sets beside 2 of rows): a second back exercise is a row.
    if (verticalPullInSession && facts.pattern === "vertical_pull") continue;
    if (hingedRowInSession && isFloorDeadlift(entry)) continue;
    // Isolation of one movement once a session (a cable and a machine leg extension, two flyes:
    // the same work twice, a coach's read); arm work may take a second angle, and a lateral raise
    // comes once (below).
    if (!facts.compound && twins.has(facts.twin) && ONE_ISOLATION.has(facts.pattern)) continue;
    if (facts.armAngle !== undefined && armAngles.has(facts.armAngle)) continue;
    // One lateral raise a session (two coaches read a cable and a dumbbell lateral raise on one
    // push day as the same work twice); rear-delt work beside it is another head.
    if (lateralInSession && facts.lateralRaise) continue;
    fillFixed(entry, facts, entryKey, entry.equipment);
    if (best !== undefined && compareKeys(entryKey, bestKey, 0, FIXED_FIELDS) > 0) continue;
    fillRest(entry, facts, entryKey);
    // Strictly better only: candidates come sorted by id, so the first of equals wins. `accept` is
    // asked only of a would-be best, which keeps it off the hot path.
    if (best === undefined || compareKeys(entryKey, bestKey, 0, KEY_LENGTH) < 0) {
      if (context.accept !== undefined && !context.accept(entry)) continue;
      best = entry;
      [bestKey, entryKey] = [entryKey, bestKey];
    }
  }
  return best;
}

const MAX_BARBELL_LEG_LIFTS = 2;

const UNBARRED_PATTERNS = new WeakMap<readonly CatalogueEntry[], ReadonlySet<MovementPattern>>();

/** The patterns of which the candidates hold a loaded compound without a barbell (dumbbells, a cable, a machine). */
function unbarredPatternsOf(candidates: readonly CatalogueEntry[]): ReadonlySet<MovementPattern> {
  let patterns = UNBARRED_PATTERNS.get(candidates);
  if (patterns === undefined) {
    patterns = new Set(
      candidates
        .filter((e) => e.equipment !== "barbell" && factsOf(e).loadClass === 0 && factsOf(e).compound)
        .map((e) => factsOf(e).pattern),
    );
    UNBARRED_PATTERNS.set(candidates, patterns);
  }
  return patterns;
}

/** Isolation patterns a session holds once (see chooseExercise). */
const ONE_ISOLATION: ReadonlySet<string> = new Set([
  "knee_extension",
  "knee_flexion",
  "chest_isolation",
  "hip_isolation",
  "calf_raise",
]);

/**
 * The bench angle of a loaded chest press (barbell, dumbbell, machine, cable...): "incline",
 * "decline" or "flat"; undefined for anything else, bodyweight presses included (an "incline"
 * push-up is the easier one, hands up).
 */
export const pressAngleOf = perEntry((entry: CatalogueEntry): string | undefined => {
  if (entry.equipment === "bodyweight" || entry.mechanic !== "compound") return undefined;
  if (patternOf(entry) !== "horizontal_push" || entry.primaryMuscle !== "chest") return undefined;
  return /\bincline\b/i.test(entry.name) ? "incline" : /\bdecline\b/i.test(entry.name) ? "decline" : "flat";
});

/** A barbell row held in a hinge (bent-over, Pendlay, T-bar): it loads the spine (spine-load.ts). */
export function isBentRow(entry: CatalogueEntry): boolean {
  return entry.equipment === "barbell" && isHingedRow(entry);
}

/** A row held in a hinge with any free weight (bent-over, Pendlay, T-bar): it loads the spine. */
export function isHingedRow(entry: CatalogueEntry): boolean {
  return patternOf(entry) === "horizontal_pull" && loadsSpine(entry);
}

function twinKey(entry: CatalogueEntry): string {
  const words = entry.name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  return `${patternOf(entry)}:${singular(words.at(-1) ?? "")}`;
}

/** "Extensions" and "Extension", "Flies", "Flyes" and "Fly" are one word (a file spells both). */
function singular(word: string): string {
  return word.replace(/ies$/, "y").replace(/s$/, "").replace(/e$/, "");
}

/** Compares fields from..to-1 of two keys, in order. */
function compareKeys(a: readonly number[], b: readonly number[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
