// Why a lifter excludes an exercise (contract section 7): kept once, as the CHECK and the CLI's
// --reason flag both read it.
export const EXCLUSION_REASONS = ["injury", "equipment", "dislike"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
