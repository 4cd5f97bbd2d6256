// What `progress show` prints, read from the progress tables (never from the sets): the last
// weeks' e1RM per main lift, the latest week's hard sets per muscle, the latest records, and the
// goal and experience of the user's current plan (for the weekly set ranges).
import type pg from "pg";

export interface ProgressSummary {
  goal: string | null;
  experience: string | null;
  /** Newest last. */
  weeks: string[];
  /** The weeks (of `weeks`) in which one of the user's plans had a deload week: the e1RM chart marks them. */
  deloadWeeks?: string[];
  /** Main lifts only (prescribed as T1 in the window), most sets first: e1RM by week, null where none. */
  lifts: { key: string; name: string; e1rmByWeek: (number | null)[] }[];
  /** The latest week's hard sets by muscle. */
  muscles: { muscle: string; hardSets: number }[];
  records: { key: string; name: string; type: string; value: number; achievedAt: Date }[];
}

const PLAN = `SELECT p.goal_type, p.experience_level FROM public.modular_training_plan p
  WHERE p.user_id = $1 ORDER BY (p.status = 'active') DESC, p.week_start DESC LIMIT 1`;

const WEEKS = `SELECT DISTINCT p.week_start FROM public.progress_exercise_weekly p
  WHERE p.user_id = $1 ORDER BY p.week_start DESC LIMIT $2`;

// The window's main lifts (prescribed as T1 in any of the user's rows of those weeks), ranked by
// sets logged in the window. Only main lifts: an accessory (a cable crunch) never fills the list.
const LIFTS = `
  WITH window_rows AS (
    SELECT p.exercise_key, p.week_start, p.e1rm_kg, p.sets
    FROM public.progress_exercise_weekly p
    WHERE p.user_id = $1 AND p.week_start = ANY ($2::date[])
  ),
  main AS (
    SELECT DISTINCT coalesce(e.exercise_id, e.exercise_name) AS exercise_key
    FROM public.modular_training_week w
    JOIN public.modular_training_session s ON s.week_id = w.id
    JOIN public.modular_training_exercise e ON e.session_id = s.id
    WHERE w.user_id = $1 AND w.week_start = ANY ($2::date[]) AND e.tier = 'T1'
  ),
  ranked AS (
    SELECT r.exercise_key, sum(r.sets) AS sets
    FROM window_rows r JOIN main m USING (exercise_key)
    GROUP BY r.exercise_key
    ORDER BY sets DESC, r.exercise_key
    LIMIT $3
  )
  SELECT k.exercise_key, coalesce(x.name, k.exercise_key) AS name, k.sets,
         r.week_start, r.e1rm_kg
  FROM ranked k
  JOIN window_rows r USING (exercise_key)
  LEFT JOIN public.exrcwiki x ON x.exercise_id = k.exercise_key
  ORDER BY k.sets DESC, k.exercise_key, r.week_start`;

// A plan week counts for the progress week (a Monday) it falls in.
const DELOAD_WEEKS = `SELECT DISTINCT date_trunc('week', w.week_start)::date::text AS week_start
  FROM public.modular_training_week w
  WHERE w.user_id = $1 AND w.is_deload AND date_trunc('week', w.week_start)::date = ANY ($2::date[])`;

const MUSCLES = `SELECT m.muscle_group, m.hard_sets FROM public.progress_muscle_weekly m
  WHERE m.user_id = $1 AND m.week_start = $2 ORDER BY m.hard_sets DESC, m.muscle_group`;

const RECORDS = `SELECT r.exercise_key, coalesce(x.name, r.exercise_key) AS name, r.record_type, r.value, r.achieved_at
  FROM public.personal_record r LEFT JOIN public.exrcwiki x ON x.exercise_id = r.exercise_key
  WHERE r.user_id = $1 ORDER BY r.achieved_at DESC, r.exercise_key, r.record_type LIMIT $2`;

export async function readProgressSummary(
  pool: pg.Pool,
  userId: string,
  opts: { weeks?: number; lifts?: number; records?: number } = {},
): Promise<ProgressSummary> {
  const plan = await pool.query<{ goal_type: string; experience_level: string }>(PLAN, [userId]);
  const weekRows = await pool.query<{ week_start: string }>(WEEKS, [userId, opts.weeks ?? 6]);
  const weeks = weekRows.rows.map((r) => r.week_start).reverse();
  const lifts: ProgressSummary["lifts"] = [];
  let muscles: ProgressSummary["muscles"] = [];
  let deloadWeeks: string[] = [];
  if (weeks.length > 0) {
    const deloads = await pool.query<{ week_start: string }>(DELOAD_WEEKS, [userId, weeks]);
    deloadWeeks = weeks.filter((w) => deloads.rows.some((r) => r.week_start === w));
    const liftRows = await pool.query<{
      exercise_key: string;
      name: string;
      week_start: string;
      e1rm_kg: number;
    }>(LIFTS, [userId, weeks, opts.lifts ?? 5]);
    for (const row of liftRows.rows) {
      let lift = lifts.find((l) => l.key === row.exercise_key);
      if (!lift) {
        lift = { key: row.exercise_key, name: row.name, e1rmByWeek: weeks.map(() => null) };
        lifts.push(lift);
      }
      lift.e1rmByWeek[weeks.indexOf(row.week_start)] = row.e1rm_kg;
    }
    const muscleRows = await pool.query<{ muscle_group: string; hard_sets: number }>(MUSCLES, [
      userId,
      weeks[weeks.length - 1],
    ]);
    muscles = muscleRows.rows.map((r) => ({ muscle: r.muscle_group, hardSets: r.hard_sets }));
  }
  const recordRows = await pool.query<{
    exercise_key: string;
    name: string;
    record_type: string;
    value: number;
    achieved_at: Date;
  }>(RECORDS, [userId, opts.records ?? 10]);
  return {
    goal: plan.rows[0]?.goal_type ?? null,
    experience: plan.rows[0]?.experience_level ?? null,
    weeks,
    deloadWeeks,
    lifts,
    muscles,
    records: recordRows.rows.map((r) => ({
      key: r.exercise_key,
      name: r.name,
      type: r.record_type,
      value: r.value,
      achievedAt: r.achieved_at,
    })),
  };
}
