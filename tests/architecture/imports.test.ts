// The import graph of src/ as the code declares it (type-only imports included: a circle of types
// still ties modules that should not know each other). Read as text, so a rename or a new import
// that breaks a rule fails here before a review has to find it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SRC = path.join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return d.name.endsWith(".ts") ? [full] : [];
  });
}

/** Repo-relative path -> the repo-relative paths of the src files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) =>
      path.relative(ROOT, path.resolve(path.dirname(file), m[1] as string)),
    );
    graph.set(path.relative(ROOT, file), targets);
  }
  return graph;
}

/** Every import circle, each as the files around it. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") found.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("the import graph of src/", () => {
  const graph = importGraph();

  it("has every import resolve to a file", () => {
    const missing = [...graph].flatMap(([file, targets]) =>
      targets
        // A data file (the built-in catalogue's JSON) is a leaf: it only has to exist.
        .filter(
          (t) =>
            t.startsWith("src/") && !graph.has(t) && !(t.endsWith(".json") && existsSync(path.join(ROOT, t))),
        )
        .map((t) => `${file} -> ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it("has no circles, type-only ones included", () => {
    expect(circles(graph)).toEqual([]);
  });

  it("keeps the HTTP face off the CLI, and the SQL off the layers above it", () => {
    const breaks = [...graph].flatMap(([file, targets]) =>
      targets
        .filter(
          (t) =>
            (file.startsWith("src/http/") && t.startsWith("src/cli/")) ||
            (file.startsWith("src/db/") && /^src\/(cli|http|jobs|metrics)\//.test(t)) ||
            (file.startsWith("src/domain/") && !t.startsWith("src/domain/")),
        )
        .map((t) => `${file} -> ${t}`),
    );
    expect(breaks).toEqual([]);
  });

  it("has one room per queue and one HTTP face: no src/ops/ or src/rollover/", () => {
    const files = [...graph.keys()];
    expect(files.filter((f) => /^src\/(ops|rollover)\//.test(f))).toEqual([]);
    for (const queue of ["plan-generate", "plan-rollover", "progress-refresh"]) {
      expect(files).toContain(`src/jobs/${queue}/index.ts`);
    }
  });
});
