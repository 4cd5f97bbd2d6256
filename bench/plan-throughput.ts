// Plans generated per second end to end through pg-boss (issue 3; issue 12: honest figures). Three
// workloads on one worker, interleaved round by round (distinct, memo-warm, no-op, reference;
// distinct, memo-warm, ...) so the shared machine's drift hits all alike:
// - distinct: every request differs from every other request of the bench (days, minutes, goal,
//   experience, and a week start used by no other run), so the worker's plan memo never answers
//   and every plan is generated (memo cold);
// - memo-warm: 60 distinct requests, warmed up first, so the memo answers nearly every job (what
//   issue 3's figure measured);
// - no-op jobs on a queue with the same policy and work options: pg-boss's own ceiling;
// - the limit reference (bench/limit-reference.ts): INSERT ... SELECT of exactly the plan, week,
//   session and exercise rows the distinct run wrote, into empty look-alike tables without triggers or
//   foreign keys, in one transaction.
// Each run: a worker started as production starts it (startWorker: the built-in catalogue, the
// plan.generate module's queue policy and work options from the configuration) is idle on LISTEN;
// N jobs are enqueued in bulk (boss.insert, 1,000 per call); the time is pg-boss's own timestamps,
// first job's created_on to last job's completed_on, so the polling of this harness does not count.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { JobInsert, JobWithMetadata } from "pg-boss";
import { loadConfig } from "../src/config.ts";
import { addDays, nextMonday } from "../src/domain/calendar.ts";
import { generatePlan } from "../src/domain/plan/index.ts";
import { EXPERIENCE_LEVELS, GOALS } from "../src/domain/vocabulary.ts";
import {
  createCatalogueCache,
  PLAN_GENERATE_QUEUE,
  PLAN_QUEUE_OPTIONS,
  planWorkOptions,
  resolvePlanRequest,
} from "../src/jobs/plan-generate/index.ts";
import { ensureQueue } from "../src/jobs/runtime.ts";
import { createLogger } from "../src/logger.ts";
import { startWorker } from "../src/worker.ts";
import { type Bench, fmt, median } from "./harness.ts";
import { createLookAlikes, PLAN_TABLES, plansAndChildren, timeLimitReference } from "./limit-reference.ts";

const SMALL = process.env.BENCH_SCALE === "small";
const PLANS = Number(process.env.BENCH_PLANS ?? (SMALL ? 300 : 5_000));
const NOOPS = Number(process.env.BENCH_NOOPS ?? (SMALL ? 2_000 : 20_000));
const USERS = SMALL ? 50 : 1_000;
const RUNS = 3;
/** Tuning sweep (BENCH_PLAN_SWEEP=1 only): batch size x local concurrency, SWEEP_ROUNDS runs of SWEEP_PLANS each. */
const SWEEP: readonly (readonly [number, number])[] = [
  [50, 2],
  [100, 2],
  [200, 2],
  [200, 4],
  [500, 4],
  [100, 8],
];
const SWEEP_PLANS = 2_000;
const SWEEP_ROUNDS = 3;
const INSERT_CHUNK = 1_000;
const NOOP_QUEUE = "bench.noop";

/** The worker's settings: production defaults, or what the environment says (for tuning). */
function benchConfig(url: string) {
  const pick = (k: string) => process.env[k];
  return loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: "silent",
    PLAN_BATCH_SIZE: pick("PLAN_BATCH_SIZE"),
    PLAN_LOCAL_CONCURRENCY: pick("PLAN_LOCAL_CONCURRENCY"),
    DB_POOL_SIZE: pick("DB_POOL_SIZE"),
  });
}

const EQUIPMENT_SETS = [
  undefined,
  ["barbell", "dumbbell", "bodyweight"],
  ["dumbbell", "bands", "bodyweight"],
  ["machine", "cable", "dumbbell"],
] as const;

/** The Monday `weeks` weeks after next Monday: every distinct run has its own week start. */
const weekStartOf = (weeks: number) => {
  return addDays(nextMonday(new Date()), weeks * 7);
};

/**
 * Request i of a distinct run: (days, minutes, goal, experience) differ for i < 9,660, and the run's
 * week start is its own, so the memo (keyed on all of them) never answers.
 */
function distinctRequest(i: number, users: readonly string[], weekStart: string) {
  const equipment = EQUIPMENT_SETS[i % 4];
  return {
    userId: users[i % users.length] as string,
    daysPerWeek: 2 + (i % 5),
    sessionMinutes: 20 + (Math.floor(i / 5) % 161),
    goal: GOALS[Math.floor(i / 805) % GOALS.length],
    experience: EXPERIENCE_LEVELS[Math.floor(i / 3220) % EXPERIENCE_LEVELS.length],
    weekStart,
    ...(equipment ? { equipment: [...equipment] } : {}),
  };
}

