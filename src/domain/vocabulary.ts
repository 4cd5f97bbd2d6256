// The contract's vocabularies (docs/contract.md section 2, "Vocabularies"). Every equipment and muscle value the
// worker stores or accepts comes from these lists; the database enforces the same lists with CHECK
// constraints, so keep the two in step (drizzle/ custom migrations name them).

export const EQUIPMENT = [
  "barbell",
  "dumbbell",
  "kettlebell",
  "cable",
  "machine",
  "bands",
  "bodyweight",
  "ez_bar",
  "medicine_ball",
  "exercise_ball",
  "foam_roll",
  "other",
  // Added after the first contract: what an exercise may need besides its main implement (a pull-up
  // is bodyweight work that needs a bar; a bench press is barbell work that needs a bench). A request
  // that leaves them out gets no exercise that needs them (docs/programming-rules.md, section 6).
  "pullup_bar",
  "bench",
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const MUSCLE_GROUPS = [
  "abdominals",
  "abductors",
  "adductors",
  "biceps",
  "calves",
  "chest",
  "forearms",
  "glutes",
  "hamstrings",
  "lats",
  "lower_back",
  "middle_back",
  "neck",
  "quadriceps",
  "shoulders",
  "traps",
  "triceps",
] as const;
export type MuscleGroup = (typeof MUSCLE_GROUPS)[number];

export const GOALS = ["hypertrophy", "strength", "general_fitness", "endurance"] as const;
export type Goal = (typeof GOALS)[number];

export const EXPERIENCE_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

export const SPLITS = ["full_body", "upper_lower", "push_pull_legs", "auto"] as const;
export type Split = (typeof SPLITS)[number];
export type ConcreteSplit = Exclude<Split, "auto">;

/** Catalogue difficulty, as free-exercise-db spells it. */
export const CATALOGUE_LEVELS = ["beginner", "intermediate", "expert"] as const;
export type CatalogueLevel = (typeof CATALOGUE_LEVELS)[number];

export const MECHANICS = ["compound", "isolation"] as const;
export type Mechanic = (typeof MECHANICS)[number];

export const FORCES = ["push", "pull", "static"] as const;
export type Force = (typeof FORCES)[number];

export const CATEGORIES = [
  "strength",
  "powerlifting",
  "olympic_weightlifting",
  "strongman",
  "plyometrics",
  "stretching",
  "cardio",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Movement patterns the generator balances a session with. */
export const MOVEMENT_PATTERNS = [
  "squat",
  "hinge",
  "lunge",
  "horizontal_push",
  "vertical_push",
  "horizontal_pull",
  "vertical_pull",
  "elbow_flexion",
  "elbow_extension",
  "shoulder_isolation",
  "chest_isolation",
  "knee_extension",
  "knee_flexion",
  "hip_isolation",
  "calf_raise",
  "core",
  "carry",
  "neck",
  "forearm",
  "shrug",
  "mobility",
  "conditioning",
] as const;
export type MovementPattern = (typeof MOVEMENT_PATTERNS)[number];

export const TIERS = ["T1", "T2", "T3"] as const;
export type Tier = (typeof TIERS)[number];
