// Request-to-plan latency on the SQL path: a signed-in user inserts one plan_request row (as
// Supabase would: JWT claims in a transaction-local setting, SET LOCAL ROLE authenticated), and an
// idle, running worker turns it into a plan (issue 3, goals: median < 50 ms, p95 < 150 ms).
//
// Measured from the moment the INSERT's COMMIT returned to the client to the moment the row's
// status = 'succeeded' became visible. "Visible" is observed with LISTEN, not polling: for the run
// only, the bench database gets an AFTER UPDATE trigger on plan_request that NOTIFYs the row id when
// its status turns succeeded or failed. PostgreSQL delivers a notification when the writing
// transaction commits, so its arrival is the moment the status became visible, with no polling
// interval in the number and no polling load on the 2-core machine. One request at a time, with a
// pause between them, so the worker is idle when each arrives. After each request, its limit
// reference (bench/limit-reference.ts): INSERT ... SELECT of exactly the rows of the plan it made
// into empty look-alike tables without triggers or foreign keys, one transaction: the floor of writing
// one plan on this server.
import pg from "pg";
import { loadConfig } from "../src/config.ts";
import { nextMonday } from "../src/domain/calendar.ts";
import { GOALS } from "../src/domain/vocabulary.ts";
import { createLogger } from "../src/logger.ts";
import { startWorker } from "../src/worker.ts";
import { type Bench, fmt, median, percentile } from "./harness.ts";
import { createLookAlikes, PLAN_TABLES, plansAndChildren, timeLimitReference } from "./limit-reference.ts";

const SMALL = process.env.BENCH_SCALE === "small";
const REQUESTS = SMALL ? 20 : 200;
const WARMUP = 5;
const USERS = 10;
const PAUSE_MS = 25;
const TIMEOUT_MS = 10_000;
const CHANNEL = "bench_plan_request_done";

const NOTIFY_TRIGGER_SQL = `
CREATE FUNCTION public.bench_plan_request_done() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${CHANNEL}', NEW.id::text || ' ' || NEW.status);
  RETURN NULL;
END $$;
CREATE TRIGGER bench_plan_request_done AFTER UPDATE OF status ON public.plan_request
  FOR EACH ROW WHEN (NEW.status IN ('succeeded', 'failed') AND OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION public.bench_plan_request_done();
`;

function params(i: number) {
  return { daysPerWeek: 2 + (i % 5), goal: GOALS[i % GOALS.length], weekStart: nextMonday(new Date()) };
}

