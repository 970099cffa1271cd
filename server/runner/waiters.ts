/**
 * Callers held open for a Webhook response (http-spec §1.5): keyed by queue item id, settled when
 * the item's execution is stored, or by the timeout (then Make answers `200 Accepted`).
 */
import type { ExecutionRecord } from '../../engine/runtime/record.ts';

export type WaitOutcome = { kind: 'finished'; record: ExecutionRecord } | { kind: 'timeout' };

export class Waiters {
  readonly #pending = new Map<number, (outcome: WaitOutcome) => void>();

  wait(itemId: number, timeoutMs: number): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(itemId);
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      timer.unref();
      this.#pending.set(itemId, (outcome) => {
        clearTimeout(timer);
        this.#pending.delete(itemId);
        resolve(outcome);
      });
    });
  }

  settle(itemIds: readonly number[], record: ExecutionRecord): void {
    for (const id of itemIds) this.#pending.get(id)?.({ kind: 'finished', record });
  }

  /** Releases every held caller with the timeout answer (server closing). */
  releaseAll(): void {
    for (const settle of [...this.#pending.values()]) settle({ kind: 'timeout' });
  }
}
