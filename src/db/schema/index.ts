// The schema barrel drizzle-kit reads. Supabase's auth.users is imported only where a foreign key
// needs it, never re-exported here, or drizzle-kit would try to create it (docs/pitfalls.md).
export * from "./exercise-exclusion.ts";
export * from "./exrcwiki.ts";
export * from "./modular-training-exercise.ts";
export * from "./modular-training-plan.ts";
export * from "./modular-training-session.ts";
export * from "./modular-training-week.ts";
export * from "./muscle-feedback.ts";
export * from "./personal-record.ts";
export * from "./plan-request.ts";
export * from "./progress-dirty.ts";
export * from "./progress-exercise-weekly.ts";
export * from "./progress-muscle-weekly.ts";
export * from "./progress-refresh-failure.ts";
export * from "./training-set.ts";
export * from "./user-bounds.ts";
