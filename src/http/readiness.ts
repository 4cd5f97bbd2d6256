// What /readyz answers (docs/contract.md section 6): ready while the database answers, pg-boss has
// started and the worker is not draining. main.ts flips `draining` in the signal handler itself,
// before the drain begins, so a load balancer stops sending work while running jobs finish.

/** How long /readyz waits for the database before calling it unreachable. */
const PROBE_TIMEOUT_MS = 2_000;

export type ReadinessReport = { ready: true } | { ready: false; reason: string };

export class Readiness {
  #probe: (() => Promise<unknown>) | undefined;
  #draining = false;

  /** pg-boss and every queue are up; `probe` runs a trivial query on the worker's pool. */
  markStarted(probe: () => Promise<unknown>): void {
    this.#probe = probe;
  }

  /** The first SIGTERM/SIGINT: not ready from now on, whatever the database says. */
  markDraining(): void {
    this.#draining = true;
  }

  get draining(): boolean {
    return this.#draining;
  }

  async check(): Promise<ReadinessReport> {
    if (this.#draining) return { ready: false, reason: "draining: shutting down" };
    const probe = this.#probe;
    if (!probe) return { ready: false, reason: "starting: pg-boss has not started yet" };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
            PROBE_TIMEOUT_MS,
          );
        }),
      ]);
      return this.#draining ? { ready: false, reason: "draining: shutting down" } : { ready: true };
    } catch (error) {
      return { ready: false, reason: `database unreachable: ${(error as Error).message}` };
    } finally {
      clearTimeout(timer);
    }
  }
}
