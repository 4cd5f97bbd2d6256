// The ten lifters of issue 22 as plan requests: the same list docs/sample-plans.md shows
// (scripts/sample-lifters.ts).

import { SAMPLES } from "../../scripts/sample-lifters.ts";
import type { PlanRequest } from "../../src/domain/plan/index.ts";

export const SAMPLE_LIFTERS: readonly PlanRequest[] = SAMPLES.map((s) => s.request);
