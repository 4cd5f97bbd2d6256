// What an exercise needs besides its main implement, read from its name, for catalogues that do not
// record it (free-exercise-db). The patterns are documented in docs/programming-rules.md (section 6)
// and tested on every name of the real free-exercise-db file. Only clear cases match: a name that
// says nothing about a bar or a bench needs neither.

import type { Equipment } from "../vocabulary.ts";

/** Hanging from a bar: pull-ups, chin-ups, muscle-ups, hanging raises and hangs, toes-to-bar. */
const BAR =
  /\b(pull|chin)[- ]?ups?\b|\bchins?\b|\bmuscle[- ]?ups?\b|\bhanging\b|\bdead hang|\btoes[- ]to[- ]bar|\bkipping\b/i;

/** Lying, seated or supported on a bench: bench presses, flyes, hip thrusts, skull crushers... */
const BENCH =
  /\bbench\b(?! dips?\b)|\b(incline|decline)\b|\bflyes?\b|\bflys?\b|\bhip thrusts?\b|\bskull ?crushers?\b|\blying triceps\b|\bpreacher\b|\bbulgarian\b|\bchest[- ]supported\b|\bpullovers?\b/i;

/**
 * Down to or up onto a box or bench: a box squat, a step-up (the built-in catalogue's box squat and
 * step-up need a bench; a coach read a step-up in the week of a lifter with nothing but a floor).
 */
const BOX = /\bbox squats?\b|\bstep[- ]?ups?\b/i;

/**
 * Accommodating resistance on a bar: bands (and their pegs) or chains hung on it. A box squat with
 * bands was offered to a lifter with a barbell and no bands (a coach's read of the swaps).
 */
const WITH_BANDS = /\bwith bands\b|\breverse band\b|\bbanded\b/i;
const WITH_CHAINS = /\bwith chains\b/i;

/** A machine or cable station brings its own bar (and a machine its own seat or pad). */
const BAR_STATION: ReadonlySet<Equipment> = new Set(["machine", "cable"]);

/**
 * Never a bench, whatever else the name says: floor and push-up versions, standing reverse and
 * rear-delt flyes, and names that say so ("with no hyperextension bench").
 */
const NO_BENCH = /\bfloor\b|\bpush[- ]?ups?\b|\b(reverse|rear delt|back) fly|\bno\b.*\bbench\b/i;

/** Not hanging from anything: the chin as a body part ("chin to chest", "press to chin"). */
const NOT_BAR = /\bchin to\b|\bto chin\b/i;

/** Dips need parallel bars (or a bench, for bench dips): special apparatus, listed as `other`. */
const DIP_BARS = /\bdips?\b(?! squat)/i;

export function inferRequires(name: string, equipment: Equipment): Equipment[] {
  const needs: Equipment[] = [];
  if (BAR.test(name) && !NOT_BAR.test(name) && !BAR_STATION.has(equipment) && !/\bmachine\b/i.test(name)) {
    needs.push("pullup_bar");
  }
  if (BENCH.test(name) && !NO_BENCH.test(name) && equipment !== "machine") needs.push("bench");
  else if (BOX.test(name)) needs.push("bench");
  if (WITH_BANDS.test(name)) needs.push("bands");
  if (WITH_CHAINS.test(name)) needs.push("other");
  if (DIP_BARS.test(name) && !BAR_STATION.has(equipment) && !needs.includes("bench")) {
    needs.push(/\bbench\b/i.test(name) ? "bench" : "other");
  }
  return needs.filter((value) => value !== equipment);
}
