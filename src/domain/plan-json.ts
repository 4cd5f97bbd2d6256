// The JSON that `insert_full_plan(p_user_id, p_plan_json)` accepts: exactly the seed's shape
// (docs/contract.md, "The seed"), plus optional keys the seed's columns already have room for (rir, weight,
// secondary_muscles, duration_minutes, notes, request_id). The generator produces it; the SQL
// function validates it again, because SQL clients call the function directly.

export interface PlanSlotJson {
  exercise_id: string | null;
  name: string;
  muscle_group: string;
  sets: number;
  /** "8-12" (a range) or "5" (a fixed target); other text is stored but not progressed. */
  reps: string;
  equipment: string;
  tier: string;
  order_in_session: number;
  rir?: number;
  weight?: number | null;
  secondary_muscles?: string[];
  /** "superset A": the rows of a session with the same mark alternate, resting after each round. */
  notes?: string;
}

export interface PlanSessionJson {
  day_name: string;
  /** YYYY-MM-DD, inside the plan's first week, on `day_of_week`. */
  date: string;
  /** 1 = Monday ... 7 = Sunday (ISO). */
  day_of_week: number;
  /** Comma-separated target muscles of the day. */
  focus_area: string;
  duration_minutes?: number;
  /** Defaults to the column default (1), as in the seed. */
  session_number?: number;
  slots: PlanSlotJson[];
}

export interface PlanJson {
  split_type: string;
  /** YYYY-MM-DD, a Monday. */
  week_start: string;
  goal_type?: string;
  experience_level?: string;
  notes?: string;
  request_id?: string;
  deload_every_weeks?: number | null;
  sessions: PlanSessionJson[];
}
