// Plans of the request matrix written for real users, the way the plan.generate job writes them
// (the same generator with the lifter's exclusions, the same insert that records the allowed
// equipment), for the swap tests.
import type pg from "pg";
import { insertPlans } from "../../src/db/queries/plan-generate.ts";
import type { CatalogueEntry } from "../../src/domain/catalogue-entry.ts";
import type { PlanRequest } from "../../src/domain/plan/index.ts";
import { EXPERIENCE_LEVELS, GOALS, SPLITS } from "../../src/domain/vocabulary.ts";
import { generateWithExclusions } from "../../src/jobs/plan-generate/catalogue-cache.ts";
import { EQUIPMENT_PROFILES } from "../domain/plan-matrix.ts";
import { createUser } from "../helpers/auth.ts";

/**
 * A stratified sample of the request matrix (tests/domain/plan-matrix.ts): every equipment profile
 * with every experience level, goal, split, days and minutes rotating through their values, so
 * each value appears; `variants` samples per profile and level.
 */
export function sampleRequests(weekStart: string, variants = 2): [string, PlanRequest][] {
  const out: [string, PlanRequest][] = [];
  let i = 0;
  for (const [profile, equipment] of Object.entries(EQUIPMENT_PROFILES))
    for (const experience of EXPERIENCE_LEVELS)
      for (let v = 0; v < variants; v += 1, i += 1)
        out.push([
          profile,
          {
            goal: GOALS[i % GOALS.length] as PlanRequest["goal"],
            experience,
            split: SPLITS[(i * 3 + v) % SPLITS.length] as PlanRequest["split"],
            daysPerWeek: 2 + ((i * 7 + v) % 5),
            equipment,
            weekStart,
            sessionMinutes: [30, 45, 60, 90][(i + v) % 4] as number,
          },
        ]);
  return out;
}

/** Every 13th catalogue entry, by id: the lifters' exclusions in these tests. */
export function someExclusions(catalogue: readonly CatalogueEntry[]): string[] {
  return [...catalogue.map((e) => e.exerciseId)].sort().filter((_, i) => i % 13 === 5);
}

export interface WrittenPlan {
  userId: string;
  planId: string;
  profile: string;
  request: PlanRequest;
}

/** One user per request, with the exclusions stored, and their plan generated and written. */
export async function writeSamplePlans(
  pool: pg.Pool,
  catalogue: readonly CatalogueEntry[],
  requests: readonly [string, PlanRequest][],
  excluded: readonly string[],
): Promise<WrittenPlan[]> {
  const out: WrittenPlan[] = [];
  for (const [profile, request] of requests) {
    const userId = await createUser(pool);
    await pool.query(
      "INSERT INTO exercise_exclusion (user_id, exercise_id, reason) SELECT $1, unnest($2::text[]), 'dislike'",
      [userId, excluded],
    );
    const plan = generateWithExclusions(request, catalogue, new Set(excluded));
    const [planId] = await insertPlans(pool, [
      { userId, plan, planRequestId: null, allowedEquipment: request.equipment },
    ]);
    out.push({ userId, planId: planId as string, profile, request });
  }
  return out;
}
