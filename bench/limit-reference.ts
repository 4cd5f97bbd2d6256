// The limit reference every bench sets beside its figure: the plainest statement the server can
// run for the same rows, INSERT ... SELECT of exactly the rows the measured side wrote into
// look-alike tables (same columns, defaults, checks and indexes; no triggers, no foreign keys, no
// row-level security), in one transaction, committed. A figure then reads as a fraction of what
// this server can write at all; the difference is what the measured side does on top (reading
// and deciding, foreign-key checks, triggers, validation, round trips).
import type pg from "pg";

/** The plan tables, parents first. */
export const PLAN_TABLES = [
  "modular_training_plan",
  "modular_training_week",
  "modular_training_session",
  "modular_training_exercise",
] as const;
export type PlanTable = (typeof PLAN_TABLES)[number];

/** The look-alikes of `schema`'s tables live in bench_ref (public's) or bench_ref_<schema>. */
const refSchema = (schema: string) => (schema === "public" ? "bench_ref" : `bench_ref_${schema}`);
const refName = (table: string, schema = "public") => `${refSchema(schema)}.${table}`;

/**
 * Creates the look-alike tables in schema bench_ref (once per database). LIKE ... INCLUDING ALL
 * copies defaults, CHECK and NOT NULL constraints, indexes (primary and unique keys included),
 * identity and storage; it never copies triggers or foreign keys, and RLS stays off.
 */
export async function createLookAlikes(
  client: pg.ClientBase,
  tables: readonly string[],
  schema = "public",
): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${refSchema(schema)}`);
  for (const table of tables) {
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${refName(table, schema)} (LIKE ${schema}.${table} INCLUDING ALL)`,
    );
  }
}

/** Fills the look-alikes with a copy of the real tables (not timed), so their indexes are as large. */
export async function fillLookAlikes(client: pg.ClientBase, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await client.query(`TRUNCATE ${refName(table)}`);
    await client.query(`INSERT INTO ${refName(table)} SELECT * FROM public.${table}`);
  }
  await client.query(`ANALYZE ${tables.map((t) => refName(t)).join(", ")}`);
}

/**
 * The rows to copy: for each table, a query returning the ids of its rows the measured side wrote,
 * or "all" for every row of the table (tables without an id column, such as the progress tables).
 */
export type RowSelection = Partial<Record<string, { ids: string; params?: unknown[] } | "all">>;

/**
 * Times the reference: empties the look-alike tables and stages the rows to copy in temporary
 * tables (neither timed: staging reads the real tables, and how the planner finds a few
 * thousand rows among millions is not what the reference measures), then one committed
 * transaction of INSERT ... SELECT from the staged rows into the look-alikes, one statement per
 * table. By default the look-alikes start empty, so their indexes are small: a conservative
 * reference. With `empty: false` they keep what they hold: filled once with a copy of the real
 * tables (fillLookAlikes), the copy writes into indexes of the same size as the measured side
 * does. `schema` names the tables' schema (public, or seed for the seed's own tables). Returns the
 * transaction's milliseconds and the rows it copied.
 */
export async function timeLimitReference(
  client: pg.ClientBase,
  selection: RowSelection,
  opts: { empty?: boolean; schema?: string } = {},
): Promise<{ ms: number; rows: number }> {
  const schema = opts.schema ?? "public";
  const tables = Object.keys(selection);
  if (opts.empty ?? true) await client.query(`TRUNCATE ${tables.map((t) => refName(t, schema)).join(", ")}`);
  for (const table of tables) {
    const pick = selection[table];
    if (pick === undefined) continue;
    await client.query(`DROP TABLE IF EXISTS pg_temp.ref_rows_${table}`);
    if (pick === "all") {
      await client.query(`CREATE TEMP TABLE ref_rows_${table} AS SELECT * FROM ${schema}.${table}`);
      continue;
    }
    await client.query(`CREATE TEMP TABLE IF NOT EXISTS ref_ids_${table} (id uuid PRIMARY KEY)`);
    await client.query(`TRUNCATE pg_temp.ref_ids_${table}`);
    await client.query(`INSERT INTO pg_temp.ref_ids_${table} ${pick.ids}`, pick.params ?? []);
    await client.query(
      `CREATE TEMP TABLE ref_rows_${table} AS SELECT t.* FROM ${schema}.${table} t
       JOIN pg_temp.ref_ids_${table} i ON i.id = t.id`,
    );
  }
  const started = performance.now();
  let rows = 0;
  await client.query("BEGIN");
  try {
    for (const table of tables) {
      const r = await client.query(
        `INSERT INTO ${refName(table, schema)} SELECT * FROM pg_temp.ref_rows_${table}`,
      );
      rows += r.rowCount ?? 0;
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  return { ms: performance.now() - started, rows };
}

/**
 * Selection of a set of plans and everything under them (weeks, sessions, exercise rows), in
 * `schema`'s plan tables (public, or seed for the seed's own tables).
 */
export function plansAndChildren(
  planIdsSql: string,
  params: unknown[] = [],
  schema = "public",
): RowSelection {
  const plans = `SELECT id FROM ${schema}.modular_training_plan WHERE id IN (${planIdsSql})`;
  const weeks = `SELECT id FROM ${schema}.modular_training_week WHERE plan_id IN (${planIdsSql})`;
  const sessions = `SELECT s.id FROM ${schema}.modular_training_session s
    JOIN ${schema}.modular_training_week w ON w.id = s.week_id WHERE w.plan_id IN (${planIdsSql})`;
  const exercises = `SELECT e.id FROM ${schema}.modular_training_exercise e
    JOIN ${schema}.modular_training_session s ON s.id = e.session_id
    JOIN ${schema}.modular_training_week w ON w.id = s.week_id WHERE w.plan_id IN (${planIdsSql})`;
  return {
    modular_training_plan: { ids: plans, params },
    modular_training_week: { ids: weeks, params },
    modular_training_session: { ids: sessions, params },
    modular_training_exercise: { ids: exercises, params },
  };
}

/** Selection of the weeks given (by id) and their sessions and exercise rows: what a rollover step writes. */
export function weeksAndChildren(weekIdsSql: string, params: unknown[] = []): RowSelection {
  const weeks = `SELECT id FROM public.modular_training_week WHERE id IN (${weekIdsSql})`;
  const sessions = `SELECT id FROM public.modular_training_session WHERE week_id IN (${weekIdsSql})`;
  const exercises = `SELECT e.id FROM public.modular_training_exercise e
    JOIN public.modular_training_session s ON s.id = e.session_id WHERE s.week_id IN (${weekIdsSql})`;
  return {
    modular_training_week: { ids: weeks, params },
    modular_training_session: { ids: sessions, params },
    modular_training_exercise: { ids: exercises, params },
  };
}