export const planLatencyBench: Bench = {
  id: "plan-latency",
  title: "plan_request latency: INSERT as a signed-in user to status succeeded, idle worker",
  async run(ctx) {
    const url = await ctx.freshDatabase("plan_latency");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(NOTIFY_TRIGGER_SQL);
    const { rows: userRows } = await admin.query<{ id: string }>(
      `INSERT INTO auth.users (id, email)
       SELECT gen_random_uuid(), 'latency-' || g || '@example.test' FROM generate_series(1, $1::int) g
       RETURNING id`,
      [USERS],
    );
    const users = userRows.map((r) => r.id);

    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent" });
    const worker = await startWorker({ url, config, logger: createLogger("silent") });

    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    const waiters = new Map<string, (done: { at: number; status: string }) => void>();
    const early = new Map<string, { at: number; status: string }>();
    listener.on("notification", (n) => {
      const at = performance.now();
      const [id = "", status = ""] = (n.payload ?? "").split(" ");
      const resolve = waiters.get(id);
      if (resolve) resolve({ at, status });
      else early.set(id, { at, status });
    });
    await listener.query(`LISTEN ${CHANNEL}`);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const latencies: number[] = [];
    const reference: number[] = [];
    await createLookAlikes(admin, PLAN_TABLES);
    const failures: string[] = [];
    const ids: string[] = [];
    try {
      for (let i = 0; i < WARMUP + REQUESTS; i++) {
        const userId = users[i % users.length] as string;
        await client.query("BEGIN");
        await client.query("SELECT set_config('request.jwt.claims', $1, true)", [
          JSON.stringify({ sub: userId, role: "authenticated" }),
        ]);
        await client.query("SET LOCAL ROLE authenticated");
        const { rows } = await client.query<{ id: string }>(
          "INSERT INTO public.plan_request (params) VALUES ($1::jsonb) RETURNING id",
          [JSON.stringify(params(i))],
        );
        const id = rows[0]?.id as string;
        const done = new Promise<{ at: number; status: string }>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`plan_request ${id}: no outcome in ${TIMEOUT_MS} ms`)),
            TIMEOUT_MS,
          );
          waiters.set(id, (d) => {
            clearTimeout(timer);
            resolve(d);
          });
        });
        await client.query("COMMIT");
        const committed = performance.now();
        const already = early.get(id);
        const outcome = already ?? (await done);
        waiters.delete(id);
        if (i >= WARMUP) {
          ids.push(id);
          if (outcome.status === "succeeded") {
            latencies.push(outcome.at - committed);
            const ref = await timeLimitReference(
              admin,
              plansAndChildren("SELECT plan_id FROM public.plan_request WHERE id = $1::uuid", [id]),
            );
            reference.push(ref.ms);
          } else failures.push(id);
        }
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
      // Where the time goes, from pg-boss's and the row's own timestamps (transaction start times,
      // so a diagnostic, not the measurement).
      const { rows: parts } = await admin.query<{ pickup: number; handle: number }>(
        `SELECT extract(epoch FROM j.started_on - j.created_on) * 1000 AS pickup,
                extract(epoch FROM r.finished_at - j.started_on) * 1000 AS handle
           FROM public.plan_request r
           JOIN pgboss.job j ON j.name = 'plan.generate' AND j.data ->> 'planRequestId' = r.id::text
          WHERE r.id = ANY($1::uuid[])`,
        [ids],
      );
      const pickup = parts.map((p) => Number(p.pickup));
      const handle = parts.map((p) => Number(p.handle));
      const p50 = median(latencies);
      const p95 = percentile(latencies, 95);
      const met = p50 < 50 && p95 < 150;
      return [
        `${REQUESTS} requests (after ${WARMUP} warm-up), one at a time with ${PAUSE_MS} ms between them, ` +
          `${USERS} users; each INSERTed by a client signed in as the user (request.jwt.claims, SET LOCAL ROLE ` +
          `authenticated). Latency: COMMIT returned -> NOTIFY from an AFTER UPDATE trigger (bench-only) on ` +
          `status = 'succeeded' arrived (delivered at the worker's commit, so no polling interval is included). ` +
          `Worker: startWorker with production settings (LISTEN/NOTIFY, the queue's notify, batch size ` +
          `${config.PLAN_BATCH_SIZE}). ${SMALL ? "**BENCH_SCALE=small: a smoke run, not a measurement.**" : ""}`,
        "",
        "| measure | median | p95 | max | samples |",
        "| --- | ---: | ---: | ---: | ---: |",
        `| request -> plan (ms) | **${fmt(p50, 1)}** | **${fmt(p95, 1)}** | ${fmt(Math.max(...latencies), 1)} | ${latencies.length} |`,
        `| of which: job created -> picked up (pg-boss timestamps, ms) | ${fmt(median(pickup), 1)} | ${fmt(percentile(pickup, 95), 1)} | ${fmt(Math.max(...pickup), 1)} | ${pickup.length} |`,
        `| of which: picked up -> row finished_at (ms) | ${fmt(median(handle), 1)} | ${fmt(percentile(handle, 95), 1)} | ${fmt(Math.max(...handle), 1)} | ${handle.length} |`,
        `| limit reference: INSERT ... SELECT of the request's plan rows into empty look-alike tables, one transaction (ms) | ${fmt(median(reference), 1)} | ${fmt(percentile(reference, 95), 1)} | ${fmt(Math.max(...reference), 1)} | ${reference.length} |`,
        "",
        `${failures.length} requests ended failed. The request takes ${fmt(p50 / median(reference), 1)}x the limit ` +
          "reference's time at the median: the rest is the trigger and pg-boss's pickup, generation, validation and " +
          "the round trips.",
        "",
        `Goal: median < 50 ms and p95 < 150 ms. **${met ? "Met" : "Not met"}**.`,
      ].join("\n");
    } finally {
      await client.end();
      await listener.end();
      await worker.stop(10_000);
      await admin.end();
    }
  },
};
