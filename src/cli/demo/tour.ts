// The newcomer's tour (`demo`): a demo user, a plan through the plan.generate queue, a logged
// week, the rollover to week 2 through plan.rollover, progress refreshed through progress.refresh,
// then week 2 beside week 1, the progress summary and the commands to look further. Every job runs
// in a worker with the job's own code: the worker already running on this database when pg-boss's
// instance table shows one (find-worker.ts), otherwise a worker started in this process
// (startWorker, as `npm start` does) and stopped at the end.
import { randomUUID } from "node:crypto";
import type { PgBoss } from "pg-boss";
import { readProgressSummary } from "../../db/queries/progress-summary.ts";
import { createUser } from "../../db/queries/users.ts";
import { addDays, mondayOf, todayIn } from "../../domain/calendar.ts";
import {
  PLAN_GENERATE_QUEUE,
  PLAN_QUEUE_OPTIONS,
  sendPlanRequest,
  waitForPlan,
} from "../../jobs/plan-generate/index.ts";
import { PLAN_ROLLOVER_QUEUE } from "../../jobs/plan-rollover/index.ts";
import { PROGRESS_REFRESH_QUEUE } from "../../jobs/progress-refresh/index.ts";
import type { RefreshCounts } from "../../jobs/progress-refresh/refresh.ts";
import { ensureQueue } from "../../jobs/runtime.ts";
import { type RunningWorker, startWorker } from "../../worker.ts";
import type { CliContext } from "../context.ts";
import { describeRefresh } from "../progress-refresh.ts";
import { formatProgressSummary } from "../progress-show.ts";
import { describeInstance, liveWorkersServing } from "./find-worker.ts";
import { formatWeekPlaces, formatWeeksSideBySide } from "./format-weeks.ts";
import { planDemoWeek } from "./logged-week.ts";
import { sideBySide, weekPlaces, weekRows, writeLoggedWeek } from "./queries.ts";
import { jobError, pickedUpWithin, waitForSettled } from "./wait-job.ts";

/** The demo's plan request: three full-body days, built for muscle, starting last Monday. */
const DEMO_REQUEST = { daysPerWeek: 3, goal: "hypertrophy" } as const;
const JOB_MS = 120_000;

/** How long the demo gives others before it acts itself. */
export interface DemoPatience {
  /** A worker the registry calls live gets this long to fetch the plan job before one starts here. */
  pickupMs: number;
  /** Beyond the debounce, how long the worker's listener gets to send progress.refresh. */
  listenerGraceMs: number;
}

export const DEFAULT_PATIENCE: DemoPatience = { pickupMs: 15_000, listenerGraceMs: 10_000 };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export interface DemoResult {
  userId: string;
  planId: string;
  /** Whether the jobs ran in a worker this process started. */
  inProcessWorker: boolean;
}

/** The URL without its password, for saying where the demo runs. */
export function describeDatabase(url: string, embedded: boolean): string {
  const u = new URL(url);
  u.password = "";
  return `${embedded ? "the embedded PostgreSQL, " : ""}${u.toString().replace(/^(\w+:\/\/[^:@/]+):?@/, "$1@")}`;
}

