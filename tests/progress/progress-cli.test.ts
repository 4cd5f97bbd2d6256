// `progress refresh` and `progress show` as a user runs them: the real CLI in a child process.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressRefreshCommand } from "../../src/cli/progress-refresh.ts";
import { progressShowCommand } from "../../src/cli/progress-show.ts";
import { UsageError } from "../../src/cli/usage.ts";
import { firstLine, runCli } from "../helpers/cli.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { BENCH, logSet, makeLifter, SQUAT, seedCatalogue } from "./helpers.ts";

// Weeks from the clock: the database keeps plan dates within a year of today.
const W1 = monday(-3);
const W2 = plusDays(W1, 7);

describe("progress CLI arguments", () => {
  it("parses the flags and rejects bad ones with a UsageError", () => {
    const id = "0b7f4f7e-2f43-4d1e-9a53-8c8f6d2b7a10";
    expect(progressRefreshCommand.parse([])).toEqual({});
    expect(progressRefreshCommand.parse(["--user", id, "--full"])).toEqual({ userId: id, full: true });
    expect(progressShowCommand.parse(["--user", id])).toEqual({ userId: id });
    expect(progressShowCommand.parse(["--user", id, "--svg", "charts"])).toEqual({
      userId: id,
      svgDir: "charts",
    });
    expect(() => progressShowCommand.parse(["--user", id, "--svg"])).toThrow(UsageError);
    for (const argv of [["--user", "x"], ["--bogus"], ["extra"]]) {
      expect(() => progressRefreshCommand.parse(argv)).toThrow(UsageError);
    }
    expect(() => progressShowCommand.parse([])).toThrow(UsageError);
  });
});

describe("progress CLI", () => {
  let tdb: TestDatabase;
  let userId: string;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedCatalogue(tdb.pool);
    const f = await makeLifter(tdb.pool, [W1, W2]);
    userId = f.userId;
    await logSet(tdb.pool, f.row(SQUAT, W1), { reps: 5, kg: 100, rpe: 8, at: `${W1}T10:00:00Z` });
    await logSet(tdb.pool, f.row(SQUAT, W2), { reps: 5, kg: 105, rpe: 8, at: `${W2}T10:00:00Z` });
    await logSet(tdb.pool, f.row(BENCH, W2), { reps: 8, kg: 70, at: `${W2}T10:10:00Z` });
    // W2 is a deload week: the trend table and the chart mark it.
    await tdb.pool.query(
      "UPDATE modular_training_week SET is_deload = true WHERE user_id = $1 AND week_start = $2",
      [userId, W2],
    );
  });
  afterAll(() => tdb.drop());
  const cli = (...args: string[]) => runCli(args, { databaseUrl: tdb.url });

  it("refresh prints what it recomputed; show prints trend, muscles against the range, records", async () => {
    const refresh = await cli("progress", "refresh", "--user", userId);
    expect(refresh.code).toBe(0);
    expect(refresh.stdout).toContain("progress refresh (user): 3 marks drained; recomputed 3 exercise weeks");

    const full = await cli("progress", "refresh", "--full");
    expect(full.code).toBe(0);
    // The tables are current: the rebuild finds nothing to change.
    expect(full.stdout).toContain(
      "progress refresh (full): 0 marks drained; rebuilt 1 user from the sets: 0 exercise-week rows, " +
        "0 muscle-week rows, 0 records changed",
    );
    // Not a terminal: its progress comes as plain lines on stderr (a bar on a TTY).
    expect(full.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^progress rebuild: 0\/1 users \(0%\), [\d.]+ s$/),
      expect.stringMatching(/^progress rebuild: 1\/1 users \(100%\), [\d.]+ s$/),
    ]);

    const show = await cli("progress", "show", "--user", userId);
    expect(show.code).toBe(0);
    const out = show.stdout;
    expect(out).toContain("goal general_fitness, intermediate");
    // Back squat: 100 / 0.811 = 123.3 -> 105 / 0.811 = 129.5, +6.2
    expect(out).toMatch(/Squat \(test\)\s+123\.3\s+129\.5\s+\+6\.2/);
    expect(out).toMatch(new RegExp(`lift\\s+${W1.slice(5)}\\s+${W2.slice(5)} deload\\s+change`));
    expect(out).toMatch(/quadriceps\s+1\s+6-12\s+below/);
    expect(out).toMatch(new RegExp(`Bench press \\(test\\)\\s+best set volume\\s+560 kg × reps\\s+${W2}`));

    // --svg: the progress page's two charts as files, drawn from the same summary.
    const dir = await mkdtemp(path.join(tmpdir(), "te-svg-"));
    try {
      const svg = await cli("progress", "show", "--user", userId, "--svg", dir);
      expect(svg.code).toBe(0);
      expect(svg.stdout).toContain(`wrote ${path.join(dir, "e1rm-trend.svg")}`);
      const trend = await readFile(path.join(dir, "e1rm-trend.svg"), "utf8");
      expect(trend).toMatch(
        /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      );
      // Squat has two weeks (one line), bench one (a point): 3 points in all.
      expect(trend.match(/<polyline /g)).toHaveLength(1);
      expect(trend.match(/<circle /g)).toHaveLength(3);
      expect(trend).toContain(`Squat (test), week of ${W2}: 129.5 kg`);
      // One deload band, over W2 only.
      expect(trend.match(/<g class="deload"/g)).toHaveLength(1);
      expect(trend).toContain(`<g class="deload" data-week="${W2}">`);
      const sets = await readFile(path.join(dir, "weekly-sets.svg"), "utf8");
      expect(sets).toContain('<g class="muscle" data-group="quadriceps">');
      expect(sets).toContain("quadriceps: 1 sets (below)");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("exits 2 with one line on bad usage", async () => {
    const run = await cli("progress", "show", "--user", "not-a-uuid");
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toBe(`error: progress show: --user: must be a uuid (got "not-a-uuid")`);
  });
});
