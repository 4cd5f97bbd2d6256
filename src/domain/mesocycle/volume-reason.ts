// The volume part of a rolled row's progress_reason (docs/mesocycles.md, "Reasons"), the same
// text the rollover's SQL writes. Reference model for the parity test.

export type VolumeDecision =
  | { kind: "joint_pain"; group: string }
  | { kind: "recovery"; group: string; from: number; to: number; raised: boolean }
  | { kind: "after_recovery"; from: number; to: number }
  | {
      kind: "added";
      group: string;
      add: number;
      performance: number;
      soreness: number | null;
      pump: number | null;
    }
  | { kind: "none" };

/**
 * The whole reason: the load line, replaced or extended by the group's decision. `raised`: the
 * load progression would have raised the load or moved up a variation (a recovery session holds).
 */
export function withVolumeReason(loadLine: string, d: VolumeDecision): string {
  switch (d.kind) {
    case "joint_pain":
      return `held: joint pain reported on ${d.group}, swap suggested`;
    case "recovery":
      return `recovery session for ${d.group}: sets ${d.from} -> ${d.to} (could not match last week); ${d.raised ? "load held" : loadLine}`;
    case "after_recovery":
      return `${loadLine}; sets ${d.from} -> ${d.to}: back from the recovery session`;
    case "added": {
      const fb = `${d.soreness === null ? "" : `, soreness ${d.soreness}`}${d.pump === null ? "" : `, pump ${d.pump}`}`;
      return `${loadLine}; +${d.add} set${d.add === 1 ? "" : "s"} (${d.group}: performance ${d.performance}${fb})`;
    }
    case "none":
      return loadLine;
  }
}

/** A deload row's reason: what really changed (a bodyweight row keeps its load). */
export function deloadReason(
  cause: string,
  sets: { from: number; to: number },
  load: { from: number | null; to: number | null },
  rir: number,
): string {
  const f = load.from;
  const t = load.to;
  const loadPart =
    f === null || f <= 0 ? "no load" : t !== null && t < f ? `load ${f} -> ${t} kg` : `load held at ${f} kg`;
  return `deload (${cause}): sets ${sets.from} -> ${sets.to}, ${loadPart}, RIR ${rir}`;
}
