// How a major group's weekly minimum is spread over the days that train it. Even spreading keeps
// every session short enough to hold its share (per-session volume beyond ~10 sets per muscle adds
// little: Pelland et al. 2024) and raises frequency (Schoenfeld et al. 2016). The rules:
// - a group is trained on k = min(f, floor(min / MIN_SLOT_SETS)) of its f days, so every share is
//   at least one slot's starting sets; the k days are evenly spaced, at the offset where the days
//   are least loaded so far (ties: the offset that includes a day the group leads, then earliest);
// - each of the k days gets floor(min / k) sets; the remainder goes one set at a time to the least
//   loaded of them (ties: the group's lead day, then the earliest).
// Groups are placed in MAJOR_GROUPS order, so day totals come out within a few sets of each other.

import type { ExperienceLevel, Goal } from "../vocabulary.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import { MAJOR_GROUPS, type MajorGroup, weeklyTarget } from "./targets.ts";
import type { DayTemplate } from "./templates.ts";

export type DayShares = ReadonlyMap<MajorGroup, number>;

function trains(day: DayTemplate, group: MajorGroup): boolean {
  return day.majors.some((block) => block.group === group);
}

function leads(day: DayTemplate, group: MajorGroup): boolean {
  return day.majors[0]?.group === group;
}

/** Per day (same order as `days`): major group -> sets of its weekly minimum on that day. */
export function minimumShares(
  days: readonly DayTemplate[],
  goal: Goal,
  experience: ExperienceLevel,
): DayShares[] {
  const loads = days.map(() => 0);
  const shares = days.map(() => new Map<MajorGroup, number>());
  const load = (index: number): number => loads[index] ?? 0;
  for (const group of MAJOR_GROUPS) {
    const training = days.flatMap((day, index) => (trains(day, group) ? [index] : []));
    if (training.length === 0) continue;
    const isLead = (index: number): boolean => leads(days[index] as DayTemplate, group);
    const minimum = weeklyTarget(goal, experience, group).min;
    const f = training.length;
    const k = Math.min(f, Math.max(1, Math.floor(minimum / MIN_SLOT_SETS)));
    const chosen = chooseSpacedDays(training, k, load, isLead);
    const base = Math.floor(minimum / k);
    for (const index of chosen) {
      shares[index]?.set(group, base);
      loads[index] = load(index) + base;
    }
    const extra = new Set<number>();
    for (let r = 0; r < minimum - base * k; r++) {
      const pick = chosen
        .filter((index) => !extra.has(index))
        .sort((a, b) => load(a) - load(b) || Number(isLead(b)) - Number(isLead(a)) || a - b)[0];
      if (pick === undefined) break;
      extra.add(pick);
      shares[pick]?.set(group, (shares[pick]?.get(group) ?? 0) + 1);
      loads[pick] = load(pick) + 1;
    }
  }
  return shares;
}

/** k of the training days, evenly spaced, at the least loaded offset. */
function chooseSpacedDays(
  training: readonly number[],
  k: number,
  load: (index: number) => number,
  isLead: (index: number) => boolean,
): number[] {
  const f = training.length;
  let best: { days: number[]; load: number; leads: number } | undefined;
  for (let offset = 0; offset < f; offset++) {
    const days: number[] = [];
    for (let j = 0; j < k; j++) days.push(training[(offset + Math.floor((j * f) / k)) % f] as number);
    const total = days.reduce((sum, index) => sum + load(index), 0);
    const leadCount = days.filter(isLead).length;
    if (best === undefined || total < best.load || (total === best.load && leadCount > best.leads)) {
      best = { days, load: total, leads: leadCount };
    }
  }
  return (best?.days ?? []).sort((a, b) => a - b);
}