/** A spread of realistic requests: every goal, experience, 2..6 days, a few equipment sets (60 distinct). */
function planRequest(i: number, users: readonly string[]) {
  const equipment = EQUIPMENT_SETS[i % 4];
  return {
    userId: users[i % users.length] as string,
    daysPerWeek: 2 + (i % 5),
    goal: GOALS[i % GOALS.length],
    experience: EXPERIENCE_LEVELS[(i >> 2) % EXPERIENCE_LEVELS.length],
    weekStart: weekStartOf(0),
    ...(equipment ? { equipment: [...equipment] } : {}),
  };
}

interface Drained {
  jobs: number;
  completed: number;
  failed: number;
  /** first created_on -> last completed_on, ms */
  ms: number;
  perSecond: number;
}

/** Inserts the jobs in bulk, waits (deadline) until every one is settled, reads pg-boss's timestamps. */
async function enqueueAndDrain(
  pool: pg.Pool,
  insert: (jobs: JobInsert[]) => Promise<unknown>,
  jobs: JobInsert[],
  timeoutMs: number,
): Promise<Drained> {
  const ids = jobs.map((j) => j.id as string);
  for (let i = 0; i < jobs.length; i += INSERT_CHUNK) await insert(jobs.slice(i, i + INSERT_CHUNK));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ done: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE state = 'completed')::int AS done,
              count(*) FILTER (WHERE state = 'failed')::int AS failed
         FROM pgboss.job WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const { done = 0, failed = 0 } = rows[0] ?? {};
    if (done + failed >= ids.length) break;
    if (Date.now() > deadline) throw new Error(`only ${done + failed} of ${ids.length} jobs settled in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { rows } = await pool.query<{ ms: number; completed: number; failed: number }>(
    `SELECT extract(epoch FROM max(completed_on) - min(created_on)) * 1000 AS ms,
            count(*) FILTER (WHERE state = 'completed')::int AS completed,
            count(*) FILTER (WHERE state = 'failed')::int AS failed
       FROM pgboss.job WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const r = rows[0] ?? { ms: 0, completed: 0, failed: 0 };
  const ms = Number(r.ms);
  return {
    jobs: ids.length,
    completed: r.completed,
    failed: r.failed,
    ms,
    perSecond: (r.completed / ms) * 1000,
  };
}

/** One run of `plans` plan requests on a worker started with the given batch size and concurrency. */
async function sweepRun(url: string, pool: pg.Pool, users: readonly string[], batch: number, lc: number) {
  const config = loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: "silent",
    PLAN_BATCH_SIZE: String(batch),
    PLAN_LOCAL_CONCURRENCY: String(lc),
  });
  const worker = await startWorker({ url, config, logger: createLogger("silent") });
  try {
    const insert = (jobs: JobInsert[]) => worker.deps.boss.insert(PLAN_GENERATE_QUEUE, jobs);
    const requests = (n: number, offset: number) =>
      Array.from({ length: n }, (_, i) => ({ id: randomUUID(), data: planRequest(i + offset, users) }));
    await enqueueAndDrain(pool, insert, requests(100, 7), 60_000);
    return await enqueueAndDrain(pool, insert, requests(SWEEP_PLANS, batch + lc), 600_000);
  } finally {
    await worker.stop(10_000);
  }
}

type Mode = "distinct" | "warm" | "noop";

interface Round {
  distinct: Drained;
  warm: Drained;
  noop: Drained;
  /** Node's CPU during the distinct run, % of one core. */
  distinctCpu: number;
  warmCpu: number;
  reference: { ms: number; rows: number; plans: number };
}

