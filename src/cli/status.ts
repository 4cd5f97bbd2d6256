// `status`: every pg-boss queue with its job counts by state, the schedules, and the dead-letter
// queues with their counts and the last few dead-lettered jobs' errors.
//
// The queue list and policies come from boss.getQueues(). Its counts are a cache the maintenance
// pass refreshes (and it has no completed/cancelled counts), so the counts by state are read
// exactly with one GROUP BY over pgboss.job, the parent of every queue's partition.

import type pg from "pg";
import type { PgBoss, QueueResult } from "pg-boss";
import { BOSS_SCHEMA } from "../boss.ts";
import { parseFlags } from "./args.ts";
import { type CliCommand, STATUS } from "./commands.ts";
import { formatTable } from "./format-table.ts";

const STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
type State = (typeof STATES)[number];

/** pg-boss's own queues (e.g. `__pgboss__send-it`) are left out of the listing. */
const isInternal = (name: string) => name.startsWith("__pgboss__");

/** How many dead-lettered jobs per dead-letter queue `status` shows. */
export const LAST_DEAD_LETTERS = 5;

export async function countJobsByState(pool: pg.Pool): Promise<Map<string, Record<State, number>>> {
  const { rows } = await pool.query<{ name: string; state: State; n: number }>(
    `SELECT name, state::text AS state, count(*)::int AS n FROM ${BOSS_SCHEMA}.job GROUP BY name, state`,
  );
  const counts = new Map<string, Record<State, number>>();
  for (const r of rows) {
    const c = counts.get(r.name) ?? {
      created: 0,
      retry: 0,
      active: 0,
      completed: 0,
      cancelled: 0,
      failed: 0,
    };
    c[r.state] = r.n;
    counts.set(r.name, c);
  }
  return counts;
}

export interface DeadLetter {
  id: string;
  sourceName: string | null;
  sourceId: string | null;
  createdOn: Date;
  error: string;
}

/** The last `limit` jobs of a dead-letter queue, newest first, with the error their source job ended with. */
export async function lastDeadLetters(pool: pg.Pool, queue: string, limit: number): Promise<DeadLetter[]> {
  const { rows } = await pool.query<{
    id: string;
    source_name: string | null;
    source_id: string | null;
    created_on: Date;
    output: unknown;
  }>(
    `SELECT id, source_name, source_id, created_on, coalesce(source_output, output) AS output
       FROM ${BOSS_SCHEMA}.job WHERE name = $1 ORDER BY created_on DESC, id DESC LIMIT $2`,
    [queue, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    sourceName: r.source_name,
    sourceId: r.source_id,
    createdOn: r.created_on,
    error: describeOutput(r.output),
  }));
}

function describeOutput(output: unknown): string {
  if (output === null || output === undefined) return "(no error recorded)";
  if (typeof output === "object" && "error" in output) {
    const error = (output as { error: unknown }).error;
    return typeof error === "string" ? error : JSON.stringify(error);
  }
  if (typeof output === "object" && "message" in output)
    return String((output as { message: unknown }).message);
  return JSON.stringify(output);
}

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
  const queues = allQueues.filter((q) => !isInternal(q.name));
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
    const zero = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };

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
