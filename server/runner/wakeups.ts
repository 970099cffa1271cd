/**
 * Wake-ups for scenarios whose queued items wait for their runs-per-minute window
 * (run-rate.ts): one timer per scenario, fired when the window has room again, or all at once
 * when the scheduler ticks (a simulated clock moves without timers).
 */
export class Wakeups {
  readonly #timers = new Map<number, NodeJS.Timeout>();
  readonly #wake: (scenarioId: number) => void;

  constructor(wake: (scenarioId: number) => void) {
    this.#wake = wake;
  }

  has(scenarioId: number): boolean {
    return this.#timers.has(scenarioId);
  }

  /** Wakes the scenario in `delayMs` (real time). */
  arm(scenarioId: number, delayMs: number): void {
    const timer = setTimeout(
      () => {
        this.#timers.delete(scenarioId);
        this.#wake(scenarioId);
      },
      Math.max(0, delayMs),
    );
    timer.unref();
    this.#timers.set(scenarioId, timer);
  }

  /** Wakes every waiting scenario now. */
  wakeAll(): void {
    for (const scenarioId of [...this.#timers.keys()]) {
      clearTimeout(this.#timers.get(scenarioId));
      this.#timers.delete(scenarioId);
      this.#wake(scenarioId);
    }
  }

  clear(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
