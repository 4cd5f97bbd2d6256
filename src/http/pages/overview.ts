// The overview a team lead reads at a glance: are workers alive (live pg-boss instances and their
// heartbeat age), is anything stuck (the oldest waiting job per queue, progress marks waiting,
// dead letters nobody has handled), did last night's rollover run (each schedule's last and next
// run, the last rollover and the last progress rebuild), then the job counts.
import { html } from "hono/html";
import type pg from "pg";
import { INSTANCE_NAMES } from "../../boss.ts";
import {
  type FinishedRun,
  lastProgressRebuild,
  lastRollover,
  liveInstances,
  oldestWaitingJobs,
  progressBacklog,
  schedulesWithLastRun,
} from "../../db/queries/ops-overview.ts";
import { planRequestCounts } from "../../db/queries/ops-pages.ts";
import {
  countJobsByState,
  DEAD_LETTER_SUFFIX,
  deadLetterQueueOf,
  JOB_STATES,
  QUEUES,
  type StateCounts,
} from "../../db/queries/queues.ts";
import { nextCronRun } from "../../domain/schedule-next-run.ts";
import { DEAD_LETTER_COLUMNS, deadLetterStateWords } from "./dead-letter-state.ts";
import { page, when } from "./layout.ts";

/** "42 s", "7 min", "3 h 5 min", "2 d 4 h": an age a reader takes in at once. */
export function ageInWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

function deadLetterSums(c: StateCounts | undefined): Record<string, number> {
  const sums: Record<string, number> = Object.fromEntries(DEAD_LETTER_COLUMNS.map((k) => [k, 0]));
  for (const state of JOB_STATES) {
    const word = deadLetterStateWords(state);
    sums[word] = (sums[word] ?? 0) + (c?.[state] ?? 0);
  }
  return sums;
}

function runCell(run: FinishedRun | null, what: string, now: Date) {
  if (!run) return html`<p class="muted">No ${what} has finished yet.</p>`;
  return html`<span class="status-${run.state === "completed" ? "succeeded" : "failed"}">${run.state}</span>
at <span data-field="finished">${when(run.finishedOn)}</span> UTC (${ageInWords((now.getTime() - run.finishedOn.getTime()) / 1000)} ago),
took <span data-field="seconds">${run.seconds === null ? "?" : run.seconds.toFixed(1)}</span> s`;
}

