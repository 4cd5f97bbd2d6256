// Proves a generator change kept every plan byte-identical, and times generatePlan alone. For each
// catalogue (built-in, free-exercise-db) it generates the whole request matrix
// (tests/domain/plan-matrix.ts, 9,600 requests) and prints one line per request: the catalogue, the
// request and the sha256 of the plan's JSON (or of the error's message). Save the output before a
// change and diff it after. With --time it prints ms/plan instead (best of --rounds, default 3).
//
//   node --experimental-strip-types scripts/plan-matrix-hashes.ts > before.txt
//   node --experimental-strip-types scripts/plan-matrix-hashes.ts --time

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { BUILTIN_CATALOGUE } from "../src/domain/catalogue/builtin.ts";
import { mapFreeExerciseDb } from "../src/domain/catalogue/free-exercise-db.ts";
import type { CatalogueEntry } from "../src/domain/catalogue-entry.ts";
import { generatePlan, type PlanRequest } from "../src/domain/plan/index.ts";
import { matrix } from "../tests/domain/plan-matrix.ts";

const CATALOGUES: ReadonlyArray<[string, readonly CatalogueEntry[]]> = [
  ["builtin", BUILTIN_CATALOGUE],
  [
    "free-exercise-db",
    mapFreeExerciseDb(
      JSON.parse(
        readFileSync(new URL("../tests/fixtures/free-exercise-db.exercises.json", import.meta.url), "utf8"),
      ),
    ).entries,
  ],
];

function outcome(request: PlanRequest, catalogue: readonly CatalogueEntry[]): string {
  try {
    return JSON.stringify(generatePlan(request, catalogue));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

const requests = [...matrix()].map(([profile, request]) => ({ profile, request }));
const timing = process.argv.includes("--time");
const roundsAt = process.argv.indexOf("--rounds");
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 3;

for (const [name, catalogue] of CATALOGUES) {
  if (timing) {
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < rounds; round += 1) {
      const start = process.hrtime.bigint();
      for (const { request } of requests) {
        try {
          generatePlan(request, catalogue);
        } catch {
          // A request the catalogue cannot serve still counts: the job would run it too.
        }
      }
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    console.log(
      `${name}: ${(best / requests.length).toFixed(3)} ms/plan (best of ${rounds}, ${requests.length} requests)`,
    );
    continue;
  }
  for (const { profile, request } of requests) {
    const hash = createHash("sha256").update(outcome(request, catalogue)).digest("hex");
    const { goal, experience, split, daysPerWeek, sessionMinutes } = request;
    console.log(
      `${name}\t${goal} ${experience} ${split} x${daysPerWeek} ${profile} ${sessionMinutes}min\t${hash}`,
    );
  }
}
