// Waiting until a full progress rebuild job is blocked on the advisory lock a test holds.
import type pg from "pg";
import { waitFor } from "./wait.ts";

/**
 * The lock every progress refresh and each batch of a full rebuild take shared first
 * (progress_lock_users.sql): held exclusively by a test, it keeps a rebuild job waiting.
 */
export const FULL_REBUILD_LOCK = 1886547815;

/**
 * Resolves once job `jobId` is active and a backend runs progress_rebuild waiting on an advisory
 * lock. Active alone is not enough: until its batch waits, a stop ends the job between batches
 * (JobStoppedError, to retry). Nor is any advisory wait: the worker's startup sweep of the same
 * mark waits on this lock too (through progress_refresh_marked), as one CI run showed.
 */
export function waitForRebuildOnLock(pool: pg.Pool, jobId: string): Promise<true> {
  return waitFor(
    async () => {
      const { rows } = await pool.query(
        `SELECT 1 FROM pgboss.job j WHERE j.id = $1 AND j.state = 'active'
           AND EXISTS (SELECT 1 FROM pg_stat_activity a
                       WHERE a.wait_event_type = 'Lock' AND a.wait_event = 'advisory'
                         AND a.datname = current_database() AND a.pid <> pg_backend_pid()
                         AND a.query LIKE '%progress_rebuild(%')`,
        [jobId],
      );
      return rows.length === 1 ? true : undefined;
    },
    { what: "the rebuild job to wait on the held lock", timeoutMs: 30_000 },
  );
}
