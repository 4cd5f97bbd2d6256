// A trained lifter's hypertrophy week gives the leg curls at least 40% of the hamstrings' direct
// sets: the hamstrings grow from knee flexion as well as from hip extension, the short head of the
// biceps femoris only from knee flexion, and the seated curl most (Maeo et al. 2021; COACHING.md
// section 2). Two coaches read the big hypertrophy weeks (8 Romanian deadlift sets to 4 of leg
// curls) and asked for it. The Romanian deadlift stays a day's main lift ("main lifts come back"):
// its sets above its tier's minimum move to the leg curls, one at a time, the same day's first.

import { patternOf } from "./movement.ts";
import {
  changeSets,
  fitsBudget,
  fitsCaps,
  minSlotSets,
  type SlotDraft,
  slotMaxSets,
  type WeekDraft,
} from "./week-draft.ts";

/** The leg curls' least share of the hamstrings' direct sets. */
export const LEG_CURL_SHARE = 0.4;

export function appliesLegCurlShare(week: Pick<WeekDraft, "goal" | "experience">): boolean {
  return week.goal === "hypertrophy" && week.experience !== "beginner";
}

const isCurl = (slot: SlotDraft) => slot.group === "hamstrings" && patternOf(slot.entry) === "knee_flexion";
const isHinge = (slot: SlotDraft) => slot.group === "hamstrings" && patternOf(slot.entry) === "hinge";

/** The hamstrings' direct sets of the week and those of its leg curls. */
function hamstringSets(week: WeekDraft): { curls: number; all: number } {
  let curls = 0;
  let all = 0;
  for (const day of week.days) {
    for (const slot of day.slots) {
      if (slot.group !== "hamstrings") continue;
      all += slot.sets;
      if (isCurl(slot)) curls += slot.sets;
    }
  }
  return { curls, all };
}

/**
 * Moves hinge sets to the week's leg curls until the curls hold LEG_CURL_SHARE of the hamstrings'
 * direct sets: a hinge slot above its tier's minimum gives a set, a leg curl below its most takes
 * it, on the same day where it can (the day's minutes barely change: a T3 set is shorter), else on
 * another day whose minutes allow. The hamstrings' sets stay the same.
 */
export function keepLegCurlShare(week: WeekDraft): void {
  if (!appliesLegCurlShare(week)) return;
  let guard = 20;
  while (guard-- > 0) {
    const { curls, all } = hamstringSets(week);
    if (curls === 0 || curls >= LEG_CURL_SHARE * all) return;
    if (!moveOneSet(week)) return;
  }
}

function moveOneSet(week: WeekDraft): boolean {
  const slots = week.days.flatMap((day) => day.slots.map((slot) => ({ day, slot })));
  const givers = slots
    .filter(({ slot }) => isHinge(slot) && slot.sets > minSlotSets(slot.tier))
    .sort((a, b) => b.slot.sets - a.slot.sets || b.slot.seq - a.slot.seq);
  const takers = slots
    .filter(({ slot }) => isCurl(slot) && slot.sets < slotMaxSets(week, slot))
    .sort((a, b) => a.slot.sets - b.slot.sets || a.slot.seq - b.slot.seq);
  for (const giver of givers) {
    const sameDayFirst = [...takers].sort(
      (a, b) => Number(b.day === giver.day) - Number(a.day === giver.day),
    );
    for (const taker of sameDayFirst) {
      changeSets(week, giver.day, giver.slot, -1);
      changeSets(week, taker.day, taker.slot, 1);
      // fitsCaps of 0 sets more: every group the curl trains is still within its top.
      if (fitsBudget(week, taker.day) && fitsCaps(week, taker.slot.entry, 0)) return true;
      changeSets(week, taker.day, taker.slot, -1);
      changeSets(week, giver.day, giver.slot, 1);
    }
  }
  return false;
}
