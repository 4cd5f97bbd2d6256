// The demo's pure parts: the logged week it writes, how it reads pg-boss's instance registry, the
// words it puts on each row's change, and its dates.
import type { Instance } from "pg-boss";
import { describe, expect, it } from "vitest";
import { INSTANCE_NAMES } from "../../src/boss.ts";
import { servesQueue, staleReason } from "../../src/cli/demo/find-worker.ts";
import { e1rmAsciiChart, livedWeeksTable } from "../../src/cli/demo/format-lived.ts";
import { describeChange, formatWeekPlaces } from "../../src/cli/demo/format-weeks.ts";
import { createModelLifter, type ModelRow } from "../../src/cli/demo/lifter-model.ts";
import { type DemoRow, planDemoWeek, startingLoadKg } from "../../src/cli/demo/logged-week.ts";
import type { SideBySideRow } from "../../src/cli/demo/queries.ts";
import { describeDatabase } from "../../src/cli/demo/tour.ts";
import type { LivedWeek } from "../../src/db/queries/lived-weeks.ts";
import { mondayOf, utcDateOf } from "../../src/domain/calendar.ts";
import { progressRow } from "../../src/domain/load-progression/progress-row.ts";

const row = (i: number, over: Partial<DemoRow> = {}): DemoRow => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  sets: 3,
  reps: "8-12",
  equipment: "barbell",
  muscleGroup: "chest",
  tier: "T2",
  sessionDate: "2026-06-01",
  ...over,
});

describe("the demo's logged week", () => {
  const rows = Array.from({ length: 10 }, (_, i) => row(i));
  const week = planDemoWeek(rows);

  it("follows top, top, range, top, short, and the rollover rules read them that way", () => {
    expect(week.map((w) => w.outcome)).toEqual([
      "top",
      "top",
      "range",
      "top",
      "short",
      "top",
      "top",
      "range",
      "top",
      "short",
    ]);
    const rules = week.map(
      (w, i) =>
        progressRow({
          weight: w.startingLoadKg,
          reps: (rows[i] as DemoRow).reps,
          sets: 3,
          equipment: "barbell",
          muscleGroup: "chest",
          missStreak: 0,
          logged: w.sets.map((s) => ({
            setNo: s.setNo,
            repsDone: s.repsDone,
            weightKg: s.weightKg,
            rpe: s.rpe,
          })),
        }).rule,
    );
    expect(rules.slice(0, 5)).toEqual(["increase", "increase", "hold", "increase", "hold_fell"]);
  });

  it("logs every prescribed set at the starting load, in order, with plausible RPEs", () => {
    expect(week[0]?.sets.map((s) => [s.setNo, s.repsDone, s.weightKg, s.rpe])).toEqual([
      [1, 12, 40, 7],
      [2, 12, 40, 8],
      [3, 12, 40, 9],
    ]);
    expect(week[2]?.sets.map((s) => s.repsDone)).toEqual([12, 10, 8]);
    // Short: every set one rep below the bottom, hard throughout (not to failure).
    expect(week[4]?.sets.map((s) => [s.repsDone, s.rpe])).toEqual([
      [7, 8],
      [7, 9],
      [7, 9],
    ]);
    for (const w of week) {
      for (const s of w.sets) expect(utcDateOf(s.recordedAt)).toBe("2026-06-01");
    }
  });

  it("leaves unreadable rep targets unlogged and unloaded work at 0 kg with no load picked", () => {
    const [amrap, plank] = planDemoWeek([
      row(1, { reps: "AMRAP" }),
      row(2, { equipment: "bodyweight", muscleGroup: "abdominals" }),
    ]);
    expect(amrap?.outcome).toBe("unlogged");
    expect(amrap?.sets).toEqual([]);
    expect(plank?.startingLoadKg).toBeNull();
    expect(plank?.sets.every((s) => s.weightKg === 0)).toBe(true);
  });

  it("picks loads on the equipment's step, heavier for lower-body and first-tier work", () => {
    expect(startingLoadKg({ equipment: "barbell", muscleGroup: "quadriceps", tier: "T1" })).toBe(80);
    expect(startingLoadKg({ equipment: "barbell", muscleGroup: "chest", tier: "T1" })).toBe(50);
    expect(startingLoadKg({ equipment: "kettlebell", muscleGroup: "glutes", tier: null })).toBe(16);
    expect(startingLoadKg({ equipment: "bands", muscleGroup: "chest", tier: "T3" })).toBeNull();
  });
});

