import { defineConfig } from "drizzle-kit";

// Used by `drizzle-kit generate` only (never `push`: it drops policy clauses, docs/pitfalls.md).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
  // Generated migrations must not emit CREATE ROLE: roles come from the guarded bootstrap.
  entities: { roles: { provider: "supabase" } },
});