export const planThroughputBench: Bench = {
  id: "plan-throughput",
  title:
    "plan.generate throughput end to end through pg-boss: distinct requests, memo-warm, no-op, limit reference",
  async run(ctx) {
    const url = await ctx.freshDatabase("plan_throughput");
    const config = benchConfig(url);
    const logger = createLogger("silent");
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const refClient = new pg.Client({ connectionString: url });
    await refClient.connect();
    const { rows: userRows } = await pool.query<{ id: string }>(
      `INSERT INTO auth.users (id, email)
       SELECT gen_random_uuid(), 'bench-' || g || '@example.test' FROM generate_series(1, $1::int) g
       RETURNING id`,
      [USERS],
    );
    const users = userRows.map((r) => r.id);
    const worker = await startWorker({ url, config, logger });
    const boss = worker.deps.boss;
    const work = planWorkOptions(config);
    await ensureQueue(boss, NOOP_QUEUE, PLAN_QUEUE_OPTIONS);
    await boss.work(
      NOOP_QUEUE,
      { ...work, includeMetadata: true, perJobResults: true },
      async (jobs: JobWithMetadata<unknown>[]) =>
        jobs.map((j) => ({ id: j.id, status: "completed" as const })),
    );
    await createLookAlikes(refClient, PLAN_TABLES);

    const insertPlans = (jobs: JobInsert[]) => boss.insert(PLAN_GENERATE_QUEUE, jobs);
    const withCpu = async (fn: () => Promise<Drained>) => {
      const before = process.cpuUsage();
      const startedAt = performance.now();
      const drained = await fn();
      const used = process.cpuUsage(before);
      return { drained, cpu: ((used.user + used.system) / 1000 / (performance.now() - startedAt)) * 100 };
    };

    const rounds: Round[] = [];
    try {
      // Warm-up: the catalogue cache, JIT, connection pools, and the memo-warm run's 60 requests.
      await enqueueAndDrain(
        pool,
        insertPlans,
        Array.from({ length: 100 }, (_, i) => ({ id: randomUUID(), data: planRequest(i, users) })),
        60_000,
      );
      for (let run = 0; run < RUNS; run++) {
        const order: Mode[] = ["distinct", "warm", "noop"];
        const round: Partial<Round> = {};
        for (const mode of order) {
          ctx.log(`plan-throughput round ${run + 1}/${RUNS}: ${mode}`);
          if (mode === "noop") {
            round.noop = await enqueueAndDrain(
              pool,
              (jobs) => boss.insert(NOOP_QUEUE, jobs),
              Array.from({ length: NOOPS }, () => ({ id: randomUUID(), data: {} })),
              600_000,
            );
            continue;
          }
          const weekStart = weekStartOf(run + 1);
          const jobs = Array.from({ length: PLANS }, (_, i) => ({
            id: randomUUID(),
            data: mode === "distinct" ? distinctRequest(i, users, weekStart) : planRequest(i + run, users),
          }));
          const { drained, cpu } = await withCpu(() => enqueueAndDrain(pool, insertPlans, jobs, 600_000));
          if (mode === "warm") {
            round.warm = drained;
            round.warmCpu = cpu;
            continue;
          }
          round.distinct = drained;
          round.distinctCpu = cpu;
          // Every job's plan carries its job id as request_id (src/jobs/plan-generate/handler.ts).
          const ids = jobs.map((j) => j.id);
          const ref = await timeLimitReference(
            refClient,
            plansAndChildren(
              "SELECT id FROM public.modular_training_plan WHERE request_id = ANY($1::uuid[])",
              [ids],
            ),
          );
          round.reference = { ...ref, plans: drained.completed };
        }
        rounds.push(round as Round);
      }

      // Where the distinct run's time goes in Node: generatePlan alone, one core, on the same
      // distinct requests and the catalogue the worker uses.
      const catalogue = await createCatalogueCache(pool).get();
      const genRequests = Array.from({ length: Math.min(PLANS, 2_000) }, (_, i) =>
        resolvePlanRequest(distinctRequest(i, users, weekStartOf(RUNS + 1)), new Date()),
      );
      const genStarted = performance.now();
      for (const request of genRequests) generatePlan(request, catalogue);
      const generateMs = (performance.now() - genStarted) / genRequests.length;

      const sweep: { batch: number; lc: number; result: Drained }[] = [];
      if (process.env.BENCH_PLAN_SWEEP === "1") {
        await worker.stop(10_000);
        // Round robin, so the machine's drift and the tables' growth hit every setting alike.
        for (let round = 0; round < SWEEP_ROUNDS; round++) {
          for (const [batch, lc] of SWEEP) {
            ctx.log(`plan-throughput sweep round ${round + 1}: batch ${batch}, localConcurrency ${lc}`);
            sweep.push({ batch, lc, result: await sweepRun(url, pool, users, batch, lc) });
          }
        }
      }
      const { rows: written } = await pool.query<{ plans: number; exercises: number }>(
        `SELECT (SELECT count(*) FROM modular_training_plan)::int AS plans,
                (SELECT count(*) FROM modular_training_exercise)::int AS exercises`,
      );
      const rate = (xs: Drained[]) => median(xs.map((d) => d.perSecond));
      const distinctRate = rate(rounds.map((r) => r.distinct));
      const warmRate = rate(rounds.map((r) => r.warm));
      const noopRate = rate(rounds.map((r) => r.noop));
      const refRate = median(rounds.map((r) => (r.reference.plans / r.reference.ms) * 1000));
      const share = distinctRate / noopRate;
      const met = distinctRate >= 1000 || share >= 0.25;
      const failed = rounds.reduce((s, r) => s + r.distinct.failed + r.warm.failed, 0);
      const rowsPerPlan = median(rounds.map((r) => r.reference.rows / Math.max(1, r.reference.plans)));
      return [
        `Worker settings (production defaults unless the environment overrides them): batchSize ${work.batchSize}, ` +
          `localConcurrency ${work.localConcurrency}, pollingIntervalSeconds ${work.pollingIntervalSeconds}, ` +
          `burstWhenBatchFull ${work.burstWhenBatchFull}, perJobResults, useListenNotify with the queue's notify; ` +
          `pool ${config.DB_POOL_SIZE} connections for the handlers and ${config.DB_POOL_SIZE} for pg-boss. ` +
          `${PLANS.toLocaleString("en-US")} plan requests for ${USERS.toLocaleString("en-US")} users per plan run, ` +
          `${NOOPS.toLocaleString("en-US")} no-op jobs per no-op run, enqueued with boss.insert in chunks of ${INSERT_CHUNK} ` +
          "while the worker idled on LISTEN; time from the first job's created_on to the last job's completed_on. " +
          `${RUNS} rounds, each in this order: distinct, memo-warm, no-op, then the limit reference for the distinct run's rows. ` +
          `${SMALL ? "**BENCH_SCALE=small: a smoke run, not a measurement.**" : ""}`,
        "",
        "- **distinct** (memo cold): every request differs from every other of the bench (2-6 days, 20-180 minutes, goal, " +
          "experience, and a week start of its own per run), so every plan is generated;",
        "- **memo-warm**: 60 distinct requests (every goal and experience, 2-6 days, four equipment sets), warmed up " +
          "first, so the worker's plan memo answers nearly every job;",
        "- **no-op**: jobs that complete at once, same queue policy and work options: pg-boss's own ceiling;",
        "- **limit reference**: INSERT ... SELECT of exactly the plan, week, session and exercise rows the distinct run " +
          `wrote (${fmt(rowsPerPlan, 0)} rows a plan) into empty look-alike tables without triggers or foreign keys, one transaction.`,
        "",
        "| round | distinct plans/s | memo-warm plans/s | no-op jobs/s | limit reference plans/s | distinct / no-op | distinct / reference | Node CPU, distinct (% of one core) | Node CPU, memo-warm |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...rounds.map((r, i) => {
          const ref = (r.reference.plans / r.reference.ms) * 1000;
          return `| ${i + 1} | ${fmt(r.distinct.perSecond, 0)} | ${fmt(r.warm.perSecond, 0)} | ${fmt(r.noop.perSecond, 0)} | ${fmt(ref, 0)} | ${fmt((r.distinct.perSecond / r.noop.perSecond) * 100, 1)} % | ${fmt((r.distinct.perSecond / ref) * 100, 1)} % | ${fmt(r.distinctCpu, 0)} % | ${fmt(r.warmCpu, 0)} % |`;
        }),
        `| **median** | **${fmt(distinctRate, 0)}** | **${fmt(warmRate, 0)}** | **${fmt(noopRate, 0)}** | **${fmt(refRate, 0)}** | **${fmt(share * 100, 1)} %** | **${fmt((distinctRate / refRate) * 100, 1)} %** | | |`,
        "",
        `generatePlan alone on the distinct requests (one core, the worker's catalogue): ${fmt(generateMs, 2)} ms a plan, ` +
          `so at most ${fmt(1000 / generateMs, 0)} plans/s from generation on one core.`,
        "",
        `Every plan is real: ${written[0]?.plans.toLocaleString("en-US")} plans with ` +
          `${written[0]?.exercises.toLocaleString("en-US")} exercise rows in the database after the runs ` +
          `(warm-up included); ${failed} failed jobs.`,
        "",
        `Goal: >= 1,000 plans/s on distinct requests, or >= 25% of the no-op rate. **${met ? "Met" : "Not met"}**: ` +
          `${fmt(distinctRate, 0)} plans/s, ${fmt(share * 100, 1)} % of ${fmt(noopRate, 0)} no-op jobs/s ` +
          `(memo-warm: ${fmt(warmRate, 0)} plans/s; the limit reference writes the same rows at ${fmt(refRate, 0)} plans/s).`,
        ...(sweep.length === 0
          ? []
          : [
              "",
              `Tuning sweep, after the runs above: ${SWEEP_ROUNDS} rounds, round robin over the settings, each run ` +
                `${SWEEP_PLANS.toLocaleString("en-US")} memo-warm plans on a fresh worker after 100 warm-up plans; same ` +
                "server and database (which grows as the sweep runs).",
              "",
              "| batchSize | localConcurrency | plans/s, median | runs |",
              "| ---: | ---: | ---: | --- |",
              ...SWEEP.map(([batch, lc]) => {
                const rates = sweep
                  .filter((r) => r.batch === batch && r.lc === lc)
                  .map((r) => r.result.perSecond);
                return `| ${batch} | ${lc} | ${fmt(median(rates), 0)} | ${rates.map((r) => fmt(r, 0)).join(", ")} |`;
              }),
            ]),
      ].join("\n");
    } finally {
      await worker.stop(10_000);
      await refClient.end();
      await pool.end();
    }
  },
};
