// The plan.swap queue through a running worker (real pg-boss): a swap by payload, the first
// alternative when no exercise is given, and failures that name the field or the reason and go to
// the dead letters without retries.
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { exerciseAlternatives } from "../../src/db/queries/swap.ts";
import { InvalidSwapRequestError, PLAN_SWAP_QUEUE, sendSwapRequest } from "../../src/jobs/plan-swap/index.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { createUser, newId } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { waitFor } from "../helpers/wait.ts";
import { loadCatalogue } from "./catalogues.ts";
import { planOf, rowsOf } from "./helpers.ts";

let tdb: TestDatabase;
let worker: RunningWorker;
let boss: PgBoss;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await loadCatalogue(tdb.pool, "builtin");
  const config = loadConfig({ LOG_LEVEL: "silent" });
  worker = await startWorker({ url: tdb.url, config, logger: createLogger("silent") });
  boss = worker.deps.boss;
});
afterAll(async () => {
  await worker?.stop(5_000);
  await tdb?.drop();
});

async function finished(id: string) {
  return waitFor(
    async () => {
      const [job] = await boss.findJobs<unknown>(PLAN_SWAP_QUEUE, { id });
      return job && (job.state === "completed" || job.state === "failed") ? job : undefined;
    },
    { what: `plan.swap job ${id}` },
  );
}

describe("plan.swap", () => {
  it("swaps the row to the exercise given, or to its first alternative", async () => {
    const user = await createUser(tdb.pool);
    const planId = await planOf(tdb.pool, user, monday(-1), [
      { exerciseId: "te_barbell_bench_press" },
      { exerciseId: "te_barbell_back_squat" },
    ]);
    const [bench, squat] = await rowsOf(tdb.pool, planId);
    const given = await finished(
      await sendSwapRequest(boss, {
        userId: user,
        exerciseRowId: bench?.id,
        exerciseId: "te_dumbbell_bench_press",
      }),
    );
    expect(given.state).toBe("completed");
    expect(given.output).toMatchObject({ exerciseRowId: bench?.id, exerciseId: "te_dumbbell_bench_press" });

    const [best] = await exerciseAlternatives(tdb.pool, squat?.id as string, 1);
    const chosen = await finished(await sendSwapRequest(boss, { userId: user, exerciseRowId: squat?.id }));
    expect(chosen.state).toBe("completed");
    expect(chosen.output).toMatchObject({ exerciseId: best?.exerciseId });
    expect((await rowsOf(tdb.pool, planId)).map((r) => r.exercise_id)).toEqual([
      "te_dumbbell_bench_press",
      best?.exerciseId,
    ]);
  });

  it("fails at once with the reason: another user's row, an excluded exercise", async () => {
    const [owner, other] = [await createUser(tdb.pool), await createUser(tdb.pool)];
    const planId = await planOf(tdb.pool, owner, monday(-1), [{ exerciseId: "te_barbell_bench_press" }]);
    const [row] = await rowsOf(tdb.pool, planId);
    const notTheirs = await finished(
      await sendSwapRequest(boss, { userId: other, exerciseRowId: row?.id, exerciseId: "te_push_up" }),
    );
    expect(notTheirs.state).toBe("failed");
    expect(notTheirs.retryCount).toBe(0);
    expect(JSON.stringify(notTheirs.output)).toContain(
      `exerciseRowId: no exercise row ${row?.id} of user ${other}`,
    );

    await tdb.pool.query("INSERT INTO exercise_exclusion (user_id, exercise_id) VALUES ($1, 'te_push_up')", [
      owner,
    ]);
    const excluded = await finished(
      await sendSwapRequest(boss, { userId: owner, exerciseRowId: row?.id, exerciseId: "te_push_up" }),
    );
    expect(excluded.state).toBe("failed");
    expect(JSON.stringify(excluded.output)).toContain("exerciseId: te_push_up is on the lifter's exclusions");
    expect((await rowsOf(tdb.pool, planId))[0]?.exercise_id).toBe("te_barbell_bench_press");
  });

  it("refuses a bad payload before sending, naming the field; a bad job sent anyway fails naming it", async () => {
    await expect(sendSwapRequest(boss, { userId: newId(), exerciseRowId: "x" })).rejects.toThrow(
      InvalidSwapRequestError,
    );
    await expect(sendSwapRequest(boss, { userId: newId(), exerciseRowId: "x" })).rejects.toThrow(
      /exerciseRowId/,
    );
    const id = (await boss.send(PLAN_SWAP_QUEUE, {
      userId: newId(),
      exerciseRowId: newId(),
      exerciseId: "a b",
    })) as string;
    const job = await finished(id);
    expect(job.state).toBe("failed");
    expect(JSON.stringify(job.output)).toContain("exerciseId");
  });
});
