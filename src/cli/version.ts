// `--version`: the version in the package's own package.json, read when asked (no import cost).
import { readFileSync } from "node:fs";

export function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: unknown;
  };
  return typeof json.version === "string" ? json.version : "unknown";
}
