// Every benchmark `npm run bench` knows, in the order they run.
import type { Bench } from "./harness.ts";
import { insertFullPlanBench } from "./insert-full-plan.ts";
import { planLatencyBench } from "./plan-latency.ts";
import { planThroughputBench } from "./plan-throughput.ts";
import { progressBench } from "./progress.ts";
import { rlsReadBench } from "./rls-read.ts";
import { rolloverBench } from "./rollover.ts";
import { rolloverAbBench } from "./rollover-ab.ts";
import { swapAlternativesBench } from "./swap-alternatives.ts";

export const BENCHES: readonly Bench[] = [
  insertFullPlanBench,
  planThroughputBench,
  planLatencyBench,
  rlsReadBench,
  rolloverBench,
  rolloverAbBench,
  progressBench,
  swapAlternativesBench,
];
