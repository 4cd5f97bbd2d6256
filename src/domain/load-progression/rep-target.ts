// The prescribed rep target of an exercise row (`modular_training_exercise.reps`, text) as a range.
// Double progression needs a bottom and a top; anything that is not a plain count or range
// ("AMRAP", "30s", "5/3/1") is carried over unchanged by the rollover, so it parses to null.
//
// Accepted forms, and nothing else:
//   "N"     a fixed target: min = max = N                          ("5" -> 5..5)
//   "A-B"   a range with a hyphen-minus (U+002D) or en dash (U+2013) ("8-12", "8 – 12" -> 8..12)
// where N, A, B are 1 to 3 ASCII digits, A >= 1, B >= A, and ASCII spaces (U+0020, no tabs)
// may surround each number. "0", "12-8", "1000", "" and every other text give null.
// The SQL rollover applies the same pattern with `regexp_match(reps, REP_TARGET_PATTERN)`
// (PostgreSQL ARE and JavaScript read it alike) and the same min >= 1, max >= min checks.
// Runs in Node (the plan generator's time model) and is the reference model of the rollover's
// SQL, which binds REP_TARGET_PATTERN (src/db/queries/rollover.ts).

export interface RepTarget {
  min: number;
  max: number;
}

/** Group 1 is the bottom (or the fixed count), group 2 the top when a range is given. */
export const REP_TARGET_PATTERN = "^ *([0-9]{1,3}) *(?:[-\u2013] *([0-9]{1,3}) *)?$";

const REP_TARGET_RE = new RegExp(REP_TARGET_PATTERN);

export function parseRepTarget(reps: string): RepTarget | null {
  const match = REP_TARGET_RE.exec(reps);
  if (match === null || match[1] === undefined) return null;
  const min = Number.parseInt(match[1], 10);
  const max = match[2] === undefined ? min : Number.parseInt(match[2], 10);
  if (min < 1 || max < min) return null;
  return { min, max };
}
