/**
 * Callers held open for a Webhook response (Make's help: https://help.make.com/webhooks): settled the moment
 * their Webhook response module runs, else when the run finishes, or by the response timeout (then Make
 * answers `200 Accepted`). Queued callers are keyed by queue item id; a caller whose request
 * runs at once without a queue row is held through `hold`.
 */
import type { WebhookResponse } from '../../engine/registry/define-module.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import { Deadlines } from './deadlines.ts';

export type WaitOutcome =
  | { kind: 'responded'; response: WebhookResponse }
  | { kind: 'finished'; record: ExecutionRecord }
  | { kind: 'timeout' };

type Settle = (outcome: WaitOutcome) => void;

export class Waiters {
  readonly #deadlines: Deadlines;
  readonly #pending = new Map<number, Settle>();

  constructor(responseTimeoutMs: number) {
    this.#deadlines = new Deadlines(responseTimeoutMs);
  }

  /** Waits for queue item `itemId`'s response, its run's end, or the timeout. */
  wait(itemId: number): Promise<WaitOutcome> {
    return this.hold((settle) => this.#pending.set(itemId, settle)).finally(() =>
      this.#pending.delete(itemId),
    );
  }

  /** Holds a caller: `start` gets the function that answers it; the timeout answers otherwise. */
  hold(start: (settle: Settle) => void): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const key = this.#deadlines.add(() => {
        settled = true;
        resolve({ kind: 'timeout' });
      });
      start((outcome) => {
        if (settled) return;
        settled = true;
        this.#deadlines.cancel(key);
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
    this.#deadlines.expireAll();
  }
}
