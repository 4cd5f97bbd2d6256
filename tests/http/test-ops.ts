// The ops server as the HTTP tests start it: a free loopback port, a silent logger, and the test
// database's own pool attached, so the pages and gauges read what the test wrote.
import { type OpsService, startOpsService } from "../../src/http/ops-server.ts";
import { Readiness } from "../../src/http/readiness.ts";
import { createLogger } from "../../src/logger.ts";
import type { TestDatabase } from "../helpers/database.ts";
import { freePort } from "../helpers/scratch-postgres.ts";

export async function startTestOps(
  tdb: TestDatabase,
  opts: { token?: string; readiness?: Readiness } = {},
): Promise<{ ops: OpsService; base: string }> {
  const ops = await startOpsService({
    config: { HTTP_PORT: await freePort(), HTTP_HOST: "127.0.0.1", OPS_TOKEN: opts.token },
    logger: createLogger("silent"),
    readiness: opts.readiness ?? new Readiness(),
  });
  ops.attach({ pool: tdb.pool, databaseUrl: tdb.url });
  return { ops, base: ops.server?.url as string };
}
