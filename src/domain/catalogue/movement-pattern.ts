// The movement pattern of an exercise, read from its category, the keywords of its name and then
// its primary muscle with force and mechanic, for catalogues that do not record it
// (free-exercise-db). Like requires.ts, it knows nothing of any file format: the mapper calls it
// with the values it has already mapped. Where nothing makes the pattern clear it says null, and
// the generator falls back on the muscles (src/domain/plan/movement.ts).

import type { Category, Force, Mechanic, MovementPattern, MuscleGroup } from "../vocabulary.ts";

/** What `inferMovementPattern` looks at. */
export interface PatternHints {
  name: string;
  category: Category;
  primaryMuscle: MuscleGroup;
  mechanic: Mechanic | null;
  force: Force | null;
}

type Rule = readonly [RegExp, MovementPattern | ((h: PatternHints) => MovementPattern | null)];

// Name keywords, most specific first. The first rule whose pattern matches the name decides.
const NAME_RULES: readonly Rule[] = [
  [/\bshrugs?\b/, "shrug"],
  [/\b(farmer'?s?|suitcase|yoke|waiter'?s?) (walk|carry)\b|\bcarry\b/, "carry"],
  [/\bcalf (raise|press)|\bcalf\b.*\braise|\bdonkey calf/, "calf_raise"],
  [/\bwrist\b|\bwrist roller|\bfinger curl|\bplate pinch/, "forearm"],
  [/\bneck\b/, (h) => (h.primaryMuscle === "neck" ? "neck" : null)],
  [/\bupright\b.*\brow\b/, "shoulder_isolation"],
  [/\b(leg|hamstring|nordic) curls?\b|\bglute[- ]ham raise|\bnatural glute ham/, "knee_flexion"],
  [/\bleg extensions?\b/, "knee_extension"],
  [/\b(back|hip) extensions?\b|\bhyperextensions?\b/, "hinge"],
  [
    /\bpull[- ]?downs?\b|\bpull[- ]?ups?\b|\bchin[- ]?ups?\b|\bchins?\b|\bmuscle[- ]?ups?\b|\brope climb/,
    (h) =>
      h.primaryMuscle === "abdominals" ? "core" : h.primaryMuscle === "triceps" ? null : "vertical_pull",
  ],
  [/\bpullovers?\b/, (h) => (h.primaryMuscle === "chest" ? "chest_isolation" : "vertical_pull")],
  [/\bface pull|\bbench pull/, "horizontal_pull"],
  [/\b(external|internal) rotation/, "shoulder_isolation"],
  [/\brows?\b/, "horizontal_pull"],
  [/\bsplit squats?\b|\blunges?\b|\bstep[- ]?ups?\b/, "lunge"],
  [/\bleg press\b|\bhack squat|\bsquats?\b/, "squat"],
  [/\bdeadlifts?\b|\bgood ?mornings?\b|\brdl\b|\bhip thrusts?\b/, "hinge"],
  [
    /\bbridges?\b/,
    (h) =>
      h.primaryMuscle === "glutes" || h.primaryMuscle === "hamstrings" || h.primaryMuscle === "lower_back"
        ? "hinge"
        : h.primaryMuscle === "abdominals"
          ? "core"
          : null,
  ],
  [/\bswings?\b|\bpull[- ]?through|\brack pulls?\b|\bstiff[- ]legs?\b/, "hinge"],
  [/\batlas stones?\b|\bkeg load|\bsandbag load|\btire flip/, "hinge"],
  [/\bsled\b|\bbattling ropes?\b|\bdrags?\b/, "conditioning"],
  [/\bthrusters?\b/, "squat"],
  [/\blog lift|\bcircus bell|\bjammer\b/, "vertical_push"],
  [/\bclean\b|\bsnatch\b|\bhigh pull\b/, "hinge"],
  [
    /\bjerk\b|\bpush press\b|\bmilitary press|\boverhead press|\bshoulder press|\barnold press/,
    "vertical_push",
  ],
  [/\bhandstand push/, "vertical_push"],
  [
    /\b(fly|flyes?|flies|cross ?overs?|pec deck|butterfly)\b/,
    (h) =>
      h.primaryMuscle === "shoulders" || h.primaryMuscle === "middle_back"
        ? "shoulder_isolation"
        : "chest_isolation",
  ],
  [/\bpush[- ]?ups?\b|\bbench press\b|\bfloor press\b|\bchest press\b/, "horizontal_push"],
  [/\bbench\b/, (h) => (h.primaryMuscle === "chest" ? "horizontal_push" : null)],
  [/\bdips?\b/, (h) => (h.primaryMuscle === "triceps" ? "elbow_extension" : "horizontal_push")],
  [
    /\bskull ?crushers?\b|\bpush ?downs?\b|\bkickbacks?\b|\btriceps? extensions?\b/,
    (h) =>
      h.primaryMuscle === "triceps"
        ? "elbow_extension"
        : h.primaryMuscle === "glutes"
          ? "hip_isolation"
          : null,
  ],
  [
    /\bcurls?\b/,
    (h) =>
      h.primaryMuscle === "biceps" || h.primaryMuscle === "forearms"
        ? "elbow_flexion"
        : h.primaryMuscle === "hamstrings"
          ? "knee_flexion"
          : null,
  ],
  [
    /\b(lateral|side|front|rear delt|y|reverse)[- ]raises?\b/,
    (h) => (h.primaryMuscle === "shoulders" ? "shoulder_isolation" : null),
  ],
  [
    /\b(leg|knee) raises?\b|\bcrunch|\bsit[- ]?ups?\b|\bplank|\btwist|\brollouts?\b|\bab roller|\bjackknife/,
    "core",
  ],
  [/\bflutter kicks?\b/, "core"],
  [/\babduct|\badduct|\bclam|\bfire hydrant|\bmonster walk|\bhip flexion|\bleg lift\b/, "hip_isolation"],
  [
    /\bpress(es)?\b/,
    // A triceps "press" marked isolation bends only the elbow (a lying triceps press is a skull
    // crusher, the Tate press and the body tricep press too): elbow extension, not a bench press.
    (h) =>
      h.primaryMuscle === "shoulders"
        ? "vertical_push"
        : h.primaryMuscle === "triceps" && h.mechanic === "isolation"
          ? "elbow_extension"
          : h.primaryMuscle === "chest" || h.primaryMuscle === "triceps"
            ? "horizontal_push"
            : null,
  ],
];

