/**
 * Run slots per scenario: how many runs are in flight — instant scenarios run queued items in
 * parallel, one at a time with `sequential` (Make's help: https://help.make.com/webhooks) — and how many
 * webhook runs the scenario may still start this minute (run-rate.ts).
 */
import { RunRateLimiter } from './run-rate.ts';

/** Parallel runs per instant scenario. Make does not document a cap; we choose 16. */
export const MAX_PARALLEL_RUNS = 16;

export class RunSlots {
  readonly rate = new RunRateLimiter();
  readonly #running = new Map<number, number>();

  running(scenarioId: number): number {
    return this.#running.get(scenarioId) ?? 0;
  }

  take(scenarioId: number): void {
    this.#running.set(scenarioId, this.running(scenarioId) + 1);
  }

  release(scenarioId: number): void {
    this.#running.set(scenarioId, Math.max(0, this.running(scenarioId) - 1));
  }

  /** Runs that may start now: the parallel cap less those running, within the per-minute limit. */
  free(scenarioId: number, limits: { sequential: boolean; perMinute?: number; nowMs: number }): number {
    const cap = limits.sequential ? 1 : MAX_PARALLEL_RUNS;
    const room = this.rate.room(scenarioId, limits.perMinute, limits.nowMs);
    return Math.max(0, Math.min(cap - this.running(scenarioId), room));
  }
}
