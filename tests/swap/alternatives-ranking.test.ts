// The ranking terms a coach's read of the sample plans asked for (docs/swap.md, docs/swap-samples.md),
// on the built-in catalogue: a raise of the same head of the deltoid before one of another head, an
// exercise of the same difficulty before a harder one, the primary muscle group counted with lats and
// middle back as one, a two-arm press before a one-arm or kneeling one; and on free-exercise-db, a
// curl before a reverse curl, never the same lift by another name first, and loaded glute hip
// extension for loaded glute hip extension.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { monday } from "../helpers/dates.ts";
import { loadCatalogue } from "./catalogues.ts";
import { planOf, rowsOf } from "./helpers.ts";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  await loadCatalogue(tdb.pool, "builtin");
});
afterAll(async () => {
  await tdb.drop();
});

/** The row's alternatives, best first, for a one-row plan of `exerciseId` on `equipment`. */
async function alternatives(
  exerciseId: string,
  equipment: string[],
  limit = 8,
  experience: "beginner" | "intermediate" | "advanced" = "intermediate",
  goal: "hypertrophy" | "strength" | "general_fitness" | "endurance" = "general_fitness",
): Promise<string[]> {
  const user = await createUser(tdb.pool);
  const planId = await planOf(tdb.pool, user, monday(0), [{ exerciseId }], equipment);
  await tdb.pool.query(
    "UPDATE modular_training_plan SET experience_level = $2, goal_type = $3 WHERE id = $1",
    [planId, experience, goal],
  );
  const [row] = await rowsOf(tdb.pool, planId);
  const { rows } = await tdb.pool.query<{ exercise_id: string }>(
    "SELECT exercise_id FROM exercise_alternatives($1, $2)",
    [row?.id, limit],
  );
  return rows.map((r) => r.exercise_id);
}

const GYM = ["barbell", "ez_bar", "dumbbell", "kettlebell", "cable", "machine", "bands", "bench"];

describe("exercise_alternatives ranking", () => {
  it("offers side-delt raises for a lateral raise before the rear-delt fly and the front raise", async () => {
    const list = await alternatives("te_dumbbell_lateral_raise", ["dumbbell", "bench"]);
    expect(list[0]).toBe("te_seated_dumbbell_lateral_raise");
    const rear = list.indexOf("te_dumbbell_rear_delt_fly");
    const front = list.indexOf("te_dumbbell_front_raise");
    expect(list.indexOf("te_lean_away_dumbbell_lateral_raise")).toBeGreaterThan(-1);
    for (const other of [rear, front].filter((i) => i >= 0))
      expect(other).toBeGreaterThan(list.indexOf("te_lean_away_dumbbell_lateral_raise"));
  });

  it("keeps the difficulty: a knee or plain push-up for an incline push-up, not the archer push-up", async () => {
    const list = await alternatives("te_incline_push_up", []);
    expect(["te_knee_push_up", "te_push_up"]).toContain(list[0]);
    expect(list.indexOf("te_archer_push_up")).toBeGreaterThan(list.indexOf("te_knee_push_up"));
  });

  it("offers a two-arm standing press first for a barbell overhead press, not a one-arm or kneeling one", async () => {
    const list = await alternatives("te_barbell_overhead_press", GYM);
    expect(list[0]).toBeDefined();
    expect(list[0]).not.toMatch(/single_arm|one_arm|kneeling/);
  });

  it("offers another floor pull first for a deadlift main lift, not a Romanian deadlift", async () => {
    for (const experience of ["beginner", "advanced"] as const) {
      const list = await alternatives("te_barbell_deadlift", GYM, 4, experience);
      expect(list[0]).toBe("te_sumo_deadlift");
      expect(list).toContain("te_barbell_romanian_deadlift");
    }
  });

  it("keeps a barbell squat on a bar or a machine: no kettlebells first for an advanced front squat", async () => {
    const list = await alternatives("te_barbell_front_squat", GYM, 4, "advanced");
    expect(list).toHaveLength(4);
    expect(list.filter((id) => /kettlebell|goblet|dumbbell/.test(id))).toEqual([]);
  });

  it("offers no kettlebell press among the first for an advanced lifter's barbell or dumbbell press", async () => {
    const list = await alternatives("te_barbell_overhead_press", GYM, 3, "advanced");
    expect(list).toHaveLength(3);
    expect(list.filter((id) => id.includes("kettlebell"))).toEqual([]);
    const dumbbell = await alternatives("te_dumbbell_shoulder_press", GYM, 3, "advanced", "hypertrophy");
    expect(dumbbell).toHaveLength(3);
    expect(dumbbell.filter((id) => id.includes("kettlebell"))).toEqual([]);
  });

  it("keeps the setting of the movement: a standing calf raise, an overhead extension, an incline press", async () => {
    const calf = await alternatives("te_leg_press_calf_raise", GYM, 1);
    expect(calf[0]).toBeDefined();
    expect(calf[0]).not.toMatch(/seated|bent_knee/);
    const overhead = await alternatives("te_cable_overhead_triceps_extension", GYM, 1);
    expect(overhead[0]).toMatch(/overhead/);
    const incline = await alternatives("te_barbell_incline_bench_press", GYM, 1);
    expect(incline[0]).toMatch(/incline/);
  });

  it("keeps a loaded press loaded, and offers a hypertrophy lifter no push press", async () => {
    const bench = await alternatives(
      "te_barbell_bench_press",
      ["barbell", "bench", "pullup_bar"],
      1,
      "intermediate",
      "strength",
    );
    expect(bench[0]).toBeDefined();
    expect(bench[0]).not.toMatch(/push_up|pushup/);
    const press = await alternatives("te_barbell_overhead_press", GYM, 2, "intermediate", "hypertrophy");
    expect(press).toHaveLength(2);
    expect(press).not.toContain("te_push_press");
  });

  it("keeps a trained lifter's barbell press loaded: barbell presses before an incline push-up", async () => {
    const list = await alternatives(
      "te_barbell_incline_bench_press",
      ["barbell", "bench", "pullup_bar"],
      2,
      "intermediate",
      "strength",
    );
    expect(list).toEqual(["te_barbell_bench_press", "te_barbell_decline_bench_press"]);
  });

  it("offers a hypertrophy lifter's dumbbell press a full-range press before a floor press", async () => {
    const list = await alternatives(
      "te_dumbbell_incline_press",
      ["dumbbell", "cable", "machine", "bench"],
      2,
      "intermediate",
      "hypertrophy",
    );
    expect(list).toHaveLength(2);
    expect(list).not.toContain("te_dumbbell_floor_press");
  });

  it("counts lats and middle back as one group: pulldowns and rows of either are alike for a row of each", async () => {
    // The one-arm row is filed under lats, the bent-over row under middle back: the same movement.
    const list = await alternatives("te_one_arm_dumbbell_row", ["dumbbell", "bench"], 3);
    expect(list).toContain("te_bent_over_dumbbell_row");
    expect(list).toContain("te_chest_supported_dumbbell_row");
  });

  it("keeps more of a barbell calf raise's load one leg at a time where only bodyweight ones remain", async () => {
    const list = await alternatives(
      "te_barbell_standing_calf_raise",
      ["barbell", "bench", "pullup_bar"],
      2,
      "intermediate",
      "strength",
    );
    expect(list[0]).toBe("te_single_leg_calf_raise");
  });
});