export async function runDemo(ctx: CliContext, patience = DEFAULT_PATIENCE): Promise<DemoResult> {
  const out = (label: string, text: string) => ctx.out(`${label.padEnd(10)}${text}`);
  const more = (text: string) => ctx.out(`${"".padEnd(10)}${text}`);
  ctx.out(`demo on ${describeDatabase(ctx.databaseUrl, !ctx.config.DATABASE_URL)}`);
  ctx.out("");

  const email = `demo-${randomUUID().slice(0, 8)}@example.test`;
  const userId = await createUser(ctx.pool, email);
  out("user", `${userId} (${email}), created in auth.users as \`user create\` does`);

  const boss = await ctx.boss();
  let worker: RunningWorker | undefined;
  const startHere = async () => {
    worker ??= await startWorker({
      url: ctx.databaseUrl,
      config: ctx.config,
      logger: ctx.logger,
      now: ctx.now,
    });
  };
  try {
    const { live: running, stale } = await liveWorkersServing(boss, PLAN_GENERATE_QUEUE);
    if (running[0]) {
      out(
        "worker",
        `${describeInstance(running[0])} serves ${PLAN_GENERATE_QUEUE} (live in pgboss.instance)`,
      );
    } else {
      await startHere();
      out("worker", `none live in pgboss.instance: started one in this process (as \`npm start\` does)`);
    }
    // A worker stopped by a forced exit or SIGKILL leaves a row that reads live for 90 s.
    for (const { instance, reason } of stale) more(`ignored ${describeInstance(instance)}: ${reason}`);

    // Week 1 is last week, so it can be logged now and the rollover as of today makes week 2.
    const today = todayIn(ctx.config.ROLLOVER_TZ, ctx.now());
    const weekStart = addDays(mondayOf(today), -7);
    await ensureQueue(boss, PLAN_GENERATE_QUEUE, PLAN_QUEUE_OPTIONS);
    const planStarted = performance.now();
    const planJob = await sendPlanRequest(boss, { userId, ...DEMO_REQUEST, weekStart });
    out(
      "plan",
      `${PLAN_GENERATE_QUEUE} job ${planJob} sent: ${DEMO_REQUEST.daysPerWeek} days, ${DEMO_REQUEST.goal}, week 1 from ${weekStart}`,
    );
    if (!worker && !(await pickedUpWithin(boss, PLAN_GENERATE_QUEUE, planJob, patience.pickupMs))) {
      await startHere();
      more(`no worker fetched it within ${patience.pickupMs / 1000} s: started one in this process`);
    }
    const { planId } = await waitForPlan(boss, planJob, { timeoutMs: JOB_MS, pollMs: 50 });
    more(`completed in ${Math.round(performance.now() - planStarted)} ms: plan ${planId}`);

    const logs = planDemoWeek(await weekRows(ctx.pool, planId, 1));
    await writeLoggedWeek(ctx.pool, planId, 1, logs);
    const count = (o: string) => logs.filter((l) => l.outcome === o).length;
    out(
      "log",
      `week 1: ${logs.reduce((n, l) => n + l.sets.length, 0)} sets in ${logs.length} exercises, loads picked first; ` +
        `${count("top")} with every set at the top of the range, ${count("range")} inside it, ${count("short")} short`,
    );

    const rolloverJob = await sendRollover(boss, today);
    const rolled = await waitForSettled(boss, PLAN_ROLLOVER_QUEUE, rolloverJob, JOB_MS);
    if (rolled.state !== "completed") {
      throw new Error(`${PLAN_ROLLOVER_QUEUE} job ${rolloverJob} failed: ${jobError(rolled)}`);
    }
    const r = rolled.output as { weeksCreated: number; plansRolled: number };
    out(
      "rollover",
      `${PLAN_ROLLOVER_QUEUE} job ${rolloverJob} as of ${today}: ${plural(r.weeksCreated, "week")} created ` +
        `for ${plural(r.plansRolled, "plan")} (every active plan that was due)`,
    );

    const refresh = await progressRefreshFor(
      boss,
      userId,
      ctx.config.PROGRESS_DEBOUNCE_SECONDS * 1000 + patience.listenerGraceMs,
    );
    const refreshed = await waitForSettled(boss, PROGRESS_REFRESH_QUEUE, refresh.id, JOB_MS);
    if (refreshed.state !== "completed") {
      throw new Error(`${PROGRESS_REFRESH_QUEUE} job ${refresh.id} failed: ${jobError(refreshed)}`);
    }
    out("progress", `${PROGRESS_REFRESH_QUEUE} job ${refresh.id}, ${refresh.how}:`);
    more(describeRefresh(refreshed.output as RefreshCounts));

    ctx.out("");
    for (const line of formatWeekPlaces(await weekPlaces(ctx.pool, planId, 1, 2), planId)) ctx.out(line);
    ctx.out("");
    for (const line of formatWeeksSideBySide(await sideBySide(ctx.pool, planId, 1))) ctx.out(line);
    for (const line of formatProgressSummary(userId, await readProgressSummary(ctx.pool, userId))) {
      ctx.out(line);
    }
    ctx.out("");
    ctx.out("look further:");
    const further = [
      [`plan show ${planId}`, "the whole plan"],
      [`progress show --user ${userId}`, "the summary above"],
      ["status", "queues, job counts, schedules, dead letters"],
      [`rollover --as-of ${addDays(mondayOf(today), 7)}`, "week 3 (nothing logged in week 2: carried over)"],
      [`plan request --user ${userId} --days 4 --wait`, "another plan (with `npm start` running)"],
    ];
    const width = Math.max(...further.map(([command]) => (command as string).length));
    for (const [command, why] of further)
      ctx.out(`  npm run cli -- ${(command as string).padEnd(width)}  # ${why}`);
    return { userId, planId, inProcessWorker: worker !== undefined };
  } finally {
    await worker?.stop(10_000);
  }
}

/**
 * Sends plan.rollover { asOf }. The queue is stately (one queued job at most), so when a scheduled
 * rollover is already waiting, the demo waits for it to start and sends its own after it.
 */
async function sendRollover(boss: PgBoss, asOf: string): Promise<string> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const id = await boss.send(PLAN_ROLLOVER_QUEUE, { asOf });
    if (id) return id;
    for (const queued of await boss.findJobs(PLAN_ROLLOVER_QUEUE, { queued: true })) {
      await waitForSettled(boss, PLAN_ROLLOVER_QUEUE, queued.id, JOB_MS);
    }
  }
  throw new Error(`${PLAN_ROLLOVER_QUEUE}: another rollover keeps the queue busy; run the demo again`);
}

/**
 * The progress.refresh job for the user's new sets. The worker sends one by itself: the sets'
 * trigger NOTIFYs, and the worker's listener sends { userId } after PROGRESS_DEBOUNCE_SECONDS.
 * The demo waits for that job (the debounce plus a grace); if none comes (a worker with a longer
 * debounce, or one whose listener lost its connection), it sends the same job itself.
 */
async function progressRefreshFor(
  boss: PgBoss,
  userId: string,
  waitMs: number,
): Promise<{ id: string; how: string }> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    // The user is new, so any job keyed by them was sent for these sets.
    const [job] = await boss.findJobs(PROGRESS_REFRESH_QUEUE, { key: userId });
    if (job) return { id: job.id, how: "sent by the worker's listener when the sets were written" };
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const id = await boss.send(PROGRESS_REFRESH_QUEUE, { userId }, { singletonKey: userId });
  if (id) return { id, how: "sent by the demo (the worker's listener sent none in time)" };
  const [job] = await boss.findJobs(PROGRESS_REFRESH_QUEUE, { key: userId });
  if (!job) throw new Error(`${PROGRESS_REFRESH_QUEUE}: could not send a job for ${userId}`);
  return { id: job.id, how: "sent by the worker's listener when the sets were written" };
}
