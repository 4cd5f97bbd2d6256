import type {
  CatalogueLevel,
  Category,
  Equipment,
  Force,
  Mechanic,
  MovementPattern,
  MuscleGroup,
} from "./vocabulary.ts";

/**
 * One exercise of the catalogue, as the generator sees it: a row of `exrcwiki` in domain words.
 * `exerciseId` is the stable key (free-exercise-db's `id` for imported rows).
 */
export interface CatalogueEntry {
  exerciseId: string;
  name: string;
  /** The main implement: what is loaded or held (bodyweight for a pull-up). */
  equipment: Equipment;
  /**
   * Further equipment the exercise cannot be done without, beyond `equipment`: `pullup_bar` for a
   * pull-up or hanging leg raise, `bench` for a bench press, `other` for special apparatus (dip
   * bars). Empty for most. The generator offers an exercise only when the lifter has all of it.
   */
  requires: readonly Equipment[];
  primaryMuscle: MuscleGroup;
  secondaryMuscles: readonly MuscleGroup[];
  level: CatalogueLevel;
  mechanic: Mechanic | null;
  force: Force | null;
  category: Category;
  /** null where the source does not say (imported rows); the generator then infers from muscles. */
  movementPattern: MovementPattern | null;
  instructions: readonly string[];
}
