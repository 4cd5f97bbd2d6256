-- Hand-written: what Supabase would already have, created only where it is missing, so the
-- generated migrations that follow run unchanged on Supabase and on a plain PostgreSQL.
-- Roles are cluster-wide, so every CREATE ROLE is guarded and tolerates a concurrent creator.

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
--> statement-breakpoint
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT * FROM (VALUES ('anon', false), ('authenticated', false), ('service_role', true)) AS v(name, bypass)
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.name) THEN
      BEGIN
        IF r.bypass THEN
          EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT BYPASSRLS', r.name);
        ELSE
          EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', r.name);
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another database on this server created it first
      END;
    END IF;
    -- The migrating role must be able to SET ROLE to each (Supabase's postgres is a member of all three).
    IF NOT pg_has_role(current_user, r.name, 'MEMBER') THEN
      EXECUTE format('GRANT %I TO %I', r.name, current_user);
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS auth;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS auth.users (
  id uuid PRIMARY KEY,
  email varchar(255),
  raw_user_meta_data jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- auth.uid() as Supabase defines it: the JWT's sub, from the legacy per-claim setting or the
-- claims object. nullif() because a transaction-local setting reads '' after its transaction ends.
DO $$
BEGIN
  IF to_regprocedure('auth.uid()') IS NULL THEN
    CREATE FUNCTION auth.uid() RETURNS uuid
      LANGUAGE sql STABLE
      AS $fn$
        SELECT coalesce(
          nullif(current_setting('request.jwt.claim.sub', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
        )::uuid
      $fn$;
  END IF;
  IF to_regprocedure('auth.role()') IS NULL THEN
    CREATE FUNCTION auth.role() RETURNS text
      LANGUAGE sql STABLE
      AS $fn$
        SELECT coalesce(
          nullif(current_setting('request.jwt.claim.role', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
        )::text
      $fn$;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth.uid(), auth.role() TO anon, authenticated, service_role;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
