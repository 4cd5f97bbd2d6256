// The product's own exclusion list (docs/programming-rules.md, section 6, "Out of the plans"):
// exercises either catalogue holds that a coach would strike from a first week, each with its
// reason. Catalogue-level, by name, so it holds for the built-in catalogue and for an import alike;
// a lifter's own exclusions are applied elsewhere, before generation.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import type { Equipment, ExperienceLevel, Goal } from "../vocabulary.ts";
import { deltHeadOf, FRONT_OR_HYBRID } from "./delt-head.ts";
import { patternOf } from "./movement.ts";

export interface ExclusionContext {
  goal: Goal;
  experience: ExperienceLevel;
  equipment: ReadonlySet<Equipment>;
  /** Every exercise eligible for the request, whatever its group: what the lifter could do instead. */
  eligible: readonly CatalogueEntry[];
}

export interface Exclusion {
  /** Short name of the rule, for tests and docs. */
  rule: string;
  reason: string;
  applies: (entry: CatalogueEntry, context: ExclusionContext) => boolean;
}

const BALANCING_ON_A_DUMBBELL = /\bon an? dumbbells?\b/i;
const STANDING_ON_A_BENCH_TO_ROW = /\bbench mid rows?\b|\bstanding on (a|the) bench\b/i;
const GLUTE_KICKBACK = /\bkick ?backs?\b|\bdonkey kicks?\b/i;
/** Bodyweight work offered to a strength lifter from intermediate up who has a barbell. */
function bodyweightForBarbellStrength(entry: CatalogueEntry, context: ExclusionContext): boolean {
  return (
    context.goal === "strength" &&
    context.experience !== "beginner" &&
    context.equipment.has("barbell") &&
    entry.equipment === "bodyweight"
  );
}

/** A hip thrust, hinge or lunge with dumbbells, kettlebells or a barbell: glute work that can progress. */
function isLoadedHipOrLeg(entry: CatalogueEntry): boolean {
  const pattern = patternOf(entry);
  return (
    (pattern === "hinge" || pattern === "lunge") &&
    (entry.equipment === "dumbbell" || entry.equipment === "kettlebell" || entry.equipment === "barbell")
  );
}

/** Nordic curls and glute-ham raises: bodyweight hamstring work heavy enough for a trained lifter. */
const HAMSTRING_SKILL = /\bnordic\b|\bglute[- ]?ham\b|\bnatural glute/i;
const KNEE_EXTENSION_SKILL = /\bsissy squats?\b|\breverse nordics?\b/i;
const BENCH_DIP = /\bbench dips?\b/i;
const CLOSE_GRIP_PRESS = /\bclose[- ]grip\b.*\b(bench|press)\b/i;
const DIP = /\bdips?\b/i;
const UPRIGHT_ROW = /\bupright\b.*\brows?\b/i;
// free-exercise-db's Elevated Cable Rows: the seated cable row sat on a box on the same machine.
const ELEVATED_CABLE_ROW = /\belevated cable rows?\b/i;
const SEATED_CABLE_ROW = /\bseated cable rows?\b/i;
// Named for it, or a variant whose name hides it: the Bradford and Rocky presses and the Rocky and
// rear pull-ups pass the bar behind the neck (free-exercise-db's instructions say so).
const BEHIND_THE_NECK = /\bbehind[- ]the[- ]neck\b|\bbradford\b|\brocky pull|\brear pull-?ups?\b/i;
/** An overhead press or a lateral raise: what trains the delts without the upright row's risk. */
const SAFER_DELT_WORK = /\b(overhead|military|shoulder) press\b|\blateral raises?\b/i;

/** A rotator-cuff drill: the upper arm turned out or in at the side, not raised. */
const ROTATOR_CUFF = /\b(external|internal) rotations?\b/i;
/** Deltoid work: a side- or rear-delt raise, or an overhead press. */
function isDeltWork(entry: CatalogueEntry): boolean {
  const head = deltHeadOf(entry);
  return head === "side" || head === "rear" || patternOf(entry) === "vertical_push";
}

