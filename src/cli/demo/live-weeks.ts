// Lives plans week after week with modelled lifters (lifter-model.ts) through the REAL rollover:
// each week every lifter logs their week, then rolloverAsOf runs as of the next Monday, the date
// given to it standing in for the clock, so weeks pass without waiting. Used by `demo --weeks N`
// and by scripts/mesocycle-tables.ts. The plans come from the real generator on the database's
// catalogue (the built-in one when it is empty), written as the plan.generate job writes them.
import type pg from "pg";
import { applyFirstLoads } from "../../db/queries/first-loads.ts";
import { livedWeekRows, writeLivedWeek } from "../../db/queries/lived-weeks.ts";
import { insertPlans, readCatalogue } from "../../db/queries/plan-generate.ts";
import { seedBuiltinCatalogueIfEmpty } from "../../db/queries/seed-builtin-catalogue.ts";
import { addDays } from "../../domain/calendar.ts";
import { generatePlan, type PlanRequest } from "../../domain/plan/index.ts";
import { type RolloverResult, rolloverAsOf } from "../../jobs/plan-rollover/rollover.ts";
import type { Logger } from "../../logger.ts";
import type { createModelLifter } from "./lifter-model.ts";

/** A plan made by the real generator for `userId`, written as the plan.generate job writes it. */
export async function generateLivedPlan(
  pool: pg.Pool,
  userId: string,
  request: PlanRequest,
): Promise<string> {
  await seedBuiltinCatalogueIfEmpty(pool);
  const plan = generatePlan(request, await readCatalogue(pool));
  const [planId] = await insertPlans(pool, [
    { userId, plan, planRequestId: null, allowedEquipment: request.equipment },
  ]);
  if (!planId) throw new Error("insert_full_plans wrote no plan");
  await applyFirstLoads(pool, [planId]);
  return planId;
}

export interface LivedPlan {
  planId: string;
  lifter: ReturnType<typeof createModelLifter>;
}

/**
 * `weeks` weeks from `firstWeek` (the plans' week 1, a Monday): week k is logged by each lifter,
 * then the rollover as of firstWeek + 7k makes week k+1. Every active plan of the database that
 * is due then is rolled, as the scheduled job would roll it.
 */
export async function liveWeeks(
  pool: pg.Pool,
  opts: {
    plans: readonly LivedPlan[];
    firstWeek: string;
    weeks: number;
    /** The first week to live (default 1): a caller stepping a week at a time passes the same as `weeks`. */
    fromWeek?: number;
    batchPlans: number;
    logger: Logger;
    onWeek?: (week: number, asOf: string, result: RolloverResult) => void;
  },
): Promise<void> {
  for (let week = opts.fromWeek ?? 1; week <= opts.weeks; week += 1) {
    for (const { planId, lifter } of opts.plans) {
      const rows = await livedWeekRows(pool, planId, week);
      if (rows.length === 0)
        throw new Error(`plan ${planId} has no week ${week}: the rollover did not make it`);
      await writeLivedWeek(pool, planId, week, lifter.logWeek(rows, week));
    }
    const asOf = addDays(opts.firstWeek, 7 * week);
    const result = await rolloverAsOf(pool, asOf, { batchPlans: opts.batchPlans, logger: opts.logger });
    opts.onWeek?.(week, asOf, result);
  }
}