export async function overviewPage(pool: pg.Pool, now: Date = new Date()) {
  const [counts, requests, instances, schedules, waiting, rollover, rebuild, backlog] = await Promise.all([
    countJobsByState(pool),
    planRequestCounts(pool),
    liveInstances(pool),
    schedulesWithLastRun(pool),
    oldestWaitingJobs(pool, QUEUES),
    lastRollover(pool),
    lastProgressRebuild(pool),
    progressBacklog(pool),
  ]);
  const workers = instances.filter((i) => i.name === INSTANCE_NAMES.worker);
  const others = instances.filter((i) => i.name !== INSTANCE_NAMES.worker);
  const rolled = rollover?.output ?? {};
  const rebuilt = rebuild?.output ?? {};

  return page(
    "Overview",
    html`<h2>Workers</h2>
${
  workers.length === 0
    ? html`<p id="no-live-worker" class="status-failed">No live worker: no job runs until one starts (npm start).</p>`
    : html`<p class="muted">Live pg-boss instances (stopped or silent for three heartbeats are left out); a heartbeat age past ${workers[0]?.heartbeatSeconds ?? 30} s means the process is busy or stuck.</p>`
}
<table id="workers"><tr><th>process</th><th>host</th><th>pid</th><th>started (UTC)</th><th>heartbeat age</th></tr>
${instances.length === 0 ? html`<tr><td colspan="5" class="muted">none</td></tr>` : ""}
${[...workers, ...others].map(
  (i) =>
    html`<tr data-instance="${i.id}" data-name="${i.name ?? ""}"><td>${i.name ?? "(unnamed)"}</td><td>${i.host}</td><td class="n">${i.pid}</td><td>${when(i.startedOn)}</td><td class="n" data-field="heartbeat-age">${ageInWords(i.heartbeatAge)}</td></tr>`,
)}</table>

<h2>Waiting</h2>
<table id="oldest-waiting"><tr><th>queue</th><th>oldest job ready to run</th><th>created (UTC)</th><th>waiting for</th></tr>
${QUEUES.map((queue) => {
  const job = waiting.find((w) => w.queue === queue);
  return job
    ? html`<tr data-queue="${queue}"><td>${queue}</td><td class="mono"><a href="/queues/queues/${queue}/jobs/${job.id}">${job.id}</a></td><td>${when(job.createdOn)}</td><td class="n" data-field="waited">${ageInWords(job.waited)}</td></tr>`
    : html`<tr data-queue="${queue}"><td>${queue}</td><td class="muted" colspan="3">none waiting</td></tr>`;
})}</table>
<p id="progress-backlog">Progress marks waiting for a refresh: <strong>${backlog.marks}</strong>${backlog.marks > 0 ? html`, the oldest ${ageInWords(backlog.lag)} old` : ""}.</p>

<h2>Schedules</h2>
<table id="schedules"><tr><th>queue</th><th>key</th><th>cron</th><th>last run (UTC)</th><th>last job</th><th>next run (UTC)</th></tr>
${schedules.length === 0 ? html`<tr><td colspan="6" class="muted">none (no worker has started on this database)</td></tr>` : ""}
${schedules.map((s) => {
  const next = nextCronRun(s.cron, s.timezone, now);
  return html`<tr data-queue="${s.queue}" data-key="${s.key}"><td>${s.queue}</td><td>${s.key}</td><td class="mono">${s.cron} (${s.timezone})</td><td data-field="last-run">${s.lastRunAt ? when(s.lastRunAt) : html`<span class="muted">not yet</span>`}</td><td>${s.lastState ?? ""}</td><td data-field="next-run">${next ? when(next) : "?"}</td></tr>`;
})}</table>

<h2>Last rollover</h2>
<div id="last-rollover">${runCell(rollover, "rollover", now)}${
      rollover
        ? html`: <span data-field="plans">${num(rolled.plansRolled)}</span> plans rolled, <span data-field="weeks">${num(rolled.weeksCreated)}</span> weeks created${num(rolled.plansSkipped) > 0 ? html`, <span class="status-failed">${num(rolled.plansSkipped)} plans skipped</span> (the worker's log says why)` : ""}.`
        : ""
    }</div>
<h2>Last progress rebuild</h2>
<div id="last-rebuild">${runCell(rebuild, "full progress rebuild", now)}${
      rebuild
        ? html`: <span data-field="users">${num(rebuilt.users)}</span> users, ${num(rebuilt.exerciseWeeks)} exercise weeks rewritten.`
        : ""
    }</div>

<h2>Queues</h2>
<p class="muted">Jobs stored by state, counted exactly from pg-boss's job table. Jobs, retries and schedules: <a href="/queues">the pg-boss dashboard</a>.</p>
<table id="queue-counts"><tr><th>queue</th>${JOB_STATES.map((s) => html`<th>${s}</th>`)}</tr>${QUEUES.map(
      (queue) => {
        const c = counts.get(queue);
        return html`<tr data-queue="${queue}"><td><a href="/queues/queues/${queue}">${queue}</a></td>${JOB_STATES.map(
          (s) => html`<td class="n" data-state="${s}">${c?.[s] ?? 0}</td>`,
        )}</tr>`;
      },
    )}</table>
<h2>Dead letters</h2>
<p class="muted">Jobs that failed for good land in <code>&lt;queue&gt;${DEAD_LETTER_SUFFIX}</code>. "Handled": a handler took it (plan.generate's marks the request failed); "waiting": nobody has yet. <a href="/dead-letters">The newest ones with their errors</a>.</p>
<table id="dead-letter-counts"><tr><th>queue</th>${DEAD_LETTER_COLUMNS.map((w) => html`<th>${w}</th>`)}</tr>${QUEUES.map(
      (queue) => {
        const dead = deadLetterQueueOf(queue);
        const sums = deadLetterSums(counts.get(dead));
        return html`<tr data-queue="${dead}"><td><a href="/dead-letters#${dead}">${dead}</a></td>${DEAD_LETTER_COLUMNS.map(
          (w) => html`<td class="n" data-state="${w}">${sums[w] ?? 0}</td>`,
        )}</tr>`;
      },
    )}</table>
<h2>Plan requests</h2>
<table id="plan-request-counts"><tr>${["queued", "running", "succeeded", "failed"].map((s) => html`<th>${s}</th>`)}</tr>
<tr>${["queued", "running", "succeeded", "failed"].map((s) => html`<td class="n" data-status="${s}">${requests[s] ?? 0}</td>`)}</tr></table>
<p><a href="/plan-requests">Recent requests</a> · <a href="/plan-requests?status=failed">failed ones</a> · <a href="/dead-letters">dead letters</a> · <a href="/progress">a user's progress</a></p>`,
  );
}