/** A barbell rowed to the chest with the elbows flared, bent over: free-exercise-db's rear-delt row. */
const BARBELL_REAR_DELT_ROW = /\brear[- ]delt rows?\b/i;
/** Rear-delt work that does not load the lower back: face pulls, reverse flyes, rear raises. */
function isUnloadedRearDeltWork(entry: CatalogueEntry): boolean {
  return (
    deltHeadOf(entry) === "rear" && !(entry.equipment === "barbell" && BARBELL_REAR_DELT_ROW.test(entry.name))
  );
}

/** A dumbbell held between the feet or behind the knee (a leg curl or extension, a donkey kick). */
const DUMBBELL_HELD_BY_THE_LEGS = /\bdumbbell (leg curls?|leg extensions?|donkey kicks?)\b/i;
/** The bar lowered to the neck. */
const GUILLOTINE = /\bguillotine\b/i;
/**
 * Resisted or held down by a partner's hands, by the file's instructions (the app plans for one
 * lifter): free-exercise-db's back extension on a flat bench starts "with someone holding down your
 * legs".
 */
const PARTNER_RESISTED =
  /\btowel triceps extensions?\b|\bmanual\b|\bhyperextensions? with no hyperextension bench\b|\bbarbell seated calf raises?\b|\bcable preacher curls?\b/i;
/** What only a kettlebell does well: the ballistic lifts and the get-up. */
const KETTLEBELL_OWN = /\b(swings?|cleans?|snatch(es)?|get[- ]?ups?|windmills?|halos?)\b/i;

function isBetterTricepsPress(entry: CatalogueEntry): boolean {
  if (BENCH_DIP.test(entry.name)) return false;
  return CLOSE_GRIP_PRESS.test(entry.name) || (DIP.test(entry.name) && entry.mechanic !== "isolation");
}