describe("is a worker serving the queue (pgboss.instance)", () => {
  const instance = (over: Partial<Instance>): Instance =>
    ({ name: null, live: true, workers: [], ...over }) as Instance;
  const worker = { queue: "plan.generate" } as Instance["workers"][number];

  it("a live instance with a worker entry for the queue, or registered as our worker", () => {
    expect(servesQueue(instance({ workers: [worker] }), "plan.generate")).toBe(true);
    // Our worker before its first heartbeat lists no worker entries yet.
    expect(servesQueue(instance({ name: INSTANCE_NAMES.worker }), "plan.generate")).toBe(true);
  });

  it("not a stopped or quiet one, a CLI, or one serving other queues", () => {
    expect(servesQueue(instance({ live: false, workers: [worker] }), "plan.generate")).toBe(false);
    expect(servesQueue(instance({ name: INSTANCE_NAMES.cli }), "plan.generate")).toBe(false);
    expect(servesQueue(instance({ workers: [worker] }), "plan.rollover")).toBe(false);
  });
});

describe("a row pg-boss calls live that is a dead worker's", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  const row = (over: Partial<Instance>): Instance =>
    ({
      host: "here",
      pid: 42,
      heartbeatSeconds: 30,
      heartbeatOn: new Date(now.getTime() - 5_000),
      ...over,
    }) as Instance;
  const here = { host: "here", now, pidRunning: (pid: number) => pid === 42 };

  it("is stale when its pid runs no process on this host", () => {
    expect(staleReason(row({ pid: 43 }), here)).toBe("pid 43 is not running on this host");
    expect(staleReason(row({}), here)).toBeUndefined();
    // On another host the pid says nothing.
    expect(staleReason(row({ host: "there", pid: 43 }), here)).toBeUndefined();
  });

  it("is stale when its heartbeat is older than one and a half beats", () => {
    const late = row({ host: "there", heartbeatOn: new Date(now.getTime() - 46_000) });
    expect(staleReason(late, here)).toBe("no heartbeat for 46 s (one is due every 30 s)");
    expect(
      staleReason(row({ host: "there", heartbeatOn: new Date(now.getTime() - 44_000) }), here),
    ).toBeUndefined();
  });
});

describe("the change column", () => {
  const base: SideBySideRow = {
    dayLabel: "Full-A",
    dayOfWeek: 1,
    order: 1,
    name: "Squat",
    before: { date: "2026-06-01", sets: 3, reps: "5", weight: 80 },
    logged: { reps: [5, 5, 5], weightKg: 80 },
    after: { date: "2026-06-08", sets: 3, reps: "5", weight: 85, missStreak: 0 },
  };
  const weekTwo = (over: Partial<NonNullable<SideBySideRow["after"]>>) => ({
    ...base,
    after: { ...(base.after as NonNullable<SideBySideRow["after"]>), ...over },
  });

  it("says what the two rows and the log show", () => {
    expect(describeChange(base)).toBe("+5 kg: the log's estimate");
    expect(describeChange(weekTwo({ weight: 80, missStreak: 1 }))).toBe(
      "held: below the prescription (1 week)",
    );
    expect(describeChange({ ...weekTwo({ weight: 80 }), logged: { reps: [5, 5, 4], weightKg: 80 } })).toBe(
      "held: inside the range",
    );
    expect(describeChange({ ...base, logged: { reps: [], weightKg: null } })).toBe(
      "carried over: nothing logged",
    );
    expect(describeChange({ ...base, after: null })).toBe("not rolled over yet");
    // The rollover's own line wins where it wrote one.
    expect(describeChange(weekTwo({ reason: "+5 kg: e1RM 98 kg from 3 sets" }))).toBe(
      "+5 kg: e1RM 98 kg from 3 sets",
    );
    // A row marked for a swap says so after its change.
    expect(describeChange(weekTwo({ reason: "held: joint pain", swapSuggested: true }))).toBe(
      "held: joint pain; swap suggested: joint pain",
    );
  });

  it("heads the two weeks with their place in the mesocycle and their recovery muscles", () => {
    const places = [
      { weekNumber: 5, mesocycle: 1, mesocycleWeek: 5, isDeload: false, recoveryMuscles: [] },
      { weekNumber: 6, mesocycle: 1, mesocycleWeek: 6, isDeload: true, recoveryMuscles: ["chest", "lats"] },
    ];
    expect(formatWeekPlaces(places, "p1")).toEqual([
      "week 5 (mesocycle 1, week 5) beside week 6 (mesocycle 1, week 6 · deload) (plan p1):",
      "week 6: recovery session (half the sets) for chest, lats",
    ]);
  });
});

