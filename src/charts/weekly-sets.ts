// Weekly hard sets per muscle group against the goal's range, as an SVG bar chart drawn on the
// server: a shaded band for the range and a bar for the sets, coloured by where it falls.
import type { MuscleGroupSets } from "./progress-data.ts";
import { esc, niceStep, num } from "./svg.ts";

const W = 720;
const ROW = 22;
const PAD = { left: 120, right: 110, top: 40, bottom: 36 };
const COLOURS = { below: "#e69f00", "in range": "#2ca02c", above: "#d62728", none: "#7f7f7f" } as const;

export function weeklySetsSvg(
  rows: readonly MuscleGroupSets[],
  opts: { week?: string; goal: string },
): string {
  const H = PAD.top + PAD.bottom + Math.max(rows.length, 1) * ROW;
  const plotW = W - PAD.left - PAD.right;
  const top = Math.max(1, ...rows.map((r) => Math.max(r.sets, r.range?.max ?? 0)));
  const step = niceStep(top);
  const xMax = Math.ceil(top / step) * step;
  const x = (v: number) => PAD.left + (v / xMax) * plotW;
  const label = opts.week ? `week of ${opts.week}` : "no week yet";
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-weekly-sets" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="sets-title" font-family="sans-serif" font-size="12">`,
    `<title id="sets-title">Hard sets per muscle group, ${esc(label)}, against the ${esc(opts.goal)} range</title>`,
    `<text x="${PAD.left}" y="20" font-size="14" font-weight="bold">Hard sets per muscle group, ${esc(label)} (band: ${esc(opts.goal)} range)</text>`,
  ];
  for (let v = 0; v <= xMax + 1e-9; v += step) {
    parts.push(
      `<line x1="${num(x(v))}" x2="${num(x(v))}" y1="${PAD.top - 6}" y2="${H - PAD.bottom}" stroke="#e5e5e5"/>`,
      `<text x="${num(x(v))}" y="${H - PAD.bottom + 16}" text-anchor="middle" fill="#555">${num(v)}</text>`,
    );
  }
  rows.forEach((r, i) => {
    const yTop = PAD.top + i * ROW;
    const colour = COLOURS[r.verdict ?? "none"];
    parts.push(`<g class="muscle" data-group="${esc(r.group)}">`);
    parts.push(
      `<text x="${PAD.left - 8}" y="${yTop + 15}" text-anchor="end">${esc(r.group.replace(/_/g, " "))}</text>`,
    );
    if (r.range) {
      parts.push(
        `<rect class="range" x="${num(x(r.range.min))}" y="${yTop + 2}" width="${num(x(r.range.max) - x(r.range.min))}" height="${ROW - 4}" fill="#cfe8cf" opacity="0.7"><title>${esc(r.group)}: range ${r.range.min}-${r.range.max}</title></rect>`,
      );
    }
    parts.push(
      `<rect class="bar" x="${PAD.left}" y="${yTop + 6}" width="${num(Math.max(0, x(r.sets) - PAD.left))}" height="${ROW - 12}" fill="${colour}"><title>${esc(r.group)}: ${num(r.sets)} sets${r.verdict ? ` (${r.verdict})` : ""}</title></rect>`,
      `<text x="${W - PAD.right + 8}" y="${yTop + 15}" fill="${colour}">${num(r.sets)}${r.range ? ` / ${r.range.min}-${r.range.max}` : ""}</text>`,
      "</g>",
    );
  });
  parts.push(
    `<text x="${PAD.left + plotW / 2}" y="${H - 6}" text-anchor="middle" fill="#555">hard sets (1 per set, 0.5 per secondary muscle)</text>`,
    "</svg>",
  );
  return parts.join("");
}
