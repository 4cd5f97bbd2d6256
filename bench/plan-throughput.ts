// Plans generated per second end to end through pg-boss, beside pg-boss's own throughput for
// no-op jobs with the same worker settings, same server, same run (issue 3, goal: >= 1,000 plans/s
// or >= 25% of the no-op rate).
//
// Each run: a worker started as production starts it (startWorker: the built-in catalogue, the
// plan.generate module's queue policy and work options from the configuration) is idle on LISTEN;
// N plan requests for U users are enqueued in bulk (boss.insert, 1,000 per call); the time is
// pg-boss's own timestamps, first job's created_on to last job's completed_on, so the polling of
// this harness does not count. Then the same with no-op jobs on a queue with the same policy and
// the same work options (batch size, local concurrency, polling, burst, perJobResults). Runs
// alternate plan / no-op so drift in the shared machine's load hits both alike.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { JobInsert, JobWithMetadata } from "pg-boss";
import { loadConfig } from "../src/config.ts";
import { EXPERIENCE_LEVELS, GOALS } from "../src/domain/vocabulary.ts";
import { PLAN_GENERATE_QUEUE, PLAN_QUEUE_OPTIONS, planWorkOptions } from "../src/jobs/plan-generate.ts";
import { ensureQueue } from "../src/jobs/runtime.ts";
import { createLogger } from "../src/logger.ts";
import { startWorker } from "../src/worker.ts";
import { monday } from "../tests/helpers/dates.ts";
import { type Bench, fmt, median } from "./harness.ts";

const SMALL = process.env.BENCH_SCALE === "small";
const PLANS = Number(process.env.BENCH_PLANS ?? (SMALL ? 300 : 5_000));
const NOOPS = Number(process.env.BENCH_NOOPS ?? (SMALL ? 2_000 : 20_000));
const USERS = SMALL ? 50 : 1_000;
const RUNS = 3;
/** Tuning sweep (full scale only): batch size x local concurrency, SWEEP_ROUNDS runs of SWEEP_PLANS each. */
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

