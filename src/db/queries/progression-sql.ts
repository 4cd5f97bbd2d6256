// SQL expressions shared by the rollover, the within-week reloads and the first loads, each the
// twin of a function of src/domain/load-progression (the parity tests hold them equal). Built from
// constant text only: the arguments are column expressions and parameter placeholders of the
// calling statement, never values.

/**
 * floorLoadKg (load-rounding.ts): the heaviest real load at or below `kg`. `rack` is the
 * placeholder of DUMBBELL_RACK bound as float8[] ([small step, first break, middle step,
 * second break, large step]); `step` the equipment's LOAD_STEP_KG.
 */
export const floorLoadSql = (kg: string, equipment: string, step: string, rack: string) =>
  `(CASE WHEN ${equipment} = 'dumbbell' THEN
     CASE WHEN ${kg} < (${rack}::float8[])[2] THEN floor(${kg} / (${rack}::float8[])[1]) * (${rack}::float8[])[1]
          WHEN ${kg} < (${rack}::float8[])[4] THEN (${rack}::float8[])[2] + floor((${kg} - (${rack}::float8[])[2]) / (${rack}::float8[])[3]) * (${rack}::float8[])[3]
          ELSE (${rack}::float8[])[4] + floor((${kg} - (${rack}::float8[])[4]) / (${rack}::float8[])[5]) * (${rack}::float8[])[5] END
   ELSE floor(${kg} / ${step}) * ${step} END)`;

/** ceilLoadKg (load-rounding.ts): the lightest real load at or above `kg`. */
export const ceilLoadSql = (kg: string, equipment: string, step: string, rack: string) =>
  `(CASE WHEN ${equipment} = 'dumbbell' THEN
     CASE WHEN ${kg} <= (${rack}::float8[])[2] THEN ceil(${kg} / (${rack}::float8[])[1]) * (${rack}::float8[])[1]
          WHEN ${kg} <= (${rack}::float8[])[4] THEN (${rack}::float8[])[2] + ceil((${kg} - (${rack}::float8[])[2]) / (${rack}::float8[])[3]) * (${rack}::float8[])[3]
          ELSE (${rack}::float8[])[4] + ceil((${kg} - (${rack}::float8[])[4]) / (${rack}::float8[])[5]) * (${rack}::float8[])[5] END
   ELSE ceil(${kg} / ${step}) * ${step} END)`;

/**
 * rpePercent (rpe-percent.ts): the RTS chart (public.rts_percent), else the closed form with
 * `form` = RPE_CLOSED_FORM bound as float8[] ([a, b, c, knee, d, e, floor]) over
 * x = (10 - rpe) + (reps - 1), in the TypeScript's order of operations.
 */
export const rpePercentSql = (reps: string, rpe: string, form: string) => {
  const x = `((10 - ${rpe}) + (${reps} - 1))`;
  const f = (i: number) => `(${form}::float8[])[${i}]`;
  return `coalesce(public.rts_percent(${reps}, ${rpe}) / 100,
     CASE WHEN ${x} <= ${f(4)} THEN (${f(1)} * ${x} * ${x} + ${f(2)} * ${x} + ${f(3)}) / 100
          ELSE greatest(${f(7)}, (${f(5)} * ${x} + ${f(6)}) / 100) END)`;
};

/**
 * reducedLoadKg (load-reduction.ts) over a float8 weight expression `w`: `percent`% of it rounded
 * down to the implement, rounded up where that would cut more than DELOAD_MIN_PERCENT (if that
 * still lightens it), else the load itself; null and <= 0 unchanged. `percent` is an expression
 * (the LOAD_REDUCTION_PERCENT placeholder or the number), `minPercent` the DELOAD_MIN_PERCENT number.
 */
export const reducedLoadSql = (
  w: string,
  equipment: string,
  step: string,
  rack: string,
  percent: string,
  minPercent: number,
) => {
  const floored = floorLoadSql(`(${w} * ${percent} / 100)`, equipment, step, rack);
  const ceiled = ceilLoadSql(`(${w} * ${percent} / 100)`, equipment, step, rack);
  return `(CASE WHEN ${w} IS NULL OR ${w} <= 0 THEN ${w}
        WHEN ${floored} > 0 AND ${floored} * 100 >= ${w} * ${minPercent} THEN least(${w}, ${floored})
        WHEN ${ceiled} < ${w} AND ${ceiled} * 100 >= ${w} * ${minPercent} THEN ${ceiled}
        ELSE ${w} END)`;
};

/** targetRpe (progress-row.ts): 10 - RIR, the RIR read within 0..`maxRir`, `defaultRir` for none. */
export const targetRpeSql = (rir: string, defaultRir: string, maxRir: string) =>
  `(10 - least(${maxRir}, greatest(0, coalesce(${rir}, ${defaultRir}))))`;

/**
 * madeRpeLimit (linear-progression.ts): the hardest RPE at which a novice's set counts as made,
 * one past the target RPE `rpeTarget` or `madeMax` (MADE_MAX_RPE), whichever is higher, at most 10.
 */
export const madeRpeLimitSql = (rpeTarget: string, madeMax: string) =>
  `least(10, greatest(${rpeTarget} + 1, ${madeMax}))`;

/**
 * parseRepTarget's numbers (rep-target.ts) over `text`, a reps text normalised by repTextSql and
 * already matched by REP_TARGET_PATTERN: the bottom, and the top ("8-12" -> 8, 12; "5" -> 5, 5).
 */
export const repTextSql = (reps: string) => `replace(translate(${reps}, chr(8211), '-'), ' ', '')`;
export const repMinSql = (text: string) => `split_part(${text}, '-', 1)::int`;
export const repMaxSql = (text: string) =>
  `coalesce(nullif(split_part(${text}, '-', 2), ''), split_part(${text}, '-', 1))::int`;