export const EXCLUSIONS: readonly Exclusion[] = [
  {
    rule: "balancing on a dumbbell",
    reason: "standing on a dumbbell that can roll: an ankle injury for a few calf sets a step gives safely",
    applies: (entry) => BALANCING_ON_A_DUMBBELL.test(entry.name),
  },
  {
    rule: "standing on a bench to row",
    reason:
      "rowing a bar while standing on a bench: a fall risk, and a bent-over or supported row does the same work",
    applies: (entry) => STANDING_ON_A_BENCH_TO_ROW.test(entry.name),
  },
  {
    rule: "passing the bar behind the neck",
    reason:
      "a press or pulldown behind the neck (a Bradford press passes it every rep) loads the shoulder turned out at its end range; the same lift in front of the face trains the same muscles",
    applies: (entry) => BEHIND_THE_NECK.test(entry.name),
  },
  {
    rule: "lowering the bar to the neck",
    reason:
      "a guillotine press lowers the bar to the neck with the elbows flared: a missed rep lands on the throat and the shoulders take the load at their end range; a bench press to the chest trains the same muscles",
    applies: (entry) => GUILLOTINE.test(entry.name),
  },
  {
    rule: "glute kickbacks in barbell strength plans",
    reason:
      "a strength lifter with a barbell trains the hips with deadlifts and hip thrusts; a kickback adds little load",
    applies: (entry, context) =>
      context.goal === "strength" &&
      context.equipment.has("barbell") &&
      entry.primaryMuscle === "glutes" &&
      GLUTE_KICKBACK.test(entry.name),
  },
  {
    rule: "sissy squats and reverse Nordics in barbell strength plans",
    reason:
      "a strength lifter with a barbell trains the quadriceps with squats and their variants; a sissy squat or reverse Nordic is a bodybuilding finisher that loads the knee at its end range with nothing to add in small steps",
    applies: (entry, context) =>
      context.goal === "strength" &&
      context.equipment.has("barbell") &&
      entry.equipment === "bodyweight" &&
      KNEE_EXTENSION_SKILL.test(entry.name),
  },
  {
    rule: "bodyweight squats and lunges in barbell strength plans from intermediate up",
    reason:
      "a trained strength lifter with a barbell loads the legs with the bar; unloaded squats, lunges or split squats for 8-25 after the heavy lifts are conditioning filler, not strength work",
    applies: (entry, context) =>
      bodyweightForBarbellStrength(entry, context) &&
      (patternOf(entry) === "squat" || patternOf(entry) === "lunge"),
  },
  {
    rule: "bodyweight glute work for a lifter who can load a hinge or a lunge",
    reason:
      "a glute kickback, leg lift or step-up for 10-20 cannot progress past high reps; a lifter with dumbbells, kettlebells or a barbell trains the glutes in a loaded hip thrust, hinge or lunge (a coach read bodyweight step-ups and kickbacks in a dumbbell lifter's week as filler)",
    applies: (entry, context) =>
      entry.primaryMuscle === "glutes" &&
      entry.equipment === "bodyweight" &&
      context.eligible.some(isLoadedHipOrLeg),
  },
  {
    rule: "bodyweight hamstring work in barbell strength plans from intermediate up",
    reason:
      "a trained strength lifter with a barbell loads the hamstrings with deadlifts, Romanian deadlifts and good mornings; a walkout or a towel slide for 10-20 after them is filler that cannot progress (a coach's read: its minutes go to the main lift's back-off sets)",
    applies: (entry, context) =>
      bodyweightForBarbellStrength(entry, context) &&
      entry.primaryMuscle === "hamstrings" &&
      !HAMSTRING_SKILL.test(entry.name),
  },
  {
    rule: "bodyweight shoulder raises in barbell strength plans from intermediate up",
    reason:
      "a trained strength lifter with a barbell trains the shoulders in the overhead press and the upper back in its rows; a prone raise or snow angel for 10-20 is filler that cannot progress (a coach read a snow angel as a barbell lifter's shoulder work)",
    applies: (entry, context) =>
      bodyweightForBarbellStrength(entry, context) &&
      entry.primaryMuscle === "shoulders" &&
      entry.mechanic === "isolation",
  },
  {
    rule: "front raises in barbell strength plans from intermediate up",
    reason:
      "the overhead press and the bench press train the front delts of a trained strength lifter with a barbell; a front raise adds nothing the presses do not (a coach read straight raises on an incline bench and a barbell front raise as such a lifter's shoulder work)",
    applies: (entry, context) =>
      context.goal === "strength" &&
      context.experience !== "beginner" &&
      context.equipment.has("barbell") &&
      FRONT_OR_HYBRID.test(entry.name),
  },
  {
    rule: "bench dips when a close-grip press or dips are possible",
    reason:
      "bench dips load the front of the shoulder at its end range; a close-grip press or parallel-bar dips train the triceps with a load to progress",
    applies: (entry, context) => BENCH_DIP.test(entry.name) && context.eligible.some(isBetterTricepsPress),
  },
  {
    rule: "Olympic-lift drills when a plain lift of the same pattern is possible",
    reason:
      "a jerk dip squat, a snatch balance or a clean pull is a drill of a competition lift's technique, which no goal here teaches; a squat, hinge, press or pull of the same pattern trains the same muscles with a load to progress",
    applies: (entry, context) =>
      entry.category === "olympic_weightlifting" &&
      context.eligible.some(
        (other) => other.category !== "olympic_weightlifting" && patternOf(other) === patternOf(entry),
      ),
  },
  {
    rule: "kettlebell copies of dumbbell lifts when the lifter has dumbbells",
    reason:
      "a kettlebell floor press, front squat or row is the dumbbell lift with coarser load steps (kettlebells jump 4 kg at a time); a coach gives a lifter with dumbbells the dumbbell lift, and kettlebells their own lifts: swings, cleans, snatches and get-ups",
    applies: (entry, context) =>
      entry.equipment === "kettlebell" &&
      context.equipment.has("dumbbell") &&
      !KETTLEBELL_OWN.test(entry.name) &&
      context.eligible.some(
        (other) => other.equipment === "dumbbell" && patternOf(other) === patternOf(entry),
      ),
  },
  {
    rule: "a dumbbell held by a beginner's legs",
    reason:
      "a dumbbell held between the feet or behind the knee (a dumbbell leg curl or leg extension, a dumbbell donkey kick) can slip and drop on the lifter; a beginner learns the movement unloaded, on a machine or with a band first",
    applies: (entry, context) =>
      context.experience === "beginner" && DUMBBELL_HELD_BY_THE_LEGS.test(entry.name),
  },
  {
    rule: "resisted by a partner",
    reason:
      "a towel triceps extension or a manual hamstring curl is loaded by a partner's pull, a back extension off a flat bench needs a partner holding the legs down, a barbell seated calf raise a partner placing the bar across the thighs, and a cable preacher curl a partner handing the bar from the low pulley to a lifter whose arms are on the pad (free-exercise-db's instructions; a coach struck it): a lifter training alone has no partner, and no one can progress a partner's pull in steps",
    applies: (entry) => PARTNER_RESISTED.test(entry.name),
  },
  {
    rule: "strongman events",
    reason:
      'a Conan\'s wheel, a yoke, a log, atlas stones or a tire flip train for a sport no goal here serves, on implements the equipment list cannot promise ("other" is not a yoke); a squat, hinge or press of the same pattern trains the same muscles with a load to progress',
    applies: (entry) => entry.category === "strongman",
  },
  {
    rule: "a barbell rear-delt row when a face pull, reverse fly or rear raise is possible",
    reason:
      "a bent-over barbell row with the elbows flared loads the lower back like the week's rows do, for work a face pull, reverse fly or rear raise gives without it (a coach read it as a second bent-over barbell row dressed as delt work)",
    applies: (entry, context) =>
      entry.equipment === "barbell" &&
      BARBELL_REAR_DELT_ROW.test(entry.name) &&
      context.eligible.some(isUnloadedRearDeltWork),
  },
  {
    rule: "upright rows when an overhead press or a lateral raise is possible",
    reason:
      "pulling the bar to the chin with the arms turned in pinches the shoulder (impingement); a press or a lateral raise trains the delts without it",
    applies: (entry, context) =>
      UPRIGHT_ROW.test(entry.name) && context.eligible.some((other) => SAFER_DELT_WORK.test(other.name)),
  },
  {
    rule: "rotator-cuff rotations when a delt raise or an overhead press is possible",
    reason:
      "an external or internal rotation turns the upper arm at the side: it trains the rotator cuff (infraspinatus, teres minor, subscapularis) with a few kilograms, as a warm-up or rehabilitation drill, not the deltoids a week's shoulder sets are for (a coach read 4 sets of cable external rotations as a push day's shoulder work)",
    applies: (entry, context) =>
      entry.primaryMuscle === "shoulders" &&
      ROTATOR_CUFF.test(entry.name) &&
      deltHeadOf(entry) !== "rear" &&
      context.eligible.some(isDeltWork),
  },
  {
    rule: "an elevated cable row when the seated cable row is possible",
    reason:
      "the seated cable row sat on a box on the same machine: a second name for one station and one movement (a coach read a pull day of seated and elevated cable rows as the same row twice)",
    applies: (entry, context) =>
      ELEVATED_CABLE_ROW.test(entry.name) &&
      context.eligible.some((other) => SEATED_CABLE_ROW.test(other.name)),
  },
];

/**
 * The rules that hold for every request (no goal, equipment or alternative in them): swaps must
 * never offer these either, so exercise_alternatives applies them in SQL
 * (src/db/sql/exercise_is_unsafe.sql; tests/swap/sql-parity.test.ts holds the two equal).
 */
export const ALWAYS_EXCLUDED_RULES: readonly string[] = [
  "balancing on a dumbbell",
  "standing on a bench to row",
  "passing the bar behind the neck",
  "resisted by a partner",
  "lowering the bar to the neck",
];

/** True when an entry falls under a rule that holds for every request. */
export function isAlwaysExcluded(entry: CatalogueEntry): boolean {
  return EXCLUSIONS.some(
    (exclusion) =>
      ALWAYS_EXCLUDED_RULES.includes(exclusion.rule) &&
      exclusion.applies(entry, {
        goal: "general_fitness",
        experience: "beginner",
        equipment: new Set(),
        eligible: [],
      }),
  );
}

/** The exclusion an entry falls under for this request, if any. */
export function exclusionOf(entry: CatalogueEntry, context: ExclusionContext): Exclusion | undefined {
  return EXCLUSIONS.find((exclusion) => exclusion.applies(entry, context));
}