describe("dates and where the demo runs", () => {
  it("finds the Monday of a date's week", () => {
    expect(mondayOf("2026-06-10")).toBe("2026-06-08");
    expect(mondayOf("2026-06-08")).toBe("2026-06-08");
    expect(mondayOf("2026-06-14")).toBe("2026-06-08");
  });

  it("names the database without its password", () => {
    expect(describeDatabase("postgresql://postgres:postgres@127.0.0.1:54329/training", true)).toBe(
      "the embedded PostgreSQL, postgresql://postgres@127.0.0.1:54329/training",
    );
    expect(describeDatabase("postgresql://app:s3cret@db.example:5432/prod", false)).toBe(
      "postgresql://app@db.example:5432/prod",
    );
  });
});

describe("the lived demo's lifter and tables", () => {
  const row = (over: Partial<ModelRow> = {}): ModelRow => ({
    id: "r1",
    exerciseKey: "te_barbell_bench_press",
    sessionId: "s1",
    sessionDate: "2026-06-01",
    muscleGroup: "chest",
    sets: 3,
    reps: "6-8",
    rir: 2,
    weight: 80,
    equipment: "barbell",
    tier: "T1",
    ...over,
  });

  it("logs a rep short of the top at the row's RIR in week 1, and gets stronger week by week", () => {
    const lifter = createModelLifter({ weeklyGain: 0.02, soreness: 1, pump: 2 });
    const week1 = lifter.logWeek([row(), row({ id: "r2", muscleGroup: "chest", sessionId: "s2" })], 1);
    expect(week1.sets[0]).toMatchObject({ exerciseRowId: "r1", setNo: 1, repsDone: 7, weightKg: 80, rpe: 8 });
    expect(week1.sets).toHaveLength(6);
    // One feedback line per muscle a week, on the first session that trained it.
    expect(week1.feedback).toEqual([
      { sessionId: "s1", muscleGroup: "chest", soreness: 1, pump: 2, jointPain: false },
    ]);
    // Six weeks at +2%: the same load is easier (more reps or a lower RPE on the first set).
    const week6 = lifter.logWeek([row()], 6);
    const [a, b] = [week1.sets[0], week6.sets[0]];
    expect((b?.repsDone ?? 0) - (b?.rpe ?? 0)).toBeGreaterThan((a?.repsDone ?? 0) - (a?.rpe ?? 0));
    // A row without a load gets the demo's starting load; a timed hold is not logged.
    const fresh = lifter.logWeek(
      [row({ id: "r3", weight: null, exerciseKey: "x" }), row({ id: "r4", reps: "30s" })],
      1,
    );
    expect(fresh.loads).toEqual([{ rowId: "r3", weightKg: 50 }]);
    expect(fresh.sets.every((s) => s.exerciseRowId === "r3")).toBe(true);
  });

  it("draws the e1RM chart with a D under each deload week, and the table a column per week", () => {
    const week = (n: number, isDeload: boolean, kg: number): LivedWeek => ({
      weekNumber: n,
      weekStart: `2026-06-0${n}`,
      mesocycle: 1,
      mesocycleWeek: n,
      isDeload,
      recoveryMuscles: [],
      rows: [
        {
          exerciseKey: "sq",
          name: "Squat",
          muscleGroup: "quadriceps",
          tier: "T1",
          sets: isDeload ? 2 : 4,
          reps: "5",
          rir: isDeload ? 4 : 2,
          weight: kg,
          reason: null,
          swapSuggested: false,
          best: { kg, reps: 5, rpe: 8 },
        },
      ],
    });
    const weeks = [week(1, false, 100), week(2, false, 105), week(3, true, 95)];
    const chart = e1rmAsciiChart(weeks);
    expect(chart.find((l) => l.trim().startsWith("week"))).toMatch(/week\s+w1\s+w2\s+w3$/);
    const marks = chart[chart.findIndex((l) => l.trim().startsWith("week")) + 1] as string;
    expect(marks.trim()).toBe("D");
    expect(marks.indexOf("D")).toBeGreaterThan(chart.find((l) => l.includes("w3"))?.indexOf("w2") ?? 0);
    const table = livedWeeksTable(weeks);
    expect(table.find((l) => l.trim().startsWith("mesocycle.week"))).toMatch(/1\.1\s+1\.2\s+1\.3 D$/);
    expect(table.find((l) => l.trim().startsWith("quadriceps"))).toMatch(/4\s+4\s+2$/);
    expect(table.find((l) => l.trim().startsWith("T1"))).toMatch(/2\s+2\s+4$/);
    expect(table.find((l) => l.trim().startsWith("Squat"))).toMatch(/100\s+105\s+95$/);
  });
});
