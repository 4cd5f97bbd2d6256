// `npm run bench [-- --only id,id]`: runs the benchmarks side by side with their baselines on
// one server and writes each section into bench/RESULTS.md (other sections are kept).
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import { BENCHES } from "./benches.ts";
import { cpuProbeMs, createContext, openBenchServer } from "./harness.ts";

const { values } = parseArgs({ options: { only: { type: "string" }, plans: { type: "string" } } });
const plans = values.plans === undefined ? undefined : Number(values.plans);
if (plans !== undefined && (!Number.isInteger(plans) || plans < 1)) {
  process.stderr.write(`error: --plans must be a positive integer (got ${values.plans})\n`);
  process.exit(2);
}
const only = values.only?.split(",").map((s) => s.trim());
const unknown = only?.filter((id) => !BENCHES.some((b) => b.id === id)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(
    `error: unknown bench ${unknown.join(", ")}; known: ${BENCHES.map((b) => b.id).join(", ")}\n`,
  );
  process.exit(2);
}
const selected = BENCHES.filter((b) => !only || only.includes(b.id));

const RESULTS = new URL("./RESULTS.md", import.meta.url);

/** BENCH_SCALE and any per-bench size knob (BENCH_ROLLOVER_PLANS ...) set, as written in a command. */
const scaleKnobs = () =>
  Object.entries(process.env)
    .filter(([key]) => key !== "BENCH_DATABASE_URL" && key.startsWith("BENCH_"))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value} `)
    .join("");
const server = await openBenchServer();
const { ctx, close } = await createContext(server.adminUrl);
if (plans !== undefined) ctx.plans = plans;
let results = await readFile(RESULTS, "utf8").catch(() => "# Benchmark results\n");
try {
  for (const bench of selected) {
    ctx.log(`running ${bench.id}`);
    // The machine's speed before (bench/harness.ts, cpuProbeMs) and its load (1-minute average)
    // before and after: benches on a shared machine say so.
    const probeBefore = cpuProbeMs();
    const started = Date.now();
    const loadBefore = os.loadavg()[0] ?? 0;
    const body = await bench.run(ctx);
    const loadAfter = os.loadavg()[0] ?? 0;
    const header = [
      `## ${bench.title} (PostgreSQL ${ctx.serverVersion.split(".")[0]})`,
      "",
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on PostgreSQL ${ctx.serverVersion} ` +
        `(${server.label}), Node ${process.version}, ${os.cpus().length} cores; ` +
        `command: \`${process.env.BENCH_DATABASE_URL ? "BENCH_DATABASE_URL=... " : ""}${scaleKnobs()}npm run bench -- --only ${bench.id}${plans === undefined ? "" : ` --plans ${plans}`}\` (${Math.round((Date.now() - started) / 1000)} s); ` +
        `load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; ` +
        `CPU probe (a fixed loop on one core, bench/harness.ts) ${Math.round(probeBefore)} ms before.`,
      "",
    ].join("\n");
    // One section per bench and server version: the same bench on the embedded server (18) and
    // the machine's (15) keeps both results.
    const key = `${bench.id}:pg${ctx.serverVersion.split(".")[0]}`;
    const section = `<!-- bench:${key} -->\n${header}${body.trim()}\n<!-- /bench:${key} -->`;
    const pattern = new RegExp(`<!-- bench:${key} -->[\\s\\S]*?<!-- /bench:${key} -->`);
    results = pattern.test(results)
      ? results.replace(pattern, section)
      : `${results.trimEnd()}\n\n${section}\n`;
    await writeFile(RESULTS, results);
    process.stdout.write(`${section}\n\n`);
  }
} finally {
  await close();
  await server.close();
}
