// The generator's time model (src/domain/plan/time-model.ts) as tables the rollover's SQL binds:
// what one more set of a tier costs, and a session's fixed warm-up, by goal and level.
import { setSeconds, warmUpSeconds } from "../plan/time-model.ts";
import { EXPERIENCE_LEVELS, GOALS, TIERS } from "../vocabulary.ts";

/** {goal: {level: {T1|T2|T3: seconds}}}; a row without a tier costs a T3 set. */
export function setSecondsTable(): Record<string, Record<string, Record<string, number>>> {
  return Object.fromEntries(
    GOALS.map((g) => [
      g,
      Object.fromEntries(
        EXPERIENCE_LEVELS.map((l) => [l, Object.fromEntries(TIERS.map((t) => [t, setSeconds(g, l, t)]))]),
      ),
    ]),
  );
}

/** {goal: [without a T1 lift, with one]}: the session's general warm-up and T1 ramp-up sets. */
export function warmUpTable(): Record<string, [number, number]> {
  return Object.fromEntries(GOALS.map((g) => [g, [warmUpSeconds(g, false), warmUpSeconds(g, true)]]));
}
