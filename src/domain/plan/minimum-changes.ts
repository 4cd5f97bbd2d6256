// The changes a week may take to meet a movement minimum (coach-minimums.ts): one more set, a new
// slot, a traded set, a swap, a merge, each with or without the day's other work making room for
// its time. Each is tried whole (`attempt`, week-draft.ts) and kept only when the checks hold:
// the set caps and ranges, the time, the pull balance, even days, and every major group's minimum
// (`keeps`). The order they are tried in is coach-minimums.ts's.

import type { CatalogueEntry } from "../catalogue-entry.ts";
import { breaksBalance, isPull, isPush, lacksPull } from "./balance.ts";
import { MIN_SLOT_SETS } from "./prescription.ts";
import { MAJOR_GROUPS, type TargetGroup, weeklyTarget } from "./targets.ts";
import {
  addSlot,
  attempt,
  blockOf,
  changeSets,
  type DayDraft,
  daySeconds,
  draftSlot,
  evenness,
  fitsCaps,
  makeRoom,
  minSlotSets,
  removeSlot,
  type SlotDraft,
  slotMaxSets,
  type WeekDraft,
  weeklySets,
  worsensEvenness,
} from "./week-draft.ts";

export interface MovementMinimum {
  rule: string;
  /** The group whose block on a day may hold the movement. */
  group: TargetGroup;
  /** Whether an exercise is the movement; `prefer` first where the rule has a preference. */
  test: (entry: CatalogueEntry) => boolean;
  prefer?: (entry: CatalogueEntry) => boolean;
  weeklySets: number;
  /** Whether a day that does not train the group may take the movement too, at its end. */
  anyDay?: boolean;
  /**
   * The group whose days take the movement first and whose rest it shares (recoveryGroup,
   * week-draft.ts): rear-delt work ends a pull day.
   */
  home?: TargetGroup;
  /**
   * A group the movement outranks: a swap may take it below its weekly minimum, down to this share
   * of it (a two-day week's second chest press gives way to its only overhead press).
   */
  spare?: { group: TargetGroup; share: number } | undefined;
  /** Slots that may give way to the movement when nothing else fits (never a main lift). */
  donor: (slot: SlotDraft) => boolean;
  /**
   * One exercise of the movement a day, however full: two lateral raises on one day read to two
   * coaches as the same work twice.
   */
  oneADay?: boolean;
  /** Exercises no change may trim or take away: the week's other movement minimums. */
  protects?: (entry: CatalogueEntry) => boolean;
}

/** Sets of the movement in the week. */
export function setsOf(week: WeekDraft, minimum: MovementMinimum): number {
  let sets = 0;
  for (const day of week.days) for (const slot of day.slots) if (minimum.test(slot.entry)) sets += slot.sets;
  return sets;
}

/**
 * The day holds the movement in a slot that can still take sets: more sets there, not a second
 * variant. A slot at its set cap leaves room for a second variant, except for a movement taken once
 * a day (`oneADay`: lateral raises).
 */
export function holdsWithRoom(week: WeekDraft, day: DayDraft, minimum: MovementMinimum): boolean {
  return day.slots.some(
    (s) => minimum.test(s.entry) && (minimum.oneADay === true || s.sets < slotMaxSets(week, s)),
  );
}

/** What a change may cost: the donor's half-sets in other groups, and the minimum's spare group. */
interface Allowance {
  donor?: Pick<SlotDraft, "group" | "sets">;
  spare?: MovementMinimum["spare"];
}

/**
 * Runs `change` whole and keeps it only when the days stay even (the shortest at least 60% of the
 * longest, or no less even than before), no day is over its minutes, and no major group fell below
 * its minimum or, already below it, lost sets; except that a swap may cost other groups the
 * half-sets the donor gave them as a secondary muscle (the movement a coach looks for is worth more
 * than a glute half-set from a Romanian deadlift), and the spare group down to its share.
 */
function tried(week: WeekDraft, change: () => boolean, allowance: Allowance = {}): boolean {
  return attempt(week, () => {
    const before = evenness(week);
    const groups = new Map(MAJOR_GROUPS.map((group) => [group, weeklySets(week, group)]));
    const seconds = new Map(week.days.map((day) => [day, daySeconds(week, day)]));
    if (!change()) return false;
    // A day over its minutes must not get longer (a superset's pairing may already cost a few
    // seconds more than the budget; capToBudget trims those at the end).
    const over = (day: DayDraft) =>
      daySeconds(week, day) > Math.max(week.budgetSeconds, seconds.get(day) ?? 0);
    if (week.days.some(over)) return false;
    if (worsensEvenness(before, evenness(week))) return false;
    return keepsMinimums(week, groups, allowance);
  });
}

