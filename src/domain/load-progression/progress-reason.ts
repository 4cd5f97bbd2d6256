// The one line a rolled row carries (modular_training_exercise.progress_reason): what changed and
// on what evidence, e.g. "+2.5 kg: e1RM 92 kg from 3 sets (best 8 @ 75 kg RPE 8)". Reference model: the rollover's SQL
// writes the same text (src/db/queries/rollover.ts); the parity test compares them.
import type { RolloverKind } from "./deload.ts";
import type { LoggedSet, ProgressionInput, ProgressionResult } from "./progress-row.ts";
import {
  bestE1rmKg,
  MISSES_BEFORE_DECREASE,
  STEP_FIT_PERCENT,
  setE1rmKg,
  targetRpe,
} from "./progress-row.ts";
import { parseRepTarget } from "./rep-target.ts";
import { rpePercent } from "./rpe-percent.ts";

const PREFIX: Readonly<Record<RolloverKind, string>> = {
  progress: "",
  // A deload row's reason is deloadReason (src/domain/mesocycle/volume-reason.ts): what really
  // changed (a bodyweight row keeps its load); this prefix is only for a caller's own use.
  deload: "deload; ",
  restore: "after the deload; ",
};

/** `n` as PostgreSQL prints a float8 (shortest round trip), for the loads this engine writes. */
const num = (n: number) => String(n);

/** "8 @ 75 kg RPE 8": the set with the best e1RM, the first of equals (by set number). */
function bestSet(loaded: readonly LoggedSet[], rpe: number): string {
  const [top] = [...loaded].sort((a, b) => setE1rmKg(b, rpe) - setE1rmKg(a, rpe) || a.setNo - b.setNo);
  if (top === undefined) return "";
  return `${top.repsDone} @ ${num(top.weightKg)} kg${top.rpe === null ? "" : ` RPE ${top.rpe}`}`;
}

export function progressReason(
  input: ProgressionInput,
  result: ProgressionResult,
  kind: RolloverKind,
): string {
  const min = parseRepTarget(input.reps)?.min ?? 0;
  const max = parseRepTarget(input.reps)?.max ?? 0;
  const w = input.weight ?? 0;
  const next = result.weight ?? 0;
  const e1rm = Math.floor((result.e1rmKg ?? 0) + 0.5);
  const loaded = input.logged.filter((s) => s.weightKg > 0);
  const sets = loaded.length;
  const best = bestSet(loaded, targetRpe(input.rir));
  const top = Math.floor((bestE1rmKg(loaded, targetRpe(input.rir)) ?? 0) + 0.5);
  // What the prescription asks of the estimate: its load for the bottom of the range at its RIR.
  const need = Math.floor(w / rpePercent(min, targetRpe(input.rir)) + 0.5);
  const asked = `the ${need} kg that ${num(w)} kg x ${min} at RIR ${10 - targetRpe(input.rir)} asks`;
  const line = ((): string => {
    switch (result.rule) {
      case "no_log":
        return "unchanged: nothing logged";
      case "unparsed_reps":
        return "unchanged: reps are not a range";
      case "bodyweight":
        return "held: bodyweight, reps carry the progress";
      case "bodyweight_missed":
        return `held: below ${min} reps at RPE 10 (week ${result.missStreak})`;
      case "ladder_up":
        return `harder variation: every set at the top at RIR ${10 - targetRpe(input.rir)}`;
      case "ladder_down":
        return `easier variation: below ${min} reps at RPE 10 two weeks running`;
      case "seed_from_log":
        return `${num(next)} kg: seeded from e1RM ${e1rm} kg (${sets} sets)`;
      case "increase":
        return `+${num(next - w)} kg: e1RM ${e1rm} kg from ${sets} sets (best ${best})`;
      case "reps_up":
        return `reps ${input.reps} -> ${result.reps}: every set at the top at RIR ${10 - targetRpe(input.rir)}${
          w > 0 ? `, the next load is more than ${STEP_FIT_PERCENT - 100}% up` : ", no harder variation"
        }`;
      case "increase_top":
        return `+${num(next - w)} kg: every set at the top (${max} reps) at RIR ${10 - targetRpe(input.rir)} or easier`;
      case "hold":
        return `held: e1RM ${e1rm} kg from ${sets} sets (best ${best})`;
      case "hold_fell":
        return `held: best set ${best} (e1RM ${top} kg), under ${asked} (week ${result.missStreak} of ${MISSES_BEFORE_DECREASE} before a cut)`;
      case "decrease":
        return `-${num(w - next)} kg: best set ${best} (e1RM ${top} kg), under ${asked}, two weeks running`;
      case "decrease_rpe10":
        return `-${num(w - next)} kg: below ${min} reps at RPE 10`;
    }
  })();
  return PREFIX[kind] + line;
}
