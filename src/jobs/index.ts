// Every queue the worker serves. A job module creates its queue(s), subscribes its worker and,
// where it has one, registers its schedule; main.ts calls each in turn.

import type { JobModule } from "./job-module.ts";
import { planGenerateJob } from "./plan-generate/index.ts";
import { planRolloverJob } from "./plan-rollover/index.ts";
import { planSwapJob } from "./plan-swap/index.ts";
import { progressRefreshJob } from "./progress-refresh/index.ts";

export type { JobModule, WorkerDeps } from "./job-module.ts";

export const JOB_MODULES: readonly JobModule[] = [
  planGenerateJob,
  planRolloverJob,
  progressRefreshJob,
  planSwapJob,
];
