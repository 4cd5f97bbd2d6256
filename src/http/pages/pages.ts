// The product's own ops pages (the queue views come from @pg-boss/dashboard at /queues):
// an overview, recent and failed plan requests, the dead letters of the three queues, and a
// user's progress with charts drawn on the server as SVG.
import { html, raw } from "hono/html";
import type pg from "pg";
import { e1rmTrendSvg } from "../../charts/e1rm-trend.ts";
import { goalAndExperience, muscleGroupSets } from "../../charts/progress-data.ts";
import { weeklySetsSvg } from "../../charts/weekly-sets.ts";
import { planRequestCounts, recentPlanRequests, usersWithProgress } from "../../db/queries/ops-pages.ts";
import { readProgressSummary } from "../../db/queries/progress-summary.ts";
import {
  countJobsByState,
  deadLetterQueueOf,
  lastDeadLetters,
  QUEUES,
  JOB_STATES as STATES,
} from "../../db/queries/queues.ts";
import { page, when } from "./layout.ts";

const DEAD_LETTERS_SHOWN = 20;
const REQUESTS_SHOWN = 50;

export async function overviewPage(pool: pg.Pool) {
  const [counts, requests] = await Promise.all([countJobsByState(pool), planRequestCounts(pool)]);
  const rows = [...QUEUES, ...QUEUES.map(deadLetterQueueOf)].map((queue) => {
    const c = counts.get(queue);
    return html`<tr data-queue="${queue}"><td><a href="/queues/queues/${queue}">${queue}</a></td>${STATES.map(
      (s) => html`<td class="n" data-state="${s}">${c?.[s] ?? 0}</td>`,
    )}</tr>`;
  });
  return page(
    "Overview",
    html`<h2>Queues</h2>
<p class="muted">Jobs stored by state, counted exactly from pg-boss's job table. Jobs, retries and schedules: <a href="/queues">the pg-boss dashboard</a>.</p>
<table id="queue-counts"><tr><th>queue</th>${STATES.map((s) => html`<th>${s}</th>`)}</tr>${rows}</table>
<h2>Plan requests</h2>
<table id="plan-request-counts"><tr>${["queued", "running", "succeeded", "failed"].map((s) => html`<th>${s}</th>`)}</tr>
<tr>${["queued", "running", "succeeded", "failed"].map((s) => html`<td class="n" data-status="${s}">${requests[s] ?? 0}</td>`)}</tr></table>
<p><a href="/plan-requests">Recent requests</a> · <a href="/plan-requests?status=failed">failed ones</a> · <a href="/dead-letters">dead letters</a> · <a href="/progress">a user's progress</a></p>`,
  );
}

export async function planRequestsPage(pool: pg.Pool, status: string | undefined) {
  const rows = await recentPlanRequests(pool, { status, limit: REQUESTS_SHOWN });
  const filter = status ? `Plan requests: ${status}` : "Recent plan requests";
  return page(
    filter,
    html`<p>Show: <a href="/plan-requests">all</a> · <a href="/plan-requests?status=failed">failed</a> · <a href="/plan-requests?status=queued">queued</a> · <a href="/plan-requests?status=running">running</a> · <a href="/plan-requests?status=succeeded">succeeded</a> (newest ${REQUESTS_SHOWN})</p>
<table id="plan-requests"><tr><th>created</th><th>status</th><th>user</th><th>params</th><th>plan / error</th><th>finished</th></tr>
${rows.length === 0 ? html`<tr><td colspan="6" class="muted">none</td></tr>` : ""}
${rows.map(
  (
    r,
  ) => html`<tr data-id="${r.id}"><td>${when(r.createdAt)}</td><td class="status-${r.status}">${r.status}</td>
<td class="mono"><a href="/progress/${r.userId}">${r.userId}</a></td><td class="mono">${JSON.stringify(r.params)}</td>
<td>${r.planId ? html`<span class="mono">${r.planId}</span>` : ""}${r.error ? html`<div class="error">${r.error}</div>` : ""}</td>
<td>${when(r.finishedAt)}</td></tr>`,
)}</table>`,
  );
}

export async function deadLettersPage(pool: pg.Pool) {
  const sections = await Promise.all(
    QUEUES.map(async (queue) => ({
      queue,
      dead: deadLetterQueueOf(queue),
      last: await lastDeadLetters(pool, deadLetterQueueOf(queue), DEAD_LETTERS_SHOWN),
    })),
  );
  return page(
    "Dead letters",
    html`<p class="muted">Jobs that failed for good (retries spent, expired, or a request that can never succeed), kept 30 days. Newest ${DEAD_LETTERS_SHOWN} per queue; retry or delete them in <a href="/queues">the pg-boss dashboard</a>.</p>
${sections.map(
  (s) => html`<h2 id="${s.dead}">${s.dead} <span class="muted">(for ${s.queue})</span></h2>
<table class="dead-letters" data-queue="${s.dead}"><tr><th>dead-lettered</th><th>source job</th><th>error</th></tr>
${s.last.length === 0 ? html`<tr><td colspan="3" class="muted">none</td></tr>` : ""}
${s.last.map(
  (d) =>
    html`<tr><td>${when(d.createdOn)}</td><td class="mono">${d.sourceId ?? d.id}</td><td class="error">${d.error}</td></tr>`,
)}</table>`,
)}`,
  );
}

export async function progressIndexPage(pool: pg.Pool, problem?: string) {
  const users = await usersWithProgress(pool, 50);
  return page(
    "Progress",
    html`<form method="get" action="/progress"><label>User id <input name="user" size="40" placeholder="uuid"></label> <button>Show</button></form>
${problem ? html`<p class="error">${problem}</p>` : ""}
<h2>Users with progress, most recently trained first</h2>
<table id="progress-users"><tr><th>user</th><th>latest week</th></tr>
${users.length === 0 ? html`<tr><td colspan="2" class="muted">none yet</td></tr>` : ""}
${users.map((u) => html`<tr><td class="mono"><a href="/progress/${u.userId}">${u.userId}</a></td><td>${u.lastWeek}</td></tr>`)}</table>`,
  );
}

export async function userProgressPage(pool: pg.Pool, userId: string) {
  const summary = await readProgressSummary(pool, userId);
  const { goal, experience } = goalAndExperience(summary);
  const latest = summary.weeks.at(-1);
  return page(
    `Progress of ${userId}`,
    html`<p>Goal <strong>${goal}</strong>, ${experience}; weeks ${summary.weeks[0] ?? "-"} to ${latest ?? "-"}. Drawn from the progress tables (<code>progress show --user ${userId} --svg DIR</code> writes the same charts).</p>
${raw(e1rmTrendSvg(summary))}
${raw(weeklySetsSvg(muscleGroupSets(summary), { week: latest, goal }))}
<h2>Recent records</h2>
<table id="records"><tr><th>exercise</th><th>record</th><th>value (kg)</th><th>achieved</th></tr>
${summary.records.length === 0 ? html`<tr><td colspan="4" class="muted">none yet</td></tr>` : ""}
${summary.records.map(
  (r) =>
    html`<tr><td>${r.name}</td><td>${r.type}</td><td class="n">${r.value.toFixed(1)}</td><td>${when(r.achievedAt).slice(0, 10)}</td></tr>`,
)}</table>`,
  );
}
