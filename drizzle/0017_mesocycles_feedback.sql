CREATE TABLE "muscle_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid DEFAULT auth.uid() NOT NULL,
	"session_id" uuid NOT NULL,
	"muscle_group" text NOT NULL,
	"soreness" smallint,
	"pump" smallint,
	"joint_pain" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "muscle_feedback_session_muscle_key" UNIQUE("session_id","muscle_group"),
	CONSTRAINT "muscle_feedback_muscle_group_check" CHECK ("muscle_feedback"."muscle_group" IS NULL OR "muscle_feedback"."muscle_group" IN ('abdominals', 'abductors', 'adductors', 'biceps', 'calves', 'chest', 'forearms', 'glutes', 'hamstrings', 'lats', 'lower_back', 'middle_back', 'neck', 'quadriceps', 'shoulders', 'traps', 'triceps')),
	CONSTRAINT "muscle_feedback_soreness_check" CHECK ("muscle_feedback"."soreness" IS NULL OR "muscle_feedback"."soreness" BETWEEN 0 AND 3),
	CONSTRAINT "muscle_feedback_pump_check" CHECK ("muscle_feedback"."pump" IS NULL OR "muscle_feedback"."pump" BETWEEN 0 AND 3)
);
--> statement-breakpoint
ALTER TABLE "muscle_feedback" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "modular_training_exercise" ADD COLUMN "swap_suggested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "modular_training_week" ADD COLUMN "mesocycle" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "modular_training_week" ADD COLUMN "mesocycle_week" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "modular_training_week" ADD COLUMN "recovery_muscles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "muscle_feedback" ADD CONSTRAINT "muscle_feedback_session_fk" FOREIGN KEY ("session_id","user_id") REFERENCES "public"."modular_training_session"("id","user_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "modular_training_week" ADD CONSTRAINT "modular_training_week_mesocycle_check" CHECK ("modular_training_week"."mesocycle" >= 1 AND "modular_training_week"."mesocycle_week" >= 1);--> statement-breakpoint
CREATE POLICY "muscle_feedback_owner_select" ON "muscle_feedback" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "muscle_feedback_owner_insert" ON "muscle_feedback" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "muscle_feedback_owner_update" ON "muscle_feedback" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("user_id" = (select auth.uid())) WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "muscle_feedback_owner_delete" ON "muscle_feedback" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
-- Hand-written below (drizzle-kit does not write grants or data): the owner reads and writes their
-- feedback with nothing but SQL, like the plan tables; the service does everything.
REVOKE ALL ON public.muscle_feedback FROM anon, authenticated;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.muscle_feedback TO authenticated;--> statement-breakpoint
GRANT ALL ON public.muscle_feedback TO service_role;--> statement-breakpoint
-- Weeks written before mesocycles were recorded: a plan with a fixed deload interval ran blocks of
-- that many weeks (the deload last), so its weeks are numbered that way; a plan without deloads ran
-- one block from its first week.
UPDATE public.modular_training_week w
SET mesocycle = CASE WHEN p.deload_every_weeks >= 2 THEN (w.week_number - 1) / p.deload_every_weeks + 1 ELSE 1 END,
    mesocycle_week = CASE WHEN p.deload_every_weeks >= 2 THEN (w.week_number - 1) % p.deload_every_weeks + 1
                          ELSE least(w.week_number, 32767) END
FROM public.modular_training_plan p
WHERE p.id = w.plan_id AND w.week_number > 1;
