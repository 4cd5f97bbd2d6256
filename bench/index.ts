// `npm run bench [-- --only id,id]`: runs the benchmarks side by side with their baselines on
// one server and writes each section into bench/RESULTS.md (other sections are kept).
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import { BENCHES } from "./benches.ts";
import { createContext, openBenchServer } from "./harness.ts";

const { values } = parseArgs({ options: { only: { type: "string" } } });
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
const server = await openBenchServer();
const { ctx, close } = await createContext(server.adminUrl);
let results = await readFile(RESULTS, "utf8").catch(() => "# Benchmark results\n");
try {
  for (const bench of selected) {
    ctx.log(`running ${bench.id}`);
    const started = Date.now();
    const body = await bench.run(ctx);
    const header = [
      `## ${bench.title}`,
      "",
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on PostgreSQL ${ctx.serverVersion} ` +
        `(${server.label}), Node ${process.version}, ${os.cpus().length} cores; ` +
        `command: \`npm run bench -- --only ${bench.id}\` (${Math.round((Date.now() - started) / 1000)} s).`,
      "",
    ].join("\n");
    const section = `<!-- bench:${bench.id} -->\n${header}${body.trim()}\n<!-- /bench:${bench.id} -->`;
    const pattern = new RegExp(`<!-- bench:${bench.id} -->[\\s\\S]*?<!-- /bench:${bench.id} -->`);
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
