// Bodyweight rows through the real rollover: a judgeable rep range, and the variation ladder of the
// built-in catalogue (src/domain/catalogue/ladders.ts) walked up on a week at the top and down
// after two weeks below the bottom at RPE 10.
import { describe, expect, it } from "vitest";
import { createUser } from "../helpers/auth.ts";
import { monday, plusDays } from "../helpers/dates.ts";
import { builtinCatalogueDatabase, logSets, makePlan, rollover, setRow, times, weekRows } from "./helpers.ts";

describe("bodyweight rows on a variation ladder", () => {
  const tdb = builtinCatalogueDatabase();

  const W1 = monday(-10);

  async function onePlan(exerciseId: string, slots = 1) {
    const planId = await makePlan(tdb.pool, await createUser(tdb.pool), {
      weekStart: W1,
      sessions: 1,
      slots,
      deloadEveryWeeks: null,
    });
    const [row] = await weekRows(tdb.pool, planId, 1);
    await setRow(tdb.pool, row?.id as string, {
      exerciseId,
      weight: null,
      reps: "8-15",
      sets: 3,
      rir: 2,
      equipment: "bodyweight",
      muscleGroup: "chest",
    });
    return planId;
  }

  it("moves up a rung when every set reaches the top at the target RIR, and never past the top", async () => {
    const planId = await onePlan("te_incline_push_up");
    const [w1] = await weekRows(tdb.pool, planId, 1);
    await logSets(tdb.pool, w1?.id as string, times(3, { reps: 15, kg: 0, rpe: 8 }));
    await rollover(tdb.pool, plusDays(W1, 7));
    const [w2] = await weekRows(tdb.pool, planId, 2);
    expect(w2).toMatchObject({
      exercise_id: "te_push_up",
      exercise_name: "Push-Up",
      reps: "8-15",
      weight: null,
    });

    // The top at RPE 9 (past the target RIR) does not move it.
    await logSets(tdb.pool, w2?.id as string, times(3, { reps: 15, kg: 0, rpe: 9 }));
    await rollover(tdb.pool, plusDays(W1, 14));
    const [w3] = await weekRows(tdb.pool, planId, 3);
    expect(w3).toMatchObject({ exercise_id: "te_push_up", miss_streak: 0 });

    // Week 2's 15 reps were far past the bottom: the chest gained sets; every set must reach the top.
    await logSets(tdb.pool, w3?.id as string, times(w3?.sets as number, { reps: 15, kg: 0 }));
    await rollover(tdb.pool, plusDays(W1, 21));
    const [w4] = await weekRows(tdb.pool, planId, 4);
    expect(w4).toMatchObject({ exercise_id: "te_decline_push_up" });

    // The top rung holds.
    await logSets(tdb.pool, w4?.id as string, times(3, { reps: 15, kg: 0, rpe: 7 }));
    await rollover(tdb.pool, plusDays(W1, 28));
    expect((await weekRows(tdb.pool, planId, 5))[0]).toMatchObject({ exercise_id: "te_decline_push_up" });
  });

  it("moves down a rung after two weeks below the bottom at RPE 10, not after one", async () => {
    const planId = await onePlan("te_pull_up", 2);
    const [w1, other1] = await weekRows(tdb.pool, planId, 1);
    // A second group trained on target, so one group's recovery session is not a fatigue
    // deload of the whole plan (docs/mesocycles.md, "Fatigue").
    const onTarget = async (id: string) => {
      await setRow(tdb.pool, id, {
        weight: 50,
        reps: "8",
        sets: 3,
        equipment: "machine",
        muscleGroup: "quadriceps",
      });
      await logSets(tdb.pool, id, times(3, { reps: 8, kg: 50 }));
    };
    await onTarget(other1?.id as string);
    await logSets(tdb.pool, w1?.id as string, [
      ...times(2, { reps: 8, kg: 0, rpe: 9 }),
      { reps: 5, kg: 0, rpe: 10 },
    ]);
    await rollover(tdb.pool, plusDays(W1, 7));
    const [w2] = await weekRows(tdb.pool, planId, 2);
    expect(w2).toMatchObject({ exercise_id: "te_pull_up", miss_streak: 1 });
    await logSets(tdb.pool, w2?.id as string, times(3, { reps: 4, kg: 0, rpe: 10 }));
    await onTarget((await weekRows(tdb.pool, planId, 2))[1]?.id as string);
    await rollover(tdb.pool, plusDays(W1, 14));
    const [w3] = await weekRows(tdb.pool, planId, 3);
    // Both weeks were recovery sessions for the chest (the row is set up as chest work) (half of 3 sets, rounded up).
    expect(w3).toMatchObject({ exercise_id: "te_negative_pull_up", miss_streak: 0, sets: 2 });
    expect(w3?.progress_reason).toBe(
      "recovery session for chest: sets 3 -> 2 (could not match last week); easier variation: below 8 reps at RPE 10 two weeks running",
    );
  });

  it("passes over a rung the lifter excluded, and one that needs equipment the plan did not allow", async () => {
    // Excluded: the push-up's only harder rung, so the row holds at the push-up.
    const excluded = await onePlan("te_push_up");
    const [e1] = await weekRows(tdb.pool, excluded, 1);
    await tdb.pool.query(
      `INSERT INTO public.exercise_exclusion (user_id, exercise_id, reason)
       SELECT p.user_id, 'te_decline_push_up', 'injury' FROM public.modular_training_plan p WHERE p.id = $1`,
      [excluded],
    );
    await logSets(tdb.pool, e1?.id as string, times(3, { reps: 15, kg: 0, rpe: 8 }));
    await rollover(tdb.pool, plusDays(W1, 7));
    expect((await weekRows(tdb.pool, excluded, 2))[0]).toMatchObject({ exercise_id: "te_push_up" });

    // A floor-only plan: the inverted row needs a bar, so the table row holds.
    const floorOnly = await onePlan("te_table_inverted_row");
    await tdb.pool.query("UPDATE public.modular_training_plan SET allowed_equipment = '{}' WHERE id = $1", [
      floorOnly,
    ]);
    const [f1] = await weekRows(tdb.pool, floorOnly, 1);
    await logSets(tdb.pool, f1?.id as string, times(3, { reps: 15, kg: 0, rpe: 8 }));
    await rollover(tdb.pool, plusDays(W1, 7));
    expect((await weekRows(tdb.pool, floorOnly, 2))[0]).toMatchObject({
      exercise_id: "te_table_inverted_row",
    });

    // The same plan with a pull-up bar allowed moves up to the inverted row.
    const withBar = await onePlan("te_table_inverted_row");
    await tdb.pool.query(
      "UPDATE public.modular_training_plan SET allowed_equipment = '{pullup_bar}' WHERE id = $1",
      [withBar],
    );
    const [b1] = await weekRows(tdb.pool, withBar, 1);
    await logSets(tdb.pool, b1?.id as string, times(3, { reps: 15, kg: 0, rpe: 8 }));
    await rollover(tdb.pool, plusDays(W1, 7));
    expect((await weekRows(tdb.pool, withBar, 2))[0]).toMatchObject({ exercise_id: "te_inverted_row" });
  });
});