/**
 * Movement pattern of an exercise, inferred from its category, name keywords and then its primary
 * muscle with force and mechanic; null where none of these makes it clear.
 */
export function inferMovementPattern(hints: PatternHints): MovementPattern | null {
  if (hints.category === "stretching") return "mobility";
  if (hints.category === "cardio" || hints.category === "plyometrics") return "conditioning";
  const name = hints.name.toLowerCase();
  for (const [pattern, result] of NAME_RULES) {
    if (!pattern.test(name)) continue;
    const decided = typeof result === "function" ? result(hints) : result;
    if (decided !== null) return decided;
  }
  const { primaryMuscle, mechanic, force } = hints;
  switch (primaryMuscle) {
    case "abdominals":
      return "core";
    case "neck":
      return "neck";
    case "forearms":
      return "forearm";
    case "calves":
      return mechanic === "isolation" ? "calf_raise" : null;
    case "biceps":
      return mechanic === "isolation" && force === "pull" ? "elbow_flexion" : null;
    case "triceps":
      return mechanic === "isolation" && force === "push" ? "elbow_extension" : null;
    case "abductors":
    case "adductors":
      return mechanic === "isolation" ? "hip_isolation" : null;
    case "quadriceps":
      return mechanic === "isolation" && force === "push" ? "knee_extension" : null;
    case "hamstrings":
      return mechanic === "isolation" && force === "pull" ? "knee_flexion" : null;
    case "shoulders":
      return mechanic === "isolation" ? "shoulder_isolation" : null;
    case "chest":
      return mechanic === "isolation" ? "chest_isolation" : null;
    default:
      return null;
  }
}
