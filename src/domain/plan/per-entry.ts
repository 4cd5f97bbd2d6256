// A fact worked out from a catalogue entry's fixed fields (mostly its name, through regexes), kept
// per entry: the generator asks such facts thousands of times a plan, over the same entries.

import type { CatalogueEntry } from "../catalogue-entry.ts";

/** `compute`, run once per entry and remembered for as long as the entry lives. */
export function perEntry<T>(compute: (entry: CatalogueEntry) => T): (entry: CatalogueEntry) => T {
  const cache = new WeakMap<CatalogueEntry, T>();
  return (entry) => {
    if (cache.has(entry)) return cache.get(entry) as T;
    const value = compute(entry);
    cache.set(entry, value);
    return value;
  };
}