/** A spread of realistic requests: every goal, experience, 2..6 days, a few equipment sets. */
function planRequest(i: number, users: readonly string[]) {
  const equipment = [
    undefined,
    ["barbell", "dumbbell", "bodyweight"],
    ["dumbbell", "bands", "bodyweight"],
    ["machine", "cable", "dumbbell"],
  ][i % 4];
  return {
    userId: users[i % users.length] as string,
    daysPerWeek: 2 + (i % 5),
    goal: GOALS[i % GOALS.length],
    experience: EXPERIENCE_LEVELS[(i >> 2) % EXPERIENCE_LEVELS.length],
    weekStart: monday(1),
    ...(equipment ? { equipment } : {}),
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

export const planThroughputBench: Bench = {
  id: "plan-throughput",
  title: "plan.generate throughput end to end through pg-boss, beside no-op jobs",
  async run(ctx) {
    const url = await ctx.freshDatabase("plan_throughput");
    const config = benchConfig(url);
    const logger = createLogger("silent");
    const pool = new pg.Pool({ connectionString: url, max: 2 });
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

    const plans: Drained[] = [];
    const noops: Drained[] = [];
    const cpu: number[] = [];
    try {
      // Warm-up: the catalogue cache, JIT, connection pools.
      await enqueueAndDrain(
        pool,
        (jobs) => boss.insert(PLAN_GENERATE_QUEUE, jobs),
        Array.from({ length: 100 }, (_, i) => ({ id: randomUUID(), data: planRequest(i, users) })),
        60_000,
      );
      for (let run = 0; run < RUNS; run++) {
        ctx.log(`plan-throughput run ${run + 1}/${RUNS}: ${PLANS} plans`);
        const before = process.cpuUsage();
        const startedAt = performance.now();
        plans.push(
          await enqueueAndDrain(
            pool,
            (jobs) => boss.insert(PLAN_GENERATE_QUEUE, jobs),
            Array.from({ length: PLANS }, (_, i) => ({
              id: randomUUID(),
              data: planRequest(i + run, users),
            })),
            600_000,
          ),
        );
        const used = process.cpuUsage(before);
        cpu.push(((used.user + used.system) / 1000 / (performance.now() - startedAt)) * 100);
        ctx.log(`plan-throughput run ${run + 1}/${RUNS}: ${NOOPS} no-op jobs`);
        noops.push(
          await enqueueAndDrain(
            pool,
            (jobs) => boss.insert(NOOP_QUEUE, jobs),
            Array.from({ length: NOOPS }, () => ({ id: randomUUID(), data: {} })),
            600_000,
          ),
        );
      }
      const sweep: { batch: number; lc: number; result: Drained }[] = [];
      if (!SMALL) {
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
      const planRate = median(plans.map((p) => p.perSecond));
      const noopRate = median(noops.map((p) => p.perSecond));
      const share = planRate / noopRate;
      const met = planRate >= 1000 || share >= 0.25;
      const failed = plans.reduce((s, p) => s + p.failed, 0);
      return [
        `Worker settings (production defaults unless the environment overrides them): batchSize ${work.batchSize}, ` +
          `localConcurrency ${work.localConcurrency}, pollingIntervalSeconds ${work.pollingIntervalSeconds}, ` +
          `burstWhenBatchFull ${work.burstWhenBatchFull}, perJobResults, useListenNotify with the queue's notify; ` +
          `pool ${config.DB_POOL_SIZE} connections for the handlers and ${config.DB_POOL_SIZE} for pg-boss. ` +
          `${PLANS.toLocaleString("en-US")} plan requests for ${USERS.toLocaleString("en-US")} users per run ` +
          `(2-6 days, every goal and experience, four equipment sets), ` +
          `${NOOPS.toLocaleString("en-US")} no-op jobs per run, enqueued with boss.insert in chunks of ${INSERT_CHUNK} ` +
          `while the worker idled on LISTEN; time from the first job's created_on to the last job's completed_on. ` +
          `Runs alternate plans / no-op. ${SMALL ? "**BENCH_SCALE=small: a smoke run, not a measurement.**" : ""}`,
        "",
        "| run | plans/s | plans: wall time | no-op jobs/s | no-op: wall time | plans / no-op | Node CPU during plans (% of one core) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...plans.map((p, i) => {
          const n = noops[i] as Drained;
          return `| ${i + 1} | ${fmt(p.perSecond, 0)} | ${fmt(p.ms / 1000, 2)} s | ${fmt(n.perSecond, 0)} | ${fmt(n.ms / 1000, 2)} s | ${fmt((p.perSecond / n.perSecond) * 100, 1)} % | ${fmt(cpu[i] ?? 0, 0)} % |`;
        }),
        `| **median** | **${fmt(planRate, 0)}** | | **${fmt(noopRate, 0)}** | | **${fmt(share * 100, 1)} %** | |`,
        "",
        `Every plan is real: ${written[0]?.plans.toLocaleString("en-US")} plans with ` +
          `${written[0]?.exercises.toLocaleString("en-US")} exercise rows in the database after the runs ` +
          `(warm-up included); ${failed} failed jobs.`,
        "",
        `Goal: >= 1,000 plans/s, or >= 25% of the no-op rate. **${met ? "Met" : "Not met"}**: ` +
          `${fmt(planRate, 0)} plans/s, ${fmt(share * 100, 1)} % of ${fmt(noopRate, 0)} no-op jobs/s.`,
        ...(sweep.length === 0
          ? []
          : [
              "",
              `Tuning sweep, after the runs above: ${SWEEP_ROUNDS} rounds, round robin over the settings, each run ` +
                `${SWEEP_PLANS.toLocaleString("en-US")} plans on a fresh worker after 100 warm-up plans; same server ` +
                "and database (which grows as the sweep runs).",
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
      await pool.end();
    }
  },
};