describe("exercise_alternatives ranking on free-exercise-db", () => {
  beforeAll(async () => {
    await loadCatalogue(tdb.pool, "free-exercise-db");
  });

  it("offers a curl first for a barbell curl, not a reverse-grip curl", async () => {
    const list = await alternatives("Barbell_Curl", ["barbell", "bench", "pullup_bar"]);
    expect(list[0]).toBeDefined();
    expect(list[0]).not.toMatch(/reverse/i);
  });

  it("keeps a beginner at a beginner's level: a close-grip incline push-up, not close push-ups", async () => {
    const list = await alternatives("Body-Up", [], 2, "beginner");
    expect(list[0]).toBe("Incline_Push-Up_Close-Grip");
  });

  it("offers a beginner's deadlift a plain floor pull before a deficit deadlift", async () => {
    const list = await alternatives("Barbell_Deadlift", ["barbell", "bench", "pullup_bar"], 4, "beginner");
    expect(list[0]).toBe("Sumo_Deadlift");
    expect(list.indexOf("Deficit_Deadlift")).toBeGreaterThan(0);
  });

  it("never offers the same cable lift by another name first, nor a triceps extension on an incline bench", async () => {
    const rope = await alternatives("Cable_Rope_Overhead_Triceps_Extension", ["cable", "bench"], 2);
    expect(rope[0]).toBeDefined();
    expect(rope[0]).not.toBe("Triceps_Overhead_Extension_with_Rope");
    const oneArm = await alternatives("Cable_One_Arm_Tricep_Extension", ["cable", "bench"], 2);
    expect(oneArm[0]).toBeDefined();
    expect(oneArm[0]).not.toBe("Cable_Incline_Triceps_Extension");
  });

  it("keeps glute work loaded: a pull-through for a cable kickback and a kickback for a pull-through", async () => {
    const kickback = await alternatives("One-Legged_Cable_Kickback", ["cable", "machine"], 2, "intermediate");
    expect(kickback[0]).toBe("Pull_Through");
    const pullThrough = await alternatives("Pull_Through", ["cable", "machine"], 2, "intermediate");
    expect(pullThrough[0]).toBe("One-Legged_Cable_Kickback");
    const { rows } = await tdb.pool.query<{ reason: string }>(
      `SELECT a.reason FROM modular_training_exercise r, exercise_alternatives(r.id, 1) a
        WHERE r.exercise_id = 'Pull_Through' ORDER BY r.created_at DESC LIMIT 1`,
    );
    expect(rows[0]?.reason).toMatch(/^same pattern \(hip extension\), glutes/);
  });

  it("offers a box squat a heavy squat, not the speed box squat (dynamic effort, against bands)", async () => {
    const list = await alternatives(
      "Box_Squat",
      ["barbell", "bench", "pullup_bar"],
      2,
      "intermediate",
      "strength",
    );
    expect(list[0]).toBeDefined();
    expect(list[0]).not.toBe("Speed_Box_Squat");
  });

  it("counts a calf press on the leg press as the same lift as the calf press: another station first", async () => {
    const list = await alternatives("Calf_Press", ["machine", "cable"], 2, "intermediate", "hypertrophy");
    expect(list[0]).toBeDefined();
    expect(list[0]).not.toBe("Calf_Press_On_The_Leg_Press_Machine");
  });

  it("never offers the same lift by another name first (a full squat for a squat)", async () => {
    const list = await alternatives("Barbell_Squat", ["barbell", "bench"]);
    expect(list[0]).toBeDefined();
    expect(list[0]).not.toBe("Barbell_Full_Squat");
  });

  it("offers another exercise for the leg extension before its single-leg twin on the same machine", async () => {
    const list = await alternatives("Leg_Extensions", ["machine", "cable"], 8, "intermediate", "hypertrophy");
    expect(list[0]).toBe("Leg_Press");
    const twin = list.indexOf("Single-Leg_Leg_Extension");
    if (twin >= 0) expect(twin).toBeGreaterThan(2);
  });
});
