// The shell of every product page: server-rendered HTML, inline CSS, no script, no font or file
// from anywhere else, so the pages work offline and under the server's Content-Security-Policy.
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Body = HtmlEscapedString | Promise<HtmlEscapedString>;

const STYLE = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
  header { background: #1d2b3a; color: #fff; padding: 10px 20px; display: flex; gap: 20px; align-items: baseline; }
  header a { color: #cfe3ff; text-decoration: none; } header a:hover { text-decoration: underline; }
  header strong { margin-right: 12px; }
  main { padding: 16px 20px; max-width: 1200px; }
  table { border-collapse: collapse; margin: 8px 0 20px; background: #fff; }
  th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
  th { background: #f0f0f0; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .error { color: #a40000; white-space: pre-wrap; max-width: 640px; }
  .status-failed { color: #a40000; font-weight: bold; } .status-succeeded { color: #137333; }
  code, .mono { font-family: ui-monospace, monospace; font-size: 12px; }
  .muted { color: #666; } svg.chart { background: #fff; border: 1px solid #ddd; margin: 8px 0 16px; display: block; }
`;

export function page(title: string, body: Body) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · training-engine ops</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<strong>training-engine ops</strong>
<a href="/">Overview</a>
<a href="/queues">Queues (pg-boss dashboard)</a>
<a href="/plan-requests">Plan requests</a>
<a href="/dead-letters">Dead letters</a>
<a href="/progress">Progress</a>
<a href="/metrics">Metrics</a>
</header>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

export const when = (d: Date | null) => (d ? d.toISOString().slice(0, 19).replace("T", " ") : "");
