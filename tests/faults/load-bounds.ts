// The load and fuzz scenarios give one user thousands of plans and requests, far past what a lifter
// holds: they test the queue and the checks, not the bounds per user (which tests/db/user-bounds.test.ts
// and poisoned-tenant.fault.ts test). They lift the bounds on their own database, as an operator may.
import type pg from "pg";

export async function liftBoundsForLoad(pool: pg.Pool): Promise<void> {
  await pool.query(
    "UPDATE public.user_bounds SET max_active_plans = 1000000, max_plan_requests_per_hour = 1000000",
  );
}
