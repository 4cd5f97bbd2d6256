-- Ranked alternatives for one exercise row (contract section 7; docs/swap.md has the ranking).
-- Candidates: catalogue rows that can be a working set, sharing the row's movement pattern or its
-- primary muscle group (muscle_family: lats and middle back are one group, the back), on equipment the plan's request allowed (plan_allowed_equipment), at the lifter's
-- level (the plan's experience: expert rows for advanced lifters only, no advanced skills for
-- beginners, as the generator), never excluded by the lifter, never already in the same session.
-- Score: 1 for the same pattern and primary muscle group (so those always come first; not for the
-- same lift by another name, exercise_same_lift, which is no swap), plus weights after
-- Fitness Volt's similarity (pattern 0.30, primary muscle 0.20, muscle overlap as Jaccard 0.20,
-- force 0.10, mechanic 0.05, category 0.05), 0.05 for the same catalogue level (a swap keeps the
-- difficulty: a knee push-up for an incline push-up, not an archer push-up), minus 0.30 for an
-- Olympic or strongman lift offered for a row of another category, minus 0.20 for a raise of another
-- head of the deltoid (exercise_delt_head), minus 0.15 for a one-arm, one-leg or kneeling version
-- of a lift done standing with both, for a reverse-grip curl offered for a curl, and for a decline
-- press (or a side bend, twist or heel touch, or a fiddly triceps form) offered for another, minus
-- 1.00 for the same lift by another name (a "full" squat for a squat), plus 0.15 for a floor deadlift for a floor deadlift,
-- minus 0.15 for dumbbells or kettlebells for a barbell or machine squat or hinge (kettlebells for
-- any barbell or machine compound, and for a trained lifter's dumbbell press),
-- minus 0.10 for an exercise above a beginner's level and 0.10 more for a deficit, chains or bands
-- version, minus 0.10 for another setting of the movement (a seated calf raise for a standing one,
-- a kickback for an overhead extension, a flat press for an incline one), minus 0.15 for bodyweight
-- or band work offered for a loaded lift (kettlebells for a dumbbell, cable or machine isolation
-- lift), 0.15 more for a trained lifter's barbell lift (plus 0.05 back for a one-leg or one-arm
-- bodyweight version of a loaded isolation lift), minus 0.15 for a push press offered to a
-- hypertrophy lifter, a speed lift, or a floor press for a hypertrophy lifter's press, 0.10 for an
-- exercise the lifter
-- has logged before, 0.10 for loading closeness (the implement) and 0.10 for a name that shares
-- words (a variation of the same lift): a coach swaps a barbell bench press for a dumbbell or
-- incline one, not a band press.
-- SECURITY INVOKER: under row-level security a signed-in user sees alternatives only for their own
-- rows; another user's row id gives no rows.
CREATE OR REPLACE FUNCTION public.exercise_alternatives(p_row_id uuid, p_limit integer DEFAULT 4)
  RETURNS TABLE (exercise_id text, name text, equipment text, score real, reason text)
  LANGUAGE sql STABLE SECURITY INVOKER
  SET search_path = pg_catalog, public
