// Fuzzed plan JSON for insert_full_plan(s): a valid plan (tests/helpers/plan-json.ts, dated from
// the clock) with changes at the plan, session and slot level. No changes leaves it valid, so
// successes are exercised too.
import fc from "fast-check";
import { samplePlanJson } from "../helpers/plan-json.ts";
import { applyChanges, type KeyChange, keyChange } from "./arbitraries.ts";

const PLAN_KEYS = [
  "split_type",
  "week_start",
  "goal_type",
  "experience_level",
  "sessions",
  "notes",
  "request_id",
  "deload_every_weeks",
] as const;
const SESSION_KEYS = [
  "day_name",
  "date",
  "day_of_week",
  "focus_area",
  "slots",
  "duration_minutes",
  "session_number",
] as const;
const SLOT_KEYS = [
  "exercise_id",
  "name",
  "muscle_group",
  "sets",
  "reps",
  "equipment",
  "tier",
  "order_in_session",
  "rir",
  "weight",
  "secondary_muscles",
] as const;

export interface FuzzedPlan {
  plan: unknown;
  /** Sessions and exercise rows the plan makes if it is accepted. */
  sessions: number;
  slots: number;
}

const at = (change: fc.Arbitrary<KeyChange>) => fc.record({ i: fc.nat(), j: fc.nat(), change });

export const fuzzedPlan: fc.Arbitrary<FuzzedPlan> = fc
  .record({
    sessions: fc.integer({ min: 1, max: 4 }),
    slots: fc.integer({ min: 1, max: 3 }),
    plan: fc.array(keyChange(PLAN_KEYS), { maxLength: 2 }),
    session: fc.array(at(keyChange(SESSION_KEYS)), { maxLength: 2 }),
    slot: fc.array(at(keyChange(SLOT_KEYS)), { maxLength: 3 }),
  })
  .map((c) => {
    const base = samplePlanJson({ sessions: c.sessions, slotsPerSession: c.slots }) as unknown as {
      sessions: { slots: Record<string, unknown>[] }[];
    } & Record<string, unknown>;
    const sessions = base.sessions.map((s) => ({ ...s, slots: s.slots.map((x) => ({ ...x })) }));
    for (const { i, j, change } of c.slot) {
      const session = sessions[i % sessions.length] as { slots: Record<string, unknown>[] };
      const k = j % session.slots.length;
      session.slots[k] = applyChanges(session.slots[k] as Record<string, unknown>, [change]);
    }
    const changedSessions = sessions.map((s) => s as unknown as Record<string, unknown>);
    for (const { i, change } of c.session) {
      const k = i % changedSessions.length;
      changedSessions[k] = applyChanges(changedSessions[k] as Record<string, unknown>, [change]);
    }
    const plan = applyChanges({ ...base, sessions: changedSessions }, c.plan);
    return { plan, sessions: c.sessions, slots: c.sessions * c.slots };
  });
