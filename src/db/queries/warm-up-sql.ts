// warmUpRamp (src/domain/load-progression/warm-up.ts) as an SQL expression, for the week-1 first
// loads (first-loads.ts). Built from constant text only: the arguments are column expressions and
// parameter placeholders of the calling statement, never values; the module's constants are
// numbers written into the text. tests/jobs/first-loads.test.ts holds it equal to the TypeScript.
import { EMPTY_BAR_KG, WARM_UP_STEPS } from "../../domain/load-progression/warm-up.ts";
import { floorLoadSql } from "./progression-sql.ts";

/**
 * The ramp's text for a row of `tier` on `equipment` with the working load `w`, or NULL for a row
 * that takes none. `step` is the equipment's LOAD_STEP_KG and `rack` the DUMBBELL_RACK placeholder,
 * as floorLoadSql takes them.
 */
export function warmUpRampSql(
  w: string,
  equipment: string,
  tier: string,
  step: string,
  rack: string,
): string {
  const p0 = `(CASE WHEN ${equipment} = 'barbell' AND ${w} > ${EMPTY_BAR_KG} THEN ${EMPTY_BAR_KG} ELSE 0 END)`;
  const v = WARM_UP_STEPS.map(([percent]) =>
    floorLoadSql(`(${w} * ${percent} / 100)`, equipment, step, rack),
  );
  const steps = WARM_UP_STEPS.map(([, reps], i) => {
    const prev = `greatest(${[p0, ...v.slice(0, i)].join(", ")})`;
    return `CASE WHEN ${v[i]} > ${prev} AND ${v[i]} < ${w} THEN ${v[i]}::float8::text || ' kg x ${reps}' END`;
  });
  return `(CASE WHEN ${w} > 0 AND (${tier} = 'T1' OR (${tier} = 'T2' AND ${equipment} = 'barbell')) THEN
    'warm-up: ' || nullif(concat_ws(', ',
      CASE WHEN ${equipment} = 'barbell' AND ${w} > ${EMPTY_BAR_KG} THEN '${EMPTY_BAR_KG} kg x 10' END,
      ${steps.join(", ")}), '') END)`;
}

/**
 * withWarmUp (warm-up.ts) as an SQL expression: the notes with their "warm-up: " segment replaced by
 * `ramp` (an expression such as warmUpRampSql's), the other segments kept in order.
 */
export const notesWithWarmUp = (notes: string, ramp: string) => `(CASE
  WHEN ${ramp} IS NULL AND NOT EXISTS (
    SELECT 1 FROM unnest(string_to_array(${notes}, '; ')) g WHERE g LIKE 'warm-up: %') THEN ${notes}
  ELSE nullif(array_to_string(array(
    SELECT g FROM unnest(string_to_array(${notes}, '; ')) WITH ORDINALITY u(g, i)
    WHERE g <> '' AND g NOT LIKE 'warm-up: %' ORDER BY i) || ${ramp}, '; '), '') END)`;
