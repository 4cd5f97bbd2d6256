-- The worker's least-privilege role: run once per database, as the owner that runs
-- `npm run db:migrate` (postgres), after the first migration:
--   psql "$OWNER_DATABASE_URL" -v ON_ERROR_STOP=1 -f docs/worker-role.sql
--   psql "$OWNER_DATABASE_URL" -c "ALTER ROLE training_worker PASSWORD '...'"
-- Then run `npm start` with MIGRATE_ON_START=false, and the CLI, with DATABASE_URL naming this role.
-- tests/worker/least-privilege.test.ts runs exactly this file (under another role name) and then
-- the worker and every CLI command as that role.
--
-- What the role gets, and why:
--  - LOGIN BYPASSRLS: the worker writes every user's plans and progress.
--  - service_role: the service's grants on the application tables and functions (drizzle/0002,
--    src/db/sql/), and read access to the migration journal (schema drizzle), which `npm start`
--    and the CLI check before they work. Nothing that creates, alters or drops.
--  - SELECT on auth.users: a plan request must name an existing user.
--  - the pgboss schema as owner: pg-boss creates and migrates its own tables there.
-- What it does not get: CREATE on the database or on schema public (PostgreSQL 15 and newer
-- grant PUBLIC no CREATE on public; on 14 or older revoke it), ownership of any application
-- object. So `npm run db:migrate` stays with the owner.
CREATE ROLE training_worker LOGIN BYPASSRLS;
GRANT service_role TO training_worker;
GRANT SELECT ON auth.users TO training_worker;
CREATE SCHEMA IF NOT EXISTS pgboss AUTHORIZATION training_worker;
-- enqueue_job (SECURITY DEFINER, owned by the migrating role) writes pg-boss's job tables, which
-- the worker's role creates and owns: the owner must be able to write them. A superuser owner can
-- already; this matters where it is not one (Supabase's postgres).
GRANT training_worker TO CURRENT_USER;
