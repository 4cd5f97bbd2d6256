// The e1RM trend per main lift as an SVG line chart, drawn on the server: one line per lift over
// the summary's weeks, a gap where a week has no sets for it, and a shaded band labelled "deload"
// over each deload week (a dip there is the deload's lighter loads, not lost strength). The same SVG goes into the progress
// page and into the files `progress show --svg DIR` writes.
import type { ProgressSummary } from "../db/queries/progress-summary.ts";
import { esc, niceStep, num, PALETTE } from "./svg.ts";

const W = 720;
const H = 320;
const PAD = { left: 56, right: 180, top: 36, bottom: 44 };

export function e1rmTrendSvg(s: Pick<ProgressSummary, "weeks" | "lifts" | "deloadWeeks">): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const values = s.lifts.flatMap((l) => l.e1rmByWeek.filter((v): v is number => v !== null));
  const open = `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-e1rm" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="e1rm-title" font-family="sans-serif" font-size="12">`;
  const title = `<title id="e1rm-title">Estimated 1RM per main lift, by week (kg)</title>`;
  const heading = `<text x="${PAD.left}" y="20" font-size="14" font-weight="bold">e1RM per main lift (kg)</text>`;
  if (values.length === 0 || s.weeks.length === 0) {
    return `${open}${title}${heading}<text x="${PAD.left}" y="${H / 2}" class="empty">no logged sets yet</text></svg>`;
  }
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const step = niceStep(Math.max(hi - lo, hi * 0.1));
  const yMin = Math.max(0, Math.floor((lo - step / 2) / step) * step);
  const yMax = Math.ceil((hi + step / 2) / step) * step;
  const x = (i: number) => PAD.left + (s.weeks.length === 1 ? plotW / 2 : (i * plotW) / (s.weeks.length - 1));
  const y = (v: number) => PAD.top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;

  const parts: string[] = [open, title, heading];
  // Deload bands first, under the grid and the lines: half a week's width either side.
  const half = s.weeks.length === 1 ? plotW / 4 : plotW / (s.weeks.length - 1) / 2;
  s.weeks.forEach((week, i) => {
    if (!s.deloadWeeks?.includes(week)) return;
    const left = Math.max(PAD.left, x(i) - half);
    const right = Math.min(PAD.left + plotW, x(i) + half);
    parts.push(
      `<g class="deload" data-week="${esc(week)}"><rect x="${num(left)}" y="${PAD.top}" width="${num(right - left)}" height="${plotH}" fill="#eef2f7"/>`,
      `<text x="${num(x(i))}" y="${PAD.top + 12}" text-anchor="middle" fill="#667" font-size="11">deload</text><title>deload week of ${esc(week)}</title></g>`,
    );
  });
  for (let v = yMin; v <= yMax + 1e-9; v += step) {
    parts.push(
      `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${num(y(v))}" y2="${num(y(v))}" stroke="#e5e5e5"/>`,
      `<text x="${PAD.left - 6}" y="${num(y(v) + 4)}" text-anchor="end" fill="#555">${num(v)}</text>`,
    );
  }
  s.weeks.forEach((week, i) => {
    parts.push(
      `<text x="${num(x(i))}" y="${H - PAD.bottom + 18}" text-anchor="middle" fill="#555">${esc(week.slice(5))}</text>`,
    );
  });
  parts.push(
    `<text x="${PAD.left + plotW / 2}" y="${H - 8}" text-anchor="middle" fill="#555">week starting</text>`,
  );
  s.lifts.forEach((lift, n) => {
    const colour = PALETTE[n % PALETTE.length] as string;
    // Consecutive known weeks form one segment; a week without sets breaks the line.
    const segments: string[][] = [[]];
    lift.e1rmByWeek.forEach((v, i) => {
      if (v === null) segments.push([]);
      else segments[segments.length - 1]?.push(`${num(x(i))},${num(y(v))}`);
    });
    parts.push(`<g class="series" data-lift="${esc(lift.name)}">`);
    for (const points of segments.filter((p) => p.length > 1)) {
      parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(" ")}"/>`);
    }
    lift.e1rmByWeek.forEach((v, i) => {
      if (v === null) return;
      parts.push(
        `<circle cx="${num(x(i))}" cy="${num(y(v))}" r="3.5" fill="${colour}"><title>${esc(lift.name)}, week of ${esc(s.weeks[i] ?? "")}: ${num(v)} kg</title></circle>`,
      );
    });
    parts.push("</g>");
    const ly = PAD.top + 8 + n * 20;
    parts.push(
      `<rect x="${W - PAD.right + 16}" y="${ly - 9}" width="12" height="12" fill="${colour}"/>`,
      `<text x="${W - PAD.right + 34}" y="${ly + 1}">${esc(lift.name)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
