// GET /metrics: this process's counters and histograms plus the database gauges, in Prometheus
// text format.
import type pg from "pg";
import { Registry } from "prom-client";
import { createDatabaseGauges } from "./database-gauges.ts";
import { processRegistry } from "./process-metrics.ts";

export interface MetricsSource {
  contentType: string;
  render(): Promise<string>;
}

export function createMetricsSource(pool: pg.Pool): MetricsSource {
  const merged = Registry.merge([processRegistry, createDatabaseGauges(pool)]);
  return { contentType: merged.contentType, render: () => merged.metrics() };
}
