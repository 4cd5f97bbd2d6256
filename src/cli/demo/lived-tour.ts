// `demo --weeks N`: a demo user, a plan from the real generator (four days, built for muscle),
// then N weeks lived: each week a modelled lifter (lifter-model.ts: true 1RM +1% a week, reps at
// each row's target RIR, RPE logged, soreness 1 and pump 1 on every trained muscle) logs the
// week, and the real rollover runs as of the next Monday, the date standing in for the clock (no
// waiting). Week 1 is N weeks back, so the last rolled week is this week. The tour ends with the
// weeks side by side (format-lived.ts) and the commands to look further.
import { randomUUID } from "node:crypto";
import { livedWeeks } from "../../db/queries/lived-weeks.ts";
import { createUser } from "../../db/queries/users.ts";
import { addDays, mondayOf, todayIn } from "../../domain/calendar.ts";
import { EQUIPMENT } from "../../domain/vocabulary.ts";
import type { CliContext } from "../context.ts";
import { formatLivedPlan } from "./format-lived.ts";
import { createModelLifter, DEFAULT_LIFTER } from "./lifter-model.ts";
import { generateLivedPlan, liveWeeks } from "./live-weeks.ts";

/** The lived demo's lifter: four days in a full gym, built for muscle, an intermediate. */
export const LIVED_REQUEST = {
  goal: "hypertrophy",
  experience: "intermediate",
  split: "auto",
  daysPerWeek: 4,
  sessionMinutes: 60,
  equipment: EQUIPMENT,
} as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function runLivedDemo(
  ctx: CliContext,
  weeks: number,
): Promise<{ userId: string; planId: string }> {
  const out = (label: string, text: string) => ctx.out(`${label.padEnd(10)}${text}`);
  const email = `demo-${randomUUID().slice(0, 8)}@example.test`;
  const userId = await createUser(ctx.pool, email);
  out("user", `${userId} (${email}), created in auth.users as \`user create\` does`);

  const today = todayIn(ctx.config.ROLLOVER_TZ, ctx.now());
  const firstWeek = addDays(mondayOf(today), -7 * weeks);
  const planId = await generateLivedPlan(ctx.pool, userId, { ...LIVED_REQUEST, weekStart: firstWeek });
  out(
    "plan",
    `${planId}: ${LIVED_REQUEST.daysPerWeek} days x ${LIVED_REQUEST.sessionMinutes} min, ${LIVED_REQUEST.goal}, ` +
      `${LIVED_REQUEST.experience}, full gym, from the plan generator; week 1 from ${firstWeek}`,
  );
  out(
    "lifter",
    `true 1RM +${DEFAULT_LIFTER.weeklyGain * 100}% a week, reps at each row's RIR, RPE logged, ` +
      `soreness ${DEFAULT_LIFTER.soreness} and pump ${DEFAULT_LIFTER.pump} on every trained muscle`,
  );
  const lifter = createModelLifter(DEFAULT_LIFTER);
  await liveWeeks(ctx.pool, {
    plans: [{ planId, lifter }],
    firstWeek,
    weeks,
    batchPlans: ctx.config.ROLLOVER_BATCH_PLANS,
    logger: ctx.logger,
    onWeek: (week, asOf, result) =>
      out(
        week === 1 ? "weeks" : "",
        `week ${week} logged; rollover as of ${asOf}: ${plural(result.weeksCreated, "week")} created ` +
          `for ${plural(result.plansRolled, "plan")}`,
      ),
  });
  ctx.out("");
  for (const line of formatLivedPlan(await livedWeeks(ctx.pool, planId))) ctx.out(line);
  ctx.out("");
  ctx.out("look further:");
  const further = [
    [`plan show ${planId}`, "every week, session and row"],
    [`progress refresh --user ${userId}`, "then `progress show --user ...` for the progress tables"],
  ];
  const width = Math.max(...further.map(([command]) => (command as string).length));
  for (const [command, why] of further)
    ctx.out(`  npm run cli -- ${(command as string).padEnd(width)}  # ${why}`);
  return { userId, planId };
}
