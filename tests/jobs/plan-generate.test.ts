// plan.generate end to end on a real PostgreSQL with real pg-boss workers (startWorker).
import { randomUUID } from "node:crypto";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { upsertCatalogue } from "../../src/db/queries/upsert-catalogue.ts";
import { nextMonday } from "../../src/domain/calendar.ts";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import {
  checkPlanRequestPayload,
  createCatalogueCache,
  createPlanGenerator,
  InvalidPlanRequestError,
  PLAN_GENERATE_QUEUE,
  PlanRequestFailedError,
  planRequestPayload,
  processPlanJobs,
  resolvePlanRequest,
  sendPlanRequest,
  waitForPlan,
} from "../../src/jobs/plan-generate/index.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningWorker, startWorker } from "../../src/worker.ts";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { waitFor } from "../helpers/wait.ts";

// A Wednesday: the default week start is the Monday after it.
// This week's Wednesday, from the clock (the database keeps plan dates within a year of today).
const NOW = new Date(`${plusDays(monday(0), 2)}T15:00:00Z`);
/** The Monday after NOW: a request's default weekStart. */
const NEXT_MONDAY = plusDays(monday(0), 7);
const config = loadConfig({ LOG_LEVEL: "silent", PLAN_BATCH_SIZE: "20", PLAN_LOCAL_CONCURRENCY: "2" });
const logger = createLogger("silent");

async function finishedJob(boss: PgBoss, id: string) {
  return waitFor(
    async () => {
      const [job] = await boss.findJobs<unknown>(PLAN_GENERATE_QUEUE, { id });
      return job && (job.state === "completed" || job.state === "failed") ? job : undefined;
    },
    { what: `job ${id} to finish` },
  );
}

describe("plan request payload", () => {
  const userId = randomUUID();
  const message = (data: unknown) => {
    const parsed = planRequestPayload.safeParse(data);
    return parsed.success ? "ok" : parsed.error.issues[0]?.message;
  };

  it("applies the contract's defaults, week start the Monday after now (UTC)", () => {
    const payload = planRequestPayload.parse({ userId, daysPerWeek: 3 });
    expect(resolvePlanRequest(payload, NOW)).toEqual({
      goal: "general_fitness",
      experience: "intermediate",
      split: "auto",
      daysPerWeek: 3,
      equipment: expect.arrayContaining(["barbell", "machine", "bodyweight"]),
      weekStart: NEXT_MONDAY,
      sessionMinutes: 60,
    });
    // On a Monday the next Monday is a week away; late Sunday UTC is still Sunday.
    expect(nextMonday(new Date("2026-12-07T00:00:00Z"))).toBe("2026-12-14");
    expect(nextMonday(new Date("2026-12-06T23:59:59Z"))).toBe("2026-12-07");
  });

  it("takes equipment [] (bodyweight only) and the pullup_bar and bench values; the full gym has both", () => {
    expect(planRequestPayload.parse({ userId, daysPerWeek: 3, equipment: [] }).equipment).toEqual([]);
    const payload = planRequestPayload.parse({
      userId,
      daysPerWeek: 3,
      equipment: ["dumbbell", "pullup_bar", "bench"],
    });
    expect(resolvePlanRequest(payload, NOW).equipment).toEqual(["dumbbell", "pullup_bar", "bench"]);
    const defaults = resolvePlanRequest(planRequestPayload.parse({ userId, daysPerWeek: 3 }), NOW);
    expect(defaults.equipment).toEqual(expect.arrayContaining(["pullup_bar", "bench"]));
  });

  it("names the field of every problem", () => {
    expect(message({ userId, daysPerWeek: 9 })).toMatch(/from 2 to 6/);
    expect(message({ daysPerWeek: 3 })).toBe("is required");
    expect(message({ userId, daysPerWeek: 3, equipment: ["barbell", "barbell"] })).toMatch(/repeat/);
    expect(message({ userId, daysPerWeek: 3, equipment: ["barbell", "anvil"] })).toMatch(/must be one of/);
    expect(message({ userId, daysPerWeek: 3, weekStart: "2026-12-08" })).toMatch(/Monday/);
    expect(message({ userId, daysPerWeek: 3, weekStart: "2026-02-30" })).toMatch(/Monday/);
    expect(message({ userId, daysPerWeek: 3, sessionMinutes: 10 })).toMatch(/from 20 to 180/);
  });

  it("refuses a weekStart outside the window a year either side of the clock's today, and oversized payloads", () => {
    const check = (data: unknown) => {
      const checked = checkPlanRequestPayload(data, NOW);
      return checked.ok ? "ok" : checked.error;
    };
    // 0001-01-01 is a Monday (the generator once said it was not): the window refuses it.
    expect(check({ userId, daysPerWeek: 3, weekStart: "0001-01-01" })).toMatch(
      /^weekStart: must lie from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, a year either side of today \(got "0001-01-01"\)$/,
    );
    expect(check({ userId, daysPerWeek: 3, weekStart: plusDays(NEXT_MONDAY, 51 * 7) })).toBe("ok");
    expect(check({ userId, daysPerWeek: 3, weekStart: plusDays(NEXT_MONDAY, 53 * 7) })).toMatch(
      /^weekStart: must lie/,
    );
    expect(check({ userId, daysPerWeek: 3, weekStart: plusDays(NEXT_MONDAY, -54 * 7) })).toMatch(
      /^weekStart: must lie/,
    );
    // Over 4 KiB: refused before parsing, the message quotes nothing of it.
    const huge = check({ userId, daysPerWeek: 3, goal: "x".repeat(8 * 1024 * 1024) });
    expect(huge).toMatch(/^payload: must be at most 4096 bytes of JSON \(got \d+ bytes\)$/);
    // A long value is cut in the message.
    expect(check({ userId, daysPerWeek: 3, goal: "y".repeat(3000) }).length).toBeLessThan(300);
  });
});

