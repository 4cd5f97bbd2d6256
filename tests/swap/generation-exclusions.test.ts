// plan.generate honours exclusions (docs/swap.md): the lifter's excluded exercises leave the
// catalogue before generating, through the batch handler and through the memoised generator, and
// the plan records the equipment its request allowed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertCatalogue } from "../../src/db/queries/upsert-catalogue.ts";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import {
  createCatalogueCache,
  createPlanGenerator,
  processPlanJobs,
  resolvePlanRequest,
} from "../../src/jobs/plan-generate/index.ts";
import { createLogger } from "../../src/logger.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";

const NOW = new Date(`${plusDays(monday(0), 2)}T15:00:00Z`);
const logger = createLogger("silent");
const job = (data: unknown) => ({ id: randomUUID(), data, retryCount: 0, retryLimit: 4 });

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  await upsertCatalogue(tdb.pool, BUILTIN_CATALOGUE, "builtin");
});
afterAll(() => tdb?.drop());

async function planExercises(planId: string): Promise<string[]> {
  const { rows } = await tdb.pool.query<{ exercise_id: string }>(
    `SELECT x.exercise_id FROM modular_training_week w
     JOIN modular_training_session s ON s.week_id = w.id
     JOIN modular_training_exercise x ON x.session_id = s.id WHERE w.plan_id = $1`,
    [planId],
  );
  return rows.map((r) => r.exercise_id);
}

describe("plan.generate with exclusions", () => {
  it("leaves a lifter's excluded exercises out, and only theirs; records the allowed equipment", async () => {
    const deps = { pool: tdb.pool, logger, now: () => NOW, catalogue: createCatalogueCache(tdb.pool, 0) };
    const [plain, excluding] = [await createUser(tdb.pool), await createUser(tdb.pool)];
    const request = { daysPerWeek: 4, equipment: ["barbell", "dumbbell", "bench", "pullup_bar"] };

    const [first] = await processPlanJobs([job({ userId: plain, ...request })], deps);
    const used = await planExercises((first as { output: { planId: string } }).output.planId);
    // Exclude half of what the plain plan used: the next plan must do without them.
    const excluded = [...new Set(used)].filter((_, i) => i % 2 === 0);
    await tdb.pool.query(
      "INSERT INTO exercise_exclusion (user_id, exercise_id, reason) SELECT $1, unnest($2::text[]), 'injury'",
      [excluding, excluded],
    );

    const results = await processPlanJobs(
      [job({ userId: plain, ...request }), job({ userId: excluding, ...request })],
      deps,
    );
    const [again, without] = results.map((r) => (r as { output: { planId: string } }).output.planId);
    expect(await planExercises(again as string)).toEqual(expect.arrayContaining(excluded));
    const kept = await planExercises(without as string);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.filter((id) => excluded.includes(id))).toEqual([]);

    const { rows } = await tdb.pool.query<{ allowed_equipment: string[] }>(
      "SELECT allowed_equipment FROM modular_training_plan WHERE id = $1",
      [without],
    );
    expect(rows[0]?.allowed_equipment).toEqual(request.equipment);
  });

  it("memoises per exclusion set: the same request with other exclusions is another plan", () => {
    const generate = createPlanGenerator(10);
    const request = resolvePlanRequest({ userId: randomUUID(), daysPerWeek: 3 }, NOW);
    const plain = generate(request, BUILTIN_CATALOGUE);
    const firstId = plain.sessions[0]?.slots[0]?.exercise_id as string;
    const without = generate(request, BUILTIN_CATALOGUE, new Set([firstId]));
    const ids = without.sessions.flatMap((s) => s.slots.map((x) => x.exercise_id));
    expect(ids).not.toContain(firstId);
    expect(generate(request, BUILTIN_CATALOGUE)).toBe(plain);
    expect(generate(request, BUILTIN_CATALOGUE, new Set([firstId]))).toBe(without);
  });
});
