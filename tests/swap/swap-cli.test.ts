// The CLI's swap commands on the built-in catalogue: `plan alternatives`, `plan swap` and
// `exclude add|remove|list`, run as a process against a test database; bad input exits 2 naming
// the argument, a refused swap exits 2 with the reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, newId } from "../helpers/auth.ts";
import { firstLine, runCli } from "../helpers/cli.ts";
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
  await tdb?.drop();
});

const cli = (...args: string[]) => runCli(args, { databaseUrl: tdb.url });

describe("plan alternatives and plan swap", () => {
  it("lists ranked alternatives with reasons, and swaps a row", async () => {
    const user = await createUser(tdb.pool);
    const planId = await planOf(tdb.pool, user, monday(-1), [{ exerciseId: "te_barbell_bench_press" }]);
    const [row] = await rowsOf(tdb.pool, planId);
    // The row id comes from `plan show --ids`, as a lifter would find it.
    const shown = await cli("plan", "show", planId, "--ids");
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/notes\s+why\s+row id/);
    expect(shown.stdout).toContain(row?.id as string);
    expect((await cli("plan", "show", planId)).stdout).not.toContain(row?.id as string);

    const listed = await cli("plan", "alternatives", row?.id as string);
    expect(listed.stderr).toBe("");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("same pattern (horizontal press), chest");
    expect(listed.stdout).toContain("te_dumbbell_bench_press");

    const swapped = await cli("plan", "swap", row?.id as string, "te_dumbbell_bench_press");
    expect(swapped.stderr).toBe("");
    expect(swapped.code).toBe(0);
    expect(swapped.stdout).toContain("te_barbell_bench_press -> te_dumbbell_bench_press");
    expect((await rowsOf(tdb.pool, planId))[0]?.exercise_id).toBe("te_dumbbell_bench_press");
  });

  it("plan show lists the top alternatives under a row with swap_suggested; the swap clears it", async () => {
    const user = await createUser(tdb.pool);
    const planId = await planOf(tdb.pool, user, monday(-1), [
      { exerciseId: "te_barbell_bench_press" },
      { exerciseId: "te_barbell_back_squat" },
    ]);
    const [bench, squat] = await rowsOf(tdb.pool, planId);
    const plain = await cli("plan", "show", planId);
    expect(plain.stdout).not.toContain("swap suggested");

    // Joint pain reported on the chest: the rollover sets swap_suggested on the bench row.
    await tdb.pool.query("UPDATE modular_training_exercise SET swap_suggested = true WHERE id = $1", [
      bench?.id,
    ]);
    const { rows: top } = await tdb.pool.query<{ exercise_id: string; name: string; reason: string }>(
      "SELECT exercise_id, name, reason FROM exercise_alternatives($1, 3)",
      [bench?.id],
    );
    expect(top.length).toBe(3);
    const shown = await cli("plan", "show", planId);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(
      `joint pain reported: swap suggested for Barbell Bench Press (row ${bench?.id})`,
    );
    top.forEach((a, i) => {
      expect(shown.stdout).toContain(`${i + 1}. ${a.name} (${a.exercise_id}): ${a.reason}`);
    });
    expect(shown.stdout).not.toContain(`swap suggested for Barbell Back Squat`);
    expect(squat?.exercise_id).toBe("te_barbell_back_squat");

    const swapped = await cli("plan", "swap", bench?.id as string, top[0]?.exercise_id as string);
    expect(swapped.code).toBe(0);
    const { rows } = await tdb.pool.query<{ swap_suggested: boolean }>(
      "SELECT swap_suggested FROM modular_training_exercise WHERE id = $1",
      [bench?.id],
    );
    expect(rows[0]?.swap_suggested).toBe(false);
    expect((await cli("plan", "show", planId)).stdout).not.toContain("swap suggested");
  });

  it("exits 2 naming the argument for a malformed id, and with the reason for a refused swap", async () => {
    const bad = await cli("plan", "swap", "not-a-uuid", "te_push_up");
    expect(bad.code).toBe(2);
    expect(firstLine(bad.stderr)).toContain("plan swap: <row-id>: must be a uuid");
    const missing = await cli("plan", "swap", newId(), "te_push_up");
    expect(missing.code).toBe(2);
    expect(firstLine(missing.stderr)).toContain("exerciseRowId: no exercise row");
    const none = await cli("plan", "alternatives", newId());
    expect(none.code).toBe(2);
    expect(firstLine(none.stderr)).toContain("no exercise row");

    const user = await createUser(tdb.pool);
    const planId = await planOf(tdb.pool, user, monday(-1), [{ exerciseId: "te_push_up" }], ["bodyweight"]);
    const [row] = await rowsOf(tdb.pool, planId);
    const refused = await cli("plan", "swap", row?.id as string, "te_barbell_bench_press");
    expect(refused.code).toBe(2);
    expect(firstLine(refused.stderr)).toContain(
      "needs barbell, bench, which the plan's request did not allow",
    );
  });
});

describe("exclude add|remove|list", () => {
  it("adds with a reason, lists, removes; the exercise then leaves the alternatives", async () => {
    const user = await createUser(tdb.pool);
    const planId = await planOf(tdb.pool, user, monday(-1), [{ exerciseId: "te_barbell_bench_press" }]);
    const [row] = await rowsOf(tdb.pool, planId);

    const added = await cli(
      "exclude",
      "add",
      "te_dumbbell_bench_press",
      "--user",
      user,
      "--reason",
      "injury",
    );
    expect(added.stderr).toBe("");
    expect(added.stdout).toContain("excluded te_dumbbell_bench_press");
    const listed = await cli("exclude", "list", "--user", user);
    expect(listed.stdout).toContain("te_dumbbell_bench_press");
    expect(listed.stdout).toContain("injury");
    expect((await cli("plan", "alternatives", row?.id as string)).stdout).not.toContain(
      "te_dumbbell_bench_press",
    );

    const removed = await cli("exclude", "remove", "te_dumbbell_bench_press", "--user", user);
    expect(removed.stdout).toContain("removed the exclusion");
    expect((await cli("exclude", "list", "--user", user)).stdout).toContain("(none)");
    expect((await cli("plan", "alternatives", row?.id as string)).stdout).toContain(
      "te_dumbbell_bench_press",
    );
  });

  it("exits 2 for a bad reason, an unknown exercise or user", async () => {
    const user = await createUser(tdb.pool);
    const reason = await cli("exclude", "add", "te_push_up", "--user", user, "--reason", "bored");
    expect(reason.code).toBe(2);
    expect(firstLine(reason.stderr)).toContain(
      "exclude add: --reason: must be one of injury, equipment, dislike",
    );
    const unknown = await cli("exclude", "add", "te_no_such", "--user", user);
    expect(unknown.code).toBe(2);
    expect(firstLine(unknown.stderr)).toContain("no exercise te_no_such in the catalogue");
    const nobody = await cli("exclude", "list", "--user", newId());
    expect(nobody.code).toBe(2);
    expect(firstLine(nobody.stderr)).toContain("no such user");
  });
});
