// A plan's page: its header and counts, then its newest weeks (each with its mesocycle, week within
// it, deload and the muscles given a recovery session), each session with its rows: the
// exercise, sets, reps, the load and the load of the week before, why the rollover prescribed it
// (progress_reason, docs/progression.md) and the row's notes, led by a suggested swap. Every plan
// id on the other pages links here.
import { html } from "hono/html";
import type pg from "pg";
import { type PlanPageRow, planHeader, planPageRows } from "../../db/queries/ops-pages.ts";
import { SWAP_SUGGESTED } from "../../domain/week-labels.ts";
import { page, when } from "./layout.ts";

/** The newest weeks shown: a plan of a year of rollovers stays one readable page. */
export const PLAN_WEEKS_SHOWN = 8;

export const planLink = (planId: string) =>
  html`<a class="mono plan-link" href="/plans/${planId}">${planId}</a>`;

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);
const kg = (v: number | null) => (v === null ? "" : `${Number(v.toFixed(2))} kg`);

function loadCell(r: PlanPageRow) {
  if (r.weight === null) return html`<td class="n"></td>`;
  if (r.previousWeight === null || r.previousWeight === r.weight)
    return html`<td class="n">${kg(r.weight)}</td>`;
  const up = r.weight > r.previousWeight;
  return html`<td class="n" data-change="${up ? "up" : "down"}">${kg(r.weight)} <span class="muted">(${up ? "↑" : "↓"} from ${kg(r.previousWeight)})</span></td>`;
}

function weekSection(rows: PlanPageRow[]) {
  const first = rows[0] as PlanPageRow;
  const sessions = [...new Set(rows.map((r) => r.sessionId))];
  return html`<h2 id="week-${first.weekNumber}">Week ${first.weekNumber} <span class="muted">from ${first.weekStart}</span> <span class="mesocycle" data-mesocycle="${first.mesocycle}" data-mesocycle-week="${first.mesocycleWeek}"${first.isDeload ? html` data-deload="true"` : ""}>mesocycle ${first.mesocycle}, week ${first.mesocycleWeek}${first.isDeload ? ", deload" : ""}</span></h2>
${first.recoveryMuscles.length > 0 ? html`<p class="recovery" data-field="recovery-muscles">Recovery session (half the sets) for: ${first.recoveryMuscles.join(", ")}</p>` : ""}
${first.weekNotes ? html`<p class="muted">${first.weekNotes}</p>` : ""}
<table class="plan-week" data-week="${first.weekNumber}"><tr><th>session</th><th>exercise</th><th>tier</th><th>sets</th><th>reps</th><th>RIR</th><th>load</th><th>why</th><th>notes</th></tr>
${sessions.map((id) => {
  const inSession = rows.filter((r) => r.sessionId === id);
  const s = inSession[0] as PlanPageRow;
  const label = `${s.sessionDate} ${s.dayLabel} (${s.focusArea.replaceAll(",", ", ")})${s.completed ? ", done" : ""}`;
  const withRows = inSession.filter((r) => r.rowId !== null);
  if (withRows.length === 0)
    return html`<tr><td>${label}</td><td colspan="8" class="muted">no rows</td></tr>`;
  return withRows.map(
    (r, i) =>
      html`<tr data-row="${r.rowId}">${i === 0 ? html`<td rowspan="${withRows.length}">${label}</td>` : ""}<td>${r.exercise}</td><td>${r.tier ?? ""}</td><td class="n">${r.sets}</td><td>${r.reps}</td><td class="n">${r.rir ?? ""}</td>${loadCell(r)}<td class="why">${r.why ?? ""}</td><td class="notes">${r.swapSuggested ? html`<strong class="swap" data-field="swap-suggested">${SWAP_SUGGESTED}</strong>${r.notes ? "; " : ""}` : ""}${r.notes ?? ""}</td></tr>`,
  );
})}</table>`;
}

/** The plan page, or null when no plan has this id (the route answers 404). */
export async function planPage(pool: pg.Pool, planId: string) {
  const plan = await planHeader(pool, planId);
  if (!plan) return null;
  const rows = await planPageRows(pool, planId, PLAN_WEEKS_SHOWN);
  const weeks = [...new Set(rows.map((r) => r.weekNumber))];
  return page(
    `Plan ${plan.id}`,
    html`<table id="plan-header">
<tr><th>user</th><td class="mono"><a href="/progress/${plan.userId}">${plan.userId}</a></td></tr>
<tr><th>status</th><td>${plan.status}</td></tr>
<tr><th>split, goal, experience</th><td>${plan.splitType}, ${plan.goal}, ${plan.experience}</td></tr>
<tr><th>first week</th><td>${plan.weekStart}</td></tr>
<tr><th>deload</th><td>${plan.deloadEveryWeeks ? `every ${plan.deloadEveryWeeks} weeks` : "after each mesocycle (its length by goal and level), earlier on fatigue"}</td></tr>
<tr><th>created (UTC)</th><td>${when(plan.createdAt)}</td></tr>
<tr><th>size</th><td id="plan-counts"><span data-field="weeks">${plan.weeks}</span> ${plural(plan.weeks, "week")}, <span data-field="sessions">${plan.sessions}</span> ${plural(plan.sessions, "session")}, <span data-field="rows">${plan.rows}</span> ${plural(plan.rows, "row")}</td></tr>
</table>
<p class="muted">${plan.weeks > PLAN_WEEKS_SHOWN ? `The newest ${PLAN_WEEKS_SHOWN} weeks, newest first.` : "Every week, newest first."} A load with an arrow changed from the week before; "why" gives the rollover's reason and its evidence.</p>
${weeks.map((n) => weekSection(rows.filter((r) => r.weekNumber === n)))}`,
  );
}
