// enqueue_job (src/db/sql/enqueue_job.sql) writes pg-boss's job rows and NOTIFY itself: pg-boss 12
// has no SQL function that creates a job, and its documented SQL path (an INSERT naming only the
// queue) would take none of the queue's policy and wake no worker. So this fails when the
// installed pg-boss writes a job differently from enqueue_job: a job sent by pg-boss and one
// written by enqueue_job on the same queue must be the same row, column for column, and both must
// notify on the channel enqueue_job uses.
import pg from "pg";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBossSchemaVersion, BossSchemaVersionError, startBoss } from "../../src/boss.ts";
import { PLAN_QUEUE_OPTIONS } from "../../src/jobs/plan-generate/index.ts";
import { ensureQueue } from "../../src/jobs/runtime.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { waitFor } from "../helpers/wait.ts";

const QUEUE = "coupling.check";
// Differ by row on purpose (ids, payload) or by the clock; everything else must be equal.
const PER_JOB = new Set(["id", "data", "created_on", "start_after", "keep_until"]);

let tdb: TestDatabase;
let boss: PgBoss;
let listener: pg.Client;
const heard: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  boss = await startBoss(tdb.url, createLogger("silent"), { max: 2 });
  await ensureQueue(boss, QUEUE, { ...PLAN_QUEUE_OPTIONS, heartbeatSeconds: 30 });
  listener = new pg.Client({ connectionString: tdb.url });
  await listener.connect();
  const { rows } = await listener.query<{ channel: string }>(
    // The channel exactly as enqueue_job computes it.
    "SELECT 'pgboss_' || left(encode(sha224('pgboss'::bytea), 'hex'), 24) AS channel",
  );
  listener.on("notification", (n) => {
    if (n.payload) heard.push(n.payload);
  });
  await listener.query(`LISTEN "${rows[0]?.channel}"`);
});

afterAll(async () => {
  await listener?.end();
  await boss?.stop({ graceful: false, close: true });
  await tdb?.drop();
});

async function jobRow(id: string): Promise<Record<string, unknown>> {
  const { rows } = await tdb.pool.query<{ row: Record<string, unknown>; kept: string }>(
    "SELECT to_jsonb(j) AS row, (j.keep_until - j.start_after)::text AS kept FROM pgboss.job j WHERE j.id = $1",
    [id],
  );
  const found = rows[0];
  if (!found) throw new Error(`no job ${id}`);
  const shared = Object.fromEntries(Object.entries(found.row).filter(([column]) => !PER_JOB.has(column)));
  return { ...shared, retention: found.kept };
}

describe("enqueue_job against the installed pg-boss", () => {
  it("writes the row pg-boss's send writes, column for column, and notifies on pg-boss's channel", async () => {
    const sent = await boss.send(QUEUE, { n: 1 });
    await waitFor(async () => (heard.includes(QUEUE) ? true : undefined), {
      what: "pg-boss's NOTIFY on the channel enqueue_job uses",
    });
    heard.length = 0;
    const { rows } = await tdb.pool.query<{ id: string }>("SELECT public.enqueue_job($1, $2) AS id", [
      QUEUE,
      JSON.stringify({ n: 2 }),
    ]);
    const written = rows[0]?.id;
    expect(written).toBeTruthy();
    await waitFor(async () => (heard.includes(QUEUE) ? true : undefined), { what: "enqueue_job's NOTIFY" });
    expect(await jobRow(written as string)).toEqual(await jobRow(sent as string));
  });

  it("start-up refuses a pgboss schema of another version, in one line", async () => {
    await expect(assertBossSchemaVersion(boss)).resolves.toBeUndefined();
    await tdb.pool.query("UPDATE pgboss.version SET version = version + 1");
    try {
      const error = await assertBossSchemaVersion(boss).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BossSchemaVersionError);
      expect((error as Error).message).toMatch(
        /^pgboss schema version is 47, this code was written for 46: [^\n]+$/,
      );
    } finally {
      await tdb.pool.query("UPDATE pgboss.version SET version = version - 1");
    }
  });
});
