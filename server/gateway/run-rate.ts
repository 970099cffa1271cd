/**
 * "Maximum runs to start per minute" (`scheduling.maximum_runs_per_minute`; http-spec §1.5,
 * execution-spec §7): over it, a caller waiting for a Webhook response gets 429 instead of being
 * queued. Make's default is 100; we apply the limit only when the scheduling object sets it, so a
 * local server is not throttled by default (docs/fidelity.md). Queued (non-responding) runs are
 * not throttled yet.
 */
const WINDOW_MS = 60_000;

export class RunRateLimiter {
  readonly #starts = new Map<number, number[]>();

  /** Counts one run start for the scenario; false when the last minute already had `max`. */
  allow(scenarioId: number, max: number | undefined, nowMs: number): boolean {
    if (typeof max !== 'number' || max <= 0) return true;
    const recent = (this.#starts.get(scenarioId) ?? []).filter((at) => nowMs - at < WINDOW_MS);
    if (recent.length >= max) {
      this.#starts.set(scenarioId, recent);
      return false;
    }
    recent.push(nowMs);
    this.#starts.set(scenarioId, recent);
    return true;
  }
}
