// What the progress charts and `progress show` draw, derived from readProgressSummary: the plan's
// goal and experience (defaults where the user has no plan), and the latest week's hard sets per
// muscle group against that goal's weekly range (WEEKLY_SET_TARGETS, the generator's own ranges).
import type { ProgressSummary } from "../db/queries/progress-summary.ts";
import {
  ACCESSORY_GROUPS,
  fractionalTop,
  GROUP_MUSCLES,
  MAJOR_GROUPS,
  type TargetGroup,
  WEEKLY_SET_TARGETS,
} from "../domain/plan/targets.ts";
import { EXPERIENCE_LEVELS, type ExperienceLevel, GOALS, type Goal } from "../domain/vocabulary.ts";

export interface MuscleGroupSets {
  group: string;
  sets: number;
  /** The goal's weekly range; null for a muscle outside the target groups. */
  range: { min: number; max: number } | null;
  verdict: "below" | "in range" | "above" | null;
}

export function goalAndExperience(s: ProgressSummary): { goal: Goal; experience: ExperienceLevel } {
  const goal = (GOALS as readonly string[]).includes(s.goal ?? "") ? (s.goal as Goal) : "general_fitness";
  const experience = (EXPERIENCE_LEVELS as readonly string[]).includes(s.experience ?? "")
    ? (s.experience as ExperienceLevel)
    : "intermediate";
  return { goal, experience };
}

/** Target groups first (each summing its muscles), then any other muscle the week trained. */
export function muscleGroupSets(s: ProgressSummary): MuscleGroupSets[] {
  const { goal, experience } = goalAndExperience(s);
  const byMuscle = new Map(s.muscles.map((m) => [m.muscle, m.hardSets]));
  const counted = new Set<string>();
  const groups = ([...MAJOR_GROUPS, ...ACCESSORY_GROUPS] as TargetGroup[]).map((group): MuscleGroupSets => {
    const range = WEEKLY_SET_TARGETS[goal][experience][group];
    const sets = GROUP_MUSCLES[group].reduce((sum, m) => {
      counted.add(m);
      return sum + (byMuscle.get(m) ?? 0);
    }, 0);
    // The shoulders' top includes their side- and rear-delt raises' own top where they count
    // apart (targets.ts): the progress tables do not tell the heads apart.
    const max = fractionalTop(range);
    const verdict = sets < range.min ? "below" : sets > max ? "above" : "in range";
    return { group, sets, range: { min: range.min, max }, verdict };
  });
  const others = s.muscles
    .filter((m) => !counted.has(m.muscle))
    .map((m): MuscleGroupSets => ({ group: m.muscle, sets: m.hardSets, range: null, verdict: null }));
  return [...groups, ...others];
}
