// `catalogue import` on a small fixture of our own (always) and on the real free-exercise-db file
// (a copy in tests/fixtures): counts, what could not be mapped, a second import that duplicates nothing, an
// edited file that updates, and files that are not catalogues exit 2 and change nothing.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FREE_EXERCISE_DB_CORRECTIONS } from "../../src/domain/catalogue/free-exercise-db-corrections.ts";
import { LADDER_NAMES_FREE_EXERCISE_DB } from "../../src/domain/catalogue/ladders.ts";
import { firstLine, runCli } from "../helpers/cli.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/free-exercise-db.cli.json");
const REAL_FILE = path.resolve(import.meta.dirname, "../fixtures/free-exercise-db.exercises.json");

let tdb: TestDatabase;
let dir: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "te-cli-import-"));
});
afterAll(async () => {
  await tdb?.drop();
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args, { databaseUrl: tdb.url });

async function catalogue() {
  const { rows } = await tdb.pool.query<{
    exercise_id: string;
    name: string;
    equipment: string;
    source: string;
  }>("SELECT exercise_id, name, equipment, source FROM exrcwiki ORDER BY exercise_id");
  return rows;
}

describe("catalogue import", () => {
  it("imports the fixture, reports skipped and unmapped values, and a second run duplicates nothing", async () => {
    const before = await catalogue();
    const first = await cli("catalogue", "import", FIXTURE);
    // Not a terminal: progress comes as plain lines on stderr, stdout stays the report.
    expect(first.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^catalogue import free-exercise-db\.cli\.json: 0\/4 exercises \(0%\), [\d.]+ s$/,
      ),
      expect.stringMatching(
        /^catalogue import free-exercise-db\.cli\.json: 4\/4 exercises \(100%\), [\d.]+ s$/,
      ),
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("inserted 4, updated 0, unchanged 0, skipped 1");
    // The unmappable exercise, with its reason, and every value that could not be mapped.
    expect(first.stdout).toMatch(/Cli_Tail_Wag\s+unknown primary muscle "tail"/);
    expect(first.stdout).toMatch(/equipment\s+null\s+1\s+Cli_Scapular_Hang/);
    expect(first.stdout).toMatch(/secondaryMuscles\s+rotator cuff\s+1\s+Cli_Scapular_Hang/);

    const after = (await catalogue()).filter((r) => r.source === "free-exercise-db");
    expect(after.map((r) => r.exercise_id)).toEqual([
      "Cli_Back_Squat",
      "Cli_EZ_Curl",
      "Cli_Kettlebell_Swing",
      "Cli_Scapular_Hang",
    ]);
    expect(after.find((r) => r.exercise_id === "Cli_EZ_Curl")?.equipment).toBe("ez_bar");
    expect(after.find((r) => r.exercise_id === "Cli_Scapular_Hang")?.equipment).toBe("other");
    expect((await catalogue()).length).toBe(before.length + 4);

    const second = await cli("catalogue", "import", FIXTURE);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("inserted 0, updated 0, unchanged 4, skipped 1");
    expect((await catalogue()).length).toBe(before.length + 4);
  });

  it("an edited file updates the changed exercise in place", async () => {
    const json = JSON.parse(await readFile(FIXTURE, "utf8")) as { id: string; name: string }[];
    const squat = json.find((e) => e.id === "Cli_Back_Squat");
    if (!squat) throw new Error("fixture lacks Cli_Back_Squat");
    squat.name = "CLI High-Bar Back Squat";
    const edited = path.join(dir, "edited.json");
    await writeFile(edited, JSON.stringify(json));
    await cli("catalogue", "import", FIXTURE);
    const count = (await catalogue()).length;

    const run = await cli("catalogue", "import", edited);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("inserted 0, updated 1, unchanged 3, skipped 1");
    const rows = await catalogue();
    expect(rows.length).toBe(count);
    expect(rows.find((r) => r.exercise_id === "Cli_Back_Squat")?.name).toBe("CLI High-Bar Back Squat");
  });

  it.each([
    ["not JSON", "this is { not json", /^error: catalogue import: <file>: not JSON: /],
    [
      "JSON but not a catalogue",
      JSON.stringify({ exercises: [] }),
      /not a free-exercise-db catalogue: \(root\)/,
    ],
    ["an empty array", "[]", /expected at least one exercise/],
    [
      "an exercise without primaryMuscles",
      JSON.stringify([{ id: "X_1", name: "X", level: "beginner", equipment: null }]),
      /\[0\]\.primaryMuscles/,
    ],
  ])("a file that is %s exits 2 with the reason and changes nothing", async (label, content, reason) => {
    const file = path.join(dir, `${label.replace(/\W+/g, "_")}.json`);
    await writeFile(file, content);
    const before = await catalogue();
    const run = await cli("catalogue", "import", file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(firstLine(run.stderr)).toMatch(reason);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(await catalogue()).toEqual(before);
  });

  it("a missing file exits 2", async () => {
    const run = await cli("catalogue", "import", path.join(dir, "nope.json"));
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toMatch(
      /^error: catalogue import: <file>: cannot be read: ENOENT \(got ".*nope\.json"\)$/,
    );
  });

  it("imports the real free-exercise-db file, and again without duplicates", async () => {
    const expected = (JSON.parse(await readFile(REAL_FILE, "utf8")) as unknown[]).length;
    const first = await cli("catalogue", "import", REAL_FILE);
    expect(first.code).toBe(0);
    const m = /inserted (\d+), updated (\d+), unchanged (\d+), skipped (\d+)/.exec(first.stdout);
    expect(m).not.toBeNull();
    const [inserted, updated, unchanged, skipped] = (m as RegExpExecArray).slice(1).map(Number) as number[];
    expect((inserted ?? 0) + (updated ?? 0) + (unchanged ?? 0) + (skipped ?? 0)).toBe(expected);
    expect(inserted).toBeGreaterThan(800);
    const { rows } = await tdb.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM exrcwiki WHERE source = 'free-exercise-db' AND exercise_id NOT LIKE 'Cli\\_%'",
    );
    expect(rows[0]?.n).toBe(inserted);
    // The report counts what the importer inferred each exercise needs, and the rows hold it.
    const report = /equipment inferred from names, beyond the main implement \((\d+) exercises\)/.exec(
      first.stdout,
    );
    expect(report).not.toBeNull();
    const stored = await tdb.pool.query<{ needs: string; n: number }>(
      `SELECT unnest(requires) AS needs, count(*)::int AS n FROM exrcwiki
       WHERE source = 'free-exercise-db' AND exercise_id NOT LIKE 'Cli\\_%' GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    for (const { needs, n } of stored.rows)
      expect(first.stdout).toMatch(new RegExp(`^\\s+${needs}\\s+${n}\\s`, "m"));
    expect(stored.rows.map((r) => r.needs)).toEqual(expect.arrayContaining(["pullup_bar", "bench"]));
    // ...the variation ladder rungs it mapped from names, as stored...
    const rungs = /bodyweight variation ladder rungs mapped from names \((\d+) exercises\)/.exec(
      first.stdout,
    );
    const ladders = await tdb.pool.query<{ exercise_id: string; ladder: string; ladder_step: number }>(
      `SELECT exercise_id, ladder, ladder_step FROM exrcwiki
       WHERE source = 'free-exercise-db' AND ladder IS NOT NULL ORDER BY ladder, ladder_step`,
    );
    expect(Number(rungs?.[1])).toBe(ladders.rows.length);
    expect(ladders.rows.length).toBe(Object.keys(LADDER_NAMES_FREE_EXERCISE_DB).length);
    expect(ladders.rows.filter((r) => r.ladder === "pull_up").map((r) => r.ladder_step)).toEqual([1, 3, 4]);
    // ...and the known data errors it corrected (free-exercise-db-corrections.ts), as stored.
    const corrected = /known data errors corrected \((\d+) exercises\)/.exec(first.stdout);
    expect(Number(corrected?.[1])).toBe(Object.keys(FREE_EXERCISE_DB_CORRECTIONS).length);
    const deadlift = await tdb.pool.query<{ muscle_group: string }>(
      "SELECT muscle_group FROM exrcwiki WHERE exercise_id = 'Barbell_Deadlift'",
    );
    expect(deadlift.rows).toEqual([{ muscle_group: "hamstrings" }]);
    const pullUps = await tdb.pool.query<{ requires: string[] }>(
      "SELECT requires FROM exrcwiki WHERE exercise_id = 'Pullups'",
    );
    expect(pullUps.rows).toEqual([{ requires: ["pullup_bar"] }]);

    const second = await cli("catalogue", "import", REAL_FILE);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`inserted 0, updated 0, unchanged ${inserted}, skipped ${skipped}`);
  }, 120_000);
});
