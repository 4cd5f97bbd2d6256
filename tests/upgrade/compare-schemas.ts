// Step 4 of .ci/upgrade-test: the upgraded database and a freshly migrated one must have the same
// schema. Reads both catalogs (schemas public, auth and drizzle; pgboss is pg-boss's own) and
// prints every difference: function definitions with their settings, owners and privileges,
// columns, indexes, constraints, policies, triggers, views, table options and privileges,
// sequences, types, extensions. Exits 1 on any difference, 0 when there is none.
// Usage: compare-schemas.ts <upgraded-url> <fresh-url>
import pg from "pg";

const [upgradedUrl, freshUrl] = process.argv.slice(2);
if (!upgradedUrl || !freshUrl) {
  process.stderr.write("usage: compare-schemas.ts <upgraded-url> <fresh-url>\n");
  process.exit(2);
}

const SCHEMAS = ["public", "auth", "drizzle"];

// Each query yields (key, value) rows; the key names the object, the value is what must be equal.
const CATALOG: Record<string, string> = {
  schema: `SELECT n.nspname AS key, concat_ws(' | ', pg_get_userbyid(n.nspowner), n.nspacl::text) AS value
    FROM pg_namespace n WHERE n.nspname = ANY($1)`,
  extension: `SELECT e.extname AS key, e.extversion || ' in ' || e.extnamespace::regnamespace AS value FROM pg_extension e WHERE cardinality($1::text[]) > 0`,
  function: `SELECT p.oid::regprocedure::text AS key,
      concat_ws(' | ', pg_get_functiondef(p.oid), p.proconfig::text, p.proacl::text, pg_get_userbyid(p.proowner),
        obj_description(p.oid, 'pg_proc')) AS value
    FROM pg_proc p WHERE p.pronamespace::regnamespace::text = ANY($1) AND p.prokind IN ('f', 'p', 'w')`,
  relation: `SELECT c.oid::regclass::text AS key,
      concat_ws(' | ', c.relkind, c.relpersistence, c.reloptions::text, c.relrowsecurity, c.relforcerowsecurity,
        c.relacl::text, pg_get_userbyid(c.relowner), c.relispartition, obj_description(c.oid, 'pg_class')) AS value
    FROM pg_class c WHERE c.relnamespace::regnamespace::text = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')`,
  column: `SELECT c.oid::regclass::text || '.' || a.attname AS key,
      concat_ws(' | ', a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
        a.attidentity, a.attgenerated, a.attcollation::regcollation::text, a.attacl::text,
        col_description(c.oid, a.attnum)) AS value
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace::regnamespace::text = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND a.attnum > 0 AND NOT a.attisdropped`,
  index: `SELECT i.schemaname || '.' || i.indexname AS key, i.indexdef AS value FROM pg_indexes i WHERE i.schemaname = ANY($1)`,
  constraint: `SELECT k.conrelid::regclass::text || ' ' || k.conname AS key,
      concat_ws(' | ', k.contype, pg_get_constraintdef(k.oid), k.condeferrable, k.condeferred, k.convalidated) AS value
    FROM pg_constraint k WHERE k.connamespace::regnamespace::text = ANY($1)`,
  policy: `SELECT p.schemaname || '.' || p.tablename || ' ' || p.policyname AS key,
      concat_ws(' | ', p.permissive, p.roles::text, p.cmd, p.qual, p.with_check) AS value
    FROM pg_policies p WHERE p.schemaname = ANY($1)`,
  trigger: `SELECT t.tgrelid::regclass::text || ' ' || t.tgname AS key,
      concat_ws(' | ', pg_get_triggerdef(t.oid), t.tgenabled) AS value
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND c.relnamespace::regnamespace::text = ANY($1)`,
  view: `SELECT c.oid::regclass::text AS key, pg_get_viewdef(c.oid) AS value
    FROM pg_class c WHERE c.relnamespace::regnamespace::text = ANY($1) AND c.relkind IN ('v', 'm')`,
  sequence: `SELECT s.schemaname || '.' || s.sequencename AS key,
      concat_ws(' | ', s.data_type, s.start_value, s.increment_by, s.max_value, s.cycle) AS value
    FROM pg_sequences s WHERE s.schemaname = ANY($1)`,
  type: `SELECT t.oid::regtype::text AS key,
      concat_ws(' | ', t.typtype, (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
        pg_get_userbyid(t.typowner), t.typacl::text) AS value
    FROM pg_type t WHERE t.typnamespace::regnamespace::text = ANY($1) AND t.typtype IN ('e', 'd', 'c')
      AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')`,
};

async function snapshot(url: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const entries = new Map<string, string>();
    for (const [kind, query] of Object.entries(CATALOG)) {
      const { rows } = await client.query<{ key: string; value: string | null }>(query, [SCHEMAS]);
      for (const row of rows) entries.set(`${kind} ${row.key}`, row.value ?? "");
    }
    return entries;
  } finally {
    await client.end();
  }
}

/** The first line where two values part, so a 150-line function prints one line of each side. */
function firstDifference(a: string, b: string): string {
  const as = a.split("\n");
  const bs = b.split("\n");
  const i = as.findIndex((line, n) => line !== bs[n]);
  const at = i === -1 ? as.length : i;
  return `  line ${at + 1} upgraded: ${as[at] ?? "(end)"}\n  line ${at + 1} fresh:    ${bs[at] ?? "(end)"}`;
}

const upgraded = await snapshot(upgradedUrl);
const fresh = await snapshot(freshUrl);
const differences: string[] = [];
for (const key of [...new Set([...upgraded.keys(), ...fresh.keys()])].sort()) {
  const a = upgraded.get(key);
  const b = fresh.get(key);
  if (a === b) continue;
  if (a === undefined) differences.push(`only in the fresh database: ${key}`);
  else if (b === undefined) differences.push(`only in the upgraded database: ${key}`);
  else differences.push(`differs: ${key}\n${firstDifference(a, b)}`);
}
const counts = Object.keys(CATALOG)
  .map((kind) => `${kind} ${[...fresh.keys()].filter((k) => k.startsWith(`${kind} `)).length}`)
  .join(", ");
if (differences.length > 0) {
  process.stderr.write(`schema comparison: ${differences.length} differences\n${differences.join("\n")}\n`);
  process.exit(1);
}
process.stdout.write(`schema comparison: upgraded = fresh (${counts})\n`);