function keepsMinimums(
  week: WeekDraft,
  before: ReadonlyMap<TargetGroup, number>,
  { donor, spare }: Allowance,
): boolean {
  for (const [group, was] of before) {
    const now = weeklySets(week, group);
    const { min } = weeklyTarget(week.goal, week.experience, group);
    if (spare?.group === group && now >= spare.share * min - 1e-9) continue;
    const allowed = donor !== undefined && donor.group !== group ? donor.sets / 2 : 0;
    if (now < was - allowed - 1e-9 && now < min - 1e-9) return false;
  }
  return true;
}

/** A slot of the movement for the day, not yet added, that fits the caps (and the balance). */
function draft(
  week: WeekDraft,
  day: DayDraft,
  minimum: MovementMinimum,
  sets: number,
  /** False where the change takes pushing away to keep the balance itself (rebalance). */
  balance = true,
): SlotDraft | undefined {
  const fits = (entry: CatalogueEntry) =>
    minimum.test(entry) && fitsCaps(week, entry, sets) && !(balance && breaksBalance(week, entry, sets));
  const block = blockOf(day, minimum.group) ?? {
    block: { group: minimum.group, patterns: [] },
    position: 99,
  };
  const preferred =
    minimum.prefer === undefined
      ? undefined
      : draftSlot(week, day, minimum.group, false, block, (e) => fits(e) && (minimum.prefer?.(e) ?? false));
  const slot = preferred ?? draftSlot(week, day, minimum.group, false, block, fits);
  if (slot !== undefined) slot.sets = sets;
  return slot;
}

/** The slot that gives way for the movement's time: isolation first, never pulling, the main lift or the movement. */
function giverOf(
  slots: readonly SlotDraft[],
  keep: SlotDraft,
  minimum: MovementMinimum,
): SlotDraft | undefined {
  const rank: Readonly<Record<SlotDraft["tier"], number>> = { T3: 0, T2: 1, T1: 2 };
  return slots
    .filter((o) => o !== keep && o.tier !== "T1" && !isPull(o.entry) && !guarded(minimum, o))
    .sort((a, b) => rank[a.tier] - rank[b.tier] || b.sets - a.sets || b.seq - a.seq)[0];
}

/** The slot is the movement, or another minimum's movement the change must leave alone. */
function guarded(minimum: MovementMinimum, slot: SlotDraft): boolean {
  return minimum.test(slot.entry) || (minimum.protects?.(slot.entry) ?? false);
}

/** Time for `slot` on the day: with `makingRoom`, the day's other work gives way; else it must fit. */
function timeFor(
  week: WeekDraft,
  day: DayDraft,
  slot: SlotDraft,
  minimum: MovementMinimum,
  makingRoom: boolean,
) {
  if (!makingRoom) return daySeconds(week, day) <= week.budgetSeconds;
  return makeRoom(week, day, (slots) => giverOf(slots, slot, minimum)) && day.slots.includes(slot);
}

/**
 * A new pushing slot (an overhead press) paid for with other pushing sets where the week has no
 * pulling to spare: one set at a time from the pushing group furthest above its minimum (a fourth
 * bench set gives way to the press), never the new slot, never below a slot's minimum sets.
 */
function rebalance(week: WeekDraft, keep: SlotDraft): boolean {
  let guard = 20;
  while (lacksPull(week)) {
    if (guard-- <= 0) return false;
    const spare = (slot: SlotDraft) =>
      weeklySets(week, slot.group) - weeklyTarget(week.goal, week.experience, slot.group).min;
    const pushing = week.days
      .flatMap((day) => day.slots.map((slot) => ({ day, slot })))
      .filter(({ slot }) => slot !== keep && isPush(slot.entry) && slot.sets > minSlotSets(slot.tier))
      .sort((a, b) => spare(b.slot) - spare(a.slot) || b.slot.sets - a.slot.sets)[0];
    if (pushing === undefined) return false;
    changeSets(week, pushing.day, pushing.slot, -1);
  }
  return true;
}

/** One more set on a slot of the movement, the first day (in `days` order) where it holds. */
export function raiseOne(
  week: WeekDraft,
  minimum: MovementMinimum,
  days: readonly DayDraft[],
  makingRoom = false,
): boolean {
  for (const day of days) {
    for (const slot of day.slots) {
      if (!minimum.test(slot.entry) || slot.sets >= slotMaxSets(week, slot)) continue;
      if (!fitsCaps(week, slot.entry, 1) || breaksBalance(week, slot.entry, 1)) continue;
      const raise = () => {
        changeSets(week, day, slot, 1);
        return timeFor(week, day, slot, minimum, makingRoom);
      };
      if (tried(week, raise)) return true;
    }
  }
  return false;
}

