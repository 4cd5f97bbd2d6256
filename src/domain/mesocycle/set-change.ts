// How a muscle group's weekly sets change from one accumulation week to the next, from how the
// lifter performed on it and (when the app sent it) how sore it was and how big the pump
// (RP, Scientific Principles of Hypertrophy Training, Table 2.3; COACHING section 2;
// docs/mesocycles.md, "Volume"). RP gives ranges (+1 to 3 sets); the pump picks the end of the
// range: a small pump asks for more stimulus, a big one says the sets already did their work.
// Reference model: the rollover's SQL reads SET_CHANGE_TABLE bound as an int[].

/** Sets added, or RECOVERY: half the sets at the same load for that group this week. */
export const RECOVERY = -1;

type Row = readonly [number, number, number, number];
type Table = readonly [Row, Row, Row, Row];

// [soreness 0..3][performance 0..3]; RECOVERY where performance is 3.
const R = RECOVERY;
/** Pump unknown (not sent, or no feedback at all): the middle of RP's range. */
const PUMP_UNKNOWN: Table = [
  [2, 1, 0, R],
  [1, 0, 0, R],
  [0, 0, 0, R],
  [0, 0, 0, R],
];
/** Pump 0-1: the top of RP's range. */
const PUMP_LOW: Table = [
  [3, 2, 0, R],
  [2, 1, 0, R],
  [0, 0, 0, R],
  [0, 0, 0, R],
];
/** Pump 2-3: the bottom of RP's range. */
const PUMP_HIGH: Table = [
  [1, 0, 0, R],
  [1, 0, 0, R],
  [0, 0, 0, R],
  [0, 0, 0, R],
];

/** The three tables flattened (unknown, low, high pump), as the SQL indexes them (1-based). */
export const SET_CHANGE_TABLE: readonly number[] = [PUMP_UNKNOWN, PUMP_LOW, PUMP_HIGH].flatMap((t) =>
  t.flatMap((r) => [...r]),
);

/**
 * The set change for a group. `performance` null (nothing of the group logged): +0. Soreness
 * null with a feedback row, or no row at all: read as 0 (never sore) with the pump as sent.
 */
export function setChange(performance: number | null, soreness: number | null, pump: number | null): number {
  if (performance === null) return 0;
  const table = pump === null ? PUMP_UNKNOWN : pump <= 1 ? PUMP_LOW : PUMP_HIGH;
  return table[soreness ?? 0]?.[performance] ?? 0;
}

/** Half the sets (rounded half up), at least 1: a recovery session and a deload. */
export function halfSets(sets: number): number {
  return Math.max(1, Math.round(sets / 2));
}
