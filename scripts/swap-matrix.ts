// The alternatives check of issue 23 on the whole request matrix (9,600 plans per catalogue, every
// week-1 row), too slow for `npm test`, which runs a stratified sample of it
// (tests/swap/alternatives-matrix.test.ts). Writes the figures into docs/swap-samples.md between the
// "swap-matrix" markers (scripts/swap-samples.ts keeps that section) and prints them. An
// equipment violation, an excluded exercise or an alike alternative after an unlike one, anywhere,
// makes it exit 1.
// Run: node --experimental-strip-types scripts/swap-matrix.ts
// It starts a scratch PostgreSQL of its own. Plans are deterministic (the generator, a fixed hash
// of ids for the exclusions), so the figures are the same every run.
import { readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import type { PlanRequest } from "../src/domain/plan/index.ts";
import { rolloverAsOf } from "../src/jobs/plan-rollover/rollover.ts";
import { createLogger } from "../src/logger.ts";
import { matrix } from "../tests/domain/plan-matrix.ts";
import { monday } from "../tests/helpers/dates.ts";
import { startScratchPostgres } from "../tests/helpers/scratch-postgres.ts";
import { CATALOGUES } from "../tests/swap/catalogues.ts";
import { someExclusions } from "../tests/swap/fixtures.ts";
import { checkLaterWeeks, measureAlternatives, pct, writeMatrixPlans } from "../tests/swap/matrix-check.ts";
import { catalogueDatabase } from "./catalogue-database.ts";

export const BEGIN = "<!-- swap-matrix: begin -->";
export const END = "<!-- swap-matrix: end -->";

const started = performance.now();
const server = await startScratchPostgres({ shared_buffers: "256MB" });
const table = ["| check | built-in | free-exercise-db |", "| --- | --- | --- |"];
const cells: Record<string, string[]> = {};
const notes: string[] = [];
const put = (check: string, value: string) => {
  cells[check] = [...(cells[check] ?? []), value];
};
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  for (const [name, entries] of Object.entries(CATALOGUES)) {
    const { pool, catalogue } = await catalogueDatabase(admin, server.url, "swap_matrix", name, entries);
    const excluded = someExclusions(catalogue);
    const requests: [string, PlanRequest][] = [...matrix()].map(([profile, request]) => [
      profile,
      { ...request, weekStart: monday(1) },
    ]);
    const plans = await writeMatrixPlans(pool, catalogue, requests, excluded);
    const r = await measureAlternatives(pool, catalogue, plans, excluded);
    await rolloverAsOf(pool, monday(3), { batchPlans: 500, logger: createLogger("silent") });
    const later = await checkLaterWeeks(
      pool,
      plans.map((p) => p.planId),
    );
    await pool.end();
    put("plans (the whole matrix)", `${r.plans.toLocaleString("en")}`);
    put("week-1 rows", `${r.rows.toLocaleString("en")}`);
    put(
      "distinct inputs asked (equipment, level, session, exercise)",
      `${r.distinctInputs.toLocaleString("en")}`,
    );
    put("**top 3 share the pattern and primary muscle group, all rows**", `**${pct(r.top3Alike, r.rows)}**`);
    put("the same, primary muscle itself (lats and middle back apart)", pct(r.top3AlikeExactMuscle, r.rows));
    put(
      "the same, rows whose equipment leaves three alike",
      `${pct(r.top3AlikeWhereThree, r.rowsWithThree)} of ${r.rowsWithThree.toLocaleString("en")}`,
    );
    put("an alike alternative after an unlike one", `${r.outOfOrder.length}`);
    put("alternatives offered", r.offered.toLocaleString("en"));
    put("alternatives needing equipment the request did not allow", `${r.equipmentViolations.length}`);
    put("excluded exercises offered", `${r.excludedOffered.length}`);
    put("excluded exercises in week-1 rows", `${r.excludedInPlans}`);
    put(`rows of weeks ${later.weeks.join(" and ")} after the rollover`, later.rows.toLocaleString("en"));
    put("later-week rows with an excluded exercise", `${later.excluded}`);
    put("later-week rows needing equipment the request did not allow", `${later.equipmentViolations}`);
    // The hard rules: any breach fails the run (exit 1), whatever the figures.
    const breaches = [
      ...r.equipmentViolations.slice(0, 5),
      ...r.excludedOffered.slice(0, 5),
      ...r.outOfOrder.slice(0, 5).map((row) => `alike after unlike: ${row}`),
      ...(r.excludedInPlans > 0 ? [`${r.excludedInPlans} week-1 rows excluded`] : []),
      ...(later.excluded > 0 ? [`${later.excluded} later-week rows excluded`] : []),
      ...(later.equipmentViolations > 0
        ? [`${later.equipmentViolations} later-week rows off equipment`]
        : []),
    ];
    if (breaches.length > 0) {
      console.error(`${name}: ${breaches.join("; ")}`);
      process.exitCode = 1;
    }
    notes.push(
      "",
      `Where the ${name} catalogue still falls short (rows whose top 3 are not all alike, by the row's pattern / group and the equipment profile; the ten largest):`,
      "",
      ...r.shortfalls.slice(0, 10).map(([label, n]) => `- ${label}: ${n.toLocaleString("en")} rows`),
    );
    console.info(`${name}: done at ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await admin.end();
} finally {
  await server.stop();
}
for (const [check, values] of Object.entries(cells)) table.push(`| ${check} | ${values.join(" | ")} |`);
const section = [
  BEGIN,
  "## The whole request matrix",
  "",
  "Every plan of the request matrix (`tests/domain/plan-matrix.ts`: 4 goals x 3 levels x 4 splits x",
  "2-6 days x 10 equipment profiles x 4 session lengths), each for its own user who excluded the same",
  "one entry in 13 (by a hash of the id), written as the plan.generate job writes it; every week-1 row",
  "asked for its top 4 alternatives; then rolled over two weeks. Written by",
  "`node --experimental-strip-types scripts/swap-matrix.ts` (`tests/swap/matrix-check.ts`); `npm test`",
  "runs the same check on a stratified sample of 60 plans per catalogue.",
  "",
  ...table,
  ...notes,
  "",
  `Run time: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  END,
].join("\n");
console.info(section);
const file = new URL("../docs/swap-samples.md", import.meta.url);
const doc = readFileSync(file, "utf8");
const at = doc.indexOf(BEGIN);
const next =
  at >= 0
    ? `${doc.slice(0, at)}${section}${doc.slice(doc.indexOf(END) + END.length)}`
    : `${doc}\n${section}\n`;
writeFileSync(file, next);