/** A new 2-set slot of the movement on the day. */
export function addNew(
  week: WeekDraft,
  day: DayDraft,
  minimum: MovementMinimum,
  makingRoom = false,
): boolean {
  return tried(week, () => {
    const slot = draft(week, day, minimum, MIN_SLOT_SETS);
    if (slot === undefined) return false;
    addSlot(week, day, slot);
    return timeFor(week, day, slot, minimum, makingRoom);
  });
}

/**
 * A new 2-set slot of the movement on the day, its sets taken from the movement's slot on another
 * day that keeps at least 2: the week's sets of it stay, spread over the days (a coach read a week
 * whose leg curls were all 4 sets on one lower day, where the other's range had no room for more).
 */
export function shareFromOtherDay(week: WeekDraft, day: DayDraft, minimum: MovementMinimum): boolean {
  for (const other of week.days) {
    if (other === day) continue;
    for (const holder of other.slots) {
      if (!minimum.test(holder.entry) || holder.sets < MIN_SLOT_SETS + minSlotSets(holder.tier)) continue;
      const shared = tried(week, () => {
        changeSets(week, other, holder, -MIN_SLOT_SETS);
        const slot = draft(week, day, minimum, MIN_SLOT_SETS);
        if (slot === undefined) return false;
        addSlot(week, day, slot);
        return timeFor(week, day, slot, minimum, true);
      });
      if (shared) return true;
    }
  }
  return false;
}

/**
 * A set of another slot of the day (above its minimum sets, not pulling) becomes a set of the
 * movement, where time was what kept it out.
 */
export function tradeOne(week: WeekDraft, minimum: MovementMinimum, days: readonly DayDraft[]): boolean {
  for (const day of days) {
    for (const slot of day.slots) {
      if (!minimum.test(slot.entry) || slot.sets >= slotMaxSets(week, slot)) continue;
      if (!fitsCaps(week, slot.entry, 1) || breaksBalance(week, slot.entry, 1)) continue;
      const givers = day.slots
        .filter((other) => other !== slot && other.tier !== "T1" && !guarded(minimum, other))
        .filter((other) => other.sets > MIN_SLOT_SETS && !isPull(other.entry))
        .sort((a, b) => b.sets - a.sets || b.seq - a.seq);
      for (const giver of givers) {
        const trade = () => {
          changeSets(week, day, giver, -1);
          changeSets(week, day, slot, 1);
          return true;
        };
        if (tried(week, trade)) return true;
      }
    }
  }
  return false;
}

/**
 * The donor gives way to the movement with its sets. Where the movement alone does not fit (its
 * group at the top of its range, a press the pulling cannot pay for, more time), in turn: a second
 * slot of the movement's group on the day gives way too (an overhead press for a bench press and a
 * lateral raise, keeping the shoulders' sets); or, `makingRoom`, other pushing sets pay for a press
 * and the day's other work for the time.
 */
export function swap(
  week: WeekDraft,
  day: DayDraft,
  donor: SlotDraft,
  minimum: MovementMinimum,
  makingRoom = false,
): boolean {
  const allowance = { donor: { group: donor.group, sets: donor.sets }, spare: minimum.spare };
  const sets = Math.max(MIN_SLOT_SETS, donor.sets);
  const plain = () => {
    removeSlot(week, day, donor);
    const slot = draft(week, day, minimum, sets, !makingRoom);
    if (slot === undefined) return false;
    addSlot(week, day, slot);
    return (!makingRoom || rebalance(week, slot)) && timeFor(week, day, slot, minimum, makingRoom);
  };
  if (tried(week, plain, allowance)) return true;
  if (makingRoom) return false;
  const partners = day.slots.filter(
    (s) => s !== donor && s.tier !== "T1" && s.group === minimum.group && !minimum.test(s.entry),
  );
  return partners.some((partner) =>
    tried(
      week,
      () => {
        removeSlot(week, day, partner);
        return plain();
      },
      { spare: minimum.spare },
    ),
  );
}

/** On a day that holds the movement, a donor's sets move to its slot (up to the slot's set cap). */
export function merge(week: WeekDraft, day: DayDraft, donor: SlotDraft, holder: SlotDraft): boolean {
  const moved = Math.min(donor.sets, slotMaxSets(week, holder) - holder.sets);
  if (moved < 1) return false;
  return tried(week, () => {
    removeSlot(week, day, donor);
    if (!fitsCaps(week, holder.entry, moved) || breaksBalance(week, holder.entry, moved)) return false;
    changeSets(week, day, holder, moved);
    return true;
  });
}
