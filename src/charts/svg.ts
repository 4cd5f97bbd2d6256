// The little SVG both charts need: escaping text, and a number that prints short.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text and attribute values: exercise names come from imported catalogues. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

export const num = (n: number) => (Math.round(n * 10) / 10).toString();

/** Round axis steps: 1, 2 or 5 times a power of ten, about `ticks` of them up to `max`. */
export function niceStep(max: number, ticks = 5): number {
  const raw = Math.max(max, 1e-9) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Distinct colours for up to eight series, readable on white. */
export const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#17becf",
  "#8c564b",
  "#e377c2",
];
