// The catalogue the generator chooses from, cached in memory, and the memoised generator.

import type pg from "pg";
import { catalogueVersion, readCatalogue } from "../../db/queries/plan-generate.ts";
import type { CatalogueEntry } from "../../domain/catalogue-entry.ts";
import { generatePlan, type PlanRequest } from "../../domain/plan/index.ts";
import type { PlanJson } from "../../domain/plan-json.ts";

export interface CatalogueCache {
  get(): Promise<readonly CatalogueEntry[]>;
}

/**
 * The catalogue for the generator, read from exrcwiki once and kept in memory: a batch of 1,000
 * jobs must not read 260 rows 1,000 times. At most every `checkMs` a one-row query (row count and
 * latest updated_at) tells whether exrcwiki changed, and only then is it read again; so an import
 * reaches running workers within `checkMs`. Concurrent callers share one read.
 */
export function createCatalogueCache(db: pg.Pool, checkMs = 2_000): CatalogueCache {
  let cached: { version: string; entries: readonly CatalogueEntry[]; checkedAt: number } | undefined;
  let refreshing: Promise<readonly CatalogueEntry[]> | undefined;
  const refresh = async () => {
    const version = await catalogueVersion(db);
    if (cached?.version === version) {
      cached.checkedAt = Date.now();
      return cached.entries;
    }
    const entries = await readCatalogue(db);
    cached = { version, entries, checkedAt: Date.now() };
    return entries;
  };
  return {
    async get() {
      if (cached && Date.now() - cached.checkedAt < checkMs) return cached.entries;
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
  };
}

/**
 * generatePlan, memoised: the generator is deterministic (same request and catalogue, same plan)
 * and costs about 2 ms of CPU per plan, while many users ask for the same thing in the same week.
 * The memo holds the last `maxEntries` distinct requests (with their exclusions) for the current
 * catalogue array (the
 * cache hands out a new array when exrcwiki changes, which empties the memo). Plans are shared:
 * callers copy before changing them (the handler spreads in request_id). Failures are not kept.
 */
export function createPlanGenerator(maxEntries = 2_000): PlanGenerator {
  let forCatalogue: readonly CatalogueEntry[] | undefined;
  let memo = new Map<string, PlanJson>();
  return (request, catalogue, excluded = NO_EXCLUSIONS) => {
    if (catalogue !== forCatalogue) {
      forCatalogue = catalogue;
      memo = new Map();
    }
    const key = JSON.stringify([
      [...excluded].sort(),
      request.goal,
      request.experience,
      request.split,
      request.daysPerWeek,
      request.equipment,
      request.weekStart,
      request.sessionMinutes,
    ]);
    const hit = memo.get(key);
    if (hit) {
      memo.delete(key);
      memo.set(key, hit);
      return hit;
    }
    const plan = generatePlan(request, withoutExcluded(catalogue, excluded));
    if (memo.size >= maxEntries) memo.delete(memo.keys().next().value as string);
    memo.set(key, plan);
    return plan;
  };
}

/**
 * Makes a plan for a request from the catalogue, leaving out the lifter's excluded exercise ids
 * (exercise_exclusion; docs/swap.md).
 */
export type PlanGenerator = (
  request: PlanRequest,
  catalogue: readonly CatalogueEntry[],
  excluded?: ReadonlySet<string>,
) => PlanJson;

const NO_EXCLUSIONS: ReadonlySet<string> = new Set();

/** The catalogue without the lifter's exclusions: the generator never sees them. */
export function withoutExcluded(
  catalogue: readonly CatalogueEntry[],
  excluded: ReadonlySet<string>,
): readonly CatalogueEntry[] {
  return excluded.size === 0 ? catalogue : catalogue.filter((e) => !excluded.has(e.exerciseId));
}

/** generatePlan with exclusions, unmemoised (the handler's default). */
export const generateWithExclusions: PlanGenerator = (request, catalogue, excluded = NO_EXCLUSIONS) =>
  generatePlan(request, withoutExcluded(catalogue, excluded));
