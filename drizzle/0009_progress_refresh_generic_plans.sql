-- Hand-written: a function setting, which Drizzle cannot express. The incremental refresh's
-- statements take arrays of a few marks; with the default plan_cache_mode each of the first five
-- calls on a connection re-plans them (custom plans, ~20 ms of planning per call against ~10 ms
-- of work). Their generic plans are the same index-driven nested loops, so use them at once.
ALTER FUNCTION public.progress_refresh_marked(uuid[]) SET plan_cache_mode = force_generic_plan;
