// A novice's A B A week through the real rollover: the generator writes the two A days as one
// workout, and the rollover turns the week into B A B and back (docs/rollover.md), so that the
// overhead press and the deadlift come as often as the bench over a fortnight. Other weeks of
// three keep their days.
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE } from "../../src/domain/catalogue/builtin.ts";
import { generatePlan, type PlanRequest } from "../../src/domain/plan/index.ts";
import { EQUIPMENT } from "../../src/domain/vocabulary.ts";
import { asUser, createUser } from "../helpers/auth.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { builtinCatalogueDatabase, logSets, rollover } from "./helpers.ts";

interface Day {
  day_of_week: number;
  day_label: string;
  rows: { id: string; exercise_name: string; sets: number; carried_from_id: string | null }[];
}

async function daysOf(pool: pg.Pool, planId: string, week: number): Promise<Day[]> {
  const { rows } = await pool.query<Day>(
    `SELECT s.day_of_week, s.day_label,
            json_agg(json_build_object('id', e.id, 'exercise_name', e.exercise_name, 'sets', e.sets,
                                       'carried_from_id', e.carried_from_id)
                     ORDER BY e.order_in_session) AS rows
     FROM modular_training_week w
     JOIN modular_training_session s ON s.week_id = w.id
     JOIN modular_training_exercise e ON e.session_id = s.id
     WHERE w.plan_id = $1 AND w.week_number = $2
     GROUP BY s.id ORDER BY s.session_date`,
    [planId, week],
  );
  return rows;
}

const names = (day: Day | undefined) => day?.rows.map((r) => r.exercise_name) ?? [];

describe("alternating weeks (a novice's A B A, then B A B)", () => {
  const tdb = builtinCatalogueDatabase();

  const plan = async (request: Omit<PlanRequest, "weekStart" | "split" | "equipment">, weekStart: string) => {
    const json = generatePlan(
      { ...request, split: "auto", equipment: EQUIPMENT, weekStart },
      BUILTIN_CATALOGUE,
    );
    const { rows } = await tdb.pool.query<{ id: string }>("SELECT insert_full_plan($1, $2::jsonb) AS id", [
      await createUser(tdb.pool),
      JSON.stringify(json),
    ]);
    // What the request allowed (the job writes it from the request; swaps are checked against it).
    await tdb.pool.query("UPDATE modular_training_plan SET allowed_equipment = $2 WHERE id = $1", [
      rows[0]?.id,
      EQUIPMENT,
    ]);
    return rows[0]?.id as string;
  };

  it("turns A B A into B A B and back, each day's rows carried from the latest of its workout", async () => {
    const w1 = monday(-4);
    const planId = await plan(
      { goal: "strength", experience: "beginner", daysPerWeek: 3, sessionMinutes: 60 },
      w1,
    );
    const week1 = await daysOf(tdb.pool, planId, 1);
    expect(week1.map((d) => d.day_label)).toEqual(["Full-A", "Full-B", "Full-A"]);
    expect(names(week1[2])).toEqual(names(week1[0]));
    expect(names(week1[0])).toContain("Barbell Bench Press");
    expect(names(week1[1])).toEqual(expect.arrayContaining(["Barbell Deadlift", "Barbell Overhead Press"]));
    // The lifter logs every row of week 1, so every row is judged on its own logs.
    for (const day of week1)
      for (const r of day.rows) await logSets(tdb.pool, r.id, [{ reps: 5, kg: 40, rpe: 7 }]);

    await rollover(tdb.pool, plusDays(w1, 7));
    const week2 = await daysOf(tdb.pool, planId, 2);
    expect(week2.map((d) => [d.day_of_week, d.day_label])).toEqual([
      [week1[0]?.day_of_week, "Full-B"],
      [week1[1]?.day_of_week, "Full-A"],
      [week1[2]?.day_of_week, "Full-B"],
    ]);
    // B on two days, from week 1's B; A from week 1's third day (the A with the latest logs).
    const from = (day: Day | undefined) => day?.rows.map((r) => r.carried_from_id);
    expect(from(week2[0])).toEqual(week1[1]?.rows.map((r) => r.id));
    expect(from(week2[2])).toEqual(week1[1]?.rows.map((r) => r.id));
    expect(from(week2[1])).toEqual(week1[2]?.rows.map((r) => r.id));
    const pressDays = (days: Day[], lift: string) => days.filter((d) => names(d).includes(lift)).length;
    expect([pressDays(week1, "Barbell Overhead Press"), pressDays(week2, "Barbell Overhead Press")]).toEqual([
      1, 2,
    ]);
    expect([pressDays(week1, "Barbell Bench Press"), pressDays(week2, "Barbell Bench Press")]).toEqual([
      2, 1,
    ]);
    expect([pressDays(week1, "Barbell Deadlift"), pressDays(week2, "Barbell Deadlift")]).toEqual([1, 2]);

    await rollover(tdb.pool, plusDays(w1, 14));
    const week3 = await daysOf(tdb.pool, planId, 3);
    expect(week3.map((d) => d.day_label)).toEqual(["Full-A", "Full-B", "Full-A"]);
    expect(from(week3[0])).toEqual(week2[1]?.rows.map((r) => r.id));
    expect(from(week3[2])).toEqual(week2[1]?.rows.map((r) => r.id));
    expect(from(week3[1])).toEqual(week2[2]?.rows.map((r) => r.id));
    expect(names(week3[0])).toEqual(names(week1[0]));
  });

  it("swaps a row of one A day on the other too, and the B A B week keeps the new exercise", async () => {
    const w1 = monday(-2);
    const planId = await plan(
      { goal: "strength", experience: "beginner", daysPerWeek: 3, sessionMinutes: 60 },
      w1,
    );
    const { rows: owner } = await tdb.pool.query<{ user_id: string }>(
      "SELECT user_id FROM modular_training_plan WHERE id = $1",
      [planId],
    );
    const week1 = await daysOf(tdb.pool, planId, 1);
    const bench = week1[0]?.rows.find((r) => r.exercise_name === "Barbell Bench Press");
    expect(bench).toBeDefined();
    await asUser(tdb.pool, owner[0]?.user_id as string, (c) =>
      c.query("SELECT swap_exercise($1, $2)", [bench?.id, "te_dumbbell_bench_press"]),
    );
    const swapped = await daysOf(tdb.pool, planId, 1);
    expect(names(swapped[0])).toContain("Dumbbell Bench Press");
    expect(names(swapped[2])).toEqual(names(swapped[0]));
    expect(names(swapped[1])).toEqual(names(week1[1]));

    await rollover(tdb.pool, plusDays(w1, 7));
    const week2 = await daysOf(tdb.pool, planId, 2);
    expect(names(week2[1])).toEqual(names(swapped[0]));
  });

  it("keeps the days of a week of three that does not repeat a day", async () => {
    const w1 = monday(-4);
    const planId = await plan(
      { goal: "hypertrophy", experience: "intermediate", daysPerWeek: 3, sessionMinutes: 60 },
      w1,
    );
    const week1 = await daysOf(tdb.pool, planId, 1);
    expect(new Set(week1.map((d) => d.day_label)).size).toBe(3);
    await rollover(tdb.pool, plusDays(w1, 7));
    const week2 = await daysOf(tdb.pool, planId, 2);
    expect(week2.map((d) => d.day_label)).toEqual(week1.map((d) => d.day_label));
    week2.forEach((day, i) => {
      expect(day.rows.map((r) => r.carried_from_id)).toEqual(week1[i]?.rows.map((r) => r.id));
    });
  });
});
