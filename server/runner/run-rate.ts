/**
 * "Maximum runs to start per minute" (`scheduling.maximum_runs_per_minute`; Make's help:
 * https://help.make.com/webhooks, Make's help: https://help.make.com/schedule-a-scenario). Over it, a caller
 * waiting for a Webhook response gets 429 instead of being
 * queued, and queued webhook items wait in the queue until the minute has room again. Make's
 * default is 100; we apply the limit only when the scheduling object sets it, so a local server is
 * not throttled by default (docs/fidelity.md "Dev server").
 */
const WINDOW_MS = 60_000;

export class RunRateLimiter {
  readonly #starts = new Map<number, number[]>();

  /** Runs the scenario may still start now (Infinity when it sets no limit). */
  room(scenarioId: number, max: number | undefined, nowMs: number): number {
    if (typeof max !== 'number' || max <= 0) return Number.POSITIVE_INFINITY;
    return Math.max(0, max - this.#recent(scenarioId, nowMs).length);
  }

  /** Counts one run start. */
  started(scenarioId: number, max: number | undefined, nowMs: number): void {
    if (typeof max !== 'number' || max <= 0) return;
    this.#recent(scenarioId, nowMs).push(nowMs);
  }

  /** When the oldest start of the last minute leaves the window (ms), if the scenario is throttled. */
  freesAt(scenarioId: number, nowMs: number): number | undefined {
    const oldest = this.#recent(scenarioId, nowMs)[0];
    return oldest === undefined ? undefined : oldest + WINDOW_MS;
  }

  #recent(scenarioId: number, nowMs: number): number[] {
    const recent = (this.#starts.get(scenarioId) ?? []).filter((at) => nowMs - at < WINDOW_MS);
    this.#starts.set(scenarioId, recent);
    return recent;
  }
}
