// A coach's read of the first alternative offered for each row of the ten sample plans
// (docs/swap-samples.md): the pairs a coach would not accept, each with why. Every pair not listed
// reads "ok". A rejected pair is a bug in the ranking or the catalogue: fix it there, and the pair
// leaves this list when the sample no longer offers it.

/** "row exercise -> first alternative" -> why a coach would not accept it. */
export const REJECTED: Readonly<Record<string, string>> = {};

/** The verdict column of docs/swap-samples.md for a row and its first alternative. */
export function verdict(row: string, alternative: string | null): string {
  if (alternative === null) return "-";
  const why = REJECTED[`${row} -> ${alternative}`];
  return why === undefined ? "ok" : `no: ${why}`;
}
