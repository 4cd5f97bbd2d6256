// The angle an arm isolation exercise trains the elbow at, read from its name on any catalogue: a
// session's second curl or triceps exercise takes another angle (a coach read a cable curl beside
// a single-arm cable curl: the same work twice, where a preacher or an incline curl beside a
// hammer curl is the point of a second exercise). Neither catalogue has a field for it.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import { patternOf } from "./movement.ts";

/** Curls: neutral grip; arm in front (short head); arm behind the body (long head, stretched). */
const CURL_ANGLES: readonly (readonly [string, RegExp])[] = [
  ["neutral", /\b(hammer|rope|reverse|cross[- ]body|pinwheel|zottman)\b/i],
  ["arm in front", /\b(preacher|spider|concentration|scott)\b/i],
  ["arm behind", /\b(incline|bayesian|behind|drag)\b/i],
];

/** Triceps: overhead (long head, stretched); lying; pushdowns; kickbacks. */
const EXTENSION_ANGLES: readonly (readonly [string, RegExp])[] = [
  ["overhead", /\b(overhead|french|behind the head)\b/i],
  ["lying", /\b(lying|skull|jm press|decline)\b/i],
  ["pushdown", /\b(push[- ]?downs?|press[- ]?downs?)\b/i],
  ["kickback", /\bkickbacks?\b/i],
];

/** "curl: neutral", "triceps: overhead"...; undefined for anything but arm isolation. */
export function armAngleOf(entry: CatalogueEntry): string | undefined {
  if (entry.mechanic !== "isolation") return undefined;
  const pattern = patternOf(entry);
  const table =
    pattern === "elbow_flexion" ? CURL_ANGLES : pattern === "elbow_extension" ? EXTENSION_ANGLES : undefined;
  if (table === undefined) return undefined;
  const kind = pattern === "elbow_flexion" ? "curl" : "triceps";
  const angle = table.find(([, test]) => test.test(entry.name))?.[0] ?? "standard";
  return `${kind}: ${angle}`;
}
