// The shared job runtime every queue runs on (src/jobs/runtime.ts): validation at the edge, one
// outcome per job whether the queue handles jobs one by one or a batch at once, and the settled
// batch reported to afterSettled. No database: runBatch is given jobs as pg-boss fetches them.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  PermanentJobError,
  type QueueDefinition,
  runBatch,
  type SettledJob,
} from "../../src/jobs/runtime.ts";
import { createLogger } from "../../src/logger.ts";

const logger = createLogger("silent");
const payload = z.strictObject({ n: z.number({ error: "must be a number" }) });
type Payload = z.infer<typeof payload>;
const job = (id: string, data: unknown, retryCount = 0) => ({ id, data, retryCount, retryLimit: 2 });

function definition(extra: Partial<QueueDefinition<Payload, { doubled: number }>>) {
  const settled: SettledJob<Payload, { doubled: number }>[] = [];
  const def: QueueDefinition<Payload, { doubled: number }> = {
    name: "runtime.check",
    queue: {},
    work: {},
    payload,
    afterSettled: async (jobs) => {
      settled.push(...jobs);
    },
    ...extra,
  };
  return { def, settled };
}

const batch = [job("a", { n: 2 }), job("b", { n: "x" }), job("c", { n: -1 }), job("d", { n: 0 })];

describe("runBatch", () => {
  it("settles each job of a batch handled one by one: completed, invalid, permanent, retried", async () => {
    const { def, settled } = definition({
      async handle({ n }) {
        if (n < 0) throw new PermanentJobError("n: must not be negative");
        if (n === 0) throw new Error("database went away");
        return { doubled: n * 2 };
      },
    });
    const results = await runBatch(def, batch, logger);
    expect(results).toEqual([
      { id: "a", status: "completed", output: { doubled: 4 } },
      { id: "b", status: "deadletter", output: { error: "n: must be a number" } },
      { id: "c", status: "deadletter", output: { error: "n: must not be negative" } },
      { id: "d", status: "failed", output: { error: "database went away" } },
    ]);
    expect(settled.map((s) => [s.job.id, s.payload, s.outcome.status])).toEqual([
      ["a", { n: 2 }, "completed"],
      ["b", undefined, "deadletter"],
      ["c", { n: -1 }, "deadletter"],
      ["d", { n: 0 }, "failed"],
    ]);
  });

  it("gives a batch handler only the valid jobs, and fails them all, to be retried, when it throws", async () => {
    const seen: string[] = [];
    const { def } = definition({
      async handleBatch(jobs) {
        seen.push(...jobs.map((j) => j.job.id));
        return jobs.map(({ payload: p }) => ({ status: "completed", output: { doubled: p.n * 2 } }));
      },
    });
    const results = await runBatch(def, batch, logger);
    expect(seen).toEqual(["a", "c", "d"]);
    expect(results.map((r) => r.status)).toEqual(["completed", "deadletter", "completed", "completed"]);

    const failing = definition({
      async handleBatch() {
        throw new Error("statement timeout");
      },
    });
    const failed = await runBatch(failing.def, batch, logger);
    expect(failed.map((r) => [r.status, r.output])).toEqual([
      ["failed", { error: "statement timeout" }],
      ["deadletter", { error: "n: must be a number" }],
      ["failed", { error: "statement timeout" }],
      ["failed", { error: "statement timeout" }],
    ]);
  });

  it("keeps the job results when afterSettled fails", async () => {
    const { def } = definition({
      handle: async ({ n }) => ({ doubled: n * 2 }),
      afterSettled: async () => {
        throw new Error("could not write rows");
      },
    });
    const results = await runBatch(def, [job("a", { n: 1 })], logger);
    expect(results).toEqual([{ id: "a", status: "completed", output: { doubled: 2 } }]);
  });
});
