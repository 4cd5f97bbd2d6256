import type { ConcreteSplit, Split } from "../vocabulary.ts";

/**
 * "auto" picks the split that lets every major muscle be trained about twice a week, the
 * frequency Schoenfeld, Ogborn and Krieger (2016) found better than once a week at equal volume:
 * - 2-3 days: full body, the only split that reaches each muscle 2-3 times on so few days;
 * - 4 days: upper/lower, each half twice a week with shorter sessions than four full-body days;
 * - 5-6 days: push/pull/legs (the 5-day variant adds an upper and a lower day), so each session
 *   stays short while weekly volume grows.
 * An explicit split is kept as asked, even where the day count makes it a poor fit.
 */
export function resolveSplit(split: Split, daysPerWeek: number): ConcreteSplit {
  if (split !== "auto") return split;
  if (daysPerWeek <= 3) return "full_body";
  if (daysPerWeek === 4) return "upper_lower";
  return "push_pull_legs";
}
