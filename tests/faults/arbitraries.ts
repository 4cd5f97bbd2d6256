// Hostile JSON for the fuzzers: valid inputs with keys removed or replaced by values of every
// type, numbers at and beyond the columns' ranges, long and odd strings, dates far outside the
// window, and unknown keys.
import fc from "fast-check";
import { monday, plusDays } from "../helpers/dates.ts";

const dates = () => {
  const m = monday(1);
  return fc.constantFrom(
    "0001-01-01",
    "1900-01-01",
    "9999-12-27",
    "2000-02-29",
    "2025-02-30",
    "2026-13-01",
    plusDays(m, -7 * 53),
    plusDays(m, 7 * 53),
    plusDays(m, -7),
    plusDays(m, 1),
    m,
    `${m}T00:00:00Z`,
    "",
  );
};

/** Any JSON value, weighted towards the edges of integer, real and text columns. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    -1,
    1e-50,
    -1e-50,
    1e-39,
    3.5e38,
    1e300,
    2147483647,
    2147483648,
    -2147483649,
    9007199254740992,
    0.1,
    2.5,
    3.0000001,
    2000,
    2000.0001,
    1e-3,
  ),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("3", "8-12", "  ", "NaN", "Infinity", "1e400", "-0", "T1", "chest", "barbell", "\u0000"),
  fc.constantFrom("x".repeat(5_000), "é".repeat(3_000)),
  dates(),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 3 }),
);

/** A change to one key of an object: remove it or set it to a hostile value. */
export const keyChange = (keys: readonly string[]) =>
  fc.record({
    key: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...keys) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    ),
    remove: fc.boolean(),
    value: hostileValue,
  });

export type KeyChange = { key: string; remove: boolean; value: unknown };

/** `target` (a plain object) with the changes applied. */
export function applyChanges(target: Record<string, unknown>, changes: readonly KeyChange[]) {
  const out: Record<string, unknown> = { ...target };
  for (const c of changes) {
    if (c.remove) delete out[c.key];
    else out[c.key] = c.value;
  }
  return out;
}