describe("plan.generate through a running worker", () => {
  let tdb: TestDatabase;
  let worker: RunningWorker;
  let boss: PgBoss;
  let userId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
    worker = await startWorker({ url: tdb.url, directUrl: tdb.directUrl, config, logger, now: () => NOW });
    boss = worker.deps.boss;
    userId = await createUser(tdb.pool);
  });
  afterAll(async () => {
    await worker?.stop(5_000);
    await tdb?.drop();
  });

  it("seeds the catalogue at start and writes a plan that respects the request", async () => {
    const { rows } = await tdb.pool.query("SELECT count(*)::int AS n FROM exrcwiki");
    expect(rows[0].n).toBe(BUILTIN_CATALOGUE.length);

    const jobId = await sendPlanRequest(boss, {
      userId,
      daysPerWeek: 4,
      goal: "hypertrophy",
      experience: "beginner",
      equipment: ["dumbbell", "bands"],
      sessionMinutes: 45,
    });
    const { planId } = await waitForPlan(boss, jobId, { timeoutMs: 15_000, pollMs: 20 });
    const plan = await tdb.pool.query(
      "SELECT user_id, week_start, goal_type, experience_level FROM modular_training_plan WHERE id = $1",
      [planId],
    );
    expect(plan.rows).toEqual([
      { user_id: userId, week_start: NEXT_MONDAY, goal_type: "hypertrophy", experience_level: "beginner" },
    ]);
    const sessions = await tdb.pool.query(
      "SELECT s.session_date FROM modular_training_session s JOIN modular_training_week w ON w.id = s.week_id WHERE w.plan_id = $1",
      [planId],
    );
    expect(sessions.rows).toHaveLength(4);
    const equipment = await tdb.pool.query<{ equipment: string }>(
      `SELECT DISTINCT e.equipment FROM modular_training_exercise e
       JOIN modular_training_session s ON s.id = e.session_id
       JOIN modular_training_week w ON w.id = s.week_id WHERE w.plan_id = $1`,
      [planId],
    );
    expect(equipment.rows.length).toBeGreaterThan(0);
    for (const { equipment: used } of equipment.rows)
      expect(["dumbbell", "bands", "bodyweight"]).toContain(used);
  });

  it("makes one plan per requestId, however often it is sent", async () => {
    const requestId = randomUUID();
    const payload = { userId, daysPerWeek: 3, requestId };
    const first = await sendPlanRequest(boss, payload);
    const again = await sendPlanRequest(boss, payload);
    expect(first).toBe(requestId);
    expect(again).toBe(requestId);
    const { planId } = await waitForPlan(boss, first, { pollMs: 20 });
    // A second job for the same request (as after the first job was deleted) returns the same plan.
    const other = await boss.send(PLAN_GENERATE_QUEUE, payload);
    expect(other).not.toBeNull();
    expect(await waitForPlan(boss, other as string, { pollMs: 20 })).toEqual({ planId });
    const { rows } = await tdb.pool.query(
      "SELECT count(*)::int AS n FROM modular_training_plan WHERE request_id = $1",
      [requestId],
    );
    expect(rows[0].n).toBe(1);
  });

  const badPayloads: [string, (userId: string) => Record<string, unknown>, RegExp][] = [
    ["missing userId", () => ({ daysPerWeek: 3 }), /^userId: is required/],
    ["daysPerWeek 9", (u) => ({ userId: u, daysPerWeek: 9 }), /^daysPerWeek: must be an integer from 2 to 6/],
    [
      "a Tuesday",
      (u) => ({ userId: u, daysPerWeek: 3, weekStart: "2026-12-08" }),
      /^weekStart: must be a Monday/,
    ],
    [
      "unknown equipment",
      (u) => ({ userId: u, daysPerWeek: 3, equipment: ["dumbbell", "trampoline"] }),
      /^equipment\[1\]: must be one of barbell/,
    ],
    ["an extra key", (u) => ({ userId: u, daysPerWeek: 3, colour: "red" }), /^colour: unknown field/],
    ["an unknown user", () => ({ userId: randomUUID(), daysPerWeek: 3 }), /^userId: no such user /],
  ];

  it.each(badPayloads)(
    "dead-letters %s at once, naming the field, writing nothing",
    async (_, make, expected) => {
      const victim = await createUser(tdb.pool);
      const data = make(victim);
      const id = (await boss.send(PLAN_GENERATE_QUEUE, data)) as string;
      const job = await finishedJob(boss, id);
      expect(job.state).toBe("failed");
      expect(job.retryCount).toBe(0);
      expect((job.output as { error: string }).error).toMatch(expected);
      const dead = await boss.findJobs(`${PLAN_GENERATE_QUEUE}.dead`, { data });
      expect(dead).toHaveLength(1);
      const { rows } = await tdb.pool.query(
        "SELECT count(*)::int AS n FROM modular_training_plan WHERE user_id = $1",
        [victim],
      );
      expect(rows[0].n).toBe(0);
      // The Node entry point refuses the same payload before it reaches the queue (except the user,
      // which only the database knows).
      if (!/no such user/.test(expected.source)) {
        await expect(sendPlanRequest(boss, data)).rejects.toThrow(InvalidPlanRequestError);
      } else {
        const jobId = await sendPlanRequest(boss, data);
        await expect(waitForPlan(boss, jobId, { pollMs: 20 })).rejects.toThrow(PlanRequestFailedError);
      }
    },
  );

  it("shares a queue between two workers without doing any request twice", async () => {
    const second = await startWorker({
      url: tdb.url,
      directUrl: tdb.directUrl,
      config,
      logger,
      now: () => NOW,
    });
    try {
      // 60 users, five plans each: a user may hold only user_bounds.max_active_plans (10) active plans.
      const users: string[] = [];
      for (let i = 0; i < 60; i++) users.push(await createUser(tdb.pool));
      const requests = Array.from({ length: 300 }, (_, i) => ({
        userId: users[i % users.length] as string,
        daysPerWeek: 2 + (i % 5),
        requestId: randomUUID(),
      }));
      // Every request twice, as jobs of their own: only one plan each may come out.
      await boss.insert(PLAN_GENERATE_QUEUE, [
        ...requests.map((data) => ({ data })),
        ...requests.map((data) => ({ data })),
      ]);
      const ids = requests.map((r) => r.requestId);
      await waitFor(
        async () => {
          const { rows } = await tdb.pool.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM modular_training_plan WHERE request_id = ANY($1::uuid[])",
            [ids],
          );
          return rows[0]?.n === ids.length ? true : undefined;
        },
        { what: "300 plans", timeoutMs: 30_000 },
      );
      await waitFor(
        async () => {
          const { rows } = await tdb.pool.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state <> 'completed' AND data->>'requestId' = ANY($2)",
            [PLAN_GENERATE_QUEUE, ids],
          );
          return rows[0]?.n === 0 ? true : undefined;
        },
        { what: "every job completed" },
      );
      const { rows } = await tdb.pool.query(
        `SELECT count(*)::int AS plans, count(DISTINCT request_id)::int AS requests,
                (SELECT count(DISTINCT output->>'planId')::int FROM pgboss.job
                 WHERE name = $2 AND data->>'requestId' = ANY($3)) AS plan_ids_returned
         FROM modular_training_plan WHERE request_id = ANY($1::uuid[])`,
        [ids, PLAN_GENERATE_QUEUE, ids],
      );
      expect(rows[0]).toEqual({ plans: 300, requests: 300, plan_ids_returned: 300 });
    } finally {
      await second.stop(5_000);
    }
  });
});

