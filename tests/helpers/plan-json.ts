import { addDays } from "../../src/domain/calendar.ts";
import type { PlanJson } from "../../src/domain/plan-json.ts";
import { monday as mondayOf } from "./dates.ts";

/** A valid plan in the seed's JSON shape: `sessions` sessions of `slotsPerSession` slots. */
export function samplePlanJson(
  opts: { weekStart?: string; sessions?: number; slotsPerSession?: number } = {},
) {
  const weekStart = opts.weekStart ?? mondayOf(0);
  const sessions = opts.sessions ?? 4;
  const slots = opts.slotsPerSession ?? 3;
  const days = [1, 2, 4, 5, 6, 3, 7];
  const plan: PlanJson = {
    split_type: "upper_lower",
    week_start: weekStart,
    goal_type: "hypertrophy",
    experience_level: "intermediate",
    sessions: Array.from({ length: sessions }, (_, i) => {
      const dow = days[i % days.length] as number;
      const date = addDays(weekStart, dow - 1);
      return {
        day_name: i % 2 === 0 ? `Upper-${"ABCD"[i >> 1]}` : `Lower-${"ABCD"[i >> 1]}`,
        date,
        day_of_week: dow,
        focus_area: i % 2 === 0 ? "chest,lats" : "quadriceps,hamstrings",
        slots: Array.from({ length: slots }, (_, j) => ({
          exercise_id: `te_ex_${i}_${j}`,
          name: `Exercise ${i}.${j}`,
          muscle_group:
            i % 2 === 0 ? (j % 2 === 0 ? "chest" : "lats") : j % 2 === 0 ? "quadriceps" : "hamstrings",
          sets: 3,
          reps: j === 0 ? "5" : "8-12",
          equipment: j === 0 ? "barbell" : "dumbbell",
          tier: j === 0 ? "T1" : j === 1 ? "T2" : "T3",
          order_in_session: j + 1,
        })),
      };
    }),
  };
  return plan;
}
