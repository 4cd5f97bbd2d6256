// Known data errors of the free-exercise-db file (https://github.com/yuhonas/free-exercise-db), fixed
// on import. Data, not code paths: one row per exercise `id`, the fields it corrects and a one-line
// reason. `mapFreeExerciseDb` applies a row after mapping the exercise and lists it in `corrected`,
// so the import report counts the corrections like the inferred requirements. A row whose id is
// not in the file does nothing (another version of the file may have fixed it).
//
// Kinds of error, each of which produced a plan a coach would not sign (docs/programming-rules.md,
// section 6):
// - wrong primary muscle: the conventional deadlift filed under "lower back" never came up as the
//   weekly hinge; a floor press filed under "triceps" never came up as a chest press;
// - isolation marked compound: a fly-like move ranked as a day's main lift;
// - conditioning or plyometrics filed as strength: a sprint or a jump prescribed as 4 x 8-12;
// - an isometric hold filed as a dynamic move: prescribed in reps;
// - an Olympic lift filed as strength: a clean as hamstring work;
// - an apparatus the exercise needs that its `equipment` does not say (a bosu ball, an exercise ball,
//   a Smith machine, an EZ curl bar);
// - a main implement missing: the inverted row, bodyweight work, had none and was never offered.

import type { Category, Equipment, Force, Mechanic, MuscleGroup } from "../vocabulary.ts";

export interface FreeExerciseDbCorrection {
  /** Why the source value is wrong, in one line (shown in the import report's data). */
  reason: string;
  /** The right primary muscle; the source's primary becomes a secondary muscle. */
  primaryMuscle?: MuscleGroup;
  mechanic?: Mechanic;
  force?: Force;
  category?: Category;
  /** Apparatus needed beyond the main implement, added to what the name implies. */
  requires?: Equipment[];
  /** The right main implement, where the file's is wrong or missing. */
  equipment?: Equipment;
}

const DEADLIFT = "a deadlift filed under lower back: the weekly hinge trains hamstrings and glutes first";
const FLOOR_PRESS = "a floor press filed under triceps: a bench press from the floor, a chest press";

