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
  equipment: Equipment;
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
