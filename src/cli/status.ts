// `status`: every pg-boss queue with its job counts by state, the schedules, and the dead-letter
// queues with their counts and the last few dead-lettered jobs' errors.
//
// The queue list and policies come from boss.getQueues(); its counts are a cache, so the counts by
// state are read exactly (src/db/queries/queues.ts, as the ops pages and /metrics read them).

import type pg from "pg";
import type { PgBoss, QueueResult } from "pg-boss";
import {
  countJobsByState,
  type DeadLetter,
  isInternalQueue,
  lastDeadLetters,
  noJobs,
  JOB_STATES as STATES,
} from "../db/queries/queues.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { STATUS } from "./command-specs.ts";
import { formatTable } from "./format-table.ts";

/** How many dead-lettered jobs per dead-letter queue `status` shows. */
export const LAST_DEAD_LETTERS = 5;

const oneLine = (s: string, max = 100) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const iso = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");

export async function loadStatus(boss: PgBoss, pool: pg.Pool) {
  const [allQueues, counts, schedules] = await Promise.all([
    boss.getQueues(),
    countJobsByState(pool),
    boss.getSchedules(),
  ]);
  const queues = allQueues.filter((q) => !isInternalQueue(q.name));
  const deadLetterNames = new Set(queues.map((q) => q.deadLetter).filter((d): d is string => !!d));
  const deadLetterQueues: { queue: QueueResult; sources: string[]; last: DeadLetter[] }[] = [];
  for (const q of queues) {
    if (!deadLetterNames.has(q.name)) continue;
    deadLetterQueues.push({
      queue: q,
      sources: queues.filter((s) => s.deadLetter === q.name).map((s) => s.name),
      last: await lastDeadLetters(pool, q.name, LAST_DEAD_LETTERS),
    });
  }
  return { queues, counts, schedules, deadLetterQueues };
}

export const status: CliCommand = {
  parse(argv) {
    parseFlags(STATUS, argv);
    return {};
  },
  async run(_args: Record<string, never>, ctx) {
    const boss = await ctx.boss();
    const { queues, counts, schedules, deadLetterQueues } = await loadStatus(boss, ctx.pool);
    const zero = noJobs();

    ctx.out(`queues (${queues.length})`);
    for (const line of formatTable(
      ["queue", "policy", ...STATES, "total", "dead letter"],
      queues.map((q) => {
        const c = counts.get(q.name) ?? zero;
        const total = STATES.reduce((sum, s) => sum + c[s], 0);
        return [q.name, q.policy, ...STATES.map((s) => c[s]), total, q.deadLetter ?? "-"];
      }),
      { indent: "  ", empty: "(no queues: no worker has started on this database yet)" },
    )) {
      ctx.out(line);
    }

    ctx.out("");
    ctx.out(`schedules (${schedules.length})`);
    for (const line of formatTable(
      ["queue", "key", "cron", "time zone", "last job"],
      schedules.map((s) => [s.name, s.key || "-", s.cron, s.timezone, s.lastJobId]),
      { indent: "  " },
    )) {
      ctx.out(line);
    }

    ctx.out("");
    ctx.out(`dead letters (${deadLetterQueues.length} queues)`);
    for (const line of formatTable(
      ["dead-letter queue", "for", "jobs", "waiting"],
      deadLetterQueues.map(({ queue, sources }) => {
        const c = counts.get(queue.name) ?? zero;
        return [
          queue.name,
          sources.join(", "),
          STATES.reduce((sum, s) => sum + c[s], 0),
          c.created + c.retry,
        ];
      }),
      { indent: "  " },
    )) {
      ctx.out(line);
    }
    for (const { queue, last } of deadLetterQueues) {
      if (last.length === 0) continue;
      ctx.out("");
      ctx.out(`  last ${last.length} in ${queue.name}`);
      for (const line of formatTable(
        ["dead-lettered", "source job", "error"],
        last.map((d) => [iso(d.createdOn), d.sourceId ?? d.id, oneLine(d.error)]),
        { indent: "    " },
      )) {
        ctx.out(line);
      }
    }
  },
};