export const FREE_EXERCISE_DB_CORRECTIONS: Readonly<Record<string, FreeExerciseDbCorrection>> = {
  Barbell_Deadlift: { primaryMuscle: "hamstrings", reason: DEADLIFT },
  Deficit_Deadlift: { primaryMuscle: "hamstrings", reason: DEADLIFT },
  Deadlift_with_Bands: { primaryMuscle: "hamstrings", reason: DEADLIFT },
  Deadlift_with_Chains: { primaryMuscle: "hamstrings", reason: DEADLIFT },
  Reverse_Band_Deadlift: { primaryMuscle: "hamstrings", reason: DEADLIFT },
  Axle_Deadlift: { primaryMuscle: "hamstrings", reason: DEADLIFT },
  Dumbbell_Floor_Press: { primaryMuscle: "chest", reason: FLOOR_PRESS },
  Floor_Press: { primaryMuscle: "chest", reason: FLOOR_PRESS },
  Floor_Press_with_Chains: { primaryMuscle: "chest", reason: FLOOR_PRESS },
  One_Arm_Floor_Press: { primaryMuscle: "chest", reason: FLOOR_PRESS },
  Around_The_Worlds: {
    mechanic: "isolation",
    reason: "a light fly-like arc with straight arms, marked compound",
  },
  Glute_Kickback: {
    mechanic: "isolation",
    reason: "a single-joint hip extension on all fours, marked compound",
  },
  Hip_Flexion_with_Band: {
    primaryMuscle: "abdominals",
    mechanic: "isolation",
    reason:
      "a standing knee raise against a band, single-joint hip flexion, filed as a quadriceps compound (it took a quadriceps T2); the file puts hip flexion (leg raises) under abdominals",
  },
  Cable_Hip_Adduction: {
    primaryMuscle: "adductors",
    reason: "an adduction filed under quadriceps: it took a quadriceps isolation slot",
  },
  Flutter_Kicks: {
    mechanic: "isolation",
    reason: "prone leg kicks, a single-joint hip extension, marked compound",
  },
  Reverse_Hyperextension: {
    mechanic: "isolation",
    reason: "a hip-extension accessory on a pad with no mechanic, so it read as a main hinge",
  },
  Isometric_Wipers: {
    force: "static",
    reason: "an isometric hold in the push-up position, filed as a dynamic push",
  },
  Car_Drivers: {
    force: "static",
    reason: "a plate held at arm's length and turned: a front-delt hold, filed as a dynamic push",
  },
  Dumbbell_Clean: {
    category: "olympic_weightlifting",
    reason: "an Olympic lift filed as strength, so it served as hamstring work",
  },
  Power_Clean: {
    category: "olympic_weightlifting",
    reason: "an Olympic lift filed as strength, so it was offered as a deadlift's alternative",
  },
  Squat_Jerk: { category: "olympic_weightlifting", reason: "an Olympic lift filed as strength" },
  Snatch_Pull: { category: "olympic_weightlifting", reason: "an Olympic lift's pull filed as strength" },
  Lunge_Sprint: {
    category: "plyometrics",
    reason: "explosive alternating split jumps in a Smith machine, filed as strength",
  },
  Freehand_Jump_Squat: { category: "plyometrics", reason: "a jump, filed as strength" },
  Weighted_Jump_Squat: { category: "plyometrics", reason: "a loaded jump, filed as strength" },
  Wind_Sprints: { category: "cardio", reason: "a conditioning drill, filed as abdominal strength work" },
  Smith_Incline_Shoulder_Raise: {
    requires: ["machine", "bench"],
    reason: "done in a Smith machine, which its equipment (barbell) does not say",
  },
  "Close-Grip_Push-Up_off_of_a_Dumbbell": {
    requires: ["dumbbell"],
    reason: "the hands grip a dumbbell on the floor, which its equipment (body only) does not say",
  },
  "Close-Grip_EZ_Bar_Curl": {
    requires: ["ez_bar"],
    reason: "needs an EZ curl bar, which its equipment (barbell) does not say",
  },
  Decline_EZ_Bar_Triceps_Extension: {
    requires: ["ez_bar"],
    reason: "needs an EZ curl bar, which its equipment (barbell) does not say",
  },
  Lying_Cambered_Barbell_Row: {
    requires: ["bench", "other"],
    reason:
      "lying on a high bench with a cambered bar, neither of which its equipment (barbell) says: a coach read it in a barbell lifter's week as kit the lifter did not list",
  },
  Natural_Glute_Ham_Raise: {
    requires: ["machine"],
    reason:
      "the ankles are held under the leg pad of a lat-pulldown machine or a preacher bench (its instructions), which its equipment (body only) does not say: two coaches read it as kit the lifter did not list",
  },
  Bosu_Ball_Cable_Crunch_With_Side_Bends: {
    requires: ["other"],
    reason: "needs a bosu ball, which its equipment (cable) does not say",
  },
  // The file gives no equipment ("other" after mapping), so the only row a bodyweight lifter could
  // pull with was never offered: the week had no pulling at all (issue 22). It is bodyweight work
  // under a bar or the edge of a sturdy table, which entries assume at hand (catalogue-entry.ts).
  Inverted_Row: {
    equipment: "bodyweight",
    reason: "bodyweight rowing under a bar or a sturdy table, filed with no equipment",
  },
  // Bodyweight work the file lists with no equipment, or as "other": without a correction it never
  // reached a bodyweight lifter's plan or alternatives. What each hangs from or rests on beyond the
  // floor is in `requires` (the name rules add the bar of pull-ups and chins).
  Bodyweight_Walking_Lunge: {
    equipment: "bodyweight",
    reason: "a walking lunge with the hands on the hips, filed with no equipment",
  },
  "Decline_Push-Up": {
    equipment: "bodyweight",
    requires: ["bench"],
    reason: "a push-up with the feet on a box or bench, filed with no equipment",
  },
  Bodyweight_Mid_Row: {
    equipment: "bodyweight",
    requires: ["pullup_bar"],
    reason: "a row hanging from a pull-up apparatus, filed as other equipment",
  },
  "Scapular_Pull-Up": {
    equipment: "bodyweight",
    reason: "shoulder-blade pulls hanging from a bar, filed with no equipment",
  },
  Gironda_Sternum_Chins: {
    equipment: "bodyweight",
    reason: "a chin-up variation on a pull-up bar, filed as other equipment",
  },
  Side_To_Side_Chins: {
    equipment: "bodyweight",
    reason: "a chin-up variation on a pull-up bar, filed as other equipment",
  },
  "Rocky_Pull-Ups_Pulldowns": {
    equipment: "bodyweight",
    reason: "a pull-up variation on a pull-up bar, filed as other equipment",
  },
  Mixed_Grip_Chin: {
    equipment: "bodyweight",
    reason: "a chin-up variation on a pull-up bar, filed as other equipment",
  },
  "Band_Assisted_Pull-Up": {
    equipment: "bands",
    reason: "a pull-up with a band choked round the bar for help, filed as other equipment",
  },
  Platform_Hamstring_Slides: {
    equipment: "bodyweight",
    reason: "a sliding leg curl with a towel under the heels, filed as other equipment",
  },
  Seated_Band_Hamstring_Curl: {
    equipment: "bands",
    requires: ["bench"],
    reason: "a leg curl against a band, seated on a bench, filed as other equipment",
  },
  Body_Tricep_Press: {
    requires: ["pullup_bar"],
    reason:
      "leaning on a bar set at chest height in a rack (its instructions), which its equipment (body only) does not say",
  },
  "Crunch_-_Legs_On_Exercise_Ball": {
    requires: ["exercise_ball"],
    reason: "needs an exercise ball, which its equipment (body only) does not say",
  },
};

/** The correction for an id, if any (own keys only: an id like "constructor" is no correction). */
export function correctionFor(id: string): FreeExerciseDbCorrection | undefined {
  return Object.hasOwn(FREE_EXERCISE_DB_CORRECTIONS, id) ? FREE_EXERCISE_DB_CORRECTIONS[id] : undefined;
}
