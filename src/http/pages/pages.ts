// The product's own ops pages (the queue views come from @pg-boss/dashboard at /queues; the
// overview is overview.ts, a plan's page plan.ts): recent and failed plan requests, the dead letters of the three queues, and a
// user's progress with charts drawn on the server as SVG.
import { html, raw } from "hono/html";
import type pg from "pg";
import { e1rmTrendSvg } from "../../charts/e1rm-trend.ts";
import { goalAndExperience, muscleGroupSets } from "../../charts/progress-data.ts";
import { weeklySetsSvg } from "../../charts/weekly-sets.ts";
import { plansOfUser, recentPlanRequests, usersWithProgress } from "../../db/queries/ops-pages.ts";
import { readProgressSummary } from "../../db/queries/progress-summary.ts";
import { deadLetterQueueOf, lastDeadLetters, QUEUES } from "../../db/queries/queues.ts";
import { recordName, recordValue } from "../../domain/record-types.ts";
import { deadLetterStateWords } from "./dead-letter-state.ts";
import { page, when } from "./layout.ts";
import { planLink } from "./plan.ts";

const DEAD_LETTERS_SHOWN = 20;
const REQUESTS_SHOWN = 50;

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
<td>${r.planId ? planLink(r.planId) : ""}${r.error ? html`<div class="error">${r.error}</div>` : ""}</td>
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
<table class="dead-letters" data-queue="${s.dead}"><tr><th>dead-lettered</th><th>state</th><th>source job</th><th>error</th></tr>
${s.last.length === 0 ? html`<tr><td colspan="4" class="muted">none</td></tr>` : ""}
${s.last.map(
  (d) =>
    html`<tr data-id="${d.id}"><td>${when(d.createdOn)}</td><td data-field="state">${deadLetterStateWords(d.state)}</td><td class="mono">${d.sourceId ?? d.id}</td><td class="error">${d.error}</td></tr>`,
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
  const [summary, plans] = await Promise.all([
    readProgressSummary(pool, userId),
    plansOfUser(pool, userId, 10),
  ]);
  const { goal, experience } = goalAndExperience(summary);
  const latest = summary.weeks.at(-1);
  return page(
    `Progress of ${userId}`,
    html`<p>Goal <strong>${goal}</strong>, ${experience}; weeks ${summary.weeks[0] ?? "-"} to ${latest ?? "-"}. Drawn from the progress tables (<code>progress show --user ${userId} --svg DIR</code> writes the same charts).</p>
<p id="user-plans">Plans: ${plans.length === 0 ? html`<span class="muted">none</span>` : plans.map((p, i) => html`${i > 0 ? ", " : ""}${planLink(p.id)} <span class="muted">(${p.status}, from ${p.weekStart})</span>`)}</p>
${raw(e1rmTrendSvg(summary))}
${raw(weeklySetsSvg(muscleGroupSets(summary), { week: latest, goal }))}
<h2>Recent records</h2>
<table id="records"><tr><th>exercise</th><th>record</th><th>value</th><th>achieved</th></tr>
${summary.records.length === 0 ? html`<tr><td colspan="4" class="muted">none yet</td></tr>` : ""}
${summary.records.map(
  (r) =>
    html`<tr data-record="${r.type}"><td>${r.name}</td><td>${recordName(r.type)}</td><td class="n">${recordValue(r.type, r.value)}</td><td>${when(r.achievedAt).slice(0, 10)}</td></tr>`,
)}</table>`,
  );
}
