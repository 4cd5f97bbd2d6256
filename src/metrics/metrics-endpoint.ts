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
  const gauges = createDatabaseGauges(pool);
  const all = Registry.merge([processRegistry, gauges.upRegistry, gauges.registry]);
  // Without the database, its gauges are left out rather than shown as zeros.
  const withoutDatabase = Registry.merge([processRegistry, gauges.upRegistry]);
  return {
    contentType: all.contentType,
    async render() {
      // One read of the database per scrape, shared by every gauge.
      return (await gauges.refresh()) ? all.metrics() : withoutDatabase.metrics();
    },
  };
}
