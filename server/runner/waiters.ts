/**
 * Callers held open for a Webhook response (http-spec §1.5): keyed by queue item id, settled the
 * moment the item's Webhook response module runs, else when its run finishes, or by the timeout
 * (then Make answers `200 Accepted`).
 */
import type { WebhookResponse } from '../../engine/registry/define-module.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';

export type WaitOutcome =
  | { kind: 'responded'; response: WebhookResponse }
  | { kind: 'finished'; record: ExecutionRecord }
  | { kind: 'timeout' };

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

  respond(itemId: number | undefined, response: WebhookResponse): void {
    if (itemId !== undefined) this.#pending.get(itemId)?.({ kind: 'responded', response });
  }

  settle(itemIds: readonly number[], record: ExecutionRecord): void {
    for (const id of itemIds) this.#pending.get(id)?.({ kind: 'finished', record });
  }

  /** Releases every held caller with the timeout answer (server closing). */
  releaseAll(): void {
    for (const settle of [...this.#pending.values()]) settle({ kind: 'timeout' });
  }
}
