// Whether a failed statement is PostgreSQL refusing its data (which can be one tenant's, and so
// be set aside while the others go on) or the database or connection failing (everyone's).

/**
 * SQLSTATE classes that say the database or the connection failed, not the statement's data:
 * connection (08), transaction rollback (40: deadlock, serialization), insufficient resources
 * (53), operator intervention (57: shutdown, cancel), system error (58). Such a failure is
 * thrown as it is, and no user or plan is set aside for it.
 */
const NOT_THE_DATA = new Set(["08", "40", "53", "57", "58"]);

/** True when `error` is PostgreSQL refusing the statement's data (a user or plan can be blamed). */
export function isDataFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !NOT_THE_DATA.has(code.slice(0, 2));
}
