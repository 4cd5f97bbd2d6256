// A modelled lifter for the lived demo (`demo --weeks N`) and the mesocycle tables
// (scripts/mesocycle-tables.ts): a true 1RM per exercise that rises a share a week, sets done at
// the row's target RIR with a little drop-off across sets, RPE logged from the reps left, and one
// feedback line per trained muscle a week (soreness 1, pump 1: healed well before the next session, a small pump, so sets rise). Pure
// and deterministic: the same rows and weeks always give the same log.
import type { LivedFeedback, LivedRow, LivedSet } from "../../db/queries/lived-weeks.ts";
import { parseRepTarget } from "../../domain/load-progression/rep-target.ts";
import { rpePercent } from "../../domain/load-progression/rpe-percent.ts";
import { MUSCLE_GROUPS } from "../../domain/vocabulary.ts";
import { startingLoadKg } from "./logged-week.ts";

/**
 * A row as the lifter reads it: the lived week's row (lived-weeks.ts) without its name. Its
 * `exerciseKey` (catalogue id, else name) keys the lifter's strength, which is per exercise.
 */
export type ModelRow = Omit<LivedRow, "exerciseName">;

export type ModelSet = LivedSet;
export type ModelFeedback = LivedFeedback;

export interface ModelWeek {
  /** Loads the lifter picked for rows that had none (the app lets them choose one). */
  loads: { rowId: string; weightKg: number }[];
  sets: ModelSet[];
  feedback: ModelFeedback[];
}

export interface LifterModel {
  /** The 1RM's weekly change: 0.01 = +1% a week. */
  weeklyGain: number;
  soreness: number;
  pump: number;
}

export const DEFAULT_LIFTER: LifterModel = { weeklyGain: 0.01, soreness: 1, pump: 1 };

/** Most reps at `kg` for a lifter whose 1RM is `oneRepMax` (the RTS chart at RPE 10). */
export function maxReps(kg: number, oneRepMax: number): number {
  let n = 0;
  while (n < 30 && kg <= oneRepMax * rpePercent(n + 1, 10)) n += 1;
  return n;
}

const MUSCLES: ReadonlySet<string> = new Set(MUSCLE_GROUPS);

/**
 * The lifter: strength per exercise and tier, set from the load of the first row seen (a rep short
 * of the top of its range at its RIR is what the lifter can do then), rising `weeklyGain` a week
 * after.
 */
export function createModelLifter(model: LifterModel = DEFAULT_LIFTER) {
  const base = new Map<string, { oneRepMax: number; week: number }>();
  // Unloaded work: reps the lifter can do, from the first row seen, +1 a week.
  const bodyweight = new Map<string, { reps: number; week: number }>();

  return {
    /** What the lifter logs in week `week` (1-based) against the rows of that week. */
    logWeek(rows: readonly ModelRow[], week: number): ModelWeek {
      const loads: ModelWeek["loads"] = [];
      const sets: ModelSet[] = [];
      rows.forEach((row, index) => {
        const target = parseRepTarget(row.reps);
        if (target === null) return; // nothing the rollover can judge (a timed hold): not logged
        const rir = row.rir ?? 2;
        let kg = row.weight ?? 0;
        if (row.weight === null) {
          const picked = startingLoadKg(row);
          if (picked !== null) {
            kg = picked;
            loads.push({ rowId: row.id, weightKg: picked });
          }
        }
        // Week 1 at the row's first load: a rep short of the top at the target RIR, so a lifter
        // gaining 1% a week reaches the top within a few weeks.
        const start = Math.max(target.min, target.max - 1);
        // Per exercise and tier: the same lift as a main lift and as an accessory starts from loads
        // picked for each (startingLoadKg), which one strength would not match.
        const strengthKey = `${row.exerciseKey}|${row.tier ?? ""}`;
        const evening = Date.parse(`${row.sessionDate}T18:00:00Z`);
        for (let i = 0; i < Math.max(1, row.sets); i += 1) {
          // Each set a little weaker than the one before (1.5%).
          const fatigue = 1 - 0.015 * i;
          let max: number;
          if (kg > 0) {
            let known = base.get(strengthKey);
            if (!known) {
              known = { oneRepMax: kg / rpePercent(start + rir, 10), week };
              base.set(strengthKey, known);
            }
            const oneRepMax = known.oneRepMax * (1 + model.weeklyGain) ** (week - known.week);
            max = maxReps(kg, oneRepMax * fatigue);
          } else {
            let known = bodyweight.get(strengthKey);
            if (!known) {
              known = { reps: start + rir, week };
              bodyweight.set(strengthKey, known);
            }
            max = Math.floor((known.reps + (week - known.week)) * fatigue);
          }
          const reps = Math.max(1, Math.min(target.max, max - rir));
          sets.push({
            exerciseRowId: row.id,
            setNo: i + 1,
            repsDone: reps,
            weightKg: kg,
            rpe: Math.min(10, Math.max(6, 10 - (max - reps))),
            recordedAt: new Date(evening + (index * 15 + i * 3) * 60_000),
          });
        }
      });
      // One line per trained muscle a week, on the first session that trained it.
      const feedback: ModelFeedback[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const muscle = row.muscleGroup ?? "";
        if (!MUSCLES.has(muscle) || seen.has(muscle)) continue;
        seen.add(muscle);
        feedback.push({
          sessionId: row.sessionId,
          muscleGroup: muscle,
          soreness: model.soreness,
          pump: model.pump,
          jointPain: false,
        });
      }
      return { loads, sets, feedback };
    },
  };
}