describe("processPlanJobs (the batch handler, called directly)", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    tdb.pool.on("error", () => {});
  });
  afterAll(() => tdb?.drop());

  const job = (data: unknown) => ({ id: randomUUID(), data, retryCount: 0, retryLimit: 4 });

  it("a job run twice (a retry after a lost heartbeat) writes one plan and returns it both times", async () => {
    await upsertCatalogue(tdb.pool, BUILTIN_CATALOGUE, "builtin");
    const deps = { pool: tdb.pool, logger, now: () => NOW, catalogue: createCatalogueCache(tdb.pool, 0) };
    const user = await createUser(tdb.pool);
    // No requestId: the job's own id is the plan's request key.
    const once = job({ userId: user, daysPerWeek: 3 });
    const [first] = await processPlanJobs([once], deps);
    const [second] = await processPlanJobs([{ ...once, retryCount: 1 }], deps);
    expect(first).toMatchObject({ status: "completed" });
    expect(second).toEqual(first);
    const { rows } = await tdb.pool.query(
      "SELECT count(*)::int AS n, min(request_id::text) AS key FROM modular_training_plan WHERE user_id = $1",
      [user],
    );
    expect(rows[0]).toEqual({ n: 1, key: once.id });
  });

  it("writes the good plans of a batch when the batch statement fails on a bad one", async () => {
    // A catalogue whose machine exercises have no name: insert_full_plan refuses a plan using one.
    const broken = BUILTIN_CATALOGUE.map((e) => (e.equipment === "machine" ? { ...e, name: "" } : e));
    const deps = { pool: tdb.pool, logger, now: () => NOW, catalogue: { get: async () => broken } };
    const user = await createUser(tdb.pool);
    const jobs = [
      job({ userId: user, daysPerWeek: 3, equipment: ["dumbbell"] }),
      job({ userId: user, daysPerWeek: 3, equipment: ["machine"] }),
      job({ userId: user, daysPerWeek: 4, equipment: ["barbell", "dumbbell"] }),
    ];
    const results = await processPlanJobs(jobs, deps);
    expect(results.map((r) => r.status)).toEqual(["completed", "deadletter", "completed"]);
    expect(results[1]?.output.error).toMatch(
      /^insert_full_plan: sessions\[\d+\].*name must be a non-empty string/,
    );
    const { rows } = await tdb.pool.query(
      "SELECT count(*)::int AS n FROM modular_training_plan WHERE user_id = $1",
      [user],
    );
    expect(rows[0].n).toBe(2);
  });

  it("dead-letters the jobs past a user's bound of active plans with its name, writing nothing of them; other users' plans are written", async () => {
    await upsertCatalogue(tdb.pool, BUILTIN_CATALOGUE, "builtin");
    const deps = { pool: tdb.pool, logger, now: () => NOW, catalogue: createCatalogueCache(tdb.pool, 0) };
    await tdb.pool.query("UPDATE user_bounds SET max_active_plans = 2");
    try {
      const busy = await createUser(tdb.pool);
      const other = await createUser(tdb.pool);
      const jobs = [
        job({ userId: busy, daysPerWeek: 3 }),
        job({ userId: busy, daysPerWeek: 3 }),
        job({ userId: other, daysPerWeek: 3 }),
        job({ userId: busy, daysPerWeek: 4 }),
      ];
      const results = await processPlanJobs(jobs, deps);
      expect(results.map((r) => r.status)).toEqual(["completed", "completed", "completed", "deadletter"]);
      expect(results[3]?.output.error).toMatch(/^user_bounds\.max_active_plans: .*at most 2 \(would be 3\)/);
      const { rows } = await tdb.pool.query(
        `SELECT (SELECT count(*)::int FROM modular_training_plan WHERE user_id = $1) AS busy,
                (SELECT count(*)::int FROM modular_training_week WHERE user_id = $1) AS weeks,
                (SELECT count(*)::int FROM modular_training_plan WHERE user_id = $2) AS other`,
        [busy, other],
      );
      expect(rows[0]).toEqual({ busy: 2, weeks: 2, other: 1 });
    } finally {
      await tdb.pool.query("UPDATE user_bounds SET max_active_plans = DEFAULT");
    }
  });

  it("gives repeats of a requestId inside one batch the same plan", async () => {
    await upsertCatalogue(tdb.pool, BUILTIN_CATALOGUE, "builtin");
    const deps = { pool: tdb.pool, logger, now: () => NOW, catalogue: createCatalogueCache(tdb.pool, 0) };
    const user = await createUser(tdb.pool);
    const data = { userId: user, daysPerWeek: 2, requestId: randomUUID() };
    const results = await processPlanJobs([job(data), job(data), job({ ...data, daysPerWeek: 5 })], deps);
    const planIds = new Set(results.map((r) => r.output.planId));
    expect(results.map((r) => r.status)).toEqual(["completed", "completed", "completed"]);
    expect(planIds.size).toBe(1);
  });

  it("sees a catalogue change through the cache", async () => {
    const cache = createCatalogueCache(tdb.pool, 0);
    const before = await cache.get();
    expect(await cache.get()).toBe(before);
    await upsertCatalogue(
      tdb.pool,
      [{ ...(BUILTIN_CATALOGUE[0] as (typeof BUILTIN_CATALOGUE)[0]), exerciseId: "zz_new" }],
      "t",
    );
    const after = await cache.get();
    expect(after.length).toBe(before.length + 1);
  });

  it("memoises generation per catalogue: the same request gives the very same plan", () => {
    const generate = createPlanGenerator(2);
    const request = resolvePlanRequest({ userId: randomUUID(), daysPerWeek: 3 }, NOW);
    const first = generate(request, BUILTIN_CATALOGUE);
    expect(generate({ ...request }, BUILTIN_CATALOGUE)).toBe(first);
    const copy = [...BUILTIN_CATALOGUE];
    const fresh = generate(request, copy);
    expect(fresh).not.toBe(first);
    expect(fresh).toEqual(first);
  });
});