AS $$
  -- src and near are materialised: the plan's allowed equipment is computed once, and the regular
  -- expressions of the working-set and skill tests run only on the near candidates (about a
  -- hundred), not on the whole catalogue (bench/RESULTS.md).
  WITH src AS MATERIALIZED (
    SELECT
      r.user_id,
      r.session_id,
      r.exercise_id AS old_id,
      coalesce(w.equipment, r.equipment) AS old_equipment,
      coalesce(w.name, r.exercise_name) AS old_name,
      ARRAY(SELECT DISTINCT t FROM regexp_split_to_table(lower(coalesce(w.name, r.exercise_name)), '[^a-z0-9]+') t
            WHERE t <> '') AS name_words,
      coalesce(w.muscle_group, r.muscle_group) AS primary_muscle,
      public.muscle_family(coalesce(w.muscle_group, r.muscle_group)) AS primary_family,
      coalesce(
        w.secondary_muscles,
        ARRAY(SELECT jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(r.secondary_muscles) = 'array' THEN r.secondary_muscles ELSE '[]'::jsonb END))
      ) AS secondary,
      public.exercise_pattern(w.movement_pattern, w.category, w.muscle_group, w.mechanic, w.force) AS pattern,
      w.force,
      w.mechanic,
      w.category,
      w.level,
      public.exercise_delt_head(coalesce(w.name, r.exercise_name), coalesce(w.muscle_group, r.muscle_group),
        public.exercise_pattern(w.movement_pattern, w.category, w.muscle_group, w.mechanic, w.force)) AS delt_head,
      p.experience_level,
      p.goal_type,
      public.plan_allowed_equipment(p.id) AS allowed
    FROM public.modular_training_exercise r
    JOIN public.modular_training_session s ON s.id = r.session_id
    JOIN public.modular_training_week wk ON wk.id = s.week_id
    JOIN public.modular_training_plan p ON p.id = wk.plan_id
    LEFT JOIN public.exrcwiki w ON w.exercise_id = r.exercise_id
    WHERE r.id = p_row_id
  ),
  near AS MATERIALIZED (
    SELECT c.exercise_id, c.name, c.equipment, c.requires, c.muscle_group, c.secondary_muscles, c.force,
           c.mechanic, c.category, c.level, cp.pattern, public.muscle_family(c.muscle_group) AS family,
           ARRAY(SELECT DISTINCT t FROM regexp_split_to_table(lower(c.name), '[^a-z0-9]+') t WHERE t <> '') AS name_words
    FROM src
    CROSS JOIN public.exrcwiki c
    CROSS JOIN LATERAL (SELECT public.exercise_pattern(c.movement_pattern, c.category, c.muscle_group,
                                                       c.mechanic, c.force) AS pattern) cp
    WHERE c.exercise_id IS DISTINCT FROM src.old_id
      AND (public.muscle_family(c.muscle_group) = src.primary_family OR cp.pattern = src.pattern)
      AND c.equipment = ANY (src.allowed)
      AND c.requires <@ src.allowed
      AND (src.experience_level = 'advanced' OR c.level <> 'expert')
  ),
  cand AS (
    SELECT
      c.exercise_id, c.name, c.equipment, c.requires, c.muscle_group, c.secondary_muscles,
      c.pattern,
      -- The same pattern, or between two glute exercises hip extension in either form (a hinge: a
      -- bridge, a hip thrust, a pull-through; a hip isolation exercise: a kickback), the glutes' own
      -- movement: a coach rejected a bodyweight kickback first for a cable kickback, where a cable
      -- pull-through keeps the load. The TypeScript twin: src/domain/swap/swap-movement.ts.
      src.pattern IS NOT NULL
        AND (c.pattern IS NOT DISTINCT FROM src.pattern
             OR (src.primary_muscle = 'glutes' AND c.muscle_group = 'glutes'
                 AND src.pattern IN ('hinge', 'hip_isolation') AND c.pattern IN ('hinge', 'hip_isolation')))
        AS same_pattern,
      -- What the reason names: "hip extension" where the two glute exercises' patterns differ.
      CASE WHEN c.pattern IS DISTINCT FROM src.pattern AND src.primary_muscle = 'glutes'
                AND c.muscle_group = 'glutes' AND src.pattern IN ('hinge', 'hip_isolation')
                AND c.pattern IN ('hinge', 'hip_isolation')
           THEN 'hip_extension' ELSE c.pattern END AS shown_pattern,
      c.family = src.primary_family AS same_primary,
      c.force IS NOT DISTINCT FROM src.force AS same_force,
      c.mechanic IS NOT DISTINCT FROM src.mechanic AS same_mechanic,
      c.category IS NOT DISTINCT FROM src.category AS same_category,
      c.level IS NOT DISTINCT FROM src.level AS same_level,
      -- An Olympic or strongman lift offered for a gym lift (a power clean for a deadlift): another
      -- discipline, with its own coaching, never the first thing to swap to.
      (c.category IN ('olympic_weightlifting', 'strongman') AND c.category IS DISTINCT FROM src.category)
        AS other_discipline,
      -- A raise of another head of the deltoid (a rear-delt fly for a lateral raise) trains other fibres.
      -- A row of a known head ranks a raise the name does not place (a pull-apart, a rotation) as another.
      src.delt_head IS NOT NULL AND public.exercise_delt_head(c.name, c.muscle_group, c.pattern) IS DISTINCT FROM src.delt_head
        AS other_delt_head,
      (SELECT count(*) FROM (SELECT unnest(c.secondary_muscles || c.muscle_group)
                             INTERSECT SELECT unnest(src.secondary || src.primary_muscle)) i)::real
        / (SELECT count(*) FROM (SELECT unnest(c.secondary_muscles || c.muscle_group)
                                 UNION SELECT unnest(src.secondary || src.primary_muscle)) u)::real AS overlap,
      EXISTS (SELECT 1 FROM public.progress_exercise_weekly pw
              WHERE pw.user_id = src.user_id AND pw.exercise_key = c.exercise_id) AS logged,
      -- How close the loading is: the same implement, then the same kind (free weights; machines
      -- and cables), then free weights for guided or back; bands and bodyweight load differently.
      CASE
        WHEN c.equipment = src.old_equipment THEN 1.0
        WHEN c.equipment IN ('barbell', 'ez_bar', 'dumbbell', 'kettlebell')
             AND src.old_equipment IN ('barbell', 'ez_bar', 'dumbbell', 'kettlebell') THEN 0.6
        WHEN c.equipment IN ('machine', 'cable') AND src.old_equipment IN ('machine', 'cable') THEN 0.6
        WHEN c.equipment IN ('barbell', 'ez_bar', 'dumbbell', 'kettlebell', 'machine', 'cable')
             AND src.old_equipment IN ('barbell', 'ez_bar', 'dumbbell', 'kettlebell', 'machine', 'cable') THEN 0.3
        ELSE 0
      END AS implement_closeness,
      -- A one-arm, one-leg or kneeling version for a compound lift done standing with both (a
      -- single-arm or half-kneeling press for a barbell overhead press) is much lighter and limited by
      -- balance: a coach would not offer it first. (Isolation raises and curls go one arm at a time.)
      (src.mechanic = 'compound'
        AND c.name ~* '\y(one|single)[- ]?(arm|leg|legged)\y|\yunilateral\y|\ykneeling\y'
        AND src.old_name !~* '\y(one|single)[- ]?(arm|leg|legged)\y|\yunilateral\y|\yalternat|\ykneeling\y')
        AS one_side,
      -- A decline press for a flat or incline one needs a decline bench and loses the angle; a side
      -- bend, twist or heel touch for other abdominal work is the weakest core choice (the generator
      -- ranks them last too: choose-exercise.ts, SIDE_BEND).
      -- A triceps extension on an incline bench or lying on a cable bench, a reverse-grip
      -- pushdown, a triceps kickback, a Tate press, a pullover (for chest work) or the cable iron cross is the
      -- fiddly or weaker form the generator ranks last too (FIDDLY_ISOLATION); a barbell rear-delt
      -- row, the bent-over row the generator leaves out beside face pulls and reverse flyes
      -- (excluded-exercises.ts), too.
      ((c.name ~* '\ydecline\y' AND src.old_name !~* '\ydecline\y')
        -- Dynamic-effort work (a speed box squat: 50-70% of a max, against bands by its
        -- instructions): not the heavy lift it stands in for (a coach's read).
        OR (c.name ~* '\yspeed\y' AND src.old_name !~* '\yspeed\y')
        -- A floor press for a hypertrophy lifter's press: the floor cuts the range short (a coach
        -- read a dumbbell floor press offered first for an incline dumbbell press).
        OR (src.goal_type = 'hypertrophy' AND c.name ~* '\yfloor press\y' AND src.old_name !~* '\yfloor press\y')
        OR (c.equipment = 'barbell' AND c.name ~* '\yrear[- ]delt rows?\y')
        OR (c.name ~* '\yside bends?\y|\ytwists?\y|\yheel touch'
            AND src.old_name !~* '\yside bends?\y|\ytwists?\y|\yheel touch')
        OR (c.name ~* '\yincline\y.*\ytriceps?\y|\ycable lying triceps\y|\yreverse[- ]grip\y.*\y(pushdown|push-down|extension)\y|\ytriceps? (dumbbell |cable )?kickbacks?\y|\ypullovers?\y|\yiron cross\y|\ylying\y.*\y(high pulley|cable curls?)\y|\ytate press\y'
            AND src.old_name !~* '\yincline\y.*\ytriceps?\y|\ycable lying triceps\y|\yreverse[- ]grip\y.*\y(pushdown|push-down|extension)\y|\ytriceps? (dumbbell |cable )?kickbacks?\y|\ypullovers?\y|\yiron cross\y|\ylying\y.*\y(high pulley|cable curls?)\y|\ytate press\y'))
        AS weaker_variant,
      -- A floor pull for a floor pull: a deadlift main lift swapped for a sumo, deficit or trap-bar
      -- deadlift keeps its start from the floor; a Romanian or stiff-legged deadlift is an accessory
      -- hinge (a coach's read; the generator's isFloorDeadlift, choose-exercise.ts).
      (src.old_name ~* '\ydeadlift' AND src.old_name !~* 'romanian|stiff|single|one[- ]leg'
        AND c.name ~* '\ydeadlift' AND c.name !~* 'romanian|stiff|single|one[- ]leg'
        AND src.pattern = 'hinge' AND c.pattern = 'hinge' AND c.equipment IN ('barbell', 'other'))
        AS floor_pull,
      -- Dumbbells or kettlebells for a barbell or machine squat or hinge: a pair of kettlebells cannot
      -- load an advanced lifter's front squat (a coach's read), and a beginner's squat outgrows them in
      -- weeks; a pause squat or a hack squat can. Presses and rows keep their dumbbell swaps.
      -- Kettlebells for any barbell or machine compound, a press too: they jump 4 kg at a time and
      -- stop where a trained lifter's press starts (a kettlebell press for an advanced lifter's
      -- barbell overhead press; the generator keeps kettlebell copies out where dumbbells exist).
      -- A trained lifter's dumbbell press too: a kettlebell press tied with the machine shoulder press
      -- for an advanced lifter's dumbbell shoulder press, and won on its name.
      ((src.mechanic = 'compound' AND src.old_equipment IN ('barbell', 'machine')
        AND ((src.pattern IN ('squat', 'hinge') AND c.equipment IN ('dumbbell', 'kettlebell'))
             OR c.equipment = 'kettlebell'))
       OR (src.mechanic = 'compound' AND src.old_equipment = 'dumbbell' AND c.equipment = 'kettlebell'
           AND src.experience_level <> 'beginner' AND src.pattern IN ('horizontal_push', 'vertical_push')))
        AS lighter_load,
      -- An exercise above a beginner's level for a beginner's row (an intermediate close-grip push-up
      -- for a beginner still on incline push-ups): the lifter's level before the row's. A deficit,
      -- chains or bands version of a barbell lift is above it too, whatever the file's level says (a
      -- deficit deadlift for a beginner's deadlift; both "intermediate" in free-exercise-db).
      (src.experience_level = 'beginner' AND c.level <> 'beginner') AS above_beginner,
      (src.experience_level = 'beginner'
        AND c.name ~* '\ydeficit\y|\ychains?\y|\ywith bands\y'
        AND src.old_name !~* '\ydeficit\y|\ychains?\y|\ywith bands\y')
        AS harder_variant,
      -- The same setting of the same movement first (a coach's read of the samples): a standing
      -- (straight-knee) calf raise for a standing one, not a seated one that moves the work to the
      -- soleus; an overhead triceps extension for an overhead one, not a kickback that loses the
      -- long head's stretch (the generator's arm angles, arm-angle.ts); an incline press for an
      -- incline one (the generator's pressAngleOf), where a flat press is often already in the session.
      ((src.pattern = 'calf_raise'
        AND (c.name ~* '\yseated\y|\ybent[- ]knee\y') IS DISTINCT FROM (src.old_name ~* '\yseated\y|\ybent[- ]knee\y'))
        OR (src.pattern = 'elbow_extension' AND c.pattern = 'elbow_extension'
            AND public.exercise_arm_angle(c.name, c.mechanic, c.pattern)
                IS DISTINCT FROM public.exercise_arm_angle(src.old_name, src.mechanic, src.pattern))
        OR (src.pattern = 'horizontal_push' AND c.pattern = 'horizontal_push' AND src.primary_family = 'chest'
            AND (c.name ~* '\yincline\y') IS DISTINCT FROM (src.old_name ~* '\yincline\y')))
        AS other_setting,
      -- A loaded lift offered as bodyweight work (a push-up for a strength lifter's bench press):
      -- the load the lifter trains with is gone (a ball bridge for a pull-through too). So it is, in
      -- small steps, for a band version of a loaded lift (a band pushdown for a cable one) and a
      -- kettlebell version of a dumbbell, cable or machine isolation lift (a kettlebell lateral raise
      -- for a machine one: 4 kg jumps), a coach's read of the samples.
      (src.old_equipment IN ('barbell', 'dumbbell', 'kettlebell', 'ez_bar', 'machine', 'cable')
        AND (c.equipment IN ('bodyweight', 'bands', 'exercise_ball')
             OR (c.equipment = 'kettlebell' AND src.mechanic = 'isolation'
                 AND src.old_equipment IN ('dumbbell', 'machine', 'cable'))))
        AS loses_load,
      -- More so for a trained lifter's barbell lift: an incline push-up for an intermediate strength
      -- lifter's incline bench press (a coach's read) trains a fraction of the load.
      (src.experience_level <> 'beginner' AND src.old_equipment = 'barbell'
        AND c.equipment IN ('bodyweight', 'bands', 'exercise_ball'))
        AS trained_loses_load,
      -- A loaded two-sided isolation lift offered as bodyweight work keeps more of its load one leg or
      -- arm at a time: a single-leg calf raise, not a two-leg one, for a barbell calf raise (a coach's
      -- read). A one-legged cable kickback gains nothing from a one-leg bridge.
      (src.mechanic = 'isolation'
        AND src.old_equipment IN ('barbell', 'dumbbell', 'kettlebell', 'ez_bar', 'machine', 'cable')
        AND c.equipment = 'bodyweight'
        AND c.name ~* '\y(one|single)[- ]?(arm|leg|legged)\y'
        AND src.old_name !~* '\y(one|single)[- ]?(arm|leg|legged)\y|\yunilateral\y|\yalternat')
        AS one_side_keeps_load,
      -- A push press for a hypertrophy lifter's press: the legs drive the bar the shoulders should.
      (src.goal_type = 'hypertrophy' AND c.name ~* '\ypush press\y' AND src.old_name !~* '\ypush press\y')
        AS leg_drive,
      -- A reverse-grip curl for a curl trains the forearms more than the biceps, with far less load.
      (src.pattern = 'elbow_flexion' AND 'reverse' = ANY (c.name_words) AND NOT 'reverse' = ANY (src.name_words))
        AS reverse_grip_curl,
      -- The same lift by another name (a "full" squat for a squat, a single-leg leg extension for the
      -- leg extension: exercise_same_lift): no swap for a busy station or a sore joint.
      public.exercise_same_lift(src.old_name, src.old_equipment, src.mechanic, c.name, c.equipment) AS same_lift,
      -- A variation of the same lift shares words of its name (bench, press, grip): Jaccard of the words.
      (SELECT count(*) FROM (SELECT unnest(c.name_words) INTERSECT SELECT unnest(src.name_words)) i)::real
        / greatest((SELECT count(*) FROM (SELECT unnest(c.name_words) UNION SELECT unnest(src.name_words)) u), 1)::real
        AS name_overlap
    FROM src
    CROSS JOIN near c
    WHERE NOT (src.experience_level = 'beginner' AND public.exercise_is_advanced_skill(c.name))
      AND public.exercise_is_working_set(c.name, c.category, c.force, c.equipment, c.pattern)
      AND NOT public.exercise_is_unsafe(c.name)
      AND NOT EXISTS (SELECT 1 FROM public.exercise_exclusion x
                      WHERE x.user_id = src.user_id AND x.exercise_id = c.exercise_id)
      AND NOT EXISTS (SELECT 1 FROM public.modular_training_exercise o
                      WHERE o.session_id = src.session_id AND o.exercise_id = c.exercise_id)
  ),
  scored AS (
    SELECT
      cand.*,
      ((same_pattern AND same_primary AND NOT same_lift)::int
        + 0.30 * same_pattern::int + 0.20 * same_primary::int + 0.20 * overlap
        + 0.10 * same_force::int + 0.05 * same_mechanic::int + 0.05 * same_category::int
        + 0.05 * same_level::int - 0.30 * other_discipline::int - 0.20 * other_delt_head::int
        + 0.10 * logged::int + 0.10 * implement_closeness + 0.10 * name_overlap
        - 0.15 * one_side::int - 0.15 * reverse_grip_curl::int - 0.15 * weaker_variant::int
        - 1.00 * same_lift::int + 0.15 * floor_pull::int - 0.15 * lighter_load::int
        - 0.10 * above_beginner::int - 0.10 * harder_variant::int - 0.10 * other_setting::int
        - 0.15 * loses_load::int - 0.15 * trained_loses_load::int + 0.05 * one_side_keeps_load::int - 0.15 * leg_drive::int)::real AS score
    FROM cand
  )
  SELECT
    s.exercise_id,
    s.name,
    s.equipment,
    s.score,
    concat_ws(', ',
      CASE WHEN s.same_pattern THEN 'same pattern (' ELSE 'other pattern (' END
        || replace(replace(replace(s.shown_pattern, 'horizontal_push', 'horizontal press'), 'vertical_push',
                           'vertical press'), '_', ' ') || ')',
      replace(array_to_string(s.muscle_group || s.secondary_muscles[1:2], ' + '), '_', ' '),
      replace(array_to_string(s.equipment || s.requires, ' + '), '_', ' '),
      CASE WHEN s.logged THEN 'logged before' END
    ) AS reason
  FROM scored s
  ORDER BY s.score DESC, s.name, s.exercise_id
  LIMIT least(greatest(coalesce(p_limit, 4), 0), 50)
$$;

REVOKE ALL ON FUNCTION public.exercise_alternatives(uuid, integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.exercise_alternatives(uuid, integer) TO authenticated, service_role;
