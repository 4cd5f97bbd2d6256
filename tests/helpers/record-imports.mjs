// A `node --import` hook that records every module this process loads (its resolved URL), one per
// line, into the file named by RECORD_IMPORTS_TO, when the process exits. Tests use it to prove
// that a command never loads what it does not need (pg-boss, the database, the catalogue).
import { appendFileSync } from "node:fs";
import { registerHooks } from "node:module";

const file = process.env.RECORD_IMPORTS_TO;
const loaded = new Set();
if (file) {
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const result = nextResolve(specifier, context);
      loaded.add(result.url);
      return result;
    },
  });
  process.on("exit", () => appendFileSync(file, [...loaded].map((url) => `${url}\n`).join("")));
}
