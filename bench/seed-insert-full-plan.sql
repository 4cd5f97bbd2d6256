-- The baseline: the seed's original insert_full_plan (docs/contract.md, "The seed"), unchanged but for living
-- in schema `seed` on the seed's own tables (their DDL as the seed gives it, minus RLS and the
-- foreign key to auth), so it is measured on the schema it was written for. The function names
-- its tables unqualified, as the seed does: call it on a connection whose search_path starts
-- with `seed`.
CREATE SCHEMA IF NOT EXISTS seed;
SET search_path = seed, public;

CREATE TABLE IF NOT EXISTS seed.modular_training_plan (
  id            UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  user_id       UUID NOT NULL,
  split_type    TEXT   NOT NULL,
  week_start    DATE   NOT NULL,
  goal_type     TEXT   NOT NULL DEFAULT 'general_fitness',
  experience_level TEXT NOT NULL DEFAULT 'intermediate',
  status        TEXT   NOT NULL DEFAULT 'active',
  notes         TEXT,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS seed.modular_training_week (
  id           UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  plan_id      UUID NOT NULL REFERENCES seed.modular_training_plan(id) ON DELETE CASCADE,
  week_number  INT  NOT NULL,
  week_start   DATE NOT NULL,
  notes        TEXT,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS seed.modular_training_session (
  id               UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  week_id          UUID NOT NULL REFERENCES seed.modular_training_week(id) ON DELETE CASCADE,
  day_label        TEXT NOT NULL,
  session_date     DATE NOT NULL,
  day_of_week      INT  NOT NULL,
  focus_area       TEXT NOT NULL,
  session_number   INT  NOT NULL DEFAULT 1,
  overall_difficulty INT,
  duration_minutes  INT,
  completed        BOOLEAN NOT NULL DEFAULT FALSE,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS seed.modular_training_exercise (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  session_id uuid NOT NULL REFERENCES seed.modular_training_session(id) ON DELETE CASCADE,
  exercise_name text, muscle_group text, sets integer, reps text, rir integer, equipment text,
  tier text, target text, secondary_muscles jsonb, tips jsonb, instructions text, weight real,
  actual_reps jsonb, difficulty integer, notes text, created_at timestamptz DEFAULT now(),
  display_order integer DEFAULT 0, exercise_id text, order_in_session integer DEFAULT 1
);

CREATE OR REPLACE FUNCTION seed.insert_full_plan(
  p_user_id UUID,
  p_plan_json JSONB
) RETURNS UUID
LANGUAGE plpgsql AS $$
DECLARE
  v_plan_id     UUID;
  v_week_id     UUID;
  v_session_id  UUID;
  v_week_start  DATE := (p_plan_json->>'week_start')::date;
  v_session     JSONB;
  v_slot        JSONB;
BEGIN
  -- 1. PLAN
  INSERT INTO modular_training_plan(
    user_id, split_type, week_start,
    goal_type, experience_level, status
  ) VALUES (
    p_user_id,
    p_plan_json->>'split_type',
    v_week_start,
    p_plan_json->>'goal_type',
    p_plan_json->>'experience_level',
    'active'
  ) RETURNING id INTO v_plan_id;

  -- 2. WEEK (wk#1)
  INSERT INTO modular_training_week(plan_id, week_number, week_start)
  VALUES (v_plan_id, 1, v_week_start)
  RETURNING id INTO v_week_id;

  -- 3. SESSIONS
  FOR v_session IN SELECT * FROM jsonb_array_elements(p_plan_json->'sessions') LOOP
    INSERT INTO modular_training_session(
      week_id, day_label, session_date, day_of_week, focus_area
    ) VALUES (
      v_week_id,
      v_session->>'day_name',
      (v_session->>'date')::date,
      (v_session->>'day_of_week')::int,
      v_session->>'focus_area'
    ) RETURNING id INTO v_session_id;

    -- 4. EXERCISES
    FOR v_slot IN SELECT * FROM jsonb_array_elements(v_session->'slots') LOOP
      INSERT INTO modular_training_exercise(
        session_id, exercise_id, exercise_name,
        muscle_group, sets, reps, equipment,
        tier, order_in_session
      ) VALUES (
        v_session_id,
        v_slot->>'exercise_id',
        v_slot->>'name',
        v_slot->>'muscle_group',
        (v_slot->>'sets')::int,
        v_slot->>'reps',
        v_slot->>'equipment',
        v_slot->>'tier',
        (v_slot->>'order_in_session')::int
      );
    END LOOP;
  END LOOP;

  RETURN v_plan_id;
END $$;

RESET search_path;
