CREATE TABLE "exrcwiki" (
	"exercise_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"equipment" text NOT NULL,
	"muscle_group" text NOT NULL,
	"secondary_muscles" text[] DEFAULT '{}'::text[] NOT NULL,
	"level" text NOT NULL,
	"mechanic" text,
	"force" text,
	"category" text NOT NULL,
	"movement_pattern" text,
	"instructions" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text DEFAULT 'builtin' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exrcwiki_equipment_check" CHECK ("exrcwiki"."equipment" IS NULL OR "exrcwiki"."equipment" IN ('barbell', 'dumbbell', 'kettlebell', 'cable', 'machine', 'bands', 'bodyweight', 'ez_bar', 'medicine_ball', 'exercise_ball', 'foam_roll', 'other')),
	CONSTRAINT "exrcwiki_muscle_group_check" CHECK ("exrcwiki"."muscle_group" IS NULL OR "exrcwiki"."muscle_group" IN ('abdominals', 'abductors', 'adductors', 'biceps', 'calves', 'chest', 'forearms', 'glutes', 'hamstrings', 'lats', 'lower_back', 'middle_back', 'neck', 'quadriceps', 'shoulders', 'traps', 'triceps')),
	CONSTRAINT "exrcwiki_level_check" CHECK ("exrcwiki"."level" IN ('beginner', 'intermediate', 'expert')),
	CONSTRAINT "exrcwiki_mechanic_check" CHECK ("exrcwiki"."mechanic" IS NULL OR "exrcwiki"."mechanic" IN ('compound', 'isolation')),
	CONSTRAINT "exrcwiki_force_check" CHECK ("exrcwiki"."force" IS NULL OR "exrcwiki"."force" IN ('push', 'pull', 'static')),
	CONSTRAINT "exrcwiki_category_check" CHECK ("exrcwiki"."category" IN ('strength', 'powerlifting', 'olympic_weightlifting', 'strongman', 'plyometrics', 'stretching', 'cardio')),
	CONSTRAINT "exrcwiki_movement_pattern_check" CHECK ("exrcwiki"."movement_pattern" IS NULL OR "exrcwiki"."movement_pattern" IN ('squat', 'hinge', 'lunge', 'horizontal_push', 'vertical_push', 'horizontal_pull', 'vertical_pull', 'elbow_flexion', 'elbow_extension', 'shoulder_isolation', 'chest_isolation', 'knee_extension', 'knee_flexion', 'hip_isolation', 'calf_raise', 'core', 'carry', 'neck', 'forearm', 'shrug', 'mobility', 'conditioning'))
);
--> statement-breakpoint
ALTER TABLE "exrcwiki" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "modular_training_exercise" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v4() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"exercise_name" text NOT NULL,
	"muscle_group" text,
	"sets" integer NOT NULL,
	"reps" text NOT NULL,
	"rir" integer,
	"equipment" text,
	"tier" text,
	"target" text,
	"secondary_muscles" jsonb,
	"tips" jsonb,
	"instructions" text,
	"weight" real,
	"actual_reps" jsonb,
	"difficulty" integer,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"display_order" integer DEFAULT 0,
	"exercise_id" text,
	"order_in_session" integer DEFAULT 1,
	"miss_streak" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "modular_training_exercise_id_user_key" UNIQUE("id","user_id"),
	CONSTRAINT "modular_training_exercise_sets_check" CHECK ("modular_training_exercise"."sets" > 0),
	CONSTRAINT "modular_training_exercise_rir_check" CHECK ("modular_training_exercise"."rir" IS NULL OR "modular_training_exercise"."rir" BETWEEN 0 AND 10),
	CONSTRAINT "modular_training_exercise_weight_check" CHECK ("modular_training_exercise"."weight" IS NULL OR "modular_training_exercise"."weight" >= 0),
	CONSTRAINT "modular_training_exercise_difficulty_check" CHECK ("modular_training_exercise"."difficulty" IS NULL OR "modular_training_exercise"."difficulty" BETWEEN 1 AND 10),
	CONSTRAINT "modular_training_exercise_tier_check" CHECK ("modular_training_exercise"."tier" IS NULL OR "modular_training_exercise"."tier" IN ('T1', 'T2', 'T3')),
	CONSTRAINT "modular_training_exercise_order_check" CHECK ("modular_training_exercise"."order_in_session" IS NULL OR "modular_training_exercise"."order_in_session" >= 1),
	CONSTRAINT "modular_training_exercise_miss_streak_check" CHECK ("modular_training_exercise"."miss_streak" >= 0),
	CONSTRAINT "modular_training_exercise_equipment_check" CHECK ("modular_training_exercise"."equipment" IS NULL OR "modular_training_exercise"."equipment" IN ('barbell', 'dumbbell', 'kettlebell', 'cable', 'machine', 'bands', 'bodyweight', 'ez_bar', 'medicine_ball', 'exercise_ball', 'foam_roll', 'other')),
	CONSTRAINT "modular_training_exercise_muscle_group_check" CHECK ("modular_training_exercise"."muscle_group" IS NULL OR "modular_training_exercise"."muscle_group" IN ('abdominals', 'abductors', 'adductors', 'biceps', 'calves', 'chest', 'forearms', 'glutes', 'hamstrings', 'lats', 'lower_back', 'middle_back', 'neck', 'quadriceps', 'shoulders', 'traps', 'triceps'))
);
--> statement-breakpoint
ALTER TABLE "modular_training_exercise" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "modular_training_plan" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v4() NOT NULL,
	"user_id" uuid NOT NULL,
	"split_type" text NOT NULL,
	"week_start" date NOT NULL,
	"goal_type" text DEFAULT 'general_fitness' NOT NULL,
	"experience_level" text DEFAULT 'intermediate' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"notes" text,
	"request_id" uuid,
	"deload_every_weeks" integer DEFAULT 5,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "modular_training_plan_id_user_key" UNIQUE("id","user_id"),
	CONSTRAINT "modular_training_plan_request_key" UNIQUE("request_id"),
	CONSTRAINT "modular_training_plan_status_check" CHECK ("modular_training_plan"."status" IN ('active', 'paused', 'completed', 'archived')),
	CONSTRAINT "modular_training_plan_deload_check" CHECK ("modular_training_plan"."deload_every_weeks" IS NULL OR "modular_training_plan"."deload_every_weeks" BETWEEN 2 AND 12)
);
--> statement-breakpoint
ALTER TABLE "modular_training_plan" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "modular_training_session" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v4() NOT NULL,
	"week_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"day_label" text NOT NULL,
	"session_date" date NOT NULL,
	"day_of_week" integer NOT NULL,
	"focus_area" text NOT NULL,
	"session_number" integer DEFAULT 1 NOT NULL,
	"overall_difficulty" integer,
	"duration_minutes" integer,
	"completed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "modular_training_session_id_user_key" UNIQUE("id","user_id"),
	CONSTRAINT "modular_training_session_day_of_week_check" CHECK ("modular_training_session"."day_of_week" BETWEEN 1 AND 7),
	CONSTRAINT "modular_training_session_difficulty_check" CHECK ("modular_training_session"."overall_difficulty" IS NULL OR "modular_training_session"."overall_difficulty" BETWEEN 1 AND 10),
	CONSTRAINT "modular_training_session_number_check" CHECK ("modular_training_session"."session_number" >= 1),
	CONSTRAINT "modular_training_session_duration_check" CHECK ("modular_training_session"."duration_minutes" IS NULL OR "modular_training_session"."duration_minutes" > 0)
);
--> statement-breakpoint
ALTER TABLE "modular_training_session" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "modular_training_week" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v4() NOT NULL,
	"plan_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"week_number" integer NOT NULL,
	"week_start" date NOT NULL,
	"notes" text,
	"is_deload" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "modular_training_week_id_user_key" UNIQUE("id","user_id"),
	CONSTRAINT "modular_training_week_plan_number_key" UNIQUE("plan_id","week_number"),
	CONSTRAINT "modular_training_week_number_check" CHECK ("modular_training_week"."week_number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "modular_training_week" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "personal_record" (
	"user_id" uuid NOT NULL,
	"exercise_key" text NOT NULL,
	"record_type" text NOT NULL,
	"value" double precision NOT NULL,
	"set_id" uuid NOT NULL,
	"achieved_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personal_record_pkey" PRIMARY KEY("user_id","exercise_key","record_type"),
	CONSTRAINT "personal_record_type_check" CHECK ("personal_record"."record_type" IN ('e1rm', 'heaviest_weight', 'best_set_volume'))
);
--> statement-breakpoint
ALTER TABLE "personal_record" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid DEFAULT auth.uid() NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"plan_id" uuid,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "plan_request_status_check" CHECK ("plan_request"."status" IN ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "plan_request" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "progress_dirty" (
	"user_id" uuid NOT NULL,
	"exercise_key" text NOT NULL,
	"week_start" date NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_dirty_pkey" PRIMARY KEY("user_id","exercise_key","week_start")
);
--> statement-breakpoint
ALTER TABLE "progress_dirty" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "progress_exercise_weekly" (
	"user_id" uuid NOT NULL,
	"exercise_key" text NOT NULL,
	"week_start" date NOT NULL,
	"sets" integer NOT NULL,
	"reps" integer NOT NULL,
	"volume_kg" double precision NOT NULL,
	"top_set_kg" double precision NOT NULL,
	"e1rm_kg" double precision NOT NULL,
	"avg_rpe" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_exercise_weekly_pkey" PRIMARY KEY("user_id","exercise_key","week_start")
);
--> statement-breakpoint
ALTER TABLE "progress_exercise_weekly" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "progress_muscle_weekly" (
	"user_id" uuid NOT NULL,
	"muscle_group" text NOT NULL,
	"week_start" date NOT NULL,
	"hard_sets" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_muscle_weekly_pkey" PRIMARY KEY("user_id","muscle_group","week_start")
);
--> statement-breakpoint
ALTER TABLE "progress_muscle_weekly" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "training_set" (
	"id" uuid PRIMARY KEY DEFAULT uuid_generate_v4() NOT NULL,
	"exercise_row_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"set_no" smallint NOT NULL,
	"reps_done" smallint NOT NULL,
	"weight_kg" real NOT NULL,
	"rpe" smallint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_set_id_user_key" UNIQUE("id","user_id"),
	CONSTRAINT "training_set_set_no_check" CHECK ("training_set"."set_no" > 0),
	CONSTRAINT "training_set_reps_done_check" CHECK ("training_set"."reps_done" > 0),
	CONSTRAINT "training_set_weight_kg_check" CHECK ("training_set"."weight_kg" >= 0),
	CONSTRAINT "training_set_rpe_check" CHECK ("training_set"."rpe" IS NULL OR "training_set"."rpe" BETWEEN 6 AND 10)
);
--> statement-breakpoint
ALTER TABLE "training_set" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "modular_training_exercise" ADD CONSTRAINT "modular_training_exercise_session_fk" FOREIGN KEY ("session_id","user_id") REFERENCES "public"."modular_training_session"("id","user_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "modular_training_plan" ADD CONSTRAINT "modular_training_plan_user_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "modular_training_session" ADD CONSTRAINT "modular_training_session_week_fk" FOREIGN KEY ("week_id","user_id") REFERENCES "public"."modular_training_week"("id","user_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "modular_training_week" ADD CONSTRAINT "modular_training_week_plan_fk" FOREIGN KEY ("plan_id","user_id") REFERENCES "public"."modular_training_plan"("id","user_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "personal_record" ADD CONSTRAINT "personal_record_set_fk" FOREIGN KEY ("set_id","user_id") REFERENCES "public"."training_set"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_request" ADD CONSTRAINT "plan_request_user_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_request" ADD CONSTRAINT "plan_request_plan_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."modular_training_plan"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_set" ADD CONSTRAINT "training_set_exercise_row_fk" FOREIGN KEY ("exercise_row_id","user_id") REFERENCES "public"."modular_training_exercise"("id","user_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "exrcwiki_muscle_equipment_idx" ON "exrcwiki" USING btree ("muscle_group","equipment");--> statement-breakpoint
CREATE INDEX "modular_training_exercise_session_idx" ON "modular_training_exercise" USING btree ("session_id","order_in_session");--> statement-breakpoint
CREATE INDEX "modular_training_plan_user_status_idx" ON "modular_training_plan" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "modular_training_plan_active_idx" ON "modular_training_plan" USING btree ("id") WHERE "modular_training_plan"."status" = 'active';--> statement-breakpoint
CREATE INDEX "modular_training_session_week_idx" ON "modular_training_session" USING btree ("week_id","day_of_week");--> statement-breakpoint
CREATE INDEX "modular_training_week_user_start_idx" ON "modular_training_week" USING btree ("user_id","week_start");--> statement-breakpoint
CREATE INDEX "personal_record_user_recent_idx" ON "personal_record" USING btree ("user_id","achieved_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "personal_record_set_idx" ON "personal_record" USING btree ("set_id");--> statement-breakpoint
CREATE INDEX "plan_request_user_created_idx" ON "plan_request" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "plan_request_queued_idx" ON "plan_request" USING btree ("created_at") WHERE "plan_request"."status" IN ('queued', 'running');--> statement-breakpoint
CREATE INDEX "progress_dirty_marked_idx" ON "progress_dirty" USING btree ("marked_at");--> statement-breakpoint
CREATE INDEX "progress_exercise_weekly_user_recent_idx" ON "progress_exercise_weekly" USING btree ("user_id","week_start" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "progress_muscle_weekly_user_recent_idx" ON "progress_muscle_weekly" USING btree ("user_id","week_start" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "training_set_exercise_row_idx" ON "training_set" USING btree ("exercise_row_id","set_no");--> statement-breakpoint
CREATE INDEX "training_set_user_recent_idx" ON "training_set" USING btree ("user_id","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE POLICY "exrcwiki_read_signed_in" ON "exrcwiki" AS PERMISSIVE FOR SELECT TO "authenticated" USING (true);--> statement-breakpoint
CREATE POLICY "modular_training_exercise_owner_select" ON "modular_training_exercise" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_exercise_owner_insert" ON "modular_training_exercise" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_exercise_owner_update" ON "modular_training_exercise" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("user_id" = (select auth.uid())) WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_exercise_owner_delete" ON "modular_training_exercise" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_plan_owner_select" ON "modular_training_plan" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_plan_owner_insert" ON "modular_training_plan" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_plan_owner_update" ON "modular_training_plan" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("user_id" = (select auth.uid())) WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_plan_owner_delete" ON "modular_training_plan" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_session_owner_select" ON "modular_training_session" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_session_owner_insert" ON "modular_training_session" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_session_owner_update" ON "modular_training_session" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("user_id" = (select auth.uid())) WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_session_owner_delete" ON "modular_training_session" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_week_owner_select" ON "modular_training_week" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_week_owner_insert" ON "modular_training_week" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_week_owner_update" ON "modular_training_week" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("user_id" = (select auth.uid())) WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "modular_training_week_owner_delete" ON "modular_training_week" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "personal_record_owner_select" ON "personal_record" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("personal_record"."user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "plan_request_owner_select" ON "plan_request" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("plan_request"."user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "plan_request_owner_insert" ON "plan_request" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ("plan_request"."user_id" = (select auth.uid()) AND "plan_request"."status" = 'queued' AND "plan_request"."plan_id" IS NULL AND "plan_request"."error" IS NULL);--> statement-breakpoint
CREATE POLICY "progress_exercise_weekly_owner_select" ON "progress_exercise_weekly" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("progress_exercise_weekly"."user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "progress_muscle_weekly_owner_select" ON "progress_muscle_weekly" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("progress_muscle_weekly"."user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "training_set_owner_select" ON "training_set" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "training_set_owner_insert" ON "training_set" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "training_set_owner_update" ON "training_set" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("user_id" = (select auth.uid())) WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "training_set_owner_delete" ON "training_set" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("user_id" = (select auth.uid()));