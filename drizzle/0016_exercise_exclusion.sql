CREATE TABLE "exercise_exclusion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid DEFAULT auth.uid() NOT NULL,
	"exercise_id" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_exclusion_user_exercise_key" UNIQUE("user_id","exercise_id"),
	CONSTRAINT "exercise_exclusion_reason_check" CHECK ("exercise_exclusion"."reason" IS NULL OR "exercise_exclusion"."reason" IN ('injury', 'equipment', 'dislike'))
);
--> statement-breakpoint
ALTER TABLE "exercise_exclusion" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "modular_training_plan" ADD COLUMN "allowed_equipment" text[];--> statement-breakpoint
ALTER TABLE "exercise_exclusion" ADD CONSTRAINT "exercise_exclusion_user_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_exclusion" ADD CONSTRAINT "exercise_exclusion_exercise_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exrcwiki"("exercise_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "modular_training_plan" ADD CONSTRAINT "modular_training_plan_allowed_equipment_check" CHECK ("modular_training_plan"."allowed_equipment" IS NULL OR "modular_training_plan"."allowed_equipment" <@ ARRAY['barbell', 'dumbbell', 'kettlebell', 'cable', 'machine', 'bands', 'bodyweight', 'ez_bar', 'medicine_ball', 'exercise_ball', 'foam_roll', 'other', 'pullup_bar', 'bench']::text[]);--> statement-breakpoint
CREATE POLICY "exercise_exclusion_owner_select" ON "exercise_exclusion" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "exercise_exclusion_owner_insert" ON "exercise_exclusion" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "exercise_exclusion_owner_update" ON "exercise_exclusion" AS PERMISSIVE FOR UPDATE TO "authenticated" USING ("user_id" = (select auth.uid())) WITH CHECK ("user_id" = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "exercise_exclusion_owner_delete" ON "exercise_exclusion" AS PERMISSIVE FOR DELETE TO "authenticated" USING ("user_id" = (select auth.uid()));--> statement-breakpoint
-- Hand-written below (drizzle-kit does not write grants or data): the owner reads and writes their
-- exclusions with nothing but SQL, like the plan tables; the service does everything.
REVOKE ALL ON public.exercise_exclusion FROM anon, authenticated;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.exercise_exclusion TO authenticated;--> statement-breakpoint
GRANT ALL ON public.exercise_exclusion TO service_role;--> statement-breakpoint
-- Plans made from a plan_request row before this column existed: their request's equipment (a
-- request without it asked for a full gym, the contract's default). Other old plans stay null, and
-- alternatives fall back on the implements their rows use (docs/swap.md).
UPDATE public.modular_training_plan p
SET allowed_equipment = CASE
    WHEN jsonb_typeof(r.params -> 'equipment') = 'array'
      THEN ARRAY(SELECT jsonb_array_elements_text(r.params -> 'equipment'))
    ELSE ARRAY['barbell', 'dumbbell', 'kettlebell', 'cable', 'machine', 'bands', 'bodyweight', 'ez_bar',
               'medicine_ball', 'exercise_ball', 'foam_roll', 'other', 'pullup_bar', 'bench']
  END
FROM public.plan_request r
WHERE r.plan_id = p.id
  AND p.allowed_equipment IS NULL
  AND (jsonb_typeof(r.params -> 'equipment') IS DISTINCT FROM 'array'
       OR ARRAY(SELECT jsonb_array_elements_text(r.params -> 'equipment')) <@ ARRAY['barbell', 'dumbbell',
          'kettlebell', 'cable', 'machine', 'bands', 'bodyweight', 'ez_bar', 'medicine_ball', 'exercise_ball',
          'foam_roll', 'other', 'pullup_bar', 'bench']);
